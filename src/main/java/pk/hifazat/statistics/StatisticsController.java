package pk.hifazat.statistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.AreaDeniedException;
import pk.hifazat.area.UserArea;
import pk.hifazat.area.UserAreas;
import pk.hifazat.support.InvalidQueryException;
import pk.hifazat.support.NotFoundException;

/**
 * {@code /api/statistics/...}: the indicators, any indicator as a table (JSON, CSV, Excel), and
 * the OPSC annex (JSON, printable page, PDF, CSV, Excel), cut to the user's area: a province's
 * manager sees that province only, national managers and policy staff the country. Figures only,
 * never a case number (R-NO-DISCLOSURE, R-DATA-DISAGGREGATED).
 */
@RestController
class StatisticsController {

  private static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final int MAX_YEARS = 10;

  private final IndicatorDictionary dictionary;
  private final Tables tables;
  private final Annex annex;
  private final UserAreas areas;

  StatisticsController(IndicatorDictionary dictionary, Tables tables, Annex annex,
      UserAreas areas) {
    this.dictionary = dictionary;
    this.tables = tables;
    this.annex = annex;
    this.areas = areas;
  }

  record DimensionView(String id, String label) {}

  record IndicatorView(String id, String wording, String unit, String source,
      String definition, List<DimensionView> dimensions) {}

  record Dictionary(int suppressionThreshold, String suppressionRule,
      List<IndicatorView> indicators) {}

  @GetMapping("/api/statistics/indicators")
  Dictionary indicators(Authentication user) {
    reader(user);
    return new Dictionary(dictionary.threshold(), dictionary.suppressionRule(),
        dictionary.inOrder().stream().map(indicator -> new IndicatorView(indicator.id(),
            indicator.wording(), indicator.unit(),
            indicator.source() == null ? "ratio of " + indicator.numerator() + " to "
                + indicator.denominator() : indicator.source().id,
            indicator.definition(), dimensionsOf(indicator))).toList());
  }

  /** What a table is asked for: its dimensions and its scope, all optional query parameters. */
  record TableQuery(String rows, String columns, String from, String to, String period,
      String province, String district, String offences) {}

  @GetMapping("/api/statistics/tables/{id}")
  StatTable table(Authentication user, @PathVariable String id, TableQuery query) {
    return table(id, query, scope(user, query));
  }

  private StatTable table(String id, TableQuery query, Scope scope) {
    String rows = query.rows();
    String columns = query.columns();
    Indicator indicator = indicator(id);
    Dimension rowDimension = dimension(indicator, "rows", rows == null ? "sex" : rows);
    Dimension columnDimension = columns == null || columns.isBlank() ? null
        : dimension(indicator, "columns", columns);
    if (rowDimension == columnDimension) {
      throw new InvalidQueryException("columns", "must differ from rows");
    }
    return tables.table(indicator, rowDimension, columnDimension, scope);
  }

  /**
   * How long children waited from their report to the indicator's step (the first of its facts
   * for each child in the period), by {@code rows} (default sex): medians and 90th percentiles
   * in days, groups too small for the suppression threshold hidden.
   */
  @GetMapping("/api/statistics/times/{id}")
  TimesToStep.Report times(Authentication user, @PathVariable String id, TableQuery query) {
    Scope scope = scope(user, query);
    Indicator indicator = indicator(id);
    if (indicator.source() == null || indicator.source() == FactSource.CASE_FILE) {
      throw new InvalidQueryException("id", "must be an indicator of a step after the report");
    }
    Dimension by = dimension(indicator, "rows", query.rows() == null ? "sex" : query.rows());
    if (by.multiValued()) {
      throw new InvalidQueryException("rows", "must name one category per child");
    }
    return TimesToStep.of(indicator, by, tables.waits(indicator, by, scope),
        dictionary.threshold(), raw -> label(by, scope, raw));
  }

  private static String label(Dimension by, Scope scope, String raw) {
    if (raw == null || raw.isBlank()) {
      return Dimension.NOT_RECORDED;
    }
    if (by == Dimension.PERIOD) {
      return scope.periods().get(Integer.parseInt(raw)).label();
    }
    String value = by.freeText() ? raw.strip() : raw;
    return by.known.getOrDefault(value, value);
  }

  @GetMapping("/api/statistics/tables/{id}.csv")
  ResponseEntity<byte[]> tableCsv(Authentication user, @PathVariable String id,
      TableQuery query) {
    Scope scope = scope(user, query);
    StatTable table = table(id, query, scope);
    return file(Downloads.csv(List.of(new Downloads.Titled(null, describe(scope), table)),
            dictionary.suppressionRule()).getBytes(StandardCharsets.UTF_8), CSV,
        "statistics-" + id + ".csv");
  }

  @GetMapping("/api/statistics/tables/{id}.xlsx")
  ResponseEntity<byte[]> tableXlsx(Authentication user, @PathVariable String id,
      TableQuery query) {
    Scope scope = scope(user, query);
    StatTable table = table(id, query, scope);
    return file(Downloads.xlsx(List.of(new Downloads.Titled(null, describe(scope), table)),
        dictionary.suppressionRule()), XLSX, "statistics-" + id + ".xlsx");
  }

  @GetMapping("/api/statistics/annex")
  Annex.Report annex(Authentication user, @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String province,
      @RequestParam(required = false) String district) {
    int thisYear = ClockUtil.getCurrentTime().toInstant().atZone(Scope.PAKISTAN).getYear();
    int first = from == null ? thisYear - 3 : from;
    int last = to == null ? first + 2 : to;
    if (first < 2000 || first > thisYear) {
      throw new InvalidQueryException("from", "must be a year from 2000 to " + thisYear);
    }
    if (last < first || last - first >= MAX_YEARS) {
      throw new InvalidQueryException("to", "must be a year from 'from' to " + MAX_YEARS
          + " years after it");
    }
    UserArea.AreaFilter area = area(user, province, district);
    Scope scope = new Scope(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31),
        area.province(), area.district(), Scope.Period.YEAR, List.of());
    return annex.report(scope, zone(area));
  }

  @GetMapping(value = "/api/statistics/annex.html", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> annexPage(Authentication user,
      @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String province,
      @RequestParam(required = false) String district) {
    return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(Downloads.html(annex(user, from, to, province, district), generated()));
  }

  @GetMapping("/api/statistics/annex.pdf")
  ResponseEntity<byte[]> annexPdf(Authentication user,
      @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String province,
      @RequestParam(required = false) String district) {
    Annex.Report report = annex(user, from, to, province, district);
    return file(Downloads.pdf(Downloads.html(report, generated())), MediaType.APPLICATION_PDF,
        "opsc-annex-" + report.zone().replaceAll("[^A-Za-z0-9]+", "-") + "-"
            + report.fromYear() + "-" + report.toYear() + ".pdf");
  }

  @GetMapping("/api/statistics/annex.csv")
  ResponseEntity<byte[]> annexCsv(Authentication user,
      @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String province,
      @RequestParam(required = false) String district) {
    Annex.Report report = annex(user, from, to, province, district);
    return file(Downloads.csv(titled(report), report.suppressionRule())
        .getBytes(StandardCharsets.UTF_8), CSV, "opsc-annex.csv");
  }

  @GetMapping("/api/statistics/annex.xlsx")
  ResponseEntity<byte[]> annexXlsx(Authentication user,
      @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
      @RequestParam(required = false) String province,
      @RequestParam(required = false) String district) {
    Annex.Report report = annex(user, from, to, province, district);
    return file(Downloads.xlsx(titled(report), report.suppressionRule()), XLSX,
        "opsc-annex.xlsx");
  }

  private static List<Downloads.Titled> titled(Annex.Report report) {
    List<Downloads.Titled> titled = new ArrayList<>();
    String scope = report.zone() + ", " + report.fromYear() + "-" + report.toYear();
    for (Annex.SectionTables section : report.sections()) {
      for (StatTable table : section.tables()) {
        titled.add(new Downloads.Titled("Paragraph " + section.id() + ": " + section.heading(),
            scope, table));
      }
    }
    return titled;
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  private static String generated() {
    return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), Scope.PAKISTAN)
        .format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'PKT'", Locale.ENGLISH));
  }

  private Indicator indicator(String id) {
    Indicator indicator = dictionary.get(id);
    if (indicator == null) {
      throw new NotFoundException("No indicator " + id);
    }
    return indicator;
  }

  private List<DimensionView> dimensionsOf(Indicator indicator) {
    List<DimensionView> views = new ArrayList<>();
    for (Dimension dimension : indicator.dimensions()) {
      views.add(new DimensionView(dimension.id, indicator.label(dimension)));
    }
    for (Dimension dimension : Dimension.ALWAYS) {
      views.add(new DimensionView(dimension.id, dimension.label));
    }
    return views;
  }

  private static Dimension dimension(Indicator indicator, String parameter, String id) {
    Dimension dimension = Dimension.byId(id.trim().toLowerCase(Locale.ROOT))
        .filter(indicator::allows)
        .orElseThrow(() -> new InvalidQueryException(parameter, "must be one of "
            + indicator.dimensions().stream().map(d -> d.id).toList() + " or "
            + Dimension.ALWAYS.stream().map(d -> d.id).toList()));
    return dimension;
  }

  private Scope scope(Authentication user, TableQuery query) {
    String from = query.from();
    String to = query.to();
    String period = query.period();
    String offences = query.offences();
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(Scope.PAKISTAN).toLocalDate();
    LocalDate last = date("to", to, today);
    LocalDate first = date("from", from, last.withDayOfYear(1).minusYears(2));
    if (first.isAfter(last)) {
      throw new InvalidQueryException("from", "must not be after 'to'");
    }
    if (first.plusYears(MAX_YEARS).isBefore(last)) {
      throw new InvalidQueryException("from", "the range may span at most " + MAX_YEARS
          + " years");
    }
    Scope.Period length = period == null || period.isBlank() ? Scope.Period.YEAR
        : pk.hifazat.support.QueryParameters.oneOf("period", period, Scope.Period.class);
    List<String> limitedTo = new ArrayList<>();
    if (offences != null && !offences.isBlank()) {
      for (String offence : offences.split(",")) {
        String key = offence.trim().toUpperCase(Locale.ROOT);
        if (!Dimension.OFFENCE_TYPE.known.containsKey(key)) {
          throw new InvalidQueryException("offences", "must be offence types among "
              + Dimension.OFFENCE_TYPE.known.keySet());
        }
        limitedTo.add(key);
      }
    }
    UserArea.AreaFilter area = area(user, query.province(), query.district());
    return new Scope(first, last, area.province(), area.district(), length, limitedTo);
  }

  private static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(name, "must be a date such as 2025-01-31");
    }
  }

  /** Managers see their area, national managers and policy staff the country. */
  private UserArea.AreaFilter area(Authentication user, String province, String district) {
    UserArea area = reader(user);
    if (province != null && !province.isBlank()
        && Arrays.stream(new String[] {"PB", "SD", "KP", "BA", "ICT", "GB", "AJK"})
            .noneMatch(zone -> zone.equalsIgnoreCase(province.trim()))) {
      throw new InvalidQueryException("province", "must be one of PB, SD, KP, BA, ICT, GB, AJK");
    }
    UserArea.AreaFilter filter = area.narrow(province, district);
    return new UserArea.AreaFilter(
        filter.province() == null ? null : filter.province().toUpperCase(Locale.ROOT),
        filter.district());
  }

  /** Statistics are for managers (of a province or the country) and policy staff. */
  private UserArea reader(Authentication user) {
    UserArea area = areas.of(user);
    if (area.scope() != UserArea.Scope.NATIONAL && area.scope() != UserArea.Scope.PROVINCE) {
      throw new AreaDeniedException("The statistics are for managers and policy staff");
    }
    return area;
  }

  private static String zone(UserArea.AreaFilter area) {
    if (area.province() == null) {
      return area.district() == null ? "Pakistan" : area.district();
    }
    return area.district() == null ? area.province() : area.district() + " (" + area.province()
        + ")";
  }

  private static String describe(Scope scope) {
    String area = scope.province() == null ? "Pakistan" : scope.district() == null
        ? scope.province() : scope.district() + " (" + scope.province() + ")";
    return area + ", " + scope.from() + " to " + scope.toInclusive() + ", by "
        + scope.period().name().toLowerCase(Locale.ROOT);
  }
}
