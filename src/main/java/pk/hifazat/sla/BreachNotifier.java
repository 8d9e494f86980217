package pk.hifazat.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import pk.hifazat.outbox.Outbox;

/**
 * Owes the district supervisor a review task and, when a mail server is configured, an e-mail for
 * every breach, in the transaction that records it: a crash after the commit never leaves a
 * missed deadline unreviewed ({@link BreachReview}, {@link BreachMail} do the work).
 */
@Component
class BreachNotifier {

  /** The pathway that gives a supervisor a missed deadline to review. */
  static final String REVIEW_PROCESS = "deadlineBreachReview";
  /** How a review task shows a due time to a supervisor. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'PKT'").withZone(ZoneId.of("Asia/Karachi"));

  private final Outbox outbox;
  private final ObjectMapper json;
  private final ObjectProvider<JavaMailSender> mail;

  BreachNotifier(Outbox outbox, ObjectMapper json, ObjectProvider<JavaMailSender> mail) {
    this.outbox = outbox;
    this.json = json;
    this.mail = mail;
  }

  @EventListener
  void owe(DeadlineBreached breach) {
    String payload = write(breach);
    outbox.owe(BreachReview.KIND, payload);
    if (mail.getIfAvailable() != null) {
      outbox.owe(BreachMail.KIND, payload);
    }
  }

  private String write(DeadlineBreached breach) {
    try {
      return json.writeValueAsString(breach);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot record the breach of " + breach.rule(), e);
    }
  }

  static DeadlineBreached read(ObjectMapper json, String payload) {
    try {
      return json.readValue(payload, DeadlineBreached.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable breach in the outbox: " + e.getMessage(), e);
    }
  }
}
