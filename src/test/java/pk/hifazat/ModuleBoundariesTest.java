package pk.hifazat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules' boundaries, checked by the build: no cycles, no reach into another module's
 * internals, only the dependencies each module's package-info allows, and each table written by
 * the module that owns it. The diagram in docs/modules is drawn from the same model.
 */
class ModuleBoundariesTest {

  static final ApplicationModules MODULES = ApplicationModules.of(HifazatApplication.class);

  /** Who writes each of our tables (Flyway migrations, the schema's history, aside). */
  static final Map<String, String> OWNERS = Map.ofEntries(
      Map.entry("audit_event", "audit"),
      Map.entry("case_document", "documents"),
      Map.entry("case_erasure", "retention"),
      Map.entry("case_file", "casefile"),
      Map.entry("case_key", "identity"),
      Map.entry("case_link", "matching"),
      Map.entry("case_note", "notes"),
      Map.entry("case_transfer", "transfer"),
      Map.entry("referral_consent", "referral"),
      Map.entry("disclosure_permission", "identity"),
      Map.entry("case_number_counter", "casefile"),
      Map.entry("child_identity", "identity"),
      Map.entry("identity_key", "identity"),
      Map.entry("intake_request", "intake"),
      Map.entry("compensation_event", "compensation"),
      Map.entry("justice_event", "compensation"),
      Map.entry("legal_hold", "retention"),
      Map.entry("match_key", "matching"),
      Map.entry("possible_match", "matching"),
      Map.entry("institution", "placement"),
      Map.entry("pathway_deployment", "policy"),
      Map.entry("pathway_fact", "statistics"),
      Map.entry("pathway_fact_source", "statistics"),
      Map.entry("referral", "referral"),
      Map.entry("sla_clock", "sla"),
      Map.entry("task_fact", "reporting"),
      Map.entry("task_fact_day", "reporting"),
      Map.entry("task_fact_day_state", "reporting"));

  static final Pattern WRITE = Pattern.compile(
      "(?i)\\b(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+([a-z_]+)\\b");

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirPublicApi() {
    MODULES.verify();
  }

  @Test
  void eachTableIsWrittenByTheModuleThatOwnsIt() throws IOException {
    Path sources = Path.of("src/main/java/pk/hifazat");
    List<String> strangers = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String module = sources.relativize(file).getName(0).toString();
        Matcher write = WRITE.matcher(Files.readString(file));
        while (write.find()) {
          String owner = OWNERS.get(write.group(2).toLowerCase(Locale.ROOT));
          if (owner != null && !owner.equals(module)) {
            strangers.add(module + " writes " + write.group(2) + " (" + file.getFileName() + ")");
          }
        }
      }
    }
    assertThat(strangers).isEmpty();
  }

  @Test
  void moduleDiagramIsDrawnFromTheVerifiedModel() throws IOException {
    Path folder = Path.of("docs/modules");
    new Documenter(MODULES, folder.toString())
        .writeModulesAsPlantUml(DiagramOptions.defaults())
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    normalise(folder);
    // Drawn without Graphviz (PlantUML's own layout), so any machine that runs the build can.
    String diagram = Files.readString(folder.resolve("components.puml"))
        .replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
    Path svg = folder.resolve("modules.svg");
    try (OutputStream out = Files.newOutputStream(svg)) {
      new SourceStringReader(diagram).outputImage(out, new FileFormatOption(FileFormat.SVG));
    }
    assertThat(Files.readString(svg, StandardCharsets.UTF_8)).contains("<svg", "Deadlines", "Audit");
  }

  /**
   * The Documenter lists components, relations and events in the order it meets them, which
   * moves with every change of the code: sorted, the pages change only when the modules do.
   */
  private static void normalise(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(path -> path.toString().matches(".*\\.(puml|adoc)$")).toList()) {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int start = 0;
        while (start < lines.size()) {
          String kind = listed(lines.get(start));
          int end = start + 1;
          while (kind != null && end < lines.size() && kind.equals(listed(lines.get(end)))) {
            end++;
          }
          if (kind != null) {
            // A table cell's list starts with the cell's bar: sorted without it, put back after.
            boolean cell = lines.get(start).startsWith("|");
            List<String> run = lines.subList(start, end);
            run.replaceAll(line -> line.startsWith("|") ? line.substring(1) : line);
            run.sort(null);
            if (cell) {
              run.set(0, "|" + run.get(0));
            }
          }
          start = end;
        }
        Files.write(file, lines);
      }
    }
  }

  /** What kind of listed line this is, if any: a component, a relation or a list item. */
  private static String listed(String line) {
    Matcher kind = Pattern.compile("^\\|?\\s*(Component|Rel|Container|\\* )").matcher(line);
    return kind.find() ? kind.group(1) : null;
  }
}
