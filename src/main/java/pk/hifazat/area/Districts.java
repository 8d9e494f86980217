package pk.hifazat.area;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import pk.hifazat.area.AreaGroups;

/**
 * The districts of each zone, from a registry an installation can replace
 * ({@code hifazat.districts}, a CSV of {@code province,district}).
 */
@Component
public class Districts {

  private final Map<String, String> canonicalByKey = new HashMap<>();

  Districts(AreaSettings settings) {
    Resource registry = settings.districts();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(registry.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().skip(1).map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
        String[] columns = line.split(",", 2);
        canonicalByKey.put(key(columns[0].trim(), columns[1].trim()), columns[1].trim());
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the district registry " + registry, e);
    }
  }

  /** The registry's spelling of the province's district whose group slug is {@code slug}. */
  public Optional<String> bySlug(String province, String slug) {
    return canonicalByKey.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(province.toUpperCase(Locale.ROOT) + "|"))
        .map(Map.Entry::getValue)
        .filter(district -> AreaGroups.area(province, district)
            .equals(province.toLowerCase(Locale.ROOT) + "-" + slug))
        .findFirst();
  }

  /** The registry's spelling of a district of the province, matched ignoring case and spaces. */
  public Optional<String> canonical(String province, String district) {
    if (province == null || district == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(canonicalByKey.get(key(province, district)));
  }

  private static String key(String province, String district) {
    return province.toUpperCase(Locale.ROOT) + "|"
        + district.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
