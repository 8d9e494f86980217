package pk.hifazat.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pk.hifazat.checks.PathwayFiles;

/** The pathway files in the configured {@code processes/} and {@code forms/} folders. */
final class PathwayFolders {

  private final Path processes;
  private final Path forms;

  PathwayFolders(PolicySettings settings) {
    this.processes = settings.pathways().processes();
    this.forms = settings.pathways().forms();
  }

  /** Every pathway file of both folders, as read now; empty when there are none. */
  PathwayFiles read() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    add(files, processes);
    add(files, forms);
    return PathwayFiles.of(files);
  }

  @Override
  public String toString() {
    return processes + " or " + forms;
  }

  private static void add(Map<String, byte[]> files, Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> found = paths.filter(Files::isRegularFile)
          .filter(path -> PathwayFiles.isPathwayFile(path.getFileName().toString()))
          .sorted().toList();
      for (Path file : found) {
        // Named by their place in the folder, so the same checkout deploys alike wherever it is.
        files.put(folder.relativize(file).toString().replace('\\', '/'),
            Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read pathway folder " + folder, e);
    }
  }
}
