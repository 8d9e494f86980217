package pk.hifazat.enginerest;

import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API, through its own door and the webapps' ({@code /camunda/api/engine}), with
 * the same answers to errors: the client's mistakes as 4xx problems, without values.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

  /** Our exception mappers, which take precedence over the engine's own, and request checks. */
  private static final Class<?>[] PROVIDERS = {FormRefusalMapper.class, ModelRefusalMapper.class,
      UnreadableBodyMapper.class, MisshapenBodyMapper.class, EngineFailureMapper.class,
      NegativePagingRefused.class};

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
   * The webapps' engine API is a Jersey servlet the webapp starter registers by name; it takes
   * further providers from an init parameter. Whichever initializer runs first, the servlet is
   * registered once, as the starter would, and carries our mappers and checks.
   */
  @Bean
  @ConditionalOnClass(CamundaBpmWebappInitializer.class)
  ServletContextInitializer webappEngineApiErrors(CamundaBpmProperties camunda) {
    String applicationPath = camunda.getWebapp().getApplicationPath();
    return servletContext -> {
      ServletRegistration engineApi = servletContext.getServletRegistration("Engine Api");
      if (engineApi == null) {
        engineApi = servletContext.addServlet("Engine Api", ServletContainer.class);
        engineApi.addMapping(applicationPath + "/api/engine/*");
        engineApi.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS,
            org.camunda.bpm.webapp.impl.engine.EngineRestApplication.class.getName());
      }
      engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
          Stream.of(PROVIDERS).map(Class::getName).collect(Collectors.joining(",")));
    };
  }
}
