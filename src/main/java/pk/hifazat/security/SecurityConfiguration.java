package pk.hifazat.security;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * {@code /api/**} and {@code /engine-rest/**} answer only to HTTP Basic credentials checked
 * against the Camunda identity; the webapps keep their own login.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService)
      throws Exception {
    return http
        // Path matchers, not MVC ones: the engine REST API is a Jersey servlet, not Spring MVC.
        .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**", "/dashboard/**",
            "/policy/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
            .requestMatchers(paths("/actuator/**")).access(FIGURES_READER)
            .requestMatchers(paths("/api/pathways/**", "/policy/**"))
                .access(PATHWAY_EDITOR)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(new LoginRefusalEntryPoint()))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns)
        .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
        .toList());
  }

  /** Metrics are national figures: administrators, managers and policy staff read them. */
  private static final AuthorizationManager<RequestAuthorizationContext> FIGURES_READER =
      memberOf(group -> group.equals(AreaGroups.ADMINISTRATORS)
          || group.equals(AreaGroups.POLICY_EDITORS) || group.startsWith("manager-"));

  /** Pathways are changed by policy staff and administrators only. */
  private static final AuthorizationManager<RequestAuthorizationContext> PATHWAY_EDITOR =
      memberOf(group -> group.equals(AreaGroups.ADMINISTRATORS)
          || group.equals(AreaGroups.POLICY_EDITORS));

  /** Allows an authenticated user in at least one group that passes the test. */
  private static AuthorizationManager<RequestAuthorizationContext> memberOf(
      Predicate<String> group) {
    return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
      Authentication user = authentication.get();
      return new AuthorizationDecision(user != null && user.isAuthenticated()
          && user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(group));
    };
  }

  /** The Camunda webapps (Tasklist, Cockpit, Admin) authenticate their users themselves. */
  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .build();
  }
}
