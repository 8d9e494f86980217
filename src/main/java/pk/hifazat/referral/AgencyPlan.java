package pk.hifazat.referral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The agencies a case is referred to and, per agency, the agencies a declined referral goes to
 * next, in order (R-REFERRAL). Travels between transactions as two plain strings, because
 * Java-serialized variables are off.
 */
record AgencyPlan(Map<String, List<String>> fallbacks) {

  private static final String AGENCIES = ",";
  private static final String CHAINS = ";";
  private static final String NEXT = ">";

  AgencyPlan {
    fallbacks = Collections.unmodifiableMap(new LinkedHashMap<>(fallbacks));
  }

  /** {@code POLICE,FIA,LEGAL_AID}: the multi-instance collection, in the decision's order. */
  String agencies() {
    return String.join(AGENCIES, fallbacks.keySet());
  }

  /** {@code POLICE>DISTRICT_POLICE_OFFICER>JUSTICE_OF_PEACE;LEGAL_AID>NGO_LEGAL_AID}. */
  String fallbackChains() {
    return fallbacks.entrySet().stream()
        .filter(entry -> !entry.getValue().isEmpty())
        .map(entry -> entry.getKey() + NEXT + String.join(NEXT, entry.getValue()))
        .collect(Collectors.joining(CHAINS));
  }

  static List<String> agencies(String agencies) {
    return split(agencies, AGENCIES);
  }

  /** The agency after {@code agency} in its chain, if the chain goes on. */
  static Optional<String> nextAgency(String fallbackChains, String agency) {
    for (String chain : split(fallbackChains, CHAINS)) {
      List<String> order = split(chain, NEXT);
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
}
