package pk.hifazat.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The login page at {@code /login} for the dashboard and the policy page: a static form. */
@Configuration(proxyBeanMethods = false)
class LoginPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController(BrowserSession.LOGIN_PAGE)
        .setViewName("forward:" + BrowserSession.LOGIN_PAGE + "/index.html");
  }
}
