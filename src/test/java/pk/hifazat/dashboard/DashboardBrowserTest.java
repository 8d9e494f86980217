package pk.hifazat.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HeadlessChromium;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.area.AreaGroups;

/**
 * The managers' dashboard at {@code /dashboard/} in a real (headless) Chromium: it reads the
 * deadlines and bottlenecks API in the manager's login session and shows deadlines at
 * risk, breaches, bottlenecks and, on a click, the case numbers involved (case numbers only:
 * R-NO-DISCLOSURE).
 *
 * <p>Uses Debian's {@code chromium}; where it is not installed the test is skipped, except in
 * CI ({@code CI=true}), where it fails.
 */
@HifazatTest
class DashboardBrowserTest {

  private static final String CASE_NUMBER = "[A-Z]{2,3}-\\d{4}-\\d{6}";


  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired IdentityService identityService;

  private BrowserContext context;
  private final List<String> pageErrors = new CopyOnWriteArrayList<>();

  @AfterAll
  static void closeChromium() {
    HeadlessChromium.close();
  }

  @BeforeEach
  void realTime() {
    // The deadlines' "now" is the engine's clock: here it is the real one, as in the browser.
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

  /** A girl in protection in Lahore since {@code hoursAgo} hours, reported half an hour later. */
  private String girlInCustodyInLahore(long hoursAgo) throws Exception {
    Instant custody = cases.now().minus(Duration.ofHours(hoursAgo));
    String caseNumber = cases.report(Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE",
        custody.plus(Duration.ofMinutes(30)), custody));
    cases.fireDueTimers(caseNumber);
    return caseNumber;
  }

  private String courtDeadlineStatus(String caseNumber) throws Exception {
    JsonNode deadline = cases.deadline(caseNumber, "R-COURT-24H");
    return deadline.get("status").asText();
  }

  /** A browser of its own, nobody signed in. */
  private Page newBrowser() {
    return newBrowser("en-GB");
  }

  private Page newBrowser(String locale) {
    context = HeadlessChromium.browser().newContext(new Browser.NewContextOptions()
        .setTimezoneId("Asia/Karachi")
        .setLocale(locale));
    Page page = context.newPage();
    page.setDefaultTimeout(20_000);
    page.onPageError(error -> pageErrors.add(error));
    return page;
  }

  /** Opens the dashboard, which asks to sign in first, and signs in as {@code user}. */
  private Page openDashboardAs(String user) {
    Page page = newBrowser();
    Response response = page.navigate(base() + "/dashboard/");
    Assertions.assertThat(response.status()).as("GET /dashboard/, then the login page").isEqualTo(200);
    Assertions.assertThat(page.url()).endsWith("/login");
    HeadlessChromium.signIn(page, user, CaseDriver.PASSWORD);
    page.waitForURL(url -> url.contains("/dashboard/"));
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    return page;
  }

  /** An account of its own, for tests that type a wrong password (the lockout counts them). */
  private String managerOfItsOwn(String id) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(CaseDriver.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, AreaGroups.MANAGERS);
      identityService.createMembership(id, AreaGroups.managers("PB"));
    }
    return id;
  }

  /** The case's (first) link: a case with several deadlines has a row for each. */
  private static Locator caseLink(Locator within, String caseNumber) {
    return within.locator("a[href='/case/?number=" + caseNumber + "']").first();
  }

  @Test
  @DisplayName("R-COURT-24H on the dashboard: a Punjab manager sees the deadline at risk, the breach, the bottleneck and the case numbers behind them")
  void managerSeesDeadlinesBreachesAndBottlenecks() throws Exception {
    HeadlessChromium.browser();
    String breached = girlInCustodyInLahore(25);
    String atRisk = girlInCustodyInLahore(19);
    Assertions.assertThat(courtDeadlineStatus(breached)).isEqualTo("BREACHED");
    Assertions.assertThat(courtDeadlineStatus(atRisk)).isEqualTo("AT_RISK");

    Page page = openDashboardAs("manager.punjab");

    // Who is signed in, and the area they manage.
    assertThat(page.locator("#user")).hasText("manager.punjab");
    assertThat(page.locator("#area")).hasText("Punjab (PB)");
    assertThat(page.locator("#area")).hasAttribute("data-province", "PB");
    assertThat(page.locator("#global-error")).isHidden();

    // Deadlines at risk now, and breached ones still open, each linking to its case.
    Locator atRiskTable = page.locator("#at-risk-table");
    assertThat(atRiskTable).isVisible();
    assertThat(caseLink(atRiskTable, atRisk)).hasText(atRisk);
    assertThat(atRiskTable.locator("tr[data-case-number='" + atRisk + "'][data-rule='R-COURT-24H']"))
        .containsText("R-COURT-24H");
    assertThat(caseLink(atRiskTable, breached)).hasCount(0);
    Locator breachedTable = page.locator("#breached-table");
    assertThat(caseLink(breachedTable, breached)).hasText(breached);
    assertThat(caseLink(breachedTable, atRisk)).hasCount(0);

    // Breaches over time: the charts are drawn, and R-COURT-24H is among the rules.
    assertThat(page.locator("#breaches-section")).hasAttribute("data-state", "ready");
    Locator chart = page.locator("#breaches-chart");
    assertThat(chart).isVisible();
    assertThat(chart).hasAttribute("data-rendered", "true");
    page.waitForFunction("() => window.Chart && !!Chart.getChart(document.getElementById('breaches-chart'))");
    BoundingBox box = chart.boundingBox();
    Assertions.assertThat(box.width).isGreaterThan(100);
    Assertions.assertThat(box.height).isGreaterThan(100);
    Assertions.assertThat((Boolean) chart.evaluate("canvas => {"
        + " const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
        + " for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }"
        + " return false; }")).as("the breaches chart has painted pixels").isTrue();
    assertThat(page.locator("#breaches-by-rule-chart")).hasAttribute("data-rendered", "true");
    Assertions.assertThat(Integer.parseInt(page.locator("#breaches-total").textContent().trim()))
        .isGreaterThanOrEqualTo(1);

    // The worst bottlenecks: a table (times in hours) and a horizontal bar chart.
    Locator bottlenecks = page.locator("#bottlenecks-table");
    assertThat(bottlenecks).containsText("Arrange production before the court");
    assertThat(page.locator("#bottlenecks-chart")).hasAttribute("data-rendered", "true");
    Locator arrangeProduction = bottlenecks
        .locator("button[data-activity-id='Task_ArrangeProduction']").first();
    assertThat(arrangeProduction).hasText("Arrange production before the court");

    // Drill-down on a rule: the breached case's number, linking to the case.
    page.locator("#breaches-by-rule-table button[data-rule='R-COURT-24H']").click();
    Locator drilldown = page.locator("#drilldown");
    assertThat(drilldown).hasAttribute("data-kind", "rule");
    assertThat(drilldown).hasAttribute("data-state", "ready");
    assertThat(caseLink(page.locator("#drilldown-cases"), breached)).hasText(breached);
    assertCaseNumbersOnly(page.locator("#drilldown-cases li"));

    // Drill-down on an activity: the oldest open cases there (at most 5), case numbers only.
    arrangeProduction.click();
    assertThat(drilldown).hasAttribute("data-kind", "activity");
    assertThat(drilldown).hasAttribute("data-state", "ready");
    assertThat(page.locator("#drilldown-title")).containsText("Arrange production before the court");
    Locator listed = page.locator("#drilldown-cases li");
    Assertions.assertThat(listed.count()).isBetween(1, 5);
    assertCaseNumbersOnly(listed);

    // R-NO-DISCLOSURE: none of the child's facts from the report reach the page.
    String text = page.locator("body").innerText();
    Assertions.assertThat(text).doesNotContain("Punjabi", "Low income");

    Assertions.assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
  }

  @Test
  @DisplayName("The district filter narrows every panel, and a district without deadlines at risk says so")
  void districtFilterNarrowsThePanels() throws Exception {
    HeadlessChromium.browser();
    String atRisk = girlInCustodyInLahore(19);
    Page page = openDashboardAs("manager.punjab");
    assertThat(caseLink(page.locator("#at-risk-table"), atRisk)).hasText(atRisk);

    // No other test reports cases in Murree: nothing there is at risk.
    page.locator("#filter-district").fill("Murree");
    page.locator("#apply-filters").click();
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(page.locator("#at-risk-section")).hasAttribute("data-state", "empty");
    assertThat(page.locator("#at-risk-empty")).isVisible();
    assertThat(caseLink(page.locator("#at-risk-table"), atRisk)).hasCount(0);
    Assertions.assertThat(page.url()).contains("district=Murree");

    page.locator("#filter-district").fill("Lahore");
    page.locator("#apply-filters").click();
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(caseLink(page.locator("#at-risk-table"), atRisk)).hasText(atRisk);

    Assertions.assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
  }

  @Test
  @DisplayName("The dashboard sends whoever is not signed in to the login page, never to a Basic prompt")
  void dashboardSendsStrangersToTheLoginPage() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base() + "/dashboard/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    Assertions.assertThat(response.statusCode()).isEqualTo(302);
    Assertions.assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
        location -> Assertions.assertThat(location).endsWith("/login"));
    Assertions.assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  @DisplayName("The login page looks like the dashboard, and the dashboard after the login shows who is signed in")
  void loginPageLeadsToTheDashboard() throws Exception {
    Page page = newBrowser();
    page.navigate(base() + "/dashboard/");
    assertThat(page).hasTitle("Hifazat · Sign in");
    assertThat(page.getByLabel("User name")).isFocused();
    assertThat(page.getByTestId("login-message")).isHidden();
    page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.screenshot("login")));

    HeadlessChromium.signIn(page, "manager.punjab", CaseDriver.PASSWORD);
    page.waitForURL(url -> url.contains("/dashboard/"));
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(page.locator("#user")).hasText("manager.punjab");
    page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.screenshot("dashboard"))
        .setFullPage(true));
    Assertions.assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
  }

  @Test
  @DisplayName("A wrong password keeps the login page, says so, and opens nothing")
  void loginPageRefusesAWrongPassword() throws Exception {
    String user = managerOfItsOwn("manager.typo");
    Page page = newBrowser();
    page.navigate(base() + "/dashboard/");
    HeadlessChromium.signIn(page, user, "not-" + CaseDriver.PASSWORD);

    page.waitForURL(url -> url.endsWith("/login?error"));
    Locator message = page.getByTestId("login-message");
    assertThat(message).isVisible();
    assertThat(message).hasAttribute("role", "alert");
    assertThat(message).containsText("user name or password is not right");
    assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
    page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.screenshot("login-error")));

    Assertions.assertThat(context.request().get(base() + "/api/me").status()).isEqualTo(401);
    page.navigate(base() + "/dashboard/");
    Assertions.assertThat(page.url()).endsWith("/login");
  }

  @Test
  @DisplayName("Signing out ends the session: the dashboard and its API ask to sign in again")
  void signingOutEndsTheSession() throws Exception {
    Page page = openDashboardAs("manager.punjab");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

    page.waitForURL(url -> url.endsWith("/login?logout"));
    assertThat(page.getByTestId("login-message")).hasText("You have signed out. / آپ سائن آؤٹ ہو گئے۔");
    Assertions.assertThat(context.request().get(base() + "/api/me").status()).isEqualTo(401);
    page.navigate(base() + "/dashboard/");
    Assertions.assertThat(page.url()).endsWith("/login");
    Assertions.assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
  }

  @Test
  @DisplayName("When the session ends, the dashboard goes to the login page and back to the same figures")
  void endedSessionGoesToTheLoginPage() throws Exception {
    Page page = openDashboardAs("manager.punjab");
    page.locator("#filter-district").fill("Murree");
    page.locator("#apply-filters").click();
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");

    // The session ends (timed out, or the server restarted): the next refresh answers 401.
    context.clearCookies();
    page.locator("#refresh").click();
    page.waitForURL(url -> url.endsWith("/login"));

    HeadlessChromium.signIn(page, "manager.punjab", CaseDriver.PASSWORD);
    page.waitForURL(url -> url.contains("/dashboard/"));
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(page.locator("#filter-district")).hasValue("Murree");
  }

  /** Each item is exactly a case number, linking to that case and nothing else. */
  private static void assertCaseNumbersOnly(Locator items) {
    for (int i = 0; i < items.count(); i++) {
      Locator item = items.nth(i);
      String caseNumber = item.innerText().trim();
      Assertions.assertThat(caseNumber).matches(CASE_NUMBER);
      Assertions.assertThat(item.locator("a").getAttribute("href"))
          .isEqualTo("/case/?number=" + caseNumber);
    }
  }

  @Test
  @DisplayName("The dashboard in Urdu, right to left, for a browser that asks for Urdu; its button turns it to English and back")
  void dashboardInUrdu() throws Exception {
    girlInCustodyInLahore(30);
    Page page = newBrowser("ur-PK");
    page.navigate(base() + "/dashboard/");
    HeadlessChromium.signIn(page, "manager.punjab", CaseDriver.PASSWORD);
    page.waitForURL(url -> url.contains("/dashboard/"));
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");

    assertThat(page.locator("html")).hasAttribute("lang", "ur");
    assertThat(page.locator("html")).hasAttribute("dir", "rtl");
    assertThat(page.locator("#at-risk-heading")).containsText("ابھی خطرے میں");
    assertThat(page.locator("#breached-heading")).containsText("وقت گزر گیا، ابھی کھلا");
    assertThat(page.getByTestId("apply-filters")).hasText("لاگو کریں");
    // Case numbers stay as they are, and still open the case record.
    Locator firstCase = page.getByTestId("breached-table").locator("a").first();
    assertThat(firstCase).hasText(java.util.regex.Pattern.compile(CASE_NUMBER));
    Assertions.assertThat(firstCase.getAttribute("href")).isEqualTo("/case/?number="
        + firstCase.innerText().trim());
    assertThat(page.locator("main")).not().containsText("At risk now");
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("dashboard-ur")).setFullPage(true));

    page.getByTestId("language-switch").click();
    assertThat(page.locator("#at-risk-heading")).containsText("At risk now");
    assertThat(page.locator("html")).not().hasAttribute("dir", "rtl");
    page.getByTestId("language-switch").click();
    assertThat(page.locator("#at-risk-heading")).containsText("ابھی خطرے میں");
    Assertions.assertThat(pageErrors).isEmpty();
  }
}
