package pk.hifazat.area;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the area module.
 *
 * @param districts the district registry, a CSV of {@code province,district} an installation can
 *     replace ({@code file:/etc/hifazat/districts.csv})
 */
@Validated
@ConfigurationProperties("hifazat")
record AreaSettings(@DefaultValue("classpath:districts.csv") @NotNull Resource districts) {}
