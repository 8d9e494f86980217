package pk.hifazat.transfer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
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

/**
 * R-TRANSFER in the browser: Karachi South's supervisor answers a transfer in Tasklist, with the
 * case, where it comes from and why on the form; the case record then names the receiving
 * district and the law that applies. Screenshots in {@code target/screenshots/}.
 */
@HifazatTest
class TransferBrowserTest {

  @LocalServerPort int port;
  @Autowired CaseDriver cases;

  private BrowserContext context;
  private EngineRestAs http;

  @AfterAll
  static void closeChromium() {
    HeadlessChromium.close();
  }

  @BeforeEach
  void realTime() {
    ClockUtil.reset();
    http = new EngineRestAs(port);
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  private Page browser(String locale) {
    Browser browser = HeadlessChromium.browser();
    context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
        .setTimezoneId("Asia/Karachi").setViewportSize(1400, 1000));
    return context.newPage();
  }

  private static void shoot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.screenshot(name))
        .setFullPage(true));
  }

  @Test
  @DisplayName("R-TRANSFER, R-TRANSFER-ACK: the receiving supervisor accepts a girl's case in Tasklist; the case record then shows Karachi South, the Sindh statute and the transfer")
  void receivingSupervisorAcceptsInTasklistAndTheRecordFollows() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(3));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody));
    org.assertj.core.api.Assertions.assertThat(http.post("cpo.lahore.f", "/api/cases/" + caseNumber + "/transfers", """
        {"toProvince": "SD", "toDistrict": "Karachi South", "reason": "REPATRIATED",
         "note": "Family traced in Karachi South; the child is to go home"}""").status())
        .isEqualTo(201);
    String task = cases.task(caseNumber, "Task_DecideTransfer").getId();

    Page page = browser("en-GB");
    page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/");
    HeadlessChromium.signInToCamunda(page, "supervisor.karachisouth", CaseDriver.PASSWORD);
    page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
    Locator form = page.locator(".fjs-container");
    assertThat(form).isVisible();
    assertThat(form.locator("input[id$=Field_cardCase]")).hasValue(caseNumber);
    assertThat(form.locator("input[id$=Field_transferFrom]")).hasValue("Lahore (PB)");
    assertThat(form.locator("input[id$=Field_transferTo]")).hasValue("Karachi South (SD)");
    page.getByText("Claim", new Page.GetByTextOptions().setExact(true)).click();
    assertThat(page.getByText("Claim", new Page.GetByTextOptions().setExact(true))).hasCount(0);
    form.getByText("Accepted: my district takes the case").click();
    shoot(page, "transfer-1-decision-form");
    Locator complete = page.locator("button",
        new Page.LocatorOptions().setHasText("Complete")).last();
    assertThat(complete).isEnabled();
    complete.click();
    assertThat(page.locator(".fjs-container")).hasCount(0);

    context.close();
    page = browser("en-GB");
    page.navigate("http://127.0.0.1:" + port + "/case/?number=" + caseNumber);
    HeadlessChromium.signIn(page, "cpo.karachisouth.f", CaseDriver.PASSWORD);
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(page.getByTestId("court")).containsText("Sindh Child Protection Authority Act 2011");
    assertThat(page.getByTestId("court")).containsText(
        "Punjab Destitute and Neglected Children Act 2004");
    assertThat(page.getByTestId("transfers")).containsText("Lahore (PB) → Karachi South (SD)");
    assertThat(page.getByTestId("transfers")).containsText("Accepted");
    // No identity is recorded yet: no possible earlier case, and the part says so.
    assertThat(page.getByTestId("matches")).containsText("None yet");
    shoot(page, "transfer-2-case-record-in-karachi-south");
  }
}
