package pk.hifazat.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import pk.hifazat.support.CachedBodyRequest;

/**
 * The variables that decide who works a case and where (its district, the child's sex, the
 * candidate groups) are set at intake and never changed through the engine's doors: otherwise an
 * officer could send a girl's case to male officers (R-GIRL-FEMALE-CARE) or to another district.
 * Applies to the engine REST API and the webapps' engine API (Tasklist, Cockpit).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5)
class RoutingVariableGuard extends OncePerRequestFilter {

  static final Set<String> PROTECTED = Set.of("caseNumber", "province", "district", "childSex",
      "officersGroup", "femaleOfficersGroup", "supervisorsGroup", "agencyGroup", "inProtection");

  private static final Pattern NAMED_VARIABLE =
      Pattern.compile(".*/(?:variables|localVariables)/([^/]+)(?:/data)?$");

  private final ObjectMapper json;

  RoutingVariableGuard(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "GET".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())
        || !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Matcher named = NAMED_VARIABLE.matcher(request.getRequestURI());
    if (named.matches() && PROTECTED.contains(named.group(1))) {
      refuse(response, List.of(named.group(1)));
      return;
    }
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().contains("json")) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    List<String> touched = new ArrayList<>();
    try {
      collect(json.readTree(body), touched);
    } catch (IOException notJson) {
      // The engine answers malformed JSON itself.
    }
    if (!touched.isEmpty()) {
      refuse(response, touched);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** Protected names among the variables a body sets, modifies or deletes, at any depth. */
  private static void collect(JsonNode node, List<String> touched) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (String container : List.of("variables", "modifications", "processVariables",
          "localVariables")) {
        JsonNode values = node.get(container);
        if (values != null && values.isObject()) {
          values.fieldNames().forEachRemaining(name -> {
            if (PROTECTED.contains(name)) {
              touched.add(name);
            }
          });
        }
      }
      JsonNode deletions = node.get("deletions");
      if (deletions != null && deletions.isArray()) {
        deletions.forEach(name -> {
          if (PROTECTED.contains(name.asText())) {
            touched.add(name.asText());
          }
        });
      }
      node.elements().forEachRemaining(child -> collect(child, touched));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, touched));
    }
  }

  private void refuse(HttpServletResponse response, List<String> names) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json");
    json.writeValue(response.getOutputStream(), Map.of("type", "about:blank",
        "title", "Forbidden", "status", 403,
        "detail", "These variables decide who works the case and are set at intake only: "
            + String.join(", ", names.stream().distinct().toList())));
  }
}
