package pk.hifazat.security;

/** A user asked for figures or cases of an area that is not theirs: answered with 403. */
public class AreaDeniedException extends RuntimeException {

  public AreaDeniedException(String message) {
    super(message);
  }
}
