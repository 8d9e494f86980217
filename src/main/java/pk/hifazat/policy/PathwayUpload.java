package pk.hifazat.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.multipart.MultipartFile;
import pk.hifazat.checks.PathwayFiles;

/** Uploaded files as a pathway change, or the reasons they are not one, file by file. */
final class PathwayUpload {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]{0,120}");

  private PathwayUpload() {}

  /** The files, or an exception naming each one that cannot be part of a pathway change. */
  static PathwayFiles read(List<MultipartFile> uploads) {
    List<Map<String, String>> errors = new ArrayList<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (uploads == null || uploads.isEmpty()) {
      errors.add(error("files", "Send one or more .bpmn, .dmn or .form files as parts named "
          + "'files'"));
    } else {
      for (MultipartFile upload : uploads) {
        String name = upload.getOriginalFilename() == null ? ""
            : upload.getOriginalFilename().replaceAll("^.*[/\\\\]", "");
        byte[] bytes = bytes(upload);
        if (!FILE_NAME.matcher(name).matches()) {
          errors.add(error("files",
              "A file name may hold letters, digits, spaces and . _ ( ) - only"));
        } else if (!PathwayFiles.isPathwayFile(name)) {
          errors.add(error(name, "Only .bpmn, .dmn and .form files make up a pathway"));
        } else if (files.containsKey(name)) {
          errors.add(error(name, "Sent twice"));
        } else if (bytes.length == 0) {
          errors.add(error(name, "Is empty"));
        } else if (!isUtf8(bytes)) {
          errors.add(error(name, "Is not UTF-8 text"));
        } else {
          files.put(name, bytes);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidUpload(errors);
    }
    return PathwayFiles.of(files);
  }

  private static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  private static byte[] bytes(MultipartFile upload) {
    try {
      return upload.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Files that cannot make up a pathway change, each with why. */
  static class InvalidUpload extends RuntimeException {

    final transient List<Map<String, String>> errors;

    InvalidUpload(List<Map<String, String>> errors) {
      super("Invalid files: " + String.join(", ", errors.stream().map(e -> e.get("field"))
          .distinct().toList()));
      this.errors = errors;
    }
  }
}
