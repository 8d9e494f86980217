package pk.hifazat.checks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The files of one pathway change: BPMN and DMN models and Camunda Forms, by resource name. */
public final class PathwayFiles {

  private final Map<String, byte[]> resources;

  private PathwayFiles(Map<String, byte[]> resources) {
    this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
  }

  public static PathwayFiles of(Map<String, byte[]> resources) {
    return new PathwayFiles(resources);
  }

  public Set<String> names() {
    return resources.keySet();
  }

  public byte[] bytes(String name) {
    return resources.get(name);
  }

  public String text(String name) {
    return new String(resources.get(name), StandardCharsets.UTF_8);
  }

  public boolean isEmpty() {
    return resources.isEmpty();
  }

  /** The same names with the same bytes, in whatever order. */
  public boolean sameAs(PathwayFiles other) {
    return resources.keySet().equals(other.resources.keySet())
        && resources.entrySet().stream().allMatch(
            file -> Arrays.equals(file.getValue(), other.resources.get(file.getKey())));
  }

  static boolean isBpmn(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  static boolean isDmn(String name) {
    return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
  }

  static boolean isForm(String name) {
    return name.endsWith(".form");
  }

  /** Whether a file of this name is part of a pathway at all. */
  public static boolean isPathwayFile(String name) {
    return isBpmn(name) || isDmn(name) || isForm(name);
  }
}
