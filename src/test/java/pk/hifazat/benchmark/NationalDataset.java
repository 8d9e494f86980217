package pk.hifazat.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import pk.hifazat.area.AreaGroups;

/**
 * A country's ten years of cases, generated deterministically and written with JDBC batches
 * straight into the application's tables (case_file, task_fact, sla_clock) and into the engine's
 * history (ACT_HI_PROCINST, ACT_HI_TASKINST, ACT_HI_VARINST), with the running cases' grants
 * (ACT_RU_AUTHORIZATION), so that the application's figures
 * and the same figures from Camunda's HistoryService are computed from the same facts.
 *
 * <p>Each case runs the court production pathway of {@code processes/court-production.bpmn}:
 * (Sindh: apply to a magistrate), arrange production, (temporary custody), (trafficking: request
 * protections), produce before the court within 24 hours of custody (R-COURT-24H, about 10%
 * late, a supervisor's breach review then), record the order, admit or hand over the child, and
 * record the final decision within four months of production (R-DECISION-4M), with the delay
 * letter after 60 days (R-DELAY-60D). The identification deadline (R-ID-EARLY) of the case
 * process is a clock too. Exactly {@code open} cases are still open "now": the recent ones that
 * have not finished, and a backlog of older cases still awaiting the court's decision.
 */
final class NationalDataset {

  static final String COURT_PRODUCTION = "courtProduction";
  static final String CASE_PROCESS = "childProtectionCase";
  static final String IDENTIFICATION_PROCESS = "identification";

  static final String T_MAGISTRATE = "Task_ApplyToMagistrate";
  static final String T_ARRANGE = "Task_ArrangeProduction";
  static final String T_TEMP_CUSTODY = "Task_PlaceInTemporaryCustody";
  static final String T_PROTECTIONS = "Task_RequestTraffickingProtections";
  static final String T_PRODUCE = "Task_ProduceBeforeCourt";
  static final String T_COURT_BREACH = "Task_ReviewCourtBreach";
  static final String T_ORDER = "Task_RecordCourtOrder";
  static final String T_ADMIT = "Task_AdmitToInstitution";
  static final String T_HAND_OVER = "Task_HandOverChild";
  static final String T_DECISION = "Task_RecordFinalDecision";
  static final String T_DELAY_LETTER = "Task_RecordDelayLetter";
  static final String T_DECISION_OVERDUE = "Task_ReviewDecisionOverdue";

  static final List<String> ACTIVITIES = List.of(T_MAGISTRATE, T_ARRANGE, T_TEMP_CUSTODY,
      T_PROTECTIONS, T_PRODUCE, T_COURT_BREACH, T_ORDER, T_ADMIT, T_HAND_OVER, T_DECISION,
      T_DELAY_LETTER, T_DECISION_OVERDUE);

  static final String R_ID_EARLY = "R-ID-EARLY";
  static final String R_COURT_24H = "R-COURT-24H";
  static final String R_DECISION_4M = "R-DECISION-4M";
  static final String R_DELAY_60D = "R-DELAY-60D";
  static final List<String> RULES = List.of(R_ID_EARLY, R_COURT_24H, R_DECISION_4M, R_DELAY_60D);

  static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

  /** The tables the load writes. */
  static final List<String> TABLES = List.of("case_file", "sla_clock", "task_fact",
      "ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_VARINST");

  private static final List<String> PROVINCES = List.of("PB", "SD", "KP", "BA", "ICT", "GB", "AJK");
  /** Roughly by population. */
  private static final double[] PROVINCE_WEIGHTS = {0.50, 0.22, 0.15, 0.06, 0.03, 0.02, 0.02};
  /** Cities that see more cases than a rural district; every other district weighs 1. */
  private static final Map<String, Double> DISTRICT_WEIGHTS = Map.ofEntries(
      Map.entry("Lahore", 10.0), Map.entry("Faisalabad", 6.0), Map.entry("Rawalpindi", 5.0),
      Map.entry("Gujranwala", 4.0), Map.entry("Multan", 4.0), Map.entry("Sialkot", 2.5),
      Map.entry("Karachi Central", 4.0), Map.entry("Karachi East", 4.0),
      Map.entry("Karachi South", 3.0), Map.entry("Karachi West", 4.0), Map.entry("Korangi", 3.0),
      Map.entry("Malir", 3.0), Map.entry("Keamari", 2.0), Map.entry("Hyderabad", 3.0),
      Map.entry("Sukkur", 2.0), Map.entry("Peshawar", 6.0), Map.entry("Mardan", 2.5),
      Map.entry("Swat", 2.0), Map.entry("Abbottabad", 2.0), Map.entry("Quetta", 6.0),
      Map.entry("Gilgit", 3.0), Map.entry("Skardu", 2.0), Map.entry("Muzaffarabad", 3.0),
      Map.entry("Mirpur", 2.5));

  private static final String[] SOURCES = {"HELPLINE_1098", "HELPLINE_1099", "POLICE",
      "CHILD_PROTECTION_UNIT", "HOSPITAL_CPU", "COMPLAINT_OFFICE", "SCHOOL", "NGO",
      "ONLINE_PORTAL", "FAMILY", "SELF"};
  private static final double[] SOURCE_WEIGHTS = {20, 6, 25, 15, 5, 4, 5, 8, 4, 6, 2};
  private static final String[] OFFENCES = {"SALE_OF_CHILD", "TRAFFICKING",
      "EXPLOITATION_IN_PROSTITUTION", "CSAM", "ONLINE_SEXUAL_EXPLOITATION",
      "SEXUAL_EXPLOITATION_TRAVEL_TOURISM", "CHILD_MARRIAGE", "FORCED_LABOUR", "ORGAN_TRANSFER",
      "ILLEGAL_ADOPTION", "SEXUAL_ABUSE"};
  private static final double[] OFFENCE_WEIGHTS = {4, 0, 10, 5, 6, 1, 12, 14, 0.5, 2, 25};

  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long NEVER = Long.MAX_VALUE;
  private static final long HISTORY_TIME_TO_LIVE = 3650 * DAY;
  private static final int CHUNK = 2_000;
  private static final int BATCH = 1_000;

  record Settings(int cases, int open, int years, long seed, int threads) {}

  record District(String province, String name, double weight) {}

  /** What was written, for the report. */
  static final class Summary {
    int cases;
    int openCases;
    long taskFacts;
    long openTasks;
    long clocks;
    final Map<String, long[]> clocksByRule = new TreeMap<>(); // rule -> {total, breached}
    final Map<String, Integer> casesByProvince = new LinkedHashMap<>();
    int lahoreCases;
    Duration loadTime;
    Duration writeTime;
    Duration indexTime = Duration.ZERO;
    int indexes;
    Instant now;

    String describe() {
      StringBuilder text = new StringBuilder();
      text.append(String.format(Locale.ROOT,
          "%,d cases (%,d open), %,d task facts (%,d open) and as many historic task instances,"
              + " %,d process instances, %,d deadline clocks; loaded in %d s (rows %d s, %d"
              + " secondary indexes rebuilt in %d s)%n",
          cases, openCases, taskFacts, openTasks, cases, clocks, loadTime.toSeconds(),
          writeTime.toSeconds(), indexes, indexTime.toSeconds()));
      text.append("  cases by province: ").append(casesByProvince)
          .append(String.format(Locale.ROOT, ", of which Lahore %,d%n", lahoreCases));
      text.append("  clocks breached by rule:");
      clocksByRule.forEach((rule, counts) -> text.append(String.format(Locale.ROOT,
          " %s %,d/%,d (%.1f%%)", rule, counts[1], counts[0], 100.0 * counts[1] / counts[0])));
      return text.append(System.lineSeparator()).toString();
    }
  }

  private final Settings settings;
  private final Instant now;
  private final long nowMs;
  private final Map<String, List<District>> districtsByProvince = new HashMap<>();
  private final Map<String, String> activityNames;

  // Pass 1 results, by case index (cases ordered by report time).
  private long[] reportedAt;
  private byte[] provinceIndex;
  private int[] caseSequence;
  private int[] caseYear;
  private boolean[] stuck;

  NationalDataset(Settings settings, Instant now, List<District> districts,
      Map<String, String> activityNames) {
    this.settings = settings;
    this.now = now;
    this.nowMs = now.toEpochMilli();
    for (District district : districts) {
      districtsByProvince.computeIfAbsent(district.province(), p -> new ArrayList<>())
          .add(district);
    }
    for (String province : PROVINCES) {
      if (!districtsByProvince.containsKey(province)) {
        throw new IllegalStateException("No district of " + province + " in the registry");
      }
    }
    for (String activity : ACTIVITIES) {
      if (!activityNames.containsKey(activity)) {
        throw new IllegalStateException("The deployed courtProduction has no user task "
            + activity + "; the benchmark's pathway model is out of date");
      }
    }
    this.activityNames = activityNames;
  }

  /** The district registry the application uses ({@code districts.csv} on the class path). */
  static List<District> readDistricts() throws IOException {
    List<District> result = new ArrayList<>();
    try (InputStream in = NationalDataset.class.getResourceAsStream("/districts.csv")) {
      if (in == null) {
        throw new IllegalStateException("districts.csv is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.lines().skip(1).map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
        String[] columns = line.split(",", 2);
        String name = columns[1].trim();
        result.add(new District(columns[0].trim(), name,
            DISTRICT_WEIGHTS.getOrDefault(name, 1.0)));
      });
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Generation

  /** One user task of a case, times in epoch milliseconds, NEVER when it has not happened. */
  static final class PlannedTask {
    final String activityId;
    long created;
    long claimed;
    long completed;
    final long due; // NEVER: no due date
    final boolean officer;

    PlannedTask(String activityId, long created, long claimed, long completed, long due,
        boolean officer) {
      this.activityId = activityId;
      this.created = created;
      this.claimed = claimed;
      this.completed = completed;
      this.due = due;
      this.officer = officer;
    }
  }

  /** One deadline clock of a case. {@code createdAt}: when the element that starts it began. */
  record PlannedClock(String rule, String processKey, String element, String kind, long createdAt,
      long started, long warning, long due, long stopped) {}

  /** A case as it stands "now". */
  static final class PlannedCase {
    int index;
    String province;
    String district;
    long reported;
    long custody;
    long end; // NEVER while open
    String childSex;
    int ageYears;
    boolean ageEstimated;
    boolean ageDisputed;
    String nationality;
    String religion;
    String residence;
    String source;
    String offenceTypes;
    String stage;
    long stageEntered;
    final List<PlannedTask> tasks = new ArrayList<>();
    final List<PlannedClock> clocks = new ArrayList<>();

    boolean open(long now) {
      return end == NEVER || end > now;
    }
  }

  /** Pass 1: report times, provinces, case numbers and which cases form the open backlog. */
  void plan() {
    int n = settings.cases();
    Random random = new Random(settings.seed());
    long end = nowMs - 2 * HOUR;
    long start = end - settings.years() * 365L * DAY;
    reportedAt = new long[n];
    for (int i = 0; i < n; i++) {
      // Reports grow over the years: density rising linearly from 0.6 to 1.4.
      double u = random.nextDouble();
      double x = (-0.6 + Math.sqrt(0.36 + 1.6 * u)) / 0.8;
      reportedAt[i] = start + (long) (x * (end - start));
    }
    Arrays.sort(reportedAt);
    provinceIndex = new byte[n];
    caseSequence = new int[n];
    caseYear = new int[n];
    stuck = new boolean[n];
    Map<String, Integer> counters = new HashMap<>();
    int naturallyOpen = 0;
    for (int i = 0; i < n; i++) {
      PlannedCase planned = generate(i, false);
      provinceIndex[i] = (byte) PROVINCES.indexOf(planned.province);
      int year = Instant.ofEpochMilli(planned.reported).atZone(PAKISTAN).getYear();
      caseYear[i] = year;
      caseSequence[i] = counters.merge(planned.province + "-" + year, 1, Integer::sum);
      if (planned.open(nowMs)) {
        naturallyOpen++;
        stuck[i] = true; // open anyway; marks "open" for the backlog choice below
      }
    }
    int backlog = settings.open() - naturallyOpen;
    if (backlog < 0) {
      throw new IllegalStateException("Already " + naturallyOpen + " open cases without any"
          + " backlog; ask for at least that many open cases");
    }
    // The backlog: cases still awaiting the court, weighted towards the recent years
    // (Efraimidis-Spirakis weighted sampling without replacement).
    double[] keys = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      double ageDays = (nowMs - reportedAt[i]) / (double) DAY;
      double weight = Math.exp(-ageDays / 500.0);
      keys[i] = stuck[i] ? Double.MAX_VALUE : -Math.log(1 - random.nextDouble()) / weight;
    }
    Arrays.sort(order, (a, b) -> Double.compare(keys[a], keys[b]));
    Arrays.fill(stuck, false);
    for (int k = 0; k < backlog; k++) {
      stuck[order[k]] = true;
    }
  }

  String caseNumber(int i) {
    return String.format(Locale.ROOT, "%s-%d-%06d", PROVINCES.get(provinceIndex[i]), caseYear[i],
        caseSequence[i]);
  }

  /** The case as of now; the same random choices every time for the same index. */
  PlannedCase generate(int i, boolean backlog) {
    Random r = new Random(settings.seed() * 1_000_003L + i * 0x9E3779B97F4A7C15L);
    PlannedCase c = new PlannedCase();
    c.index = i;
    c.province = PROVINCES.get(pick(r, PROVINCE_WEIGHTS));
    List<District> inProvince = districtsByProvince.get(c.province);
    double[] weights = inProvince.stream().mapToDouble(District::weight).toArray();
    c.district = inProvince.get(pick(r, weights)).name();
    double sex = r.nextDouble();
    c.childSex = sex < 0.55 ? "F" : sex < 0.98 ? "M" : "X";
    c.ageYears = Math.min(17, 5 + (int) Math.round(Math.abs(r.nextGaussian()) * 4 + r.nextInt(6)));
    c.ageDisputed = r.nextDouble() < 0.08;
    c.ageEstimated = c.ageDisputed || r.nextDouble() < 0.12;
    double nationality = r.nextDouble();
    c.nationality = nationality < 0.94 ? "PK" : nationality < 0.99 ? "AF"
        : nationality < 0.995 ? "IN" : "BD";
    double religion = r.nextDouble();
    c.religion = religion < 0.5 ? null : religion < 0.95 ? "Islam" : religion < 0.98
        ? "Hinduism" : "Christianity";
    c.residence = r.nextDouble() < 0.55 ? "URBAN" : "RURAL";
    c.source = SOURCES[pick(r, SOURCE_WEIGHTS)];
    boolean trafficking = r.nextDouble() < 0.30;
    String other = OFFENCES[pick(r, OFFENCE_WEIGHTS)];
    c.offenceTypes = trafficking ? (r.nextBoolean() ? "TRAFFICKING," + other : "TRAFFICKING")
        : other;
    boolean sindh = c.province.equals("SD");
    boolean temporaryCustody = r.nextDouble() < 0.40;
    boolean admitted = r.nextDouble() < 0.60;
    boolean productionLate = r.nextDouble() < 0.10;
    boolean identificationLate = r.nextDouble() < 0.10;
    boolean slowCourt = r.nextDouble() < 0.12;
    double stuckAtPlacement = r.nextDouble();
    boolean backlogClaimed = r.nextDouble() < 0.7;

    c.reported = reportedAt[i];
    // R-ID-EARLY: screening (identification) within 24 hours of the report.
    long identification = identificationLate
        ? 24 * HOUR + 5 * MINUTE + (long) exponential(r, 12 * HOUR)
        : clamp(lognormal(r, 3 * HOUR, 0.9), 10 * MINUTE, 23 * HOUR);
    c.custody = c.reported + identification;
    c.clocks.add(new PlannedClock(R_ID_EARLY, IDENTIFICATION_PROCESS, "Task_ScreenReport",
        "POLICY", c.reported, c.reported, c.reported + 18 * HOUR, c.reported + 24 * HOUR,
        c.custody));

    // R-COURT-24H: production before the court within 24 hours of custody.
    long courtDue = c.custody + 24 * HOUR;
    long production = productionLate
        ? 24 * HOUR + 30 * MINUTE + (long) exponential(r, 14 * HOUR)
        : clamp(lognormal(r, 9 * HOUR, 0.45), HOUR, 23 * HOUR + 30 * MINUTE);
    List<String> steps = new ArrayList<>();
    if (sindh) {
      steps.add(T_MAGISTRATE);
    }
    steps.add(T_ARRANGE);
    if (temporaryCustody) {
      steps.add(T_TEMP_CUSTODY);
    }
    if (trafficking) {
      steps.add(T_PROTECTIONS);
    }
    steps.add(T_PRODUCE);
    double[] shares = new double[steps.size()];
    double sum = 0;
    for (int s = 0; s < shares.length; s++) {
      shares[s] = (0.2 + 0.8 * r.nextDouble()) * (steps.get(s).equals(T_PRODUCE) ? 3 : 1);
      sum += shares[s];
    }
    long first = (long) (Math.min(30 * MINUTE, production * 0.1) * r.nextDouble());
    long at = c.custody + first;
    long produced = c.custody + production;
    for (int s = 0; s < shares.length; s++) {
      long length = s == shares.length - 1 ? produced - at
          : (long) ((production - first) * shares[s] / sum);
      long claimed = at + (long) (length * (0.15 + 0.45 * r.nextDouble()));
      c.tasks.add(new PlannedTask(steps.get(s), at, claimed, at + length, courtDue, true));
      at += length;
    }
    c.clocks.add(new PlannedClock(R_COURT_24H, COURT_PRODUCTION, "SubProcess_Production",
        "STATUTE", c.custody, c.custody, courtDue - 6 * HOUR, courtDue, produced));
    if (productionLate) {
      long claimed = courtDue + lognormal(r, 2 * HOUR, 0.8);
      c.tasks.add(new PlannedTask(T_COURT_BREACH, courtDue, claimed,
          claimed + lognormal(r, 3 * HOUR, 0.8), NEVER, false));
    } else {
      r.nextGaussian();
      r.nextGaussian();
    }

    // The court's order, then the placement it orders.
    long orderClaimed = produced + lognormal(r, HOUR, 0.7);
    long ordered = orderClaimed + lognormal(r, 40 * MINUTE, 0.6);
    c.tasks.add(new PlannedTask(T_ORDER, produced, orderClaimed, ordered, NEVER, true));
    long placementClaimed = ordered + Math.min(2 * DAY, lognormal(r, 3 * HOUR, 0.8));
    long placed = placementClaimed + Math.min(3 * DAY, lognormal(r, 4 * HOUR, 0.8));
    PlannedTask placement = new PlannedTask(admitted ? T_ADMIT : T_HAND_OVER, ordered,
        placementClaimed, placed, NEVER, true);
    c.tasks.add(placement);

    // R-DECISION-4M and R-DELAY-60D: the final decision within four months of production, a
    // delay letter after 60 days.
    long decisionDue = Instant.ofEpochMilli(produced).atOffset(ZoneOffset.UTC).plusMonths(4)
        .toInstant().toEpochMilli();
    long delayDue = produced + 60 * DAY;
    long decided = produced + (slowCourt
        ? 45 * DAY + (long) (r.nextDouble() * 155 * DAY)
        : lognormal(r, 32 * DAY, 0.35));
    decided = Math.max(decided, placed + HOUR);
    long decisionClaimed0 = placed + lognormal(r, 20 * HOUR, 0.8);
    long letterClaimed = delayDue + lognormal(r, DAY, 0.8);
    long letterDone = letterClaimed + lognormal(r, 4 * DAY, 0.6);
    long reviewClaimed = decisionDue + lognormal(r, 6 * HOUR, 0.8);
    long reviewDone = reviewClaimed + lognormal(r, 3 * DAY, 0.7);

    boolean placementStuck = backlog && nowMs - c.reported < 120 * DAY && stuckAtPlacement < 0.3;
    if (placementStuck) {
      placement.completed = NEVER;
    } else {
      if (backlog) {
        decided = NEVER;
      }
      long decisionClaimed = decided == NEVER
          ? (decisionClaimed0 < nowMs && backlogClaimed ? decisionClaimed0 : NEVER)
          : Math.min(decisionClaimed0, placed + (decided - placed) / 2);
      c.tasks.add(new PlannedTask(T_DECISION, placed, decisionClaimed, decided, decisionDue,
          true));
      c.clocks.add(new PlannedClock(R_DECISION_4M, COURT_PRODUCTION,
          "SubProcess_AwaitFinalDecision", "STATUTE", placed, produced, decisionDue - 30 * DAY,
          decisionDue, decided));
      c.clocks.add(new PlannedClock(R_DELAY_60D, COURT_PRODUCTION, T_DECISION, "STATUTE", placed,
          produced, delayDue - 7 * DAY, delayDue, decided));
      if (decided >= delayDue) {
        c.tasks.add(new PlannedTask(T_DELAY_LETTER, delayDue, letterClaimed, letterDone, NEVER,
            true));
      }
      if (decided >= decisionDue) {
        c.tasks.add(new PlannedTask(T_DECISION_OVERDUE, decisionDue, reviewClaimed, reviewDone,
            NEVER, false));
      }
    }

    // As things stand now: what has not happened yet is not there, what has not ended is open.
    long end = c.custody;
    for (PlannedTask task : c.tasks) {
      end = Math.max(end, task.completed);
    }
    c.end = end > nowMs ? NEVER : end;
    c.tasks.removeIf(task -> task.created > nowMs);
    for (PlannedTask task : c.tasks) {
      if (task.completed > nowMs) {
        task.completed = NEVER;
      }
      if (task.claimed > nowMs || task.claimed > task.completed) {
        task.claimed = task.completed == NEVER ? NEVER : task.completed;
      }
    }
    c.clocks.removeIf(clock -> clock.createdAt() > nowMs);
    c.clocks.replaceAll(clock -> clock.stopped() > nowMs
        ? new PlannedClock(clock.rule(), clock.processKey(), clock.element(), clock.kind(),
            clock.createdAt(), clock.started(), clock.warning(), clock.due(), NEVER)
        : clock);
    if (c.custody > nowMs) {
      c.stage = "IDENTIFICATION";
      c.stageEntered = c.reported;
    } else if (placement.created > nowMs || placement.completed == NEVER) {
      c.stage = "COURT_PRODUCTION";
      c.stageEntered = c.custody;
    } else if (c.end == NEVER) {
      c.stage = "COURT_PROCEEDINGS";
      c.stageEntered = placement.completed;
    } else {
      c.stage = "COURT_DECIDED";
      c.stageEntered = c.end;
    }
    return c;
  }

  private static int pick(Random r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = r.nextDouble() * total;
    for (int k = 0; k < weights.length; k++) {
      x -= weights[k];
      if (x < 0) {
        return k;
      }
    }
    return weights.length - 1;
  }

  private static long lognormal(Random r, long median, double sigma) {
    return (long) (median * Math.exp(sigma * r.nextGaussian()));
  }

  private static double exponential(Random r, double mean) {
    return -mean * Math.log(1 - r.nextDouble());
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  /** Pass 2: writes every case with JDBC batches, in parallel chunks. */
  Summary load(DataSource dataSource, String processDefinitionId, boolean postgres,
      boolean rebuildIndexes) throws Exception {
    long started = System.nanoTime();
    Summary summary = new Summary();
    SecondaryIndexes indexes = new SecondaryIndexes();
    if (rebuildIndexes) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        indexes.drop(connection, postgres, TABLES);
      }
      summary.indexes = indexes.count();
    }
    summary.now = now;
    int n = settings.cases();
    int chunks = (n + CHUNK - 1) / CHUNK;
    AtomicInteger nextChunk = new AtomicInteger();
    LongAdder taskFacts = new LongAdder();
    LongAdder openTasks = new LongAdder();
    LongAdder clocks = new LongAdder();
    LongAdder openCases = new LongAdder();
    LongAdder lahore = new LongAdder();
    Map<String, LongAdder[]> byRule = new HashMap<>();
    for (String rule : RULES) {
      byRule.put(rule, new LongAdder[] {new LongAdder(), new LongAdder()});
    }
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < settings.threads(); t++) {
        workers.add(pool.submit(() -> {
          try (Connection connection = dataSource.getConnection();
              Writer writer = new Writer(connection, processDefinitionId)) {
            connection.setAutoCommit(false);
            int chunk;
            while ((chunk = nextChunk.getAndIncrement()) < chunks) {
              for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                PlannedCase c = generate(i, stuck[i]);
                writer.write(c, caseNumber(i));
                taskFacts.add(c.tasks.size());
                openTasks.add(c.tasks.stream().filter(task -> task.completed == NEVER).count());
                clocks.add(c.clocks.size());
                if (c.open(nowMs)) {
                  openCases.increment();
                }
                if (c.district.equals("Lahore")) {
                  lahore.increment();
                }
                for (PlannedClock clock : c.clocks) {
                  LongAdder[] counts = byRule.get(clock.rule());
                  counts[0].increment();
                  if (breached(clock, nowMs)) {
                    counts[1].increment();
                  }
                }
              }
              writer.flush();
              connection.commit();
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      writeCounters(connection);
      connection.commit();
    }
    summary.writeTime = Duration.ofNanos(System.nanoTime() - started);
    if (rebuildIndexes) {
      long indexing = System.nanoTime();
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        indexes.recreate(connection);
      }
      summary.indexTime = Duration.ofNanos(System.nanoTime() - indexing);
    }
    summary.cases = n;
    summary.openCases = openCases.intValue();
    summary.taskFacts = taskFacts.sum();
    summary.openTasks = openTasks.sum();
    summary.clocks = clocks.sum();
    summary.lahoreCases = lahore.intValue();
    byRule.forEach((rule, counts) ->
        summary.clocksByRule.put(rule, new long[] {counts[0].sum(), counts[1].sum()}));
    for (String province : PROVINCES) {
      summary.casesByProvince.put(province, 0);
    }
    for (int i = 0; i < n; i++) {
      summary.casesByProvince.merge(PROVINCES.get(provinceIndex[i]), 1, Integer::sum);
    }
    summary.loadTime = Duration.ofNanos(System.nanoTime() - started);
    return summary;
  }

  /** Statistics for the planner, as a database that has run for a while would have them. */
  static void analyze(DataSource dataSource, boolean postgres) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      if (postgres) {
        for (String table : TABLES) {
          statement.execute("vacuum analyze " + table.toLowerCase(Locale.ROOT));
        }
      } else {
        statement.execute("analyze");
      }
    }
  }

  static boolean breached(PlannedClock clock, long now) {
    long end = clock.stopped() == NEVER ? now : clock.stopped();
    return end >= clock.due();
  }

  private void writeCounters(Connection connection) throws SQLException {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < settings.cases(); i++) {
      last.merge(PROVINCES.get(provinceIndex[i]) + "," + caseYear[i], caseSequence[i], Math::max);
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into case_number_counter (province, counter_year, last_value) values (?, ?, ?)")) {
      for (Map.Entry<String, Integer> entry : last.entrySet()) {
        String[] key = entry.getKey().split(",");
        insert.setString(1, key[0]);
        insert.setInt(2, Integer.parseInt(key[1]));
        insert.setLong(3, entry.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The batched inserts of one connection. */
  private final class Writer implements AutoCloseable {

    private final String processDefinitionId;
    private final Batch caseFile;
    private final Batch clock;
    private final Batch taskFact;
    private final Batch procInst;
    private final Batch taskInst;
    private final Batch varInst;
    private final Batch grant;
    private final List<Batch> all;

    Writer(Connection connection, String processDefinitionId) throws SQLException {
      this.processDefinitionId = processDefinitionId;
      caseFile = new Batch(connection, """
          insert into case_file (case_number, process_instance_id, province, district,
            reported_at, source, child_sex, child_age_years, age_estimated, age_disputed,
            nationality, religion, ethnicity, socioeconomic_status, residence, offence_types,
            custody_taken_at, stage, stage_entered_at, registered_at, registered_by)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
      clock = new Batch(connection, """
          insert into sla_clock (id, case_number, process_instance_id, process_definition_key,
            element_id, rule_id, kind, province, district, agency, started_at, warning_at,
            due_at, status, at_risk_at, breached_at, stopped_at, stop_reason)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
      taskFact = new Batch(connection, """
          insert into task_fact (task_id, case_number, process_instance_id,
            process_definition_key, activity_id, activity_name, province, district, agency,
            created_at, claimed_at, completed_at, due_at, wait_seconds, handle_seconds,
            completed_late, state)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
      procInst = new Batch(connection, """
          insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_,
            PROC_DEF_ID_, START_TIME_, END_TIME_, REMOVAL_TIME_, DURATION_, START_ACT_ID_,
            END_ACT_ID_, SUPER_PROCESS_INSTANCE_ID_, ROOT_PROC_INST_ID_, STATE_)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
      taskInst = new Batch(connection, """
          insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,
            ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, ASSIGNEE_,
            START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, DUE_DATE_,
            REMOVAL_TIME_, TASK_STATE_)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
      varInst = new Batch(connection, """
          insert into ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,
            PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_,
            TEXT_, STATE_, REMOVAL_TIME_)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
      grant = new Batch(connection, """
          insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_,
            RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)
          values (?, 1, ?, ?, null, ?, ?, ?)""");
      all = List.of(caseFile, clock, taskFact, procInst, taskInst, varInst, grant);
    }

    /**
     * The grants a running case holds, as the application gives them (security.CaseAccessGrants):
     * its officers (a girl's: female) and supervisors read it and its history, its province's
     * and the national managers read it while it runs. So the managers' lists name cases, as
     * they do in service, and each check finds what it finds there.
     */
    private void grantTheRunningCase(PlannedCase c, String processInstance) throws SQLException {
      List<String> workers = List.of(AreaGroups.officersOf(c.childSex, c.province, c.district),
          AreaGroups.supervisors(c.province, c.district));
      for (String group : workers) {
        grant(group, Resources.PROCESS_INSTANCE, processInstance, Permissions.READ);
        grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstance,
            HistoricProcessInstancePermissions.READ);
      }
      for (String group : List.of(AreaGroups.managers(c.province),
          AreaGroups.NATIONAL_MANAGERS)) {
        grant(group, Resources.PROCESS_INSTANCE, processInstance, Permissions.READ);
      }
    }

    private void grant(String group, Resources resource, String id, Permission permission)
        throws SQLException {
      PreparedStatement s = grant.statement;
      s.setString(1, uuid());
      s.setInt(2, Authorization.AUTH_TYPE_GRANT);
      s.setString(3, group);
      s.setInt(4, resource.resourceType());
      s.setString(5, id);
      s.setInt(6, permission.getValue());
      grant.add();
    }

    void write(PlannedCase c, String caseNumber) throws SQLException {
      String caseProcess = uuid();
      String courtProcess = uuid();
      String slug = slug(c.district);
      String officer = "cpo." + slug + "." + (c.childSex.equals("F") ? "f" : "m")
          + (1 + c.index % 4);
      String supervisor = "supervisor." + slug;

      PreparedStatement s = caseFile.statement;
      s.setString(1, caseNumber);
      s.setString(2, caseProcess);
      s.setString(3, c.province);
      s.setString(4, c.district);
      s.setObject(5, tz(c.reported));
      s.setString(6, c.source);
      s.setString(7, c.childSex);
      s.setInt(8, c.ageYears);
      s.setBoolean(9, c.ageEstimated);
      s.setBoolean(10, c.ageDisputed);
      s.setString(11, c.nationality);
      s.setString(12, c.religion);
      s.setNull(13, Types.VARCHAR);
      s.setNull(14, Types.VARCHAR);
      s.setString(15, c.residence);
      s.setString(16, c.offenceTypes);
      s.setObject(17, c.custody <= nowMs ? tz(c.custody) : null);
      s.setString(18, c.stage);
      s.setObject(19, tz(c.stageEntered));
      s.setObject(20, tz(c.reported + 3 * MINUTE));
      s.setString(21, officer);
      caseFile.add();

      for (PlannedClock planned : c.clocks) {
        boolean open = planned.stopped() == NEVER;
        long end = open ? nowMs : planned.stopped();
        boolean late = end >= planned.due();
        boolean warned = end >= planned.warning();
        String status = late ? "BREACHED" : open ? (warned ? "AT_RISK" : "RUNNING") : "MET";
        s = clock.statement;
        s.setString(1, uuid());
        s.setString(2, caseNumber);
        s.setString(3, planned.processKey().equals(COURT_PRODUCTION) ? courtProcess : caseProcess);
        s.setString(4, planned.processKey());
        s.setString(5, planned.element());
        s.setString(6, planned.rule());
        s.setString(7, planned.kind());
        s.setString(8, c.province);
        s.setString(9, c.district);
        s.setNull(10, Types.VARCHAR);
        s.setObject(11, tz(planned.started()));
        s.setObject(12, tz(planned.warning()));
        s.setObject(13, tz(planned.due()));
        s.setString(14, status);
        s.setObject(15, warned ? tz(planned.warning()) : null);
        s.setObject(16, late ? tz(planned.due()) : null);
        s.setObject(17, open ? null : tz(planned.stopped()));
        s.setString(18, open ? null : "COMPLETED");
        clock.add();
      }

      if (c.custody > nowMs) {
        return; // no court production yet
      }
      boolean finished = c.end != NEVER;
      if (!finished) {
        grantTheRunningCase(c, courtProcess);
      }
      Timestamp removal = finished ? ts(c.end + HISTORY_TIME_TO_LIVE) : null;
      s = procInst.statement;
      s.setString(1, courtProcess);
      s.setString(2, courtProcess);
      s.setString(3, caseNumber);
      s.setString(4, COURT_PRODUCTION);
      s.setString(5, processDefinitionId);
      s.setTimestamp(6, ts(c.custody));
      s.setTimestamp(7, finished ? ts(c.end) : null);
      s.setTimestamp(8, removal);
      if (finished) {
        s.setLong(9, c.end - c.custody);
      } else {
        s.setNull(9, Types.BIGINT);
      }
      s.setString(10, "Start_CustodyTaken");
      s.setString(11, finished ? "End_CourtProductionCompleted" : null);
      s.setString(12, caseProcess);
      s.setString(13, caseProcess);
      s.setString(14, finished ? "COMPLETED" : "ACTIVE");
      procInst.add();

      for (String[] variable : List.of(new String[] {"province", c.province},
          new String[] {"district", c.district})) {
        s = varInst.statement;
        s.setString(1, uuid());
        s.setString(2, COURT_PRODUCTION);
        s.setString(3, processDefinitionId);
        s.setString(4, caseProcess);
        s.setString(5, courtProcess);
        s.setString(6, courtProcess);
        s.setString(7, courtProcess);
        s.setString(8, variable[0]);
        s.setString(9, "string");
        s.setTimestamp(10, ts(c.custody));
        s.setInt(11, 0);
        s.setString(12, variable[1]);
        s.setString(13, "CREATED");
        s.setTimestamp(14, removal);
        varInst.add();
      }

      for (PlannedTask task : c.tasks) {
        String taskId = uuid();
        boolean completed = task.completed != NEVER;
        boolean claimed = task.claimed != NEVER;
        boolean hasDue = task.due != NEVER;
        String name = activityNames.get(task.activityId);
        s = taskFact.statement;
        s.setString(1, taskId);
        s.setString(2, caseNumber);
        s.setString(3, courtProcess);
        s.setString(4, COURT_PRODUCTION);
        s.setString(5, task.activityId);
        s.setString(6, name);
        s.setString(7, c.province);
        s.setString(8, c.district);
        s.setNull(9, Types.VARCHAR);
        s.setObject(10, tz(task.created));
        s.setObject(11, claimed ? tz(task.claimed) : null);
        s.setObject(12, completed ? tz(task.completed) : null);
        s.setObject(13, hasDue ? tz(task.due) : null);
        if (claimed) {
          s.setLong(14, (task.claimed - task.created) / 1000);
        } else {
          s.setNull(14, Types.BIGINT);
        }
        if (completed) {
          s.setLong(15, (task.completed - task.claimed) / 1000);
        } else {
          s.setNull(15, Types.BIGINT);
        }
        s.setBoolean(16, completed && hasDue && task.completed > task.due);
        s.setString(17, completed ? "COMPLETED" : "OPEN");
        taskFact.add();

        s = taskInst.statement;
        s.setString(1, taskId);
        s.setString(2, task.activityId);
        s.setString(3, COURT_PRODUCTION);
        s.setString(4, processDefinitionId);
        s.setString(5, caseProcess);
        s.setString(6, courtProcess);
        s.setString(7, uuid());
        String activityInstance = task.activityId + ":" + uuid();
        s.setString(8, activityInstance.length() <= 64 ? activityInstance : uuid());
        s.setString(9, name);
        s.setString(10, claimed ? (task.officer ? officer : supervisor) : null);
        s.setTimestamp(11, ts(task.created));
        s.setTimestamp(12, completed ? ts(task.completed) : null);
        if (completed) {
          s.setLong(13, task.completed - task.created);
        } else {
          s.setNull(13, Types.BIGINT);
        }
        s.setString(14, completed ? "completed" : null);
        s.setInt(15, 50);
        s.setTimestamp(16, hasDue ? ts(task.due) : null);
        s.setTimestamp(17, removal);
        s.setString(18, completed ? "Completed" : claimed ? "Updated" : "Created");
        taskInst.add();
      }
    }

    void flush() throws SQLException {
      for (Batch batch : all) {
        batch.flush();
      }
    }

    @Override
    public void close() throws SQLException {
      for (Batch batch : all) {
        batch.statement.close();
      }
    }
  }

  private static final class Batch {
    final PreparedStatement statement;
    int pending;

    Batch(Connection connection, String sql) throws SQLException {
      statement = connection.prepareStatement(sql);
    }

    void add() throws SQLException {
      statement.addBatch();
      if (++pending >= BATCH) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (pending > 0) {
        statement.executeBatch();
        pending = 0;
      }
    }
  }

  private static OffsetDateTime tz(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
  }

  /** The engine's columns are {@code timestamp} in the JVM's zone, as MyBatis writes them. */
  private static Timestamp ts(long epochMillis) {
    return new Timestamp(epochMillis);
  }

  private static final AtomicLong ID_SEQUENCE = new AtomicLong(System.currentTimeMillis() / 1000
      & 0x0FFF_FFFFL);

  /**
   * Ids as the engine's time-based UUIDs (version 1): consecutive ids sort together, so the
   * inserts append to the primary-key indexes as the engine's own do.
   */
  private static String uuid() {
    long sequence = ID_SEQUENCE.incrementAndGet();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (sequence << 32) | 0x1000L | (random.nextInt() & 0xFFFF_0FFFL);
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  private static String slug(String district) {
    return district.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
  }
}
