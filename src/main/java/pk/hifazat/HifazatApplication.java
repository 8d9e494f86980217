package pk.hifazat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hifazat: referral pathways for child victims of sale, trafficking and sexual exploitation. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HifazatApplication {

  public static void main(String[] args) {
    SpringApplication.run(HifazatApplication.class, args);
  }
}
