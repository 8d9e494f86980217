package pk.hifazat.identity;

/**
 * What was sealed does not open: its ciphertext or its place was changed, or another key sealed
 * it. Our own failure, never the reader's; the message names the record, never its content.
 */
public class SealBroken extends IllegalStateException {

  SealBroken(String message) {
    super(message);
  }
}
