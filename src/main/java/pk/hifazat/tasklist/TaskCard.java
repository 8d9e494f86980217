package pk.hifazat.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.casefile.CaseVariables;

/**
 * Writes on each task of a case, as the task's own variables, the facts that tell one case's
 * task from another's in Tasklist: the case number, girl or boy and age, the district. The
 * task's workers may read a task's own variables; the case's variables they read only through
 * the form (the engine's specific variable permission), so a filter could not show those on
 * the cards. Nothing here identifies the child (R-NO-DISCLOSURE).
 */
final class TaskCard implements TaskListener {

  static final String CASE = "cardCase";
  static final String CHILD = "cardChild";
  static final String DISTRICT = "cardDistrict";

  /** The card's variables, as the filters show them: name and bilingual label. */
  static final List<Map<String, String>> FILTER_VARIABLES = List.of(
      Map.of("name", CASE, "label", "Case / کیس"),
      Map.of("name", CHILD, "label", "Child / بچہ"),
      Map.of("name", DISTRICT, "label", "District / ضلع"));

  private static final Map<String, String> SEX = Map.of("F", "Girl", "M", "Boy",
      "X", "Transgender or intersex child");
  private static final Map<String, String> SEX_UR = Map.of("F", "لڑکی", "M", "لڑکا",
      "X", "خواجہ سرا بچہ");
  /** Isolates the Urdu half, so that each half reads in its own direction on one line. */
  private static final String RIGHT_TO_LEFT = "\u2067";
  private static final String END = "\u2069";

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = CaseVariables.CASE_NUMBER.from(task);
    if (caseNumber == null) {
      return;
    }
    task.setVariableLocal(CASE, caseNumber);
    String child = child(RoutingVariables.CHILD_SEX.from(task), age(task));
    if (child != null) {
      task.setVariableLocal(CHILD, child);
    }
    String district = RoutingVariables.DISTRICT.from(task);
    if (district != null) {
      task.setVariableLocal(DISTRICT, district);
    }
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

  /** The child's age as the case holds it: a pathway the case calls may not carry it. */
  private static Integer age(DelegateTask task) {
    Integer age = CaseVariables.CHILD_AGE_YEARS.from(task);
    DelegateExecution caller = task.getExecution().getProcessInstance().getSuperExecution();
    while (age == null && caller != null) {
      age = CaseVariables.CHILD_AGE_YEARS.from(caller);
      caller = caller.getProcessInstance().getSuperExecution();
    }
    return age;
  }
}
