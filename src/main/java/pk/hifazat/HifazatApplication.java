package pk.hifazat;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import pk.hifazat.support.EngineMappingsReadAhead;

/** Hifazat: referral pathways for child victims of sale, trafficking and sexual exploitation. */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@EnableScheduling
public class HifazatApplication {

  public static void main(String[] args) {
    service().run(args);
  }

  /** The application as the service starts: the engine's SQL mappings read while Spring starts. */
  public static SpringApplicationBuilder service() {
    return new SpringApplicationBuilder(HifazatApplication.class)
        .initializers(new EngineMappingsReadAhead());
  }
}
