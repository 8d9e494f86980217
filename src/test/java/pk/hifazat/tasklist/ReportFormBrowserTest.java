package pk.hifazat.tasklist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
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

/**
 * An officer registers a report in the browser, on the report form at {@code /report/}, with
 * the validation of {@code POST /api/cases}: the answer is the case number, whose tasks she then
 * finds in Tasklist by typing it; a refused report names each field in words. Screenshots are
 * kept in {@code target/screenshots/}.
 */
@HifazatTest
class ReportFormBrowserTest {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  @LocalServerPort int port;
  @Autowired CaseDriver cases;

  private BrowserContext context;
  private final List<String> pageErrors = new CopyOnWriteArrayList<>();

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
  }

  private Page reportFormAs(String user) {
    context = HeadlessChromium.browser().newContext(new Browser.NewContextOptions()
        .setTimezoneId("Asia/Karachi").setLocale("en-GB").setViewportSize(1200, 1400));
    Page page = context.newPage();
    page.onPageError(pageErrors::add);
    page.navigate("http://127.0.0.1:" + port + "/report/");
    HeadlessChromium.signIn(page, user, CaseDriver.PASSWORD);
    page.waitForURL(url -> url.contains("/report/"));
    assertThat(page.getByTestId("report-page")).isVisible();
    return page;
  }

  private static String pakistan(ZonedDateTime time) {
    return time.withZoneSameInstant(ZoneId.of("Asia/Karachi")).format(LOCAL);
  }

  private static void fillGirlInCustody(Page page, String age) {
    ZonedDateTime now = ZonedDateTime.now();
    page.locator("#province").selectOption("PB");
    page.locator("#district").fill("Lahore");
    page.locator("#reported-at").fill(pakistan(now.minus(Duration.ofMinutes(30))));
    page.locator("#source").selectOption("HELPLINE_1098");
    page.locator("input[name=sex][value=F]").check();
    page.locator("#age").fill(age);
    page.locator("input[name=offenceTypes][value=TRAFFICKING]").check();
    page.locator("#in-custody").check();
    page.locator("#custody-taken-at").fill(pakistan(now.minus(Duration.ofHours(1))));
  }

  @Test
  @DisplayName("R-COURT-24H: the officer registers a girl's report in the browser and finds its production task in Tasklist by the case number")
  void officerRegistersAReportAndFindsItsCaseInTasklist() {
    Page page = reportFormAs("cpo.lahore.f");
    fillGirlInCustody(page, "14");
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("report-1-form")).setFullPage(true));

    page.getByTestId("register").click();

    Locator caseNumber = page.getByTestId("case-number");
    assertThat(caseNumber).hasText(java.util.regex.Pattern.compile("PB-\\d{4}-\\d{6}"));
    String number = caseNumber.textContent();
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("report-2-registered")).setFullPage(true));
    Assertions.assertThat(cases.openTasks(number)).extracting(Task::getTaskDefinitionKey)
        .contains("Task_ArrangeProduction");

    page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/");
    HeadlessChromium.signInToCamunda(page, "cpo.lahore.f", CaseDriver.PASSWORD);
    // Other cases of Lahore fill the list: the card is the one of this case, found by its number
    // (typed again if Tasklist was not yet listening when it was first typed).
    Locator search = page.locator("[cam-widget-search] input.main-field");
    Locator card = page.locator("li.task", new Page.LocatorOptions().setHasText(number))
        .filter(new Locator.FilterOptions().setHasText("Arrange production before the court"));
    for (int attempt = 0; attempt < 3 && card.count() == 0; attempt++) {
      search.fill(number);
      search.press("Enter");
      try {
        card.first().waitFor(new Locator.WaitForOptions().setTimeout(5_000));
      } catch (com.microsoft.playwright.TimeoutError notYet) {
        // typed again below
      }
    }
    assertThat(card.first()).containsText(number);
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("report-3-found-in-tasklist")).setFullPage(true));
    Assertions.assertThat(pageErrors).isEmpty();
  }

  @Test
  @DisplayName("R-AGE-DISPUTE: a report of a person of 19 whose age is not disputed is refused, naming the age in words")
  void refusedReportNamesTheFieldInWords() {
    Page page = reportFormAs("cpo.lahore.f");
    fillGirlInCustody(page, "19");

    page.getByTestId("register").click();

    Locator problems = page.getByTestId("problems");
    assertThat(problems).containsText("Age / عمر");
    assertThat(problems).containsText("must be under 18 unless the age is disputed");
    assertThat(page.getByTestId("answer")).isHidden();
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("report-4-refused")).setFullPage(true));
  }
}
