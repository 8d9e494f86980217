package pk.hifazat.security;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import pk.hifazat.support.Problems;

/**
 * Tomcat refuses some requests before any filter sees them (an encoded slash or backslash, a
 * backslash, an encoded NUL, a path that is not UTF-8, a raw non-ASCII byte): those answers are
 * problem bodies too, like {@link CanonicalRequests}' own, never Tomcat's HTML page.
 */
class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String detail = status == 400
        ? "The request path or headers are not in canonical form (an encoded slash or backslash,"
            + " a backslash, an encoded NUL, bytes that are not UTF-8 or a character that is not"
            + " allowed). Send each resource in its one canonical spelling."
        : title;
    try {
      response.setContentType(Problems.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(Problems.json(status, title, detail));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone: nobody is left to read the answer.
    }
  }

  /** Puts this valve in place of the host's error report valve. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        StandardHost host = (StandardHost) context.getParent();
        for (Valve valve : host.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve) {
            host.getPipeline().removeValve(valve);
          }
        }
        host.getPipeline().addValve(new ProblemReportValve());
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
      });
    }
  }
}
