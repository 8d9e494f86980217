package pk.hifazat.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.security.core.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may read a case: whoever the engine lets read its process instances, through the per-case
 * grants ({@link CaseAccessGrants}), so our API, the dashboard's lists and Cockpit answer alike
 * (R-GIRL-FEMALE-CARE: a girl's case is her district's female officers', not every officer's).
 * One instance is asked of the engine; a count is cut in its query by the same grants, read from
 * the engine's own authorization table, and a list asks them of its candidates, so a count and a
 * page agree.
 */
@Component
public class CaseReaders {

  /** PERMS_ is a bit set; READ is bit 2 for both resources (mod and / are portable, & is not). */
  private static final String READ_OF_A_CASE = "reader.RESOURCE_TYPE_ in (:readerResources)"
      + " and mod(reader.PERMS_ / " + Permissions.READ.getValue() + ", 2) = 1";
  private static final String GRANTS_READ = READ_OF_A_CASE
      + " and reader.TYPE_ in (:readerTypes)"
      + " and (reader.USER_ID_ in (:readerUsers) or reader.GROUP_ID_ in (:readerGroups))";

  /** Candidates asked in one query: well under any database's limit of parameters. */
  private static final int CANDIDATES_PER_QUERY = 1000;

  private final AuthorizationService authorizations;
  private final ProcessEngineConfigurationImpl configuration;
  private final JdbcClient jdbc;

  CaseReaders(ProcessEngine engine, JdbcClient jdbc) {
    this.authorizations = engine.getAuthorizationService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.jdbc = jdbc;
  }

  /** Whether the engine grants this user the process instance, running or ended. */
  public boolean mayRead(Authentication user, String processInstanceId) {
    if (processInstanceId == null) {
      return false;
    }
    List<String> groups = groups(user);
    if (isAdministrator(user.getName(), groups)) {
      return true;
    }
    return authorizations.isUserAuthorized(user.getName(), groups, Permissions.READ,
        Resources.PROCESS_INSTANCE, processInstanceId)
        || authorizations.isUserAuthorized(user.getName(), groups,
            HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE,
            processInstanceId);
  }

  /**
   * A condition for a list query (its own parameters included) that keeps the rows whose process
   * instance, in {@code instanceColumn}, the engine grants this user; empty for administrators,
   * whom the engine grants everything. A transfer moves these grants (R-TRANSFER).
   */
  public Condition readableInstances(Authentication user, String instanceColumn) {
    List<String> groups = groups(user);
    if (isAdministrator(user.getName(), groups)) {
      return Condition.NONE;
    }
    return new Condition("exists (select 1 from " + authorizationTable() + " reader where"
        + " reader.RESOURCE_ID_ = " + instanceColumn + " and " + GRANTS_READ + ")",
        grantParameters(user, groups));
  }

  /** What lists may name to this user, asked of their candidates. */
  public ReadableCases readableCases(Authentication user) {
    if (isAdministrator(user.getName(), groups(user))) {
      return ReadableCases.EVERY;
    }
    return new ReadableCases() {
      @Override
      public boolean any() {
        return readsAnyCase(user);
      }

      @Override
      public Set<String> among(Collection<String> processInstanceIds) {
        return readableAmong(user, processInstanceIds);
      }
    };
  }

  /**
   * Of these process instances, those the engine grants this user: the same grants as {@link
   * #readableInstances}, asked of a few candidates rather than of every row a list reads (all
   * of them for administrators).
   */
  public Set<String> readableAmong(Authentication user, Collection<String> processInstanceIds) {
    List<String> groups = groups(user);
    if (isAdministrator(user.getName(), groups)) {
      return ReadableCases.EVERY.among(processInstanceIds);
    }
    if (processInstanceIds.isEmpty()) {
      return Set.of();
    }
    // Nothing grants a missing instance.
    List<String> candidates = processInstanceIds.stream().filter(Objects::nonNull).distinct()
        .toList();
    Set<String> readable = new HashSet<>();
    for (int from = 0; from < candidates.size(); from += CANDIDATES_PER_QUERY) {
      Map<String, Object> params = grantParameters(user, groups);
      params.put("candidates", candidates.subList(from,
          Math.min(candidates.size(), from + CANDIDATES_PER_QUERY)));
      readable.addAll(jdbc.sql("select distinct reader.RESOURCE_ID_ from " + authorizationTable()
              + " reader where reader.RESOURCE_ID_ in (:candidates) and " + GRANTS_READ)
          .params(params).query(String.class).list());
    }
    return readable;
  }

  /**
   * Whether the engine grants this user any case at all (administrators: all of them), asked
   * before candidates are: one who reads none is answered at once, however long the list. Each
   * question is one the engine's indexes answer in H2 as in PostgreSQL: by the groups' own
   * index, and by the (type, user) start of the users' unique one; an "or", or a list of types
   * before the groups, reads every grant there is.
   */
  public boolean readsAnyCase(Authentication user) {
    List<String> groups = groups(user);
    if (isAdministrator(user.getName(), groups)) {
      return true;
    }
    Map<String, Object> params = grantParameters(user, groups);
    params.put("revoke", Authorization.AUTH_TYPE_REVOKE);
    if (holds("reader.GROUP_ID_ in (:readerGroups) and reader.TYPE_ <> :revoke", params)) {
      return true;
    }
    for (int type : List.of(Authorization.AUTH_TYPE_GLOBAL, Authorization.AUTH_TYPE_GRANT)) {
      for (String holder : List.of(user.getName(), Authorization.ANY)) {
        params.put("type", type);
        params.put("holder", holder);
        if (holds("reader.TYPE_ = :type and reader.USER_ID_ = :holder", params)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean holds(String holder, Map<String, Object> params) {
    return !jdbc.sql("select 1 from " + authorizationTable() + " reader where " + holder
            + " and " + READ_OF_A_CASE + " fetch first 1 rows only")
        .params(params).query(Integer.class).list().isEmpty();
  }

  private static Map<String, Object> grantParameters(Authentication user, List<String> groups) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("readerUsers", List.of(user.getName(), Authorization.ANY));
    params.put("readerGroups", groups.isEmpty() ? List.of("") : groups);
    params.put("readerResources", List.of(Resources.PROCESS_INSTANCE.resourceType(),
        Resources.HISTORIC_PROCESS_INSTANCE.resourceType()));
    params.put("readerTypes",
        List.of(Authorization.AUTH_TYPE_GLOBAL, Authorization.AUTH_TYPE_GRANT));
    return params;
  }

  private String authorizationTable() {
    return configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
  }

  /** An SQL condition and its named parameters; an empty condition keeps every row. */
  public record Condition(String sql, Map<String, Object> params) {

    /** Keeps every row. */
    public static final Condition NONE = new Condition("", Map.of());

    public boolean isEmpty() {
      return sql.isEmpty();
    }
  }

  private boolean isAdministrator(String userId, List<String> groups) {
    List<String> adminUsers = configuration.getAdminUsers();
    List<String> adminGroups = configuration.getAdminGroups();
    return adminUsers != null && adminUsers.contains(userId)
        || adminGroups != null && groups.stream().anyMatch(adminGroups::contains);
  }

  private static List<String> groups(Authentication user) {
    List<String> groups = new ArrayList<>();
    for (GrantedAuthority authority : user.getAuthorities()) {
      groups.add(authority.getAuthority());
    }
    return groups;
  }
}
