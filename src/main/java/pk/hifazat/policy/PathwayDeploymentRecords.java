package pk.hifazat.policy;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import pk.hifazat.checks.CheckReport;
import pk.hifazat.checks.Finding;
import pk.hifazat.checks.PathwayChange;
import pk.hifazat.policy.PathwayDeploymentRecord.Outcome;

/** The record of every pathway change (table {@code pathway_deployment}) and its audit events. */
@Repository
public class PathwayDeploymentRecords {

  private static final TypeReference<List<PathwayChange>> CHANGES = new TypeReference<>() {};
  private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate apart;

  PathwayDeploymentRecords(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
    this.apart = new TransactionTemplate(transactions);
    apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Recorded with the deployment, in its transaction: if the deployment fails, so does this. */
  void deployed(String deploymentId, String source, String user, Collection<String> resources,
      CheckReport report) {
    insert(deploymentId, source, Outcome.DEPLOYED, user, resources, report);
    events.publishEvent(new PathwayChangeDeployed(deploymentId, user, List.copyOf(resources)));
  }

  /** Recorded apart from the refused deployment, which is rolled back. */
  void refused(String source, String user, Collection<String> resources, CheckReport report) {
    apart.executeWithoutResult(status -> {
      insert(null, source, Outcome.REFUSED, user, resources, report);
      events.publishEvent(new PathwayChangeRefused(user, List.copyOf(resources),
          report.findings().stream().filter(Finding::refuses).count()));
    });
  }

  public List<PathwayDeploymentRecord> newestFirst(int limit) {
    return jdbc.sql("select * from pathway_deployment order by deployed_at desc, id limit ?")
        .param(limit).query(this::record).list();
  }

  public Optional<PathwayDeploymentRecord> ofDeployment(String deploymentId) {
    return jdbc.sql("select * from pathway_deployment where deployment_id = ?")
        .param(deploymentId).query(this::record).optional();
  }

  private void insert(String deploymentId, String source, Outcome outcome, String user,
      Collection<String> resources, CheckReport report) {
    jdbc.sql("""
            insert into pathway_deployment (id, deployment_id, door, source, outcome, deployed_by,
              deployed_at, resources, changes, findings) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), deploymentId, DeploymentDoor.of(source).name(),
            truncate(source, 255), outcome.name(), user,
            toColumn(ClockUtil.getCurrentTime().toInstant()),
            truncate(String.join("\n", resources), 4000), write(report.changes()),
            write(report.findings()))
        .update();
  }

  private PathwayDeploymentRecord record(ResultSet rs, int row) throws SQLException {
    try {
      return new PathwayDeploymentRecord(rs.getString("id"), rs.getString("deployment_id"),
          DeploymentDoor.valueOf(rs.getString("door")), rs.getString("source"),
          Outcome.valueOf(rs.getString("outcome")), rs.getString("deployed_by"),
          fromColumn(rs, "deployed_at"), Arrays.asList(rs.getString("resources").split("\n")),
          json.readValue(rs.getString("changes"), CHANGES),
          json.readValue(rs.getString("findings"), FINDINGS));
    } catch (JsonProcessingException e) {
      throw new SQLException("Unreadable pathway deployment record " + rs.getString("id"), e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
