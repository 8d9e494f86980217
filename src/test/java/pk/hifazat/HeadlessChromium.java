package pk.hifazat;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright for the pages' browser tests. Where it is not
 * installed those tests are skipped, except in CI ({@code CI=true}), where they fail.
 */
public final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static Playwright playwright;
  private static Browser browser;

  private HeadlessChromium() {}

  /** Launches Chromium once, for the tests that need it. */
  public static Browser browser() {
    if (browser == null) {
      boolean installed = Files.isExecutable(CHROMIUM);
      if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium)");
      }
      assumeTrue(installed, CHROMIUM + " is not installed: the browser test is skipped");
      // A page renders in its own time on a busy machine.
      PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
      playwright = Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      // Without the background-networking flags Chromium keeps calling out, and is refused.
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--no-first-run")));
    }
    return browser;
  }

  /**
   * Signs in on the login page as a person does: the user name, the password, the button. The
   * page asked for before opens after it.
   */
  public static void signIn(Page page, String user, String password) {
    PlaywrightAssertions.assertThat(page.getByTestId("login-page")).isVisible();
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
  }

  /**
   * Signs in to a Camunda webapp (Tasklist, Cockpit) and waits until the sign-in has come
   * back: a page opened before then would cancel the sign-in request and stay signed out. The
   * webapp draws its sign-in form again once its translations have come: what was typed and
   * clicked before then is lost, so it waits for the page to settle, and tries once more if no
   * sign-in went out.
   */
  public static void signInToCamunda(Page page, String user, String password) {
    page.waitForLoadState(LoadState.NETWORKIDLE);
    com.microsoft.playwright.Response answer = null;
    for (int attempt = 1; answer == null; attempt++) {
      page.locator("form[name=signinForm] input[type=text]").fill(user);
      page.locator("form[name=signinForm] input[type=password]").fill(password);
      try {
        answer = page.waitForResponse(response -> response.url().contains("/login/"),
            new Page.WaitForResponseOptions().setTimeout(attempt == 1 ? 15_000 : 30_000),
            () -> page.locator("form[name=signinForm] button[type=submit]").click());
      } catch (TimeoutError notSent) {
        if (attempt == 2) {
          throw notSent;
        }
      }
    }
    if (answer.status() != 200) {
      fail("Signing in as " + user + " was answered " + answer.status() + ": " + answer.text());
    }
    PlaywrightAssertions.assertThat(page.locator("form[name=signinForm]")).hasCount(0);
  }

  /** Where the browser tests keep their screenshots: the build folder, not the repository. */
  /**
   * Types a date and time into a Camunda form's date-time field {@code key}, on the quarter hour
   * the time list offers (so that Enter on the list keeps it), and again until {@code complete}
   * is enabled: Tasklist renders the form anew once a claim is in, and may drop what was typed a
   * moment before.
   */
  public static void typeDateTime(Page page, com.microsoft.playwright.Locator form, String key,
      java.time.ZonedDateTime at, com.microsoft.playwright.Locator complete) {
    java.time.ZonedDateTime quarter =
        at.withMinute(at.getMinute() / 15 * 15).withSecond(0).withNano(0);
    com.microsoft.playwright.Locator date = form.locator("input[id$=Field_" + key + "-date]");
    com.microsoft.playwright.Locator time = form.locator("input[id$=Field_" + key + "-time]");
    for (int attempt = 0; attempt < 3; attempt++) {
      date.fill(quarter.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
      date.press("Enter");
      time.fill(quarter.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
      time.press("Enter");
      try {
        page.waitForCondition(complete::isEnabled,
            new Page.WaitForConditionOptions().setTimeout(5_000));
        return;
      } catch (com.microsoft.playwright.TimeoutError notYet) {
        // typed again
      }
    }
  }

  public static Path screenshot(String name) {
    return Path.of("target", "screenshots", name + ".png");
  }

  public static void close() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (playwright != null) {
      playwright.close();
      playwright = null;
    }
  }
}
