package pk.hifazat.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The facts that tell one child from another (names, birth year, B-form number), decrypted on the
 * server for the blind index of the matching module, and the keyed hash that index is made of.
 * Neither the facts nor the key ever leave the server (R-NO-DISCLOSURE).
 */
@Component
public class IdentityFacts {

  /** Hex digits of a blind key: 128 bits, more than enough to tell keys apart. */
  private static final int KEY_HEX = 32;

  private final ChildIdentityRepository identities;
  private final IdentityCipher cipher;
  private final ObjectMapper json;
  private final SecretKeySpec blindIndexKey;

  IdentityFacts(ChildIdentityRepository identities, IdentityCipher cipher, ObjectMapper json) {
    this.identities = identities;
    this.cipher = cipher;
    this.json = json;
    this.blindIndexKey = cipher.derived("blind index of identifying facts, v1");
  }

  /** The identifying facts recorded for the case, if any. */
  public Optional<Facts> of(String caseNumber) {
    return identities.ciphertext(caseNumber).map(stored -> {
      try {
        ChildIdentity identity =
            json.readValue(cipher.decrypt(caseNumber, stored), ChildIdentity.class);
        return new Facts(identity.name(),
            identity.parents() == null ? List.of() : List.copyOf(identity.parents()),
            identity.birthYear(), identity.bFormNumber());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("The identity of case " + caseNumber + " is unreadable");
      }
    });
  }

  /**
   * The keyed hash of a normalised fact under a key derived from the installation's key: equal
   * facts give equal keys on every node, and a key tells nothing of its fact without the
   * installation's key (a dictionary of names cannot be tried against a stolen index).
   */
  public String blindKey(String normalisedFact) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(blindIndexKey);
      return HexFormat.of().formatHex(mac.doFinal(
          normalisedFact.getBytes(StandardCharsets.UTF_8))).substring(0, KEY_HEX);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot compute a blind key", e);
    }
  }

  /** What tells a child apart; never logged, never answered to anyone. */
  public record Facts(String name, List<String> parents, Integer birthYear, String bFormNumber) {

    @Override
    public String toString() {
      return "Facts[withheld]";
    }
  }
}
