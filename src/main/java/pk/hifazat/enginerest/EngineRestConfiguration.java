package pk.hifazat.enginerest;

import jakarta.servlet.ServletRegistration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API, through its own door and the webapps' ({@code /camunda/api/engine}, and
 * the webapps' own APIs beside it), with the same answers to errors: the client's mistakes as 4xx
 * problems, without values.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

  /**
   * Our exception mappers, which take precedence over the engine's own, request checks, and the
   * engine's JSON reading back what it wrote.
   */
  private static final Class<?>[] PROVIDERS = {FormRefusalMapper.class, ModelRefusalMapper.class,
      UnreadableBodyMapper.class, MisshapenBodyMapper.class, EngineFailureMapper.class,
      NegativePagingRefused.class, TaskSentBackAsRead.class};

  @Bean
  CamundaJerseyResourceConfig engineRestConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        for (Class<?> provider : PROVIDERS) {
          register(provider);
        }
      }
    };
  }

  /**
   * The webapps' APIs (the engine's, and Cockpit's, Admin's, Tasklist's and the welcome page's
   * own) are Jersey servlets the webapp starter registers by name, under the names, paths and
   * applications below; each takes further providers from an init parameter. Whichever
   * initializer runs first, each servlet is registered once, as the starter would, and carries
   * our mappers and checks: a person with a webapp login reaches the engine through all of them.
   */
  @Bean
  @ConditionalOnClass(CamundaBpmWebappInitializer.class)
  ServletContextInitializer webappApiErrors(CamundaBpmProperties camunda) {
    String applicationPath = camunda.getWebapp().getApplicationPath();
    Map<String, WebappApi> apis = Map.of(
        "Engine Api", new WebappApi("engine", EngineRestApplication.class),
        "Cockpit Api", new WebappApi("cockpit", CockpitApplication.class),
        "Admin Api", new WebappApi("admin", AdminApplication.class),
        "Tasklist Api", new WebappApi("tasklist", TasklistApplication.class),
        "Welcome Api", new WebappApi("welcome", WelcomeApplication.class));
    String providers = Stream.of(PROVIDERS).map(Class::getName).collect(Collectors.joining(","));
    return servletContext -> apis.forEach((name, api) -> {
      ServletRegistration servlet = servletContext.getServletRegistration(name);
      if (servlet == null) {
        servlet = servletContext.addServlet(name, ServletContainer.class);
        servlet.addMapping(applicationPath + "/api/" + api.path() + "/*");
        servlet.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS,
            api.application().getName());
      }
      servlet.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, providers);
    });
  }

  /** A webapp API's path under {@code <application path>/api/} and its JAX-RS application. */
  private record WebappApi(String path, Class<?> application) {}
}
