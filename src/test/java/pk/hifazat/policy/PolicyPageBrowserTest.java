package pk.hifazat.policy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HeadlessChromium;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * The policy page at {@code /policy/} in a real (headless) Chromium, as policy staff use it:
 * every pathway in {@code processes/} drawn by bpmn-js with its deadlines and the cases waiting
 * at each step, and a changed file checked in a dry run (R-COURT-24H may not be lengthened).
 *
 * <p>Uses Debian's {@code chromium}; where it is not installed the test is skipped, except in
 * CI ({@code CI=true}), where it fails.
 */
@HifazatTest
class PolicyPageBrowserTest {

  private static final Path PROCESSES = Path.of("processes");


  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @TempDir Path uploads;

  private BrowserContext context;
  private final List<String> pageErrors = new CopyOnWriteArrayList<>();
  private final List<String> requested = new CopyOnWriteArrayList<>();

  @AfterAll
  static void closeChromium() {
    HeadlessChromium.close();
  }

  @BeforeEach
  void realTime() {
    ClockUtil.reset();
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
    ClockUtil.reset();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private Page openPolicyPageAs(String user) {
    context = HeadlessChromium.browser().newContext(new Browser.NewContextOptions()
        .setHttpCredentials(user, CaseDriver.PASSWORD)
        .setViewportSize(1400, 1000)
        .setTimezoneId("Asia/Karachi")
        .setLocale("en-GB"));
    Page page = context.newPage();
    page.setDefaultTimeout(20_000);
    page.onPageError(error -> pageErrors.add(error));
    page.onRequest(request -> requested.add(request.url()));
    Response response = page.navigate(base() + "/policy/");
    Assertions.assertThat(response.status()).as("GET /policy/ as " + user).isEqualTo(200);
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    return page;
  }

  /** Every executable process in processes/, with the ids of its user tasks. */
  private static Map<String, List<String>> pathwaysInTheFolder() throws IOException {
    Map<String, List<String>> pathways = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          if (process.isExecutable()) {
            pathways.put(process.getId(), model.getModelElementsByType(UserTask.class).stream()
                .filter(task -> process.equals(processOf(task))).map(UserTask::getId).toList());
          }
        }
      }
    }
    Assertions.assertThat(pathways).as("pathways in " + PROCESSES.toAbsolutePath()).isNotEmpty();
    return pathways;
  }

  private static ModelElementInstance processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return parent;
  }

  /** A girl in protection in Lahore since {@code hoursAgo} hours: her case waits in court production. */
  private String girlInCustodyInLahore(long hoursAgo) throws Exception {
    Instant custody = cases.now().minus(Duration.ofHours(hoursAgo));
    return cases.report(Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE",
        custody.plus(Duration.ofMinutes(30)), custody));
  }

  private static Locator card(Page page, String key) {
    return page.locator("article.card[data-key='" + key + "']");
  }

  /** A copy of a model in processes/ with one piece of text replaced, as policy staff would upload it. */
  private Path changedCopy(String fileName, String from, String to) throws IOException {
    String xml = Files.readString(PROCESSES.resolve(fileName), StandardCharsets.UTF_8);
    Assertions.assertThat(xml).as(fileName).contains(from);
    Path copy = uploads.resolve(fileName);
    Files.writeString(copy, xml.replace(from, to), StandardCharsets.UTF_8);
    return copy;
  }

  @Test
  @DisplayName("Policy staff see every pathway drawn, its deadlines (statute unlike policy) and the cases waiting at each step")
  void policyEditorSeesEveryPathwayDrawn() throws Exception {
    HeadlessChromium.browser();
    String caseNumber = girlInCustodyInLahore(2);
    Task waitingInCourtProduction = cases.openTasks(caseNumber).stream()
        .filter(task -> task.getProcessDefinitionId().startsWith("courtProduction:"))
        .findFirst().orElseThrow();

    Page page = openPolicyPageAs("policy.editor");
    assertThat(page.locator("#user")).hasText("policy.editor");
    assertThat(page.locator("#global-error")).isHidden();

    // A diagram for each pathway: bpmn-js has drawn an SVG shape for each of its user tasks.
    for (Map.Entry<String, List<String>> pathway : pathwaysInTheFolder().entrySet()) {
      Locator card = card(page, pathway.getKey());
      assertThat(card).hasAttribute("data-state", "ready");
      assertThat(card.locator(".diagram svg").first()).isVisible();
      for (String userTask : pathway.getValue()) {
        assertThat(card.locator(".djs-element.djs-shape[data-element-id='" + userTask + "']"))
            .hasCount(1);
      }
    }

    // R-COURT-24H on the court production diagram, marked as a statute.
    Locator court = card(page, "courtProduction");
    Locator courtDeadline = court.locator(".overlay-deadline[data-rule='R-COURT-24H']");
    assertThat(courtDeadline).isVisible();
    assertThat(courtDeadline).hasAttribute("data-kind", "statute");
    assertThat(courtDeadline).hasAttribute("data-element", "SubProcess_Production");
    assertThat(courtDeadline).containsText("24 hours");
    assertThat(courtDeadline).containsText("Statute");
    assertThat(court.locator("tr[data-rule='R-COURT-24H']")).containsText("Statutory deadline");

    // A policy deadline looks different, and says so.
    Locator referralDeadline = card(page, "referral").locator(".overlay-deadline[data-rule='R-REFERRAL']");
    assertThat(referralDeadline).hasAttribute("data-kind", "policy");
    assertThat(referralDeadline).containsText("Policy");
    Assertions.assertThat(borderStyle(referralDeadline)).isNotEqualTo(borderStyle(courtDeadline));

    // The case reported above waits at a step of court production: a badge counts it there.
    Locator waiting = court.locator(".overlay-waiting[data-activity-id='"
        + waitingInCourtProduction.getTaskDefinitionKey() + "']");
    assertThat(waiting).isVisible();
    Assertions.assertThat(Integer.parseInt(waiting.innerText().trim())).isGreaterThanOrEqualTo(1);

    // Decision tables are listed too, with their rules readable.
    Locator triage = card(page, "triage");
    triage.locator("summary").click();
    assertThat(triage.locator("table.decision-table tbody tr").first()).isVisible();

    // The deployment history: at least the pathway folders deployed at start-up.
    assertThat(page.locator("#history-section")).hasAttribute("data-state", "ready");
    assertThat(page.locator("#history-table tbody tr")
        .filter(new Locator.FilterOptions().setHasText("court-production.bpmn")).first()).isVisible();

    // bpmn-js came with the application: the page asked nothing of any other server.
    Assertions.assertThat(requested).allMatch(url -> url.startsWith(base() + "/") || url.startsWith("data:"));

    Assertions.assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
  }

  private static String borderStyle(Locator overlay) {
    return (String) overlay.evaluate("node => getComputedStyle(node).borderTopStyle"
        + " + ' ' + getComputedStyle(node).backgroundColor");
  }

  @Test
  @DisplayName("R-COURT-24H: a dry run refuses a file that lengthens the statutory deadline, and accepts a shorter policy deadline")
  void dryRunRefusesLengthenedStatutoryDeadline() throws Exception {
    Page page = openPolicyPageAs("policy.editor");
    Locator result = page.locator("#change-result");
    Locator deploy = page.locator("#deploy-button");
    assertThat(deploy).isDisabled();

    // given a copy of court production whose 24 hours became 48
    Path lengthened = changedCopy("court-production.bpmn",
        "<camunda:property name=\"sla.target\" value=\"PT24H\" />",
        "<camunda:property name=\"sla.target\" value=\"PT48H\" />");

    // when it is checked
    page.locator("#change-files").setInputFiles(lengthened);
    page.locator("#check-button").click();

    // then it is refused, naming the element and the statutory deadline, and cannot be deployed
    assertThat(result).hasAttribute("data-outcome", "refused");
    Locator finding = page.locator("#findings-table tbody tr[data-element='SubProcess_Production']");
    assertThat(finding.first()).isVisible();
    assertThat(finding.first()).containsText("court-production.bpmn");
    assertThat(finding.first()).containsText("R-COURT-24H");
    assertThat(finding.first()).containsText("PT48H");
    assertThat(finding.first()).hasAttribute("data-rule", "statutory-deadline");
    assertThat(deploy).isDisabled();

    // A policy deadline may change: the referral's acknowledgement due in 24 hours, not 48.
    Path shortened = changedCopy("referral.bpmn",
        "<camunda:property name=\"sla.target\" value=\"PT48H\" />",
        "<camunda:property name=\"sla.target\" value=\"PT24H\" />");
    page.locator("#change-files").setInputFiles(shortened);
    page.locator("#check-button").click();
    assertThat(result).hasAttribute("data-outcome", "accepted");
    assertThat(page.locator("#findings-table")).hasCount(0);
    assertThat(page.locator("#changes-table tbody tr[data-element='Task_AcknowledgeReferral']").first())
        .containsText("PT24H");
    // Deploying is now possible, but this test deploys nothing: other tests share the engine.
    assertThat(deploy).isEnabled();

    Assertions.assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
  }

  @Test
  @DisplayName("The policy page is for policy staff and administrators: a manager gets 403, no credentials 401")
  void managerIsRefusedThePolicyPage() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Assertions.assertThat(get(http, "/policy/", "manager.punjab").statusCode()).isEqualTo(403);
    Assertions.assertThat(get(http, "/policy/policy.bundle.js", "manager.punjab").statusCode())
        .isEqualTo(403);
    Assertions.assertThat(get(http, "/policy/", null).statusCode()).isEqualTo(401);
    Assertions.assertThat(get(http, "/policy/", "admin").statusCode()).isEqualTo(200);

    // The bundle is served from the application itself: no script comes from elsewhere.
    HttpResponse<String> page = get(http, "/policy/", "policy.editor");
    Assertions.assertThat(page.statusCode()).isEqualTo(200);
    Assertions.assertThat(page.body()).contains("policy.bundle.js").doesNotContain("http://", "https://");
    HttpResponse<String> bundle = get(http, "/policy/policy.bundle.js", "policy.editor");
    Assertions.assertThat(bundle.statusCode()).isEqualTo(200);
    Assertions.assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> Assertions.assertThat(type).contains("javascript"));
  }

  private HttpResponse<String> get(HttpClient http, String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
