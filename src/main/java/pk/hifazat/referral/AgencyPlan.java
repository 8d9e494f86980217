package pk.hifazat.referral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The agencies a case is referred to and, per agency, the agencies a declined referral goes to
 * next, in order (R-REFERRAL). Travels between transactions as JSON ({@link ReferralVariables}).
 */
record AgencyPlan(Map<String, List<String>> fallbacks) {

  AgencyPlan {
    fallbacks = Collections.unmodifiableMap(new LinkedHashMap<>(fallbacks));
  }

  /** {@code [POLICE, FIA, LEGAL_AID]}: the multi-instance collection, in the decision's order. */
  List<String> agencies() {
    return List.copyOf(fallbacks.keySet());
  }

  /**
   * Per agency that has fallbacks, where its declined referral goes next, in order:
   * {@code {POLICE: [DISTRICT_POLICE_OFFICER, JUSTICE_OF_PEACE], LEGAL_AID: [NGO_LEGAL_AID]}}.
   */
  Map<String, List<String>> fallbackChains() {
    Map<String, List<String>> chains = new LinkedHashMap<>();
    fallbacks.forEach((agency, next) -> {
      if (!next.isEmpty()) {
        chains.put(agency, next);
      }
    });
    return chains;
  }

  /** The agency after {@code agency} in its chain, if the chain goes on. */
  static Optional<String> nextAgency(Map<String, List<String>> fallbackChains, String agency) {
    if (fallbackChains == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> chain : fallbackChains.entrySet()) {
      List<String> order = new ArrayList<>();
      order.add(chain.getKey());
      order.addAll(chain.getValue());
      int at = order.indexOf(agency);
      if (at >= 0 && at + 1 < order.size()) {
        return Optional.of(order.get(at + 1));
      }
    }
    return Optional.empty();
  }

  /** {@code "A, B"} as [A, B]; blank parts are dropped. */
  static List<String> split(String text, String separator) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    Arrays.stream(text.split(Pattern.quote(separator)))
        .map(String::trim)
        .filter(part -> !part.isEmpty())
        .forEach(parts::add);
    return List.copyOf(parts);
  }

  // Referrals started before plans were JSON hold them as text (POLICE,FIA and
  // POLICE>DISTRICT_POLICE_OFFICER>JUSTICE_OF_PEACE;LEGAL_AID>NGO_LEGAL_AID); a deployed
  // database keeps them until those referrals end, so they are still read, never written.

  /** {@code POLICE,FIA} as [POLICE, FIA]. */
  static List<String> agenciesFromText(String agencies) {
    return split(agencies, ",");
  }

  /** {@code POLICE>DISTRICT_POLICE_OFFICER;LEGAL_AID>NGO_LEGAL_AID} as its chains. */
  static Map<String, List<String>> fallbackChainsFromText(String chains) {
    Map<String, List<String>> fallbacks = new LinkedHashMap<>();
    for (String chain : split(chains, ";")) {
      List<String> order = split(chain, ">");
      if (!order.isEmpty()) {
        fallbacks.putIfAbsent(order.get(0), order.subList(1, order.size()));
      }
    }
    return fallbacks;
  }
}
