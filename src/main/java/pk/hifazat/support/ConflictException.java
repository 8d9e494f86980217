package pk.hifazat.support;

/** Not possible in the current state of the case: answered with 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
