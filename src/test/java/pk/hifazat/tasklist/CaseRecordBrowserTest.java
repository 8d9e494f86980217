package pk.hifazat.tasklist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case record at {@code /case/} in headless Chromium: the girl's officer sees its stage, its
 * overdue production and its missed deadline in words, the court's dates, referrals,
 * compensation and justice; she sees the child's identity only on a click, recorded once in the
 * audit trail; a male officer (R-GIRL-FEMALE-CARE) and an officer of another district are
 * refused, and shown nothing of the case.
 */
@HifazatTest
class CaseRecordBrowserTest {

  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired IdentityService identityService;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  private BrowserContext context;

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

  private Page recordAs(String user, String caseNumber) {
    context = HeadlessChromium.browser().newContext(new Browser.NewContextOptions()
        .setTimezoneId("Asia/Karachi").setLocale("en-GB").setViewportSize(1200, 1200));
    Page page = context.newPage();
    page.navigate("http://127.0.0.1:" + port + "/case/?number=" + caseNumber);
    HeadlessChromium.signIn(page, user, CaseDriver.PASSWORD);
    page.waitForURL(url -> url.contains("/case/"));
    return page;
  }

  /** A girl in custody for 30 hours: her production is overdue, R-COURT-24H missed. */
  private String overdueGirlsCase() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(30));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
    cases.fireDueTimers(caseNumber);
    return caseNumber;
  }

  /** An officer of Karachi, of the officers' role and the Karachi officers' group. */
  private String karachiOfficer() {
    String id = "cpo.karachi.record";
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(CaseDriver.PASSWORD);
      identityService.saveUser(user);
      for (String group : new String[] {AreaGroups.officers("SD", "Karachi"),
          AreaGroups.femaleOfficers("SD", "Karachi")}) {
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
          identityService.saveGroup(identityService.newGroup(group));
        }
        identityService.createMembership(id, group);
      }
      identityService.createMembership(id, AreaGroups.OFFICERS);
    }
    return id;
  }

  @Test
  @DisplayName("R-COURT-24H: the girl's officer opens the case record by its number and sees the overdue production and the missed deadline in words")
  void officerSeesTheCaseRecord() throws Exception {
    String caseNumber = overdueGirlsCase();

    Page page = recordAs("cpo.lahore.f", caseNumber);

    assertThat(page.getByTestId("record")).isVisible();
    assertThat(page.getByTestId("case-title")).hasText(caseNumber);
    assertThat(page.getByTestId("facts")).containsText("Girl, 14 years");
    assertThat(page.getByTestId("tasks")).containsText("Arrange production before the court");
    assertThat(page.getByTestId("tasks")).containsText("Overdue / ");
    assertThat(page.getByTestId("deadlines")).containsText("R-COURT-24H");
    assertThat(page.getByTestId("deadlines")).containsText("Missed / وقت گزر گیا");
    assertThat(page.getByTestId("timeline")).containsText("Taken into protective custody");
    assertThat(page.getByTestId("facts")).containsText("Production before the court / عدالت میں پیشی");
    assertThat(page.getByTestId("court")).containsText("Taken into protective custody / حفاظتی تحویل کا وقت");
    assertThat(page.getByTestId("compensation-summary")).containsText("Claimed / دعویٰ");
    assertThat(page.getByTestId("referrals")).containsText("None yet");
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("case-record-1-officer")).setFullPage(true));
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a male officer is refused the girl's case record and shown nothing of it")
  void maleOfficerIsRefusedAGirlsCaseRecord() throws Exception {
    String caseNumber = overdueGirlsCase();

    Page page = recordAs("cpo.lahore.m", caseNumber);

    assertThat(page.getByTestId("refusal")).containsText("is not one you may open");
    assertThat(page.getByTestId("record")).isHidden();
    assertThat(page.locator("body")).not().containsText("Arrange production");
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("case-record-2-male-officer-refused")).setFullPage(true));
  }

  @Test
  @DisplayName("An officer of another district is refused the case record and shown nothing of it")
  void officerOfAnotherDistrictIsRefused() throws Exception {
    String caseNumber = overdueGirlsCase();

    Page page = recordAs(karachiOfficer(), caseNumber.toLowerCase());

    assertThat(page.getByTestId("refusal")).containsText("is not one you may open");
    assertThat(page.getByTestId("record")).isHidden();
    assertThat(page.locator("body")).not().containsText("Arrange production");
  }

  private int identityReads(String caseNumber) throws Exception {
    return json.readTree(mvc.perform(get("/api/audit").param("caseNumber", caseNumber)
            .param("action", "IDENTITY_READ").with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).size();
  }

  private String girlsCaseWithIdentity() throws Exception {
    String caseNumber = overdueGirlsCase();
    mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("cpo.lahore.f", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"Test Child\", \"parents\": [\"Test Mother\"],"
                + " \"address\": \"Street 1, Lahore\"}"))
        .andExpect(status().isNoContent());
    return caseNumber;
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the girl's officer sees the identity only on her click, and the one click is one audited read")
  void identityIsShownOnADeliberateClickAndAuditedOnce() throws Exception {
    String caseNumber = girlsCaseWithIdentity();

    Page page = recordAs("cpo.lahore.f", caseNumber);
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(page.locator("body")).not().containsText("Test Child");
    Assertions.assertThat(identityReads(caseNumber)).isZero();

    page.getByTestId("show-identity").click();

    assertThat(page.getByTestId("identity")).containsText("Test Child");
    assertThat(page.getByTestId("identity")).containsText("Test Mother");
    assertThat(page.getByTestId("show-identity")).isDisabled();
    page.screenshot(new Page.ScreenshotOptions().setPath(
        HeadlessChromium.screenshot("case-record-3-identity-shown")).setFullPage(true));
    Assertions.assertThat(identityReads(caseNumber)).isEqualTo(1);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a provincial manager may read the case file but is shown no identity, and nothing is read in his name")
  void managerIsShownNoIdentity() throws Exception {
    String caseNumber = girlsCaseWithIdentity();

    Page page = recordAs("manager.punjab", caseNumber);
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    page.getByTestId("show-identity").click();

    assertThat(page.getByTestId("identity")).containsText("No identity you may see");
    assertThat(page.locator("body")).not().containsText("Test Child");
    assertThat(page.getByTestId("notes")).containsText("Not shown to you");
    Assertions.assertThat(identityReads(caseNumber)).isZero();
  }
}
