package pk.hifazat.casefile;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case files, the one way to the {@code case_file} table: intake opens and reopens them, the
 * case API reads them; stages and custody are written by this module's pathway listeners only.
 * Written in the engine's transaction.
 */
@Repository
public class CaseFiles {

  /** The stage of a case before any pathway element has set one. */
  public static final String STAGE_REPORTED = "REPORTED";

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  CaseFiles(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    // PostgreSQL aborts a transaction on a failed statement: a lost race to open a year's
    // counter is rolled back to a savepoint, and the intake goes on counting.
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** The next number of the province's year, counted in the database so every node agrees. */
  public long nextNumber(String province, int year) {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (jdbc.sql("update case_number_counter set last_value = last_value + 1"
              + " where province = ? and counter_year = ?")
          .params(province, year).update() == 1) {
        return jdbc.sql("select last_value from case_number_counter"
                + " where province = ? and counter_year = ?")
            .params(province, year).query(Long.class).single();
      }
      try {
        savepoint.executeWithoutResult(status ->
            jdbc.sql("insert into case_number_counter (province, counter_year, last_value)"
                    + " values (?, ?, 1)")
                .params(province, year).update());
        return 1;
      } catch (DuplicateKeyException raced) {
        // another intake opened the year first: count on from its row
      }
    }
    throw new IllegalStateException("Cannot allocate a case number for " + province + " " + year);
  }

  public void insert(CaseFile file) {
    CaseFile.Child child = file.child();
    jdbc.sql("""
            insert into case_file (case_number, process_instance_id, province, district,
              reported_at, source, child_sex, child_age_years, age_estimated, age_disputed,
              nationality, religion, ethnicity, socioeconomic_status, residence, offence_types,
              custody_taken_at, stage, stage_entered_at, registered_at, registered_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(file.caseNumber(), file.processInstanceId(), file.province(), file.district(),
            toColumn(file.reportedAt()), file.source(), child.sex(), child.ageYears(),
            child.ageEstimated(), child.ageDisputed(), child.nationality(), child.religion(),
            child.ethnicity(), child.socioeconomicStatus(), child.residence(),
            String.join(",", file.offenceTypes()), toColumn(file.custodyTakenAt()), file.stage(),
            toColumn(file.stageEnteredAt()), toColumn(file.registeredAt()), file.registeredBy())
        .update();
  }

  public Optional<CaseFile> find(String caseNumber) {
    return jdbc.sql("select * from case_file where case_number = ?")
        .param(caseNumber)
        .query(CaseFiles::map)
        .optional();
  }

  public long count() {
    return jdbc.sql("select count(*) from case_file").query(Long.class).single();
  }

  /** The same child reported again: the case reopens under its number (no new case file). */
  public void reopen(String caseNumber, Instant reportedAt, Instant custodyTakenAt) {
    jdbc.sql("update case_file set reopen_count = reopen_count + 1, last_reported_at = ?,"
            + " custody_taken_at = coalesce(?, custody_taken_at) where case_number = ?")
        .params(toColumn(reportedAt), toColumn(custodyTakenAt), caseNumber)
        .update();
  }

  public void linkProcessInstance(String caseNumber, String processInstanceId) {
    jdbc.sql("update case_file set process_instance_id = ? where case_number = ?")
        .params(processInstanceId, caseNumber)
        .update();
  }

  void enterStage(String caseNumber, String stage, Instant at) {
    jdbc.sql("update case_file set stage = ?, stage_entered_at = ? where case_number = ?")
        .params(stage, toColumn(at), caseNumber)
        .update();
  }

  /** R-TRANSFER: the case is now worked in the receiving district. */
  void move(String caseNumber, String province, String district) {
    jdbc.sql("update case_file set province = ?, district = ? where case_number = ?")
        .params(province, district, caseNumber)
        .update();
  }

  void recordCustody(String caseNumber, Instant takenAt) {
    jdbc.sql("update case_file set custody_taken_at = ? where case_number = ?"
            + " and custody_taken_at is null")
        .params(toColumn(takenAt), caseNumber)
        .update();
  }



  private static CaseFile map(ResultSet rs, int row) throws SQLException {
    return new CaseFile(
        rs.getString("case_number"),
        rs.getString("process_instance_id"),
        rs.getString("province"),
        rs.getString("district"),
        fromColumn(rs, "reported_at"),
        rs.getString("source"),
        new CaseFile.Child(
            rs.getString("child_sex"),
            rs.getInt("child_age_years"),
            rs.getBoolean("age_estimated"),
            rs.getBoolean("age_disputed"),
            rs.getString("nationality"),
            rs.getString("religion"),
            rs.getString("ethnicity"),
            rs.getString("socioeconomic_status"),
            rs.getString("residence")),
        List.copyOf(Arrays.asList(rs.getString("offence_types").split(","))),
        fromColumn(rs, "custody_taken_at"),
        rs.getString("stage"),
        fromColumn(rs, "stage_entered_at"),
        fromColumn(rs, "registered_at"),
        rs.getString("registered_by"));
  }
}
