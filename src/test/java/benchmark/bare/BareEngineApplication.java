package benchmark.bare;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine the engine-cost benchmark compares Hifazat with: Camunda's Spring Boot starter
 * (REST API and webapps) and nothing else, as a team would run Camunda without Hifazat. Camunda's
 * authorization is on, the REST API asks for HTTP Basic through Camunda's own
 * {@link ProcessEngineAuthenticationFilter}, and history is full, as in Hifazat.
 *
 * <p>It lives outside {@code pk.hifazat} so that Hifazat's component scan never sees it; the
 * benchmark starts it in a JVM of its own with {@code -Dspring.config.name=bare-engine} (so that
 * Hifazat's {@code application.yaml} is not read) and every setting on the command line. Its
 * class path, Hifazat's, also holds Spring Security and Flyway, which a plain Camunda application
 * does not have: their auto-configuration is excluded on the command line.
 *
 * <p>System properties: {@code bare.model}, the BPMN file to deploy at start-up (the benchmark
 * generates it from a real Hifazat case); {@code bare.identity}, a properties file of {@code
 * user=group,group} (every user's password is {@code bare.password}); {@code bare.starter}, the
 * user who may start the process ({@code bare.processKey}).
 */
@SpringBootApplication
public class BareEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareEngineApplication.class, args);
  }

  /** HTTP Basic on the REST API, checked by the engine as Camunda's documentation sets it up. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider",
        HttpBasicAuthenticationProvider.class.getName());
    registration.setName("camunda-auth");
    return registration;
  }

  /** The users and groups of a Lahore case and the model, as Hifazat has them at start-up. */
  @Bean
  ApplicationRunner identityAndModel(IdentityService identity,
      AuthorizationService authorizations, RepositoryService repository) {
    return arguments -> {
      String password = System.getProperty("bare.password", "demo");
      Properties members = new Properties();
      try (Reader reader = Files.newBufferedReader(Path.of(System.getProperty("bare.identity")))) {
        members.load(reader);
      }
      for (String userId : members.stringPropertyNames()) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
          User user = identity.newUser(userId);
          user.setPassword(password);
          user.setFirstName(userId);
          user.setLastName("Benchmark");
          identity.saveUser(user);
        }
        for (String groupId : members.getProperty(userId).split(",")) {
          if (groupId.isBlank()) {
            continue;
          }
          if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
          }
          if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
          }
        }
      }
      // Who may report a case: start instances of the case process (tasks are granted by
      // Camunda's own default authorizations for candidate groups, as Hifazat's are).
      String starter = System.getProperty("bare.starter");
      String processKey = System.getProperty("bare.processKey");
      if (authorizations.createAuthorizationQuery().userIdIn(starter)
          .resourceType(Resources.PROCESS_DEFINITION).count() == 0) {
        Authorization definition = authorizations.createNewAuthorization(
            Authorization.AUTH_TYPE_GRANT);
        definition.setUserId(starter);
        definition.setResource(Resources.PROCESS_DEFINITION);
        definition.setResourceId(processKey);
        definition.addPermission(Permissions.READ);
        definition.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(definition);
        Authorization instance = authorizations.createNewAuthorization(
            Authorization.AUTH_TYPE_GRANT);
        instance.setUserId(starter);
        instance.setResource(Resources.PROCESS_INSTANCE);
        instance.setResourceId(Authorization.ANY);
        instance.addPermission(Permissions.CREATE);
        authorizations.saveAuthorization(instance);
      }
      Path model = Path.of(System.getProperty("bare.model"));
      repository.createDeployment().name("bare-benchmark").enableDuplicateFiltering(true)
          .addInputStream(model.getFileName().toString(), Files.newInputStream(model))
          .deploy();
    };
  }
}
