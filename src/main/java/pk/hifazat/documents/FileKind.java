package pk.hifazat.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a document may be, each recognised by its content (its signature at the
 * start and its end marker), not by what the uploader says: a file is accepted only when its
 * content, its declared media type and its name's extension all agree.
 */
enum FileKind {
  PDF("application/pdf", List.of("pdf")),
  JPEG("image/jpeg", List.of("jpg", "jpeg")),
  PNG("image/png", List.of("png"));

  private static final byte[] PDF_START = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PDF_END = {'%', '%', 'E', 'O', 'F'};
  private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] PNG_END = {'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};
  /** A PDF's end marker may be followed by line ends and a little padding. */
  private static final int PDF_TAIL = 1024;

  private final String mediaType;
  private final List<String> extensions;

  FileKind(String mediaType, List<String> extensions) {
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  String mediaType() {
    return mediaType;
  }

  String extension() {
    return extensions.get(0);
  }

  boolean hasExtension(String extension) {
    return extensions.contains(extension.toLowerCase(Locale.ROOT));
  }

  /** The kind the content is, whole: a known start and a known end. */
  static Optional<FileKind> of(byte[] content) {
    if (startsWith(content, PDF_START) && contains(content,
        Math.max(0, content.length - PDF_TAIL), PDF_END)) {
      return Optional.of(PDF);
    }
    if (content.length > 4 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8
        && (content[2] & 0xff) == 0xff && (content[content.length - 2] & 0xff) == 0xff
        && (content[content.length - 1] & 0xff) == 0xd9) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, PNG_START) && content.length >= PNG_START.length + PNG_END.length
        && Arrays.equals(content, content.length - PNG_END.length, content.length, PNG_END, 0,
            PNG_END.length)) {
      return Optional.of(PNG);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, byte[] start) {
    return content.length >= start.length
        && Arrays.equals(content, 0, start.length, start, 0, start.length);
  }

  private static boolean contains(byte[] content, int from, byte[] marker) {
    for (int i = from; i <= content.length - marker.length; i++) {
      if (Arrays.equals(content, i, i + marker.length, marker, 0, marker.length)) {
        return true;
      }
    }
    return false;
  }
}
