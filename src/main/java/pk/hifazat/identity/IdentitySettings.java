package pk.hifazat.identity;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key that encrypts children's identities at rest: 32 bytes, base64, provided by the
 * installation ({@code HIFAZAT_IDENTITY_KEY}); {@code keyId} names it so a key can be rotated.
 */
@Validated
@ConfigurationProperties("hifazat.identity")
record IdentitySettings(@NotBlank String key, @NotBlank String keyId) {}
