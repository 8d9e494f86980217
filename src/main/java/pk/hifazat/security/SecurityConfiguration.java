package pk.hifazat.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
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
        .securityMatcher("/api/**", "/engine-rest/**", "/actuator/**", "/dashboard/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/actuator/**").access(SecurityConfiguration::figuresReader)
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  /** Metrics are national figures: administrators, managers and policy staff read them. */
  private static AuthorizationDecision figuresReader(Supplier<Authentication> authentication,
      RequestAuthorizationContext context) {
    Authentication user = authentication.get();
    boolean allowed = user != null && user.isAuthenticated()
        && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .anyMatch(group -> group.equals(AreaGroups.ADMINISTRATORS)
                || group.equals(AreaGroups.POLICY_EDITORS) || group.startsWith("manager-"));
    return new AuthorizationDecision(allowed);
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
