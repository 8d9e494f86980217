package pk.hifazat.security;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import pk.hifazat.area.AreaGroups;

/**
 * Programs call {@code /api/**} and {@code /engine-rest/**} with HTTP Basic credentials checked
 * against the Camunda identity; people use the dashboard and the policy page with a login session
 * and an XSRF token (the same identity and rules); the webapps keep their own login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /**
   * People in browsers: the pages, the login page, and the APIs when a request brings no
   * credentials of its own. Every change made with the session carries the XSRF token.
   */
  @Bean
  @Order(0)
  SecurityFilterChain browserSecurity(HttpSecurity http, IdentityService identityService,
      BrowserSession browser) throws Exception {
    return http
        .securityMatcher(BrowserSession.REQUESTS)
        .authorizeHttpRequests(requests -> rules(requests
            .requestMatchers(BrowserSession.LOGIN).permitAll()))
        // The same CamundaIdentityAuthenticationProvider as HTTP Basic: same lockout, same audit.
        .formLogin(form -> form.loginPage(BrowserSession.LOGIN_PAGE)
            .defaultSuccessUrl("/dashboard/"))
        .logout(logout -> logout.logoutUrl("/logout")
            .logoutSuccessUrl(BrowserSession.LOGIN_PAGE + "?logout")
            .deleteCookies("JSESSIONID"))
        .csrf(csrf -> csrf
            .csrfTokenRepository(browser.tokens())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(BrowserSession.CHANGE_WITH_SESSION))
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .requestCache(cache -> cache.requestCache(browser.requestCache()))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(browser.entryPoint())
            .accessDeniedHandler(browser.refusal("A change made with a login session must carry "
                + "the session's XSRF token in the " + BrowserSession.TOKEN_HEADER + " header")))
        .addFilterAfter(new BrowserSession.TokenCookieFilter(), CsrfFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
      BrowserSession browser) throws Exception {
    return http
        // Path matchers, not MVC ones: the engine REST API is a Jersey servlet, not Spring MVC.
        .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**"))
        .authorizeHttpRequests(SecurityConfiguration::rules)
        .httpBasic(basic -> basic.authenticationEntryPoint(new LoginRefusalEntryPoint()))
        // Programs send their credentials with each request: nothing rides on a session here,
        // except a credential a browser cached, which another site's page could make it send.
        .csrf(csrf -> csrf
            .csrfTokenRepository(browser.tokens())
            .requireCsrfProtectionMatcher(BrowserSession.CHANGE_FROM_ANOTHER_SITE))
        .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(browser.refusal(
            "A change sent by a browser from another site is refused")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  /** Who may call what, the same for a login session and for HTTP Basic. */
  private static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
      rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    return requests
        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
        .requestMatchers(paths("/actuator/**")).access(FIGURES_READER)
        .requestMatchers(paths("/api/pathways/**", "/policy/**"))
            .access(PATHWAY_EDITOR)
        .anyRequest().authenticated();
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
