package pk.hifazat.policy;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The policy page at {@code /policy/}: every pathway drawn with its deadlines and waiting cases,
 * dry runs, deployments and their history, over the pathways API. The diagram viewer (bpmn-js)
 * is bundled from {@code src/main/frontend/policy} by the build.
 */
@Configuration(proxyBeanMethods = false)
class PolicyPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/policy", "/policy/");
    registry.addViewController("/policy/").setViewName("forward:/policy/index.html");
  }
}
