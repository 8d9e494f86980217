package pk.hifazat.statistics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HeadlessChromium;
import pk.hifazat.HifazatTest;

/**
 * The statistics page at {@code /statistics/} in a real (headless) Chromium, as the manager of
 * Punjab: the table and chart of reported cases, then the CSV, the Excel file and the OPSC annex
 * PDF downloaded from the page, opened, and compared with the API's numbers
 * (R-DATA-DISAGGREGATED, R-NO-DISCLOSURE).
 *
 * <p>Uses Debian's {@code chromium}; where it is not installed the test is skipped, except in
 * CI ({@code CI=true}), where it fails.
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPageBrowserTest {

  private static final String RANGE = "from=2020-01-01&to=2021-12-31";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  private HandMadeCases cases;
  private BrowserContext context;

  @BeforeAll
  void recordCasesInPunjab() {
    // The six hand-made cases, in a Punjab district, and once more in another province.
    cases = new HandMadeCases(jdbc, "PB", "Chiniot", "98");
    cases.record();
    new HandMadeCases(jdbc, "SD", "Thatta", "97").record();
  }

  @AfterAll
  void removeTheCases() {
    cases.remove();
    new HandMadeCases(jdbc, "SD", "Thatta", "97").remove();
    if (context != null) {
      context.close();
    }
    HeadlessChromium.close();
  }

  private List<List<String>> apiGrid(String query) throws Exception {
    String body = mvc.perform(get("/api/statistics/tables/reported-cases?" + query)
            .with(httpBasic("manager.punjab", CaseDriver.PASSWORD)))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return Downloads.grid(json.readValue(body, StatTable.class));
  }

  @Test
  @DisplayName("A Punjab manager's statistics page shows the province's figures and its CSV, Excel and annex PDF hold the API's numbers (R-DATA-DISAGGREGATED)")
  void managerDownloadsTheFiguresOfTheProvince() throws Exception {
    Browser browser = HeadlessChromium.browser();
    context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true)
        .setTimezoneId("Asia/Karachi").setLocale("en-GB"));
    Page page = context.newPage();
    page.setDefaultTimeout(20_000);
    List<String> pageErrors = new ArrayList<>();
    page.onPageError(pageErrors::add);

    page.navigate("http://127.0.0.1:" + port + "/statistics/");
    HeadlessChromium.signIn(page, "manager.punjab", CaseDriver.PASSWORD);
    page.waitForURL(url -> url.contains("/statistics/"));
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(page.locator("#area")).hasText("Punjab (PB)");
    assertThat(page.locator("#province-field")).isHidden();

    page.getByTestId("filter-from").fill("2020-01-01");
    page.getByTestId("filter-to").fill("2021-12-31");
    page.getByTestId("filter-rows").selectOption("age_band");
    page.getByTestId("filter-columns").selectOption("residence");
    page.getByTestId("annex-from").fill("2020");
    page.getByTestId("show").click();
    assertThat(page.locator("body")).hasAttribute("data-state", "ready");
    assertThat(page.locator("#figures caption")).containsText("Reported cases");
    page.waitForFunction(
        "() => window.Chart && !!Chart.getChart(document.getElementById('chart'))");
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(HeadlessChromium.screenshot("statistics-page")).setFullPage(true));

    // The table on the page is the API's, cell by cell.
    List<List<String>> api = apiGrid("rows=age_band&columns=residence&" + RANGE);
    List<List<String>> shown = new ArrayList<>();
    for (var row : page.locator("#figures tr").all()) {
      shown.add(row.locator("th, td").allInnerTexts().stream().map(String::trim).toList());
    }
    Assertions.assertThat(shown).isEqualTo(api);
    // Punjab's five cases of 2020-2021 only: Sindh's are not in the total.
    Assertions.assertThat(api.get(api.size() - 1).get(api.get(0).size() - 1)).isEqualTo("5");
    Assertions.assertThat(page.getByTestId("completeness").innerText())
        .contains("residence not recorded: 20%");

    // The CSV holds the same lines.
    Download csv = page.waitForDownload(() -> page.getByTestId("download-csv").click());
    List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
    Assertions.assertThat(lines.subList(2, 2 + api.size()))
        .containsExactlyElementsOf(api.stream().map(row -> String.join(",", row)).toList());

    // The Excel file opens, with the same figures.
    Download xlsx = page.waitForDownload(() -> page.getByTestId("download-xlsx").click());
    Assertions.assertThat(xlsx.suggestedFilename()).isEqualTo("statistics-reported-cases.xlsx");
    try (InputStream in = Files.newInputStream(xlsx.path());
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      List<List<String>> read = new ArrayList<>();
      for (int r = 2; r < 2 + api.size(); r++) {
        List<String> row = new ArrayList<>();
        sheet.getRow(r).forEach(cell -> row.add(formatter.formatCellValue(cell)));
        read.add(row);
      }
      Assertions.assertThat(read).isEqualTo(api);
    }

    // The annex PDF, for 2020-2022 in Punjab, holds the API's reported cases by period and sex.
    Download pdf = page.waitForDownload(() -> page.getByTestId("annex-pdf").click());
    Assertions.assertThat(pdf.suggestedFilename()).isEqualTo("opsc-annex-PB-2020-2022.pdf");
    List<List<String>> byYear = apiGrid("rows=period&columns=sex&from=2020-01-01&to=2022-12-31"
        + "&offences=SALE_OF_CHILD,EXPLOITATION_IN_PROSTITUTION,ORGAN_TRANSFER,FORCED_LABOUR,CSAM,"
        + "ONLINE_SEXUAL_EXPLOITATION,CHILD_MARRIAGE,SEXUAL_EXPLOITATION_TRAVEL_TOURISM,SEXUAL_ABUSE");
    try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
      String text = new PDFTextStripper().getText(document);
      Assertions.assertThat(text).contains("CRC/C/OPSC/PAK/Q/1").contains("Paragraph 2(d)")
          .contains("Definitions of the indicators").doesNotContain("PB-2020-98");
      for (List<String> row : byYear.subList(1, byYear.size())) {
        Assertions.assertThat(text).contains(String.join(" ", row));
      }
    }
    Assertions.assertThat(pageErrors).isEmpty();
  }
}
