package pk.hifazat.tasklist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HeadlessChromium;
import pk.hifazat.HifazatTest;

/**
 * A girl's case worked in the browser as the female officer of Lahore works it, in English and
 * in Urdu: the report registered on the report form, the case found in Tasklist by its number,
 * the screening, the child's views where the triage asks for them, the identification outcome,
 * and the production before the court (R-COURT-24H), whose time before the custody is first
 * refused in plain words; then the case record shows the production. Screenshots of each step
 * are kept in {@code target/screenshots/}.
 */
@HifazatTest
class CaseworkerJourneyBrowserTest {

  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
  private static final DateTimeFormatter REPORT_FORM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** Tasklist in each language: the browser's language and the words of its buttons. */
  enum Language {
    ENGLISH("en-GB", "en", "Claim", "Complete", "No / نہیں"),
    URDU("ur-PK", "ur", "اپنے ذمے لیں", "مکمل کریں", "No / نہیں");

    final String locale;
    final String lang;
    final String claim;
    final String complete;
    final String no;

    Language(String locale, String lang, String claim, String complete, String no) {
      this.locale = locale;
      this.lang = lang;
      this.claim = claim;
      this.complete = complete;
      this.no = no;
    }

    String shot(int step, String name) {
      return "journey-" + lang + "-" + step + "-" + name;
    }
  }

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

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static void shoot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.screenshot(name))
        .setFullPage(true));
  }

  /** The report form: a girl of 14 in protective custody since an hour ago. */
  private String registerReport(Page page, Language language) {
    page.navigate(url("/report/"));
    HeadlessChromium.signIn(page, "cpo.lahore.f", CaseDriver.PASSWORD);
    page.waitForURL(address -> address.contains("/report/"));
    assertThat(page.getByTestId("report-page")).isVisible();
    ZonedDateTime now = ZonedDateTime.now(PAKISTAN);
    page.locator("#province").selectOption("PB");
    page.locator("#district").fill("Lahore");
    page.locator("#reported-at").fill(now.minusMinutes(30).format(REPORT_FORM));
    page.locator("#source").selectOption("HELPLINE_1098");
    page.locator("input[name=sex][value=F]").check();
    page.locator("#age").fill("14");
    page.locator("input[name=offenceTypes][value=SEXUAL_ABUSE]").check();
    page.locator("#in-custody").check();
    page.locator("#custody-taken-at").fill(now.minusHours(1).format(REPORT_FORM));
    page.getByTestId("register").click();
    Locator number = page.getByTestId("case-number");
    assertThat(number).hasText(Pattern.compile("PB-\\d{4}-\\d{6}"));
    shoot(page, language.shot(1, "report-registered"));
    return number.textContent().trim();
  }

  /** Opens a task of the case in Tasklist, as its card's link does, and claims it. */
  private Locator openAndClaim(Page page, Language language, String caseNumber, String taskKey) {
    Task task = cases.task(caseNumber, taskKey);
    page.navigate(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
    Locator form = page.locator(".fjs-container");
    assertThat(form).isVisible();
    assertThat(form.locator("input[id$=Field_cardCase]")).hasValue(caseNumber);
    page.getByText(language.claim, new Page.GetByTextOptions().setExact(true)).click();
    // Claimed: the button is gone, and the form may be completed.
    assertThat(page.getByText(language.claim, new Page.GetByTextOptions().setExact(true)))
        .hasCount(0);
    return form;
  }

  /** Completes the open task and waits until Tasklist has let it go. */
  private void complete(Page page, Language language, String caseNumber, String taskKey) {
    page.locator("button", new Page.LocatorOptions().setHasText(language.complete)).last()
        .click();
    assertThat(page.locator(".fjs-container")).hasCount(0);
    Assertions.assertThat(cases.openTasks(caseNumber)).extracting(Task::getTaskDefinitionKey)
        .doesNotContain(taskKey);
  }

  private static void chooseRadio(Locator form, String key, String label) {
    form.locator(".fjs-form-field-radio", new Locator.LocatorOptions()
            .setHas(form.page().locator("input[id*=Field_" + key + "]")))
        .getByText(label, new Locator.GetByTextOptions().setExact(true)).click();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Language.class)
  @DisplayName("R-ID-EARLY, R-COURT-24H: a girl's case from the report form through screening, identification and production, in English and in Urdu")
  void officerWorksAGirlsCaseInTheBrowser(Language language) {
    context = HeadlessChromium.browser().newContext(new Browser.NewContextOptions()
        .setLocale(language.locale).setTimezoneId("Asia/Karachi").setViewportSize(1400, 1000));
    Page page = context.newPage();
    page.onPageError(pageErrors::add);

    // 1. The report, registered in the browser.
    String caseNumber = registerReport(page, language);

    // 2. Tasklist finds the case by its number as typed.
    page.navigate(url("/camunda/app/tasklist/"));
    HeadlessChromium.signInToCamunda(page, "cpo.lahore.f", CaseDriver.PASSWORD);
    assertThat(page.locator("html")).hasAttribute("lang", language.lang);
    Locator search = page.locator("[cam-widget-search] input.main-field");
    search.fill(caseNumber.toLowerCase());
    search.press("Enter");
    Locator screeningCard = page.locator("li.task", new Page.LocatorOptions()
        .setHasText(Pattern.compile("Screen the report|رپورٹ کی جانچ")));
    assertThat(screeningCard.first()).containsText(caseNumber);
    assertThat(screeningCard.first()).containsText("Lahore");
    shoot(page, language.shot(2, "case-found"));

    // 3. Screening (R-ID-EARLY).
    Locator form = openAndClaim(page, language, caseNumber, "Task_ScreenReport");
    chooseRadio(form, "immediateDanger", language.no);
    form.locator("input[id$=Field_indicatorSexualExploitation]").check();
    chooseRadio(form, "interviewChildFriendly", "Yes / ہاں");
    form.locator("textarea[id$=Field_screeningNotes]").fill("Interviewed with a counsellor present");
    shoot(page, language.shot(3, "screening"));
    complete(page, language, caseNumber, "Task_ScreenReport");

    // 4. The child's views, where the triage asks for them first (R-VIEWS).
    if (cases.openTasks(caseNumber).stream()
        .anyMatch(task -> task.getTaskDefinitionKey().equals("Task_RecordChildViews"))) {
      form = openAndClaim(page, language, caseNumber, "Task_RecordChildViews");
      chooseRadio(form, "childViewsSought", "Yes / ہاں");
      form.locator("textarea[id$=Field_childViews]").fill("Wants to go back to school");
      shoot(page, language.shot(4, "child-views"));
      complete(page, language, caseNumber, "Task_RecordChildViews");
    }

    // 5. Identification: a confirmed victim.
    form = openAndClaim(page, language, caseNumber, "Task_DecideIdentificationOutcome");
    form.locator(".fjs-form-field-select").first().locator(".fjs-select-display, input").first()
        .click();
    form.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions()
        .setHasText("Confirmed victim")).click();
    form.locator("textarea[id$=Field_outcomeReason]").fill("Signs of sexual abuse; her account");
    shoot(page, language.shot(5, "identification"));
    complete(page, language, caseNumber, "Task_DecideIdentificationOutcome");

    // 6. Production arranged at once.
    form = openAndClaim(page, language, caseNumber, "Task_ArrangeProduction");
    form.locator("input[id$=Field_productionCourt]").fill("Guardian Judge, Lahore");
    form.locator("input[id$=Field_immediateProductionPossible]").check();
    complete(page, language, caseNumber, "Task_ArrangeProduction");

    // 7. Production before the court, ten minutes ago. (A time before the custody is refused in
    // plain words: TasklistBrowserTest, in both languages.)
    form = openAndClaim(page, language, caseNumber, "Task_ProduceBeforeCourt");
    HeadlessChromium.typeDateTime(page, form, "producedAt",
        ZonedDateTime.now(PAKISTAN).minusMinutes(10),
        page.locator("button", new Page.LocatorOptions().setHasText(language.complete)).last());
    shoot(page, language.shot(7, "production"));
    complete(page, language, caseNumber, "Task_ProduceBeforeCourt");

    // 9. The case record shows the production and the case's stage.
    // Tasklist's sign-in began a session of its own: the page asks for ours again.
    page.navigate(url("/case/?number=" + caseNumber));
    HeadlessChromium.signIn(page, "cpo.lahore.f", CaseDriver.PASSWORD);
    page.waitForURL(address -> address.contains("/case/"));
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(page.getByTestId("facts")).containsText("Stage / مرحلہ");
    assertThat(page.getByTestId("court"))
        .containsText("Produced before the court / عدالت میں پیشی کا وقت");
    assertThat(page.getByTestId("court")).containsText("Guardian Judge, Lahore");
    shoot(page, language.shot(8, "case-record"));
    Assertions.assertThat(pageErrors).isEmpty();
  }
}
