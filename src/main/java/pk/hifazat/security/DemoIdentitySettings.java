package pk.hifazat.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The demo identity a newcomer logs in with; off in the {@code prod} profile. */
@ConfigurationProperties("hifazat.demo-identity")
record DemoIdentitySettings(@DefaultValue("true") boolean enabled, String password) {}
