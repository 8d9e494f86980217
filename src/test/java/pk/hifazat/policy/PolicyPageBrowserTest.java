package pk.hifazat.policy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RepositoryService;
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
import pk.hifazat.PageSession;
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
  @Autowired RepositoryService repositoryService;
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

  /** Opens the policy page, which asks to sign in first, and signs in as {@code user}. */
  private Page openPolicyPageAs(String user) {
    return openPolicyPageAs(user, "en-GB");
  }

  private Page openPolicyPageAs(String user, String locale) {
    context = HeadlessChromium.browser().newContext(new Browser.NewContextOptions()
        .setViewportSize(1400, 1000)
        .setTimezoneId("Asia/Karachi")
        .setLocale(locale));
    Page page = context.newPage();
    page.setDefaultTimeout(20_000);
    page.onPageError(error -> pageErrors.add(error));
    page.onRequest(request -> requested.add(request.url()));
    Response response = page.navigate(base() + "/policy/");
    Assertions.assertThat(response.status()).as("GET /policy/, then the login page").isEqualTo(200);
    Assertions.assertThat(page.url()).endsWith("/login");
    HeadlessChromium.signIn(page, user, CaseDriver.PASSWORD);
    page.waitForURL(url -> url.contains("/policy/"));
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    return page;
  }

  private long deployments() {
    return repositoryService.createDeploymentQuery().count();
  }

  /** A pathway file the checks accept: the referral's acknowledgement due in 24 hours, not 48. */
  private String acceptableChange() throws IOException {
    return Files.readString(PROCESSES.resolve("referral.bpmn")).replace(
        "<camunda:property name=\"sla.target\" value=\"PT48H\" />",
        "<camunda:property name=\"sla.target\" value=\"PT24H\" />");
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
  @DisplayName("A decision table the DMN engine refuses is named on the page, in words, not as the engine's objects")
  void decisionTableTheDmnEngineRefusesIsNamedOnThePage() throws Exception {
    Page page = openPolicyPageAs("policy.editor");

    // given the sharing-basis table (R-CONSENT) with both its outputs named sharingBasis
    Path twoOutputsOfOneName = changedCopy("sharing-basis.dmn", "name=\"sharedFacts\"",
        "name=\"sharingBasis\"");
    page.locator("#change-files").setInputFiles(twoOutputsOfOneName);
    page.locator("#check-button").click();

    assertThat(page.locator("#change-result")).hasAttribute("data-outcome", "refused");
    Locator finding = page.locator("#findings-table tbody tr[data-element='Output_SharedFacts']");
    assertThat(finding.first()).isVisible();
    assertThat(finding.first()).hasAttribute("data-rule", "engine");
    assertThat(finding.first()).containsText("is duplicate");
    Assertions.assertThat(page.locator("#findings-table").innerText()).doesNotContain("Impl{");
    assertThat(page.locator("#deploy-button")).isDisabled();
    page.locator("#change-section").screenshot(new Locator.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("policy-dmn-refused")));

    Assertions.assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
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
  @DisplayName("The policy page is for policy staff and administrators: a manager gets 403, nobody signed in the login page")
  void managerIsRefusedThePolicyPage() throws Exception {
    PageSession manager = new PageSession(port);
    manager.signIn("manager.punjab");
    Assertions.assertThat(manager.get("/policy/").statusCode()).isEqualTo(403);
    Assertions.assertThat(manager.get("/policy/policy.bundle.js").statusCode()).isEqualTo(403);
    HttpResponse<String> nobody = new PageSession(port).get("/policy/");
    Assertions.assertThat(nobody.statusCode()).isEqualTo(302);
    Assertions.assertThat(nobody.headers().firstValue("Location")).hasValueSatisfying(
        location -> Assertions.assertThat(location).endsWith("/login"));
    PageSession admin = new PageSession(port);
    admin.signIn("admin");
    Assertions.assertThat(admin.get("/policy/").statusCode()).isEqualTo(200);

    // The bundle is served from the application itself: no script comes from elsewhere.
    PageSession editor = new PageSession(port);
    editor.signIn("policy.editor");
    HttpResponse<String> page = editor.get("/policy/");
    Assertions.assertThat(page.statusCode()).isEqualTo(200);
    Assertions.assertThat(page.body()).contains("policy.bundle.js").doesNotContain("http://", "https://");
    HttpResponse<String> bundle = editor.get("/policy/policy.bundle.js");
    Assertions.assertThat(bundle.statusCode()).isEqualTo(200);
    Assertions.assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> Assertions.assertThat(type).contains("javascript"));
  }

  @Test
  @DisplayName("A page on another site cannot deploy, check or migrate with the policy editor's session")
  void anotherSiteCannotDeployWithTheSession() throws Exception {
    openPolicyPageAs("policy.editor");
    long before = deployments();

    // given a page on another site (localhost is not 127.0.0.1), open in the same browser
    String target = base();
    String model = json(acceptableChange());
    byte[] attack = """
        <!DOCTYPE html><html><body><form id="f" method="post" enctype="text/plain"
          action="%1$s/api/pathways/checks" target="sink"><input name="x" value="y"></form>
        <iframe name="sink"></iframe>
        <script>
          const model = new Blob([%2$s], {type: 'application/xml'});
          const send = (path, options) => fetch('%1$s' + path, Object.assign(
            {method: 'POST', mode: 'no-cors', credentials: 'include'}, options)).catch(() => null);
          const files = () => { const f = new FormData(); f.append('files', model, 'referral.bpmn'); return f; };
          window.done = Promise.all([
            send('/api/pathways/deployments', {body: files()}),
            send('/api/pathways/deployments?_csrf=guess', {body: files()}),
            send('/engine-rest/deployment/create', {body: files()}),
            send('/api/pathways/referral/migration', {body: '{"from":"a","to":"b"}',
              headers: {'Content-Type': 'text/plain'}})
          ]).then(() => { document.getElementById('f').submit(); return true; });
        </script></body></html>
        """.formatted(target, model).getBytes(StandardCharsets.UTF_8);
    HttpServer elsewhereSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhereSite.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, attack.length);
      exchange.getResponseBody().write(attack);
      exchange.close();
    });
    elsewhereSite.start();
    Page elsewhere = context.newPage();
    List<String> answers = new CopyOnWriteArrayList<>();
    elsewhere.onResponse(response -> {
      if (response.url().startsWith(target + "/api/") || response.url().startsWith(target + "/engine-rest/")) {
        answers.add(response.status() == 302
            ? "302 to " + response.headerValue("location") : String.valueOf(response.status()));
      }
    });

    // when the page loads and sends its requests
    try {
      elsewhere.navigate("http://localhost:" + elsewhereSite.getAddress().getPort() + "/");
      elsewhere.waitForFunction("() => window.done");
      elsewhere.waitForCondition(() -> answers.size() >= 5);
    } finally {
      elsewhereSite.stop(0);
    }

    // then each reached the application and was refused, nothing was deployed, and the editor's
    // own session is still there and still works
    // (The browser sends no session cookie to another site's requests, SameSite=Strict: the
    // scripts' requests are anonymous, the form is sent to the login page.)
    Assertions.assertThat(answers).hasSize(5).allMatch(answer -> answer.equals("401")
        || answer.equals("403") || answer.equals("302 to " + target + "/login"));
    Assertions.assertThat(deployments()).isEqualTo(before);
    Assertions.assertThat(context.request().get(base() + "/api/me").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A script in the signed-in page that leaves out the XSRF token deploys nothing: 403 with a problem body")
  void changeWithoutTheTokenIsRefused() throws Exception {
    Page page = openPolicyPageAs("policy.editor");
    long before = deployments();

    for (Map<String, String> headers : List.of(Map.<String, String>of(),
        Map.of("X-XSRF-TOKEN", "not-the-token"), Map.of("X-Requested-With", "XMLHttpRequest"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) page.evaluate("""
          async ([model, headers]) => {
            const files = new FormData();
            files.append('files', new Blob([model], {type: 'application/xml'}), 'referral.bpmn');
            const response = await fetch('/api/pathways/deployments',
              {method: 'POST', body: files, headers});
            return {status: response.status, type: response.headers.get('Content-Type'),
              body: await response.text()};
          }""", List.of(acceptableChange(), headers));
      Assertions.assertThat(answer.get("status")).as(headers.toString()).isEqualTo(403);
      Assertions.assertThat((String) answer.get("type")).startsWith("application/problem+json");
      Assertions.assertThat((String) answer.get("body")).contains("XSRF");
    }
    Assertions.assertThat(deployments()).isEqualTo(before);
    Assertions.assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
  }

  private static String json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text)
          .replace("</", "<\\/");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("The policy page in Urdu, right to left, for a browser that asks for Urdu, with its diagrams drawn as in English")
  void policyPageInUrdu() throws Exception {
    Page page = openPolicyPageAs("policy.editor", "ur-PK");

    assertThat(page.locator("html")).hasAttribute("lang", "ur");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(page.locator("#pathways-heading")).hasText("طریقۂ کار");
    assertThat(page.locator("#change-heading")).hasText("طریقۂ کار تبدیل کریں");
    assertThat(page.getByTestId("check-button")).hasText("جانچ (آزمائش)");
    assertThat(page.locator("#legend")).containsText("قانونی مدت");
    assertThat(page.locator("main")).not().containsText("How to read the diagrams");
    assertThat(page.getByTestId("pathways-list").locator("svg").first()).isVisible();
    assertThat(page.getByTestId("language-switch")).hasText("English");
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("policy-ur")).setFullPage(true));
    Assertions.assertThat(pageErrors).isEmpty();
  }
}
