package pk.hifazat.migration;

import java.util.List;
import java.util.Map;

/**
 * A migration that cannot be proposed or started as asked: bad ids (each named in
 * {@code errors}), or a plan that would leave cases behind or break their deadlines (each
 * activity named in {@code problems}). Answered with 400; nothing is migrated.
 */
class MigrationRefused extends RuntimeException {

  private final List<Map<String, String>> errors;
  private final List<MigrationProposal.Problem> problems;
  private final Map<String, Object> properties;

  private MigrationRefused(String detail, List<Map<String, String>> errors,
      List<MigrationProposal.Problem> problems, Map<String, Object> properties) {
    super(detail);
    this.errors = errors;
    this.problems = problems;
    this.properties = properties;
  }

  static MigrationRefused field(String field, String message) {
    return field(field, message, Map.of());
  }

  /** A bad field, with more the caller can act on (e.g. the versions it could choose from). */
  static MigrationRefused field(String field, String message, Map<String, Object> properties) {
    return new MigrationRefused("Invalid fields: " + field,
        List.of(Map.of("field", field, "message", message)), List.of(), properties);
  }

  static MigrationRefused problems(List<MigrationProposal.Problem> problems) {
    String activities = String.join(", ", problems.stream()
        .map(MigrationProposal.Problem::activityId).distinct().toList());
    return new MigrationRefused("The migration would fail or break deadlines at: " + activities
        + "; nothing was migrated", List.of(), problems, Map.of());
  }

  List<Map<String, String>> errors() {
    return errors;
  }

  List<MigrationProposal.Problem> problems() {
    return problems;
  }

  Map<String, Object> properties() {
    return properties;
  }
}
