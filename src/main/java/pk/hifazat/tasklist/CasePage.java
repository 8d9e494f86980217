package pk.hifazat.tasklist;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The case record at {@code /case/?number=...}: a static page over {@code GET /api/cases/{n}},
 * which decides who may read the case (its district's officers, for a girl its female officers,
 * and its supervisors).
 */
@Configuration(proxyBeanMethods = false)
class CasePage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/case", "/case/");
    registry.addViewController("/case/").setViewName("forward:/case/index.html");
  }
}
