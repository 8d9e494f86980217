package pk.hifazat.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts children's identities at rest: 32 bytes, base64, provided by the
 * installation ({@code HIFAZAT_IDENTITY_KEY}); {@code keyId} names it so a key can be rotated.
 */
@ConfigurationProperties("hifazat.identity")
record IdentitySettings(String key, String keyId) {}
