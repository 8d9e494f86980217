package pk.hifazat.statistics;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The statistics page at {@code /statistics/}: a static page over the statistics API. */
@Configuration(proxyBeanMethods = false)
class StatisticsPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/statistics", "/statistics/");
    registry.addViewController("/statistics/").setViewName("forward:/statistics/index.html");
  }
}
