package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import pk.hifazat.LocalPostgres;
import pk.hifazat.RunningApplication;

/** The production database: the service's engine runs on the mappings read ahead for it. */
@Tag("standalone")
class EngineMappingsOnPostgresTest {

  @Test
  void theServiceOnPostgresRunsOnTheMappingsReadForPostgres() throws Exception {
    try (LocalPostgres postgres = LocalPostgres.start();
        RunningApplication app = RunningApplication.start(
            "--spring.datasource.url=" + postgres.url(),
            "--spring.datasource.username=hifazat", "--spring.datasource.password=hifazat")) {
      ProcessEngine engine = app.bean(ProcessEngine.class);
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      EngineMappingsReading reading = app.bean(EngineMappingsReading.class);

      assertThat(reading.type()).isEqualTo("postgres");
      assertThat(reading.taken()).isTrue();
      assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
      // The statements read for PostgreSQL are the engine's: its pathways deployed and readable.
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey("childProtectionCase").latestVersion().count()).isEqualTo(1);
      assertThat(app.get("/api/me", "cpo.lahore.f", "demo").statusCode()).isEqualTo(200);
    }
  }
}
