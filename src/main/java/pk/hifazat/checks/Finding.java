package pk.hifazat.checks;

/**
 * One reason a pathway change is refused, or, as a warning, worth a second look: which file, which
 * element of it, which check, and what is wrong, in words policy staff can act on.
 */
public record Finding(String resource, String element, String rule, Severity severity,
    String message) {

  public enum Severity {
    /** Refuses the deployment. */
    ERROR,
    /** Reported; the deployment may go ahead. */
    WARNING
  }

  static Finding error(String resource, String element, String rule, String message) {
    return new Finding(resource, element, rule, Severity.ERROR, message);
  }

  static Finding warning(String resource, String element, String rule, String message) {
    return new Finding(resource, element, rule, Severity.WARNING, message);
  }

  public boolean refuses() {
    return severity == Severity.ERROR;
  }

  /** "court-production.bpmn, element 'SubProcess_Production': ... [statutory-deadline]". */
  public String line() {
    return resource + (element == null ? "" : ", element '" + element + "'") + ": " + message
        + " [" + rule + "]";
  }
}
