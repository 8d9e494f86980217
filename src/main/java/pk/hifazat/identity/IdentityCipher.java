package pk.hifazat.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a fresh nonce per write; the case number is bound in as associated data, so a
 * ciphertext copied onto another case does not decrypt.
 */
@Component
class IdentityCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final String keyId;
  private final SecureRandom random = new SecureRandom();

  IdentityCipher(IdentitySettings settings) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(settings.key() == null ? "" : settings.key().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("hifazat.identity.key is not base64");
    }
    if (raw.length != 32) {
      throw new IllegalStateException(
          "hifazat.identity.key must be 32 bytes (base64 of 32 random bytes)");
    }
    this.key = new SecretKeySpec(raw, "AES");
    this.keyId = settings.keyId();
  }

  String keyId() {
    return keyId;
  }

  /** An HMAC of a fixed text under the key: the same key gives the same value, on every node. */
  String fingerprint() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return HexFormat.of().formatHex(
          mac.doFinal("hifazat identity key fingerprint".getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot fingerprint the identity key", e);
    }
  }

  /**
   * A key of its own for {@code purpose}, derived from the installation's key (HMAC-SHA256 of the
   * purpose under it): a blind index keyed with it reveals nothing without the installation's
   * key, and never the key itself.
   */
  SecretKeySpec derived(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return new SecretKeySpec(mac.doFinal(("hifazat derived key: " + purpose)
          .getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot derive a key for " + purpose, e);
    }
  }

  String encrypt(String caseNumber, String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(caseNumber.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt an identity", e);
    }
  }

  /** Seals bytes under the installation key, bound to {@code context} (a case key, wrapped). */
  byte[] seal(String context, byte[] plain) {
    return sealWith(key, context, plain, random);
  }

  byte[] open(String context, byte[] sealed) {
    return openWith(key, context, sealed);
  }

  /** AES-256-GCM under any key: nonce first, then ciphertext and tag. */
  static byte[] openWith(SecretKeySpec key, String context, byte[] all) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SealBroken("Cannot open what was sealed for " + context);
    }
  }

  static byte[] sealWith(SecretKeySpec key, String context, byte[] plain, SecureRandom random) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal for " + context, e);
    }
  }

  String decrypt(String caseNumber, String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(caseNumber.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Cannot decrypt the identity of case " + caseNumber
          + " with key " + keyId);
    }
  }
}
