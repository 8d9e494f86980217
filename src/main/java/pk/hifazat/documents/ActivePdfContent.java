package pk.hifazat.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds what makes a PDF act when it is opened: scripts, launch actions, embedded files. Names
 * are read as a PDF reader reads them ({@code #xx} escapes decoded, any case), in the file and
 * inside its Flate-compressed streams, where object streams may hide the dictionaries. An
 * encrypted PDF is refused too: its content cannot be checked.
 */
final class ActivePdfContent {

  /** The PDF names that carry active content (lower case), and how to say what was found. */
  private static final Map<String, String> ACTIVE = Map.of(
      "javascript", "/JavaScript", "js", "/JS", "launch", "/Launch",
      "embeddedfile", "/EmbeddedFile", "embeddedfiles", "/EmbeddedFiles",
      "richmedia", "/RichMedia", "encrypt", "/Encrypt: encrypted, so it cannot be checked");
  /** Decompressed bytes checked at most, all streams together: a bomb is refused, not opened. */
  private static final int MAX_INFLATED = 32 * 1024 * 1024;
  private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END_STREAM =
      "endstream".getBytes(StandardCharsets.US_ASCII);

  private ActivePdfContent() {}

  /** What active content the PDF carries, if any. */
  static Optional<String> find(byte[] pdf) {
    Optional<String> found = names(pdf, 0, pdf.length);
    if (found.isPresent()) {
      return found;
    }
    int budget = MAX_INFLATED;
    for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + 1)) {
      if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') {
        continue;
      }
      int start = at + STREAM.length;
      if (start < pdf.length && pdf[start] == '\r') {
        start++;
      }
      if (start >= pdf.length || pdf[start] != '\n') {
        continue;
      }
      start++;
      int end = indexOf(pdf, END_STREAM, start);
      if (end < 0) {
        end = pdf.length;
      }
      byte[] inflated = inflate(pdf, start, end - start, budget);
      if (inflated == null) {
        continue; // not Flate (an image's own compression, say): no names to hide there
      }
      if (inflated.length >= budget) {
        return Optional.of("compressed content too large to check");
      }
      budget -= inflated.length;
      found = names(inflated, 0, inflated.length);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The first active name between from and to, escapes decoded. */
  private static Optional<String> names(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != '/') {
        continue;
      }
      StringBuilder name = new StringBuilder();
      int j = i + 1;
      while (j < to && !delimiter(bytes[j]) && name.length() < 64) {
        if (bytes[j] == '#' && j + 2 < to && hex(bytes[j + 1]) >= 0 && hex(bytes[j + 2]) >= 0) {
          name.append((char) (hex(bytes[j + 1]) * 16 + hex(bytes[j + 2])));
          j += 3;
        } else {
          name.append((char) (bytes[j] & 0xff));
          j++;
        }
      }
      String active = ACTIVE.get(name.toString().toLowerCase(Locale.ROOT));
      if (active != null) {
        return Optional.of(active);
      }
      i = j - 1;
    }
    return Optional.empty();
  }

  private static boolean delimiter(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0 || b == '/'
        || b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{'
        || b == '}' || b == '%';
  }

  private static int hex(byte b) {
    return Character.digit((char) (b & 0xff), 16);
  }

  /** The stream inflated (up to the budget), or null when it is not Flate data. */
  private static byte[] inflate(byte[] bytes, int offset, int length, int budget) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes, offset, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished() && out.size() < budget) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buffer, 0, n);
      }
      return out.size() == 0 ? null : out.toByteArray();
    } catch (DataFormatException notFlate) {
      return null;
    } finally {
      inflater.end();
    }
  }

  private static int indexOf(byte[] bytes, byte[] marker, int from) {
    outer:
    for (int i = from; i <= bytes.length - marker.length; i++) {
      for (int k = 0; k < marker.length; k++) {
        if (bytes[i + k] != marker[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
