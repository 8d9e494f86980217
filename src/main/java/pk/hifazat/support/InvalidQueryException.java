package pk.hifazat.support;

/** A query parameter that cannot be used: answered with 400 naming the parameter. */
public class InvalidQueryException extends RuntimeException {

  private final String parameter;

  public InvalidQueryException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
