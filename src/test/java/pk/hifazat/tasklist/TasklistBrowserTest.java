package pk.hifazat.tasklist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
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
 * A female officer's day in Camunda Tasklist, in headless Chromium: her team's tasks open first,
 * each card names its case, a case number typed into the search finds that case, an overdue
 * production says so in words; the same in Urdu, right to left. Screenshots of each step are
 * kept in {@code target/screenshots/}.
 */
@HifazatTest
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;

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

  private Page tasklistAs(String user, String locale) {
    Browser browser = HeadlessChromium.browser();
    context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
        .setTimezoneId("Asia/Karachi").setViewportSize(1400, 900));
    Page page = context.newPage();
    page.onPageError(pageErrors::add);
    page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/");
    HeadlessChromium.signInToCamunda(page, user, CaseDriver.PASSWORD);
    return page;
  }

  /** A girl in custody for longer than the court's 24 hours: her production is overdue. */
  private String overdueGirlsCase() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(30));
    return cases.report(Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
  }

  @Test
  @DisplayName("R-COURT-24H: the officer finds a girl's case by its number as typed and sees its production overdue, in words")
  void officerFindsTheCaseByItsNumberAndSeesItOverdue() throws Exception {
    String caseNumber = overdueGirlsCase();
    String otherCase = overdueGirlsCase();

    Page page = tasklistAs("cpo.lahore.f", "en-GB");

    Locator activeFilter = page.locator(".filters .item.active, [cam-tasklist-filters] .active")
        .first();
    assertThat(activeFilter).containsText(TasklistFilters.MY_GROUP_TASKS);
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    // Every task is a pathway's: the engine makes none by hand (support.PathwayTasksOnly).
    assertThat(page.locator(".create-task-action")).isHidden();
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("tasklist-1-team-tasks")).setFullPage(true));

    Locator search = page.locator("[cam-widget-search] input.main-field");
    search.fill(caseNumber.toLowerCase());
    search.press("Enter");

    Locator cards = page.locator("li.task");
    assertThat(cards.first()).containsText(caseNumber);
    assertThat(page.locator("li.task", new Page.LocatorOptions().setHasText(otherCase)))
        .hasCount(0);
    Locator production = page.locator("li.task",
        new Page.LocatorOptions().setHasText("Arrange production"));
    assertThat(production).containsText("Girl");
    assertThat(production).containsText("Lahore");
    assertThat(production.locator(".due-date .hifazat-clock")).hasText("Overdue");
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("tasklist-2-case-found-overdue")).setFullPage(true));
    Assertions.assertThat(pageErrors).isEmpty();
  }

  @Test
  @DisplayName("Tasklist in Urdu, right to left, for a browser that asks for Urdu")
  void tasklistInUrdu() throws Exception {
    String caseNumber = overdueGirlsCase();

    Page page = tasklistAs("cpo.lahore.f", "ur-PK");

    assertThat(page.locator("html")).hasAttribute("lang", "ur");
    // Found by its number, as an officer does: other cases' tasks may fill the first page.
    Locator search = page.locator("[cam-widget-search] input.main-field");
    search.fill(caseNumber);
    search.press("Enter");
    Locator production = page.locator("li.task",
        new Page.LocatorOptions().setHasText(caseNumber)).first();
    assertThat(production).isVisible();
    Assertions.assertThat(production.evaluate("card => getComputedStyle(card).direction"))
        .isEqualTo("rtl");
    assertThat(page.locator(".column-left")).containsText("کام");
    assertThat(production.locator(".due-date .hifazat-clock")).hasText("وقت گزر گیا");
    assertThat(page.locator("body")).containsText(Pattern.compile("[\\u0600-\\u06FF]{3,}"));
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("tasklist-ur-1-team-tasks")).setFullPage(true));
    Assertions.assertThat(pageErrors).isEmpty();
  }

  @Test
  @DisplayName("R-COURT-24H: the production form shows the girl's case, and a production time before the custody is refused in plain words")
  void productionBeforeCustodyIsRefusedInTheForm() throws Exception {
    productionBeforeCustodyIsRefused("en-GB", "Claim", "Form", "Complete",
        "tasklist-3-production-form",
        "tasklist-4-production-before-custody-refused");
  }

  @Test
  @DisplayName("R-COURT-24H in Urdu: the same production form, right to left, and the same refusal with its Urdu words")
  void productionBeforeCustodyIsRefusedInUrdu() throws Exception {
    productionBeforeCustodyIsRefused("ur-PK", "اپنے ذمے لیں", "فارم", "مکمل کریں",
        "tasklist-ur-3-production-form", "tasklist-ur-4-production-before-custody-refused");
  }

  /**
   * Tasklist sets a date by sending back the whole task it read, its form among it
   * (enginerest.TaskSentBackAsRead): the supervisor's due date and the officer's follow-up date
   * on the child's views, a task without a deadline, are kept.
   */
  @Test
  @DisplayName("In Tasklist the supervisor sets a due date and the officer a follow-up date on a task without a deadline")
  void datesSetInTasklistAreKept() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
    cases.screen(caseNumber, false);
    String task = cases.task(caseNumber, "Task_RecordChildViews").getId();

    setDateInTasklist("supervisor.lahore", task, ".due-date", ".reset-due-date");
    setDateInTasklist("cpo.lahore.f", task, ".followup-date", ".reset-follow-up-date");

    org.camunda.bpm.engine.task.Task after = taskService.createTaskQuery().taskId(task)
        .singleResult();
    Assertions.assertThat(after.getDueDate()).as("the supervisor's due date").isNotNull();
    Assertions.assertThat(after.getFollowUpDate()).as("the officer's follow-up date")
        .isNotNull();
    Assertions.assertThat(pageErrors).isEmpty();
  }

  /** Opens the task in Tasklist as the user, sets the date field to its default, applies. */
  private void setDateInTasklist(String user, String task, String field, String reset) {
    Page page = tasklistAs(user, "en-GB");
    page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
    assertThat(page.locator(".fjs-container")).isVisible();
    page.locator("ul.meta " + field + " .view-value").click();
    // The field's buttons are moved out to the page's scrolling parent while it is edited.
    Response saved = page.waitForResponse(
        response -> response.request().method().equals("PUT")
            && response.url().endsWith("/task/" + task),
        () -> page.locator(".cam-widget-inline-field.btn-group .glyphicon-ok").first().click());
    Assertions.assertThat(saved.status()).as(saved.text()).isEqualTo(204);
    // Tasklist reads the task again and offers to clear the date it now has.
    assertThat(page.locator("ul.meta " + reset)).isVisible();
    context.close();
    context = null;
  }

  private void productionBeforeCustodyIsRefused(String locale, String claim, String formTab,
      String complete, String formShot, String refusalShot) throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(3));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody));
    cases.complete(caseNumber, "Task_ArrangeProduction", java.util.Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", true));
    String task = cases.task(caseNumber, "Task_ProduceBeforeCourt").getId();

    Page page = tasklistAs("cpo.lahore.f", locale);
    page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
    Locator form = page.locator(".fjs-container");
    assertThat(form).isVisible();
    assertThat(form.locator("input[id$=Field_cardCase]")).hasValue(caseNumber);
    assertThat(form.locator("input[id$=Field_cardChild]")).hasValue(
        Pattern.compile("^Girl, 14 years"));
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot(formShot)).setFullPage(true));

    page.getByText("Case record / کیس ریکارڈ").click();
    assertThat(page.locator(".hifazat-case-tab a")).hasAttribute("href",
        "/case/?number=" + caseNumber);
    page.getByText(formTab, new Page.GetByTextOptions().setExact(true)).click();
    page.getByText(claim, new Page.GetByTextOptions().setExact(true)).click();
    // The form opens for input once the claim has come back.
    assertThat(page.getByText(claim, new Page.GetByTextOptions().setExact(true))).hasCount(0);
    Locator date = form.locator("input[id$=Field_producedAt-date]");
    assertThat(date).isEditable();
    java.time.ZonedDateTime before = custody.minus(Duration.ofHours(2))
        .atZone(java.time.ZoneId.of("Asia/Karachi"));
    Locator completeButton = page.locator("button",
        new Page.LocatorOptions().setHasText(complete)).last();
    HeadlessChromium.typeDateTime(page, form, "producedAt", before, completeButton);
    assertThat(completeButton).isEnabled();
    completeButton.click();

    Locator refusal = page.locator(".page-notifications, [notifications-panel]").first();
    assertThat(refusal).containsText(
        "must not be before the time the child was taken into custody");
    assertThat(refusal).containsText("محفوظ نہیں ہوا");
    assertThat(refusal).not().containsText("ENGINE-");
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot(refusalShot))
        .setFullPage(true));
    Assertions.assertThat(cases.openTasks(caseNumber)).extracting(
        org.camunda.bpm.engine.task.Task::getId).contains(task);
  }
}
