package pk.hifazat.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseVariables;

/**
 * Writes on each task of a case, as the task's own variables, the facts that tell one case's
 * task from another's in Tasklist: the case number, girl or boy and age, the district, and the
 * case's stage (kept current by {@link TaskStages} as the case moves on). The
 * task's workers may read a task's own variables; the case's variables they read only through
 * the form (the engine's specific variable permission), so a filter could not show those on
 * the cards. Nothing here identifies the child (R-NO-DISCLOSURE).
 */
final class TaskCard implements TaskListener {

  static final String CASE = "cardCase";
  static final String CHILD = "cardChild";
  static final String DISTRICT = "cardDistrict";
  static final String STAGE = "cardStage";

  /** The card's variables, as the filters show them: name and bilingual label. */
  static final List<Map<String, String>> FILTER_VARIABLES = List.of(
      Map.of("name", CASE, "label", "Case / کیس"),
      Map.of("name", CHILD, "label", "Child / بچہ"),
      Map.of("name", DISTRICT, "label", "District / ضلع"),
      Map.of("name", STAGE, "label", "Stage / مرحلہ"));

  /** The stages of a case ({@code case.stage} in the models) as a caseworker names them. */
  private static final Map<String, String[]> STAGES = Map.ofEntries(
      Map.entry("REPORTED", new String[] {"Reported", "رپورٹ درج"}),
      Map.entry("IDENTIFICATION", new String[] {"Identification", "شناخت"}),
      Map.entry("COURT_PRODUCTION", new String[] {"Production before the court", "عدالت میں پیشی"}),
      Map.entry("REFERRAL", new String[] {"Referral to agencies", "اداروں کو ریفرل"}),
      Map.entry("PLACEMENT", new String[] {"Placement", "رہائش کا انتظام"}),
      Map.entry("COURT_PROCEEDINGS", new String[] {"Court proceedings", "عدالتی کارروائی"}),
      Map.entry("COMPENSATION", new String[] {"Compensation", "معاوضہ"}),
      Map.entry("FOLLOW_UP", new String[] {"Follow-up", "بعد کی نگرانی"}),
      Map.entry("CLOSING", new String[] {"Closing the case", "کیس کی بندش"}),
      Map.entry("CLOSED", new String[] {"Closed", "بند"}));

  private static final Map<String, String> SEX = Map.of("F", "Girl", "M", "Boy",
      "X", "Transgender or intersex child");
  private static final Map<String, String> SEX_UR = Map.of("F", "لڑکی", "M", "لڑکا",
      "X", "خواجہ سرا بچہ");
  /** Isolates the Urdu half, so that each half reads in its own direction on one line. */
  private static final String RIGHT_TO_LEFT = "\u2067";
  private static final String END = "\u2069";

  private final Function<String, Optional<CaseFile>> files;

  /** @param files the case file, by case number: the case's stage, and the child's age */
  TaskCard(Function<String, Optional<CaseFile>> files) {
    this.files = files;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = CaseVariables.CASE_NUMBER.from(task);
    if (caseNumber == null) {
      return;
    }
    task.setVariableLocal(CASE, caseNumber);
    Optional<CaseFile> file = files.apply(caseNumber);
    String child = child(RoutingVariables.CHILD_SEX.from(task), age(task, file));
    if (child != null) {
      task.setVariableLocal(CHILD, child);
    }
    String district = RoutingVariables.DISTRICT.from(task);
    if (district != null) {
      task.setVariableLocal(DISTRICT, district);
    }
    String stage = stage(file.map(CaseFile::stage).orElse(null));
    if (stage != null) {
      task.setVariableLocal(STAGE, stage);
    }
  }

  /** "Production before the court · عدالت میں پیشی": the stage in English and Urdu. */
  static String stage(String stage) {
    if (stage == null) {
      return null;
    }
    String[] words = STAGES.get(stage);
    return words == null ? stage : words[0] + " · " + RIGHT_TO_LEFT + words[1] + END;
  }

  /** "Girl, 14 years · لڑکی، 14 سال": who the child is, in English and Urdu. */
  static String child(String sex, Integer age) {
    if (sex == null && age == null) {
      return null;
    }
    String english = join(sex == null ? null : SEX.getOrDefault(sex, sex),
        age == null ? null : age + " years", ", ");
    String urdu = join(sex == null ? null : SEX_UR.getOrDefault(sex, sex),
        age == null ? null : age + " سال", "، ");
    return english + " · " + RIGHT_TO_LEFT + urdu + END;
  }

  private static String join(String first, String second, String comma) {
    return first == null ? second : second == null ? first : first + comma + second;
  }

  /**
   * The child's age as the case holds it: a pathway the case calls may not carry it, and the case
   * file, read for the stage already, has it (the case sets it from there: intake, R-TRANSFER).
   */
  private static Integer age(DelegateTask task, Optional<CaseFile> file) {
    Integer age = CaseVariables.CHILD_AGE_YEARS.from(task);
    return age != null ? age : file.map(found -> found.child().ageYears()).orElse(null);
  }

}
