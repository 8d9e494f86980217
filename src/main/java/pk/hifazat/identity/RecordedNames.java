package pk.hifazat.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether a text names the child or a parent as recorded in the case's identity: the identity
 * is decrypted here, on the server, and only the answer leaves (R-NO-DISCLOSURE). The comparison
 * ignores case, accents and marks, Unicode spellings and punctuation between the words.
 */
@Component
public class RecordedNames {

  /** Shorter name parts ("Ali" counts, "Al" does not) would warn about ordinary words. */
  private static final int SHORTEST_PART = 3;

  private final ChildIdentityRepository identities;
  private final IdentityCipher cipher;
  private final ObjectMapper json;

  RecordedNames(ChildIdentityRepository identities, IdentityCipher cipher, ObjectMapper json) {
    this.identities = identities;
    this.cipher = cipher;
    this.json = json;
  }

  /** True when any recorded name of the case's child or parents occurs in the text. */
  public boolean mentionedIn(String caseNumber, String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    ChildIdentity identity = identities.ciphertext(caseNumber)
        .map(stored -> read(caseNumber, stored)).orElse(null);
    if (identity == null) {
      return false;
    }
    List<String> names = new ArrayList<>();
    names.add(identity.name());
    if (identity.parents() != null) {
      names.addAll(identity.parents());
    }
    Set<String> words = new HashSet<>(words(text));
    String joined = String.join(" ", words(text));
    for (String name : names) {
      List<String> parts = words(name);
      if (!parts.isEmpty() && (" " + joined + " ").contains(" " + String.join(" ", parts) + " ")) {
        return true;
      }
      if (parts.stream().anyMatch(part -> part.length() >= SHORTEST_PART && words.contains(part))) {
        return true;
      }
    }
    return false;
  }

  private ChildIdentity read(String caseNumber, String stored) {
    try {
      return json.readValue(cipher.decrypt(caseNumber, stored), ChildIdentity.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The identity of case " + caseNumber + " is unreadable");
    }
  }

  /** Lower-case words without marks, in compatibility form: "ÁLI" and "Ali" are one word. */
  static List<String> words(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }
}
