package pk.hifazat.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks without a read of every grant. Before each check the engine
 * keeps only those of the caller's groups that hold any grant at all, and learns them, once per
 * command, by reading every group of every grant. With a grant for each case (R-GIRL-FEMALE-CARE)
 * that read grew with the cases of the whole service: at 20,000 open cases on PostgreSQL it cost
 * more than the rest of a task-list request. Here each of the caller's groups is looked up in the
 * grants' group index instead, with the same answer, in the command's own transaction.
 */
@Component
class AuthorizedGroupsByIndex extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsLookedUp(table);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's manager, asking only after the caller's groups, each once a command. */
  static final class GroupsLookedUp extends AuthorizationManager {

    private final String sql;
    private final Map<String, Boolean> holdsGrants = new HashMap<>();

    GroupsLookedUp(String table) {
      this.sql = "select 1 from " + table + " where GROUP_ID_ = ? fetch first 1 rows only";
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> groups) {
      if (groups == null || groups.isEmpty()) {
        return List.of();
      }
      List<String> holding = new ArrayList<>();
      for (String group : new LinkedHashSet<>(groups)) {
        if (group != null && holdsGrants.computeIfAbsent(group, this::holdsGrants)) {
          holding.add(group);
        }
      }
      return holding;
    }

    private boolean holdsGrants(String group) {
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession()
          .getConnection();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, group);
        try (ResultSet found = statement.executeQuery()) {
          return found.next();
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("Cannot read the grants of group " + group, e);
      }
    }
  }
}
