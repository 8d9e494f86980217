package pk.hifazat.tasklist;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The officers' report form at {@code /report/}: a static page that registers a report through
 * {@code POST /api/cases} with the login session, so with the API's own validation.
 */
@Configuration(proxyBeanMethods = false)
class ReportPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/report", "/report/");
    registry.addViewController("/report/").setViewName("forward:/report/index.html");
  }
}
