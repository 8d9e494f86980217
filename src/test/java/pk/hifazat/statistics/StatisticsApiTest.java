package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.HifazatTest;

/**
 * The statistics API as managers, policy staff and others call it: each sees their own area
 * only, small numbers arrive suppressed, no case number ever appears, and the downloads hold the
 * API's numbers (R-DATA-DISAGGREGATED, R-NO-DISCLOSURE).
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiTest {

  private static final String HUNZA = "province=GB&district=Hunza&from=2020-01-01&to=2021-12-31";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  private HandMadeCases cases;

  @BeforeAll
  void recordTheCases() {
    cases = new HandMadeCases(jdbc);
    cases.record();
  }

  @AfterAll
  void removeTheCases() {
    cases.remove();
  }

  private MockHttpServletResponse as(String user, String url) throws Exception {
    return mvc.perform(get(url).with(httpBasic(user, "demo"))).andReturn().getResponse();
  }

  private JsonNode read(MockHttpServletResponse response) throws Exception {
    return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("A province's manager is refused another province's figures, however it is spelt (R-NO-DISCLOSURE)")
  void provincialManagerIsRefusedAnotherProvince() throws Exception {
    for (String url : List.of("/api/statistics/tables/reported-cases?" + HUNZA,
        "/api/statistics/tables/reported-cases?province=gb",
        "/api/statistics/tables/reported-cases?province=Gb",
        "/api/statistics/tables/reported-cases.csv?province=GB",
        "/api/statistics/tables/reported-cases.xlsx?province=SD",
        "/api/statistics/annex?province=KP",
        "/api/statistics/annex.pdf?province=GB&from=2020",
        "/api/statistics/annex.html?province=ICT")) {
      MockHttpServletResponse response = as("manager.punjab", url);
      assertThat(response.getStatus()).as(url).isEqualTo(403);
      assertThat(read(response).get("title").asText()).as(url).isEqualTo("Not your area");
    }
  }

  @Test
  @DisplayName("A province's manager gets that province's figures only (R-DATA-DISAGGREGATED)")
  void provincialManagerSeesTheProvinceOnly() throws Exception {
    // Hunza is in Gilgit-Baltistan: asked of Punjab, it has no case.
    JsonNode table = read(as("manager.punjab",
        "/api/statistics/tables/reported-cases?district=Hunza&from=2020-01-01&to=2021-12-31"));
    assertThat(table.get("total").get("value").asLong()).isZero();

    JsonNode annex = read(as("manager.punjab", "/api/statistics/annex?from=2020"));
    assertThat(annex.get("zone").asText()).isEqualTo("PB");
  }

  @Test
  @DisplayName("National managers and policy staff see every province; small numbers arrive hidden (R-NO-DISCLOSURE)")
  void nationalFiguresWithSmallNumbersHidden() throws Exception {
    for (String user : List.of("admin", "policy.editor")) {
      JsonNode table = read(as(user, "/api/statistics/tables/reported-cases?rows=sex&" + HUNZA));
      // Girls 2, boys 2, other 1: each under 5, hidden; the total of 5 is shown.
      for (JsonNode cell : table.get("cells")) {
        assertThat(cell.get(0).get("suppressed").asBoolean()).as(user).isTrue();
        assertThat(cell.get(0).get("value").isNull()).as(user).isTrue();
      }
      assertThat(table.get("total").get("value").asLong()).as(user).isEqualTo(5);
    }
  }

  @Test
  @DisplayName("No case number in any answer or file of the statistics (R-NO-DISCLOSURE)")
  void noCaseNumberAnywhere() throws Exception {
    for (String url : List.of("/api/statistics/tables/reported-cases?rows=offence_type&columns=sex&"
            + HUNZA, "/api/statistics/tables/referrals?rows=agency&" + HUNZA,
        "/api/statistics/tables/reported-cases.csv?rows=religion&" + HUNZA,
        "/api/statistics/annex?province=GB&from=2020", "/api/statistics/annex.csv?province=GB&from=2020",
        "/api/statistics/annex.html?province=GB&from=2020")) {
      String body = as("admin", url).getContentAsString(StandardCharsets.UTF_8);
      assertThat(body).as(url).doesNotContain(cases.caseNumber(1)).doesNotContain("GB-2020-99")
          .doesNotContain("stat-99-");
    }
  }

  @Test
  @DisplayName("Officers and supervisors read no statistics; the dictionary's words come back (R-DATA-DISAGGREGATED)")
  void officersAndSupervisorsAreRefused() throws Exception {
    for (String user : List.of("cpo.lahore.f", "supervisor.lahore", "focal.police.lahore")) {
      assertThat(as(user, "/api/statistics/indicators").getStatus()).as(user).isEqualTo(403);
      assertThat(as(user, "/api/statistics/tables/reported-cases").getStatus()).as(user)
          .isEqualTo(403);
    }
    JsonNode dictionary = read(as("manager.punjab", "/api/statistics/indicators"));
    assertThat(dictionary.get("suppressionThreshold").asInt()).isEqualTo(5);
    assertThat(dictionary.get("indicators").findValuesAsText("id"))
        .contains("reported-cases", "produced-on-time-share", "compensation-paid-amount");
  }

  @Test
  @DisplayName("A wrong dimension, date or indicator is a problem answer naming it")
  void badQueriesAreProblems() throws Exception {
    MockHttpServletResponse rows = as("admin", "/api/statistics/tables/custody?rows=agency");
    assertThat(rows.getStatus()).isEqualTo(400);
    assertThat(rows.getContentType()).startsWith("application/problem+json");
    assertThat(read(rows).get("errors").get(0).get("field").asText()).isEqualTo("rows");
    assertThat(as("admin", "/api/statistics/tables/reported-cases?from=2020-13-01").getStatus())
        .isEqualTo(400);
    assertThat(as("admin", "/api/statistics/tables/reported-cases?period=week").getStatus())
        .isEqualTo(400);
    assertThat(as("admin", "/api/statistics/tables/reported-cases?offences=MURDER").getStatus())
        .isEqualTo(400);
    assertThat(as("admin", "/api/statistics/annex?from=2020&to=2035").getStatus()).isEqualTo(400);
    assertThat(as("admin", "/api/statistics/tables/no-such-indicator").getStatus())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("Times from report to production for a manager of the zone, small groups hidden; officers refused; a step-less indicator or a many-valued group refused (R-COURT-24H, R-DATA-DISAGGREGATED)")
  void timesToAStepFollowTheAreaAndSuppression() throws Exception {
    MockHttpServletResponse times = as("admin", "/api/statistics/times/children-produced?"
        + HUNZA);
    assertThat(times.getStatus()).as(times.getContentAsString()).isEqualTo(200);
    JsonNode report = read(times);
    // Two girls produced: fewer than the threshold of 5, so neither their number nor times.
    assertThat(report.get("rows").get(0).get("suppressed").asBoolean()).isTrue();
    assertThat(report.get("rows").get(0).get("medianDays").isNull()).isTrue();
    assertThat(report.get("note").asText()).contains("fewer than 5");
    assertThat(as("manager.punjab", "/api/statistics/times/children-produced?province=GB")
        .getStatus()).isEqualTo(403);
    assertThat(as("cpo.lahore.f", "/api/statistics/times/children-produced").getStatus())
        .isEqualTo(403);
    MockHttpServletResponse stepless = as("admin", "/api/statistics/times/reported-cases");
    assertThat(stepless.getStatus()).isEqualTo(400);
    assertThat(read(stepless).get("errors").get(0).get("field").asText()).isEqualTo("id");
    assertThat(as("admin", "/api/statistics/times/children-produced?rows=offence_type")
        .getStatus()).isEqualTo(400);
  }

  @Test
  @DisplayName("The CSV and Excel files hold the API's numbers, suppressed cells as x (R-DATA-DISAGGREGATED)")
  void downloadsHoldTheApiNumbers() throws Exception {
    String query = "?rows=age_band&columns=sex&" + HUNZA.replace("province=GB&district=Hunza&",
        "province=GB&");
    List<List<String>> api = Downloads.grid(json.treeToValue(
        read(as("admin", "/api/statistics/tables/reported-cases" + query)), StatTable.class));

    String csv = as("admin", "/api/statistics/tables/reported-cases.csv" + query)
        .getContentAsString(StandardCharsets.UTF_8);
    List<String> lines = List.of(csv.split("\r\n"));
    assertThat(lines.subList(2, 2 + api.size()))
        .containsExactlyElementsOf(api.stream().map(row -> String.join(",", row)).toList());

    MockHttpServletResponse xlsx = as("admin",
        "/api/statistics/tables/reported-cases.xlsx" + query);
    assertThat(xlsx.getHeader("Content-Disposition")).contains("statistics-reported-cases.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(
        new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      List<List<String>> read = new ArrayList<>();
      for (int r = 2; r < 2 + api.size(); r++) {
        List<String> row = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Cell cell : sheet.getRow(r)) {
          row.add(formatter.formatCellValue(cell));
        }
        read.add(row);
      }
      assertThat(read).isEqualTo(api);
    }
  }

  @Test
  @DisplayName("The OPSC annex as a PDF states its zone, the definitions and the suppression rule (R-DATA-DISAGGREGATED)")
  void annexPdfStatesDefinitionsAndSuppression() throws Exception {
    MockHttpServletResponse pdf = as("admin", "/api/statistics/annex.pdf?province=GB&from=2020");
    assertThat(pdf.getStatus()).isEqualTo(200);
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("CRC/C/OPSC/PAK/Q/1").contains("Zone:").contains("GB")
          .contains("Years 2020–2022")
          .contains("Paragraph 2(a)").contains("Paragraph 2(d)")
          .contains("Definitions of the indicators").contains("Counts from 1 to 4")
          .doesNotContain("GB-2020-99");
    }
  }
}
