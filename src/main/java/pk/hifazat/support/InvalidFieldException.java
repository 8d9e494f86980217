package pk.hifazat.support;

/**
 * A field of a request's body that passed its own checks but cannot be used with what is on
 * record (a district of another zone, an agency the district lacks): 400 naming the field.
 */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
