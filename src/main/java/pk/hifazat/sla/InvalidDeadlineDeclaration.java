package pk.hifazat.sla;

/** A model declares a deadline that cannot be read: named element, property and value. */
public class InvalidDeadlineDeclaration extends RuntimeException {

  public InvalidDeadlineDeclaration(String message) {
    super(message);
  }
}
