package pk.hifazat.security;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the login throttle in front of the login doors that Spring Security does not see. */
@Configuration(proxyBeanMethods = false)
class LoginDoors {

  @Bean
  FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle,
      CamundaBpmProperties camunda) {
    String webappPath = camunda.getWebapp().getApplicationPath();
    FilterRegistrationBean<WebappLoginThrottle> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottle(throttle, webappPath));
    registration.addUrlPatterns(webappPath + "/api/admin/auth/user/*");
    // After the request context (the audit reads the address from it) and Spring Security.
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
