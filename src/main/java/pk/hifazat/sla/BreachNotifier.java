package pk.hifazat.sla;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.support.EngineAsSystem;

/**
 * Tells the district supervisor of a breach once it is recorded: a review task (unless the model
 * escalates that deadline itself, as court production does for R-COURT-24H), and an e-mail when a
 * mail server is configured. Neither carries anything that identifies the child (R-NO-DISCLOSURE).
 */
@Component
class BreachNotifier {

  /** The pathway that gives a supervisor a missed deadline to review. */
  static final String REVIEW_PROCESS = "deadlineBreachReview";
  private static final Logger log = LoggerFactory.getLogger(BreachNotifier.class);
  /** How a review task shows a due time to a supervisor. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'PKT'").withZone(ZoneId.of("Asia/Karachi"));

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final DeadlineDeclarations declarations;
  private final ObjectProvider<JavaMailSender> mail;
  private final String sender;
  private final EngineAsSystem system;

  BreachNotifier(RuntimeService runtimeService, HistoryService historyService,
      IdentityService identityService, DeadlineDeclarations declarations,
      ObjectProvider<JavaMailSender> mail,
      SlaSettings settings, EngineAsSystem system) {
    this.system = system;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.declarations = declarations;
    this.mail = mail;
    this.sender = settings.notifications().from();
  }

  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void notifySupervisor(DeadlineBreached breach) {
    String supervisors = AreaGroups.supervisors(breach.province(), breach.district());
    if (!escalatedByModel(breach)) {
      // The application's own step, whoever's request recorded the breach.
      system.query(() -> runtimeService.startProcessInstanceByKey(REVIEW_PROCESS,
          breach.caseNumber(), Map.of(
          "breachedRule", breach.rule(),
          "breachDueAt", TIME.format(breach.dueAt()),
          "supervisorsGroup", supervisors,
          "province", breach.province(),
          "district", breach.district())));
    }
    mail.ifAvailable(sender -> email(sender, breach, supervisors));
  }

  private boolean escalatedByModel(DeadlineBreached breach) {
    HistoricProcessInstance instance = system.query(() ->
        historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(breach.processInstanceId()).singleResult());
    return instance != null
        && declarations.escalatedByModel(instance.getProcessDefinitionId(), breach.rule());
  }

  private void email(JavaMailSender sender, DeadlineBreached breach, String supervisors) {
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
    message.setFrom(this.sender);
    message.setTo(to.toArray(String[]::new));
    message.setSubject("Deadline missed: " + breach.rule() + " in case " + breach.caseNumber());
    message.setText("""
        The deadline %s of case %s (%s, %s) was due at %s and has been missed.

        Open Tasklist and search for the case number to act on it.
        """.formatted(breach.rule(), breach.caseNumber(), breach.district(), breach.province(),
        TIME.format(breach.dueAt())));
    try {
      sender.send(message);
    } catch (MailException e) {
      // The breach is recorded and the task exists; a mail server outage must not undo them.
      log.warn("Could not e-mail the breach of {} in case {}: {}", breach.rule(),
          breach.caseNumber(), e.getMessage());
    }
  }
}
