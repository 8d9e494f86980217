package pk.hifazat.documents;


import org.springframework.http.HttpStatus;

/** An upload that is not an acceptable document: answered 400 (413 if too large) naming the field. */
class DocumentRefused extends RuntimeException {

  private final String field;
  private final HttpStatus status;

  DocumentRefused(String field, String message) {
    this(HttpStatus.BAD_REQUEST, field, message);
  }

  DocumentRefused(HttpStatus status, String field, String message) {
    super(message);
    this.field = field;
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }

  String field() {
    return field;
  }
}
