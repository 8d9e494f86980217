package pk.hifazat.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One task's fact written straight into {@code task_fact}, as its task's listeners would have
 * written it over the days it lived: open, claimed or completed, with its wait and handling
 * time taken from its moments.
 */
record WrittenFact(String caseNumber, String model, String activity, String name,
    String province, String district, String agency, Instant created, Instant claimed,
    Instant completed, boolean late) {

  void insertInto(JdbcClient jdbc) {
    jdbc.sql("""
            insert into task_fact (task_id, case_number, process_instance_id,
              process_definition_key, activity_id, activity_name, province, district, agency,
              created_at, claimed_at, completed_at, due_at, wait_seconds, handle_seconds,
              completed_late, state)
            values (:id, :caseNumber, :instance, :model, :activity, :name, :province,
              :district, :agency, :created, :claimed, :completed, :due, :wait, :handle, :late,
              :state)""")
        .param("id", UUID.randomUUID().toString())
        .param("caseNumber", caseNumber)
        .param("instance", UUID.randomUUID().toString())
        .param("model", model)
        .param("activity", activity)
        .param("name", name)
        .param("province", province)
        .param("district", district)
        .param("agency", agency)
        .param("created", created.atOffset(ZoneOffset.UTC))
        .param("claimed", claimed == null ? null : claimed.atOffset(ZoneOffset.UTC))
        .param("completed", completed == null ? null : completed.atOffset(ZoneOffset.UTC))
        .param("due", created.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC))
        .param("wait", claimed == null ? null : Duration.between(created, claimed).toSeconds())
        .param("handle", completed == null ? null
            : Duration.between(claimed, completed).toSeconds())
        .param("late", completed != null && late)
        .param("state", completed != null ? "COMPLETED" : "OPEN")
        .update();
  }
}
