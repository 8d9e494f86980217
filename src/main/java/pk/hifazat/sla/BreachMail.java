package pk.hifazat.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.outbox.OwedWork;
import pk.hifazat.support.EngineAsSystem;

/**
 * E-mails the district's supervisors of a recorded breach. A mail server that is down leaves the
 * mail owed and tried again later (the review task does not wait for it); the mail names the
 * case number and the rule, never the child (R-NO-DISCLOSURE).
 */
@Component
class BreachMail implements OwedWork {

  static final String KIND = "deadline-breach-mail";
  private static final Logger log = LoggerFactory.getLogger(BreachMail.class);

  private final IdentityService identityService;
  private final ObjectProvider<JavaMailSender> mail;
  private final String from;
  private final EngineAsSystem system;
  private final ObjectMapper json;

  BreachMail(IdentityService identityService, ObjectProvider<JavaMailSender> mail,
      SlaSettings settings, EngineAsSystem system, ObjectMapper json) {
    this.identityService = identityService;
    this.mail = mail;
    this.from = settings.notifications().from();
    this.system = system;
    this.json = json;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void perform(String payload) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return;
    }
    DeadlineBreached breach = BreachNotifier.read(json, payload);
    String supervisors = AreaGroups.supervisors(breach.province(), breach.district());
    List<String> to = system.query(() ->
        identityService.createUserQuery().memberOfGroup(supervisors).list()).stream()
        .map(User::getEmail)
        .filter(Objects::nonNull)
        .filter(address -> !address.isBlank())
        .toList();
    if (to.isEmpty()) {
      log.warn("No e-mail address for the supervisors of {} ({}) to tell of a breach of {}",
          breach.district(), breach.province(), breach.rule());
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to.toArray(String[]::new));
    message.setSubject("Deadline missed: " + breach.rule() + " in case " + breach.caseNumber());
    message.setText("""
        The deadline %s of case %s (%s, %s) was due at %s and has been missed.

        Open Tasklist and search for the case number to act on it.
        """.formatted(breach.rule(), breach.caseNumber(), breach.district(), breach.province(),
        BreachNotifier.TIME.format(breach.dueAt())));
    // A failure is thrown: the outbox tries again later and raises an incident in the end.
    sender.send(message);
  }
}
