package pk.hifazat.transfer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.CaseMoved;
import pk.hifazat.area.RoutingVariables;

/**
 * Moves the running processes of a case to the receiving district: the routing variables every
 * model's candidate groups are worked out from, so that future tasks go there; the agency groups
 * of open referrals; the candidates of open tasks (R-GIRL-FEMALE-CARE holds: a girl's tasks go to
 * the receiving district's female officers); and, where the zone changes, the jurisdiction,
 * decided again by the model's own {@code jurisdiction} table. Due dates are never touched: the
 * statutory clocks run from custody and production, not from a transfer (R-COURT-24H,
 * R-DECISION-4M). Runs as the pathway, inside the command that accepts the transfer.
 */
@Component
class CaseRouting {

  static final String JURISDICTION = "jurisdiction";
  private static final String AGENCY_GROUP = "agencyGroup";
  private static final String AGENCY = "agency";
  private static final List<String> ROUTING = List.of(RoutingVariables.PROVINCE.name(),
      RoutingVariables.DISTRICT.name(), RoutingVariables.OFFICERS_GROUP.name(),
      RoutingVariables.FEMALE_OFFICERS_GROUP.name(), RoutingVariables.SUPERVISORS_GROUP.name());

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final DecisionService decisionService;

  CaseRouting(RuntimeService runtimeService, TaskService taskService,
      DecisionService decisionService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.decisionService = decisionService;
  }

  void move(CaseMoved moved, String transferInstance) {
    CommandContext command = Context.getCommandContext();
    command.runWithoutAuthorization(() -> {
      List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(moved.caseNumber()).list().stream()
          .filter(instance -> !instance.getId().equals(transferInstance)).toList();
      for (ProcessInstance instance : running) {
        route(instance.getId(), moved);
      }
      if (!running.isEmpty()) {
        moveAgencies(running, moved);
      }
      if (moved.provinceChanged()) {
        for (ProcessInstance instance : running) {
          decideJurisdictionAgain(instance.getId(), moved);
        }
      }
      for (Task task : taskService.createTaskQuery()
          .processInstanceBusinessKey(moved.caseNumber()).list()) {
        boolean done = task instanceof TaskEntity entity && entity.isDeleted();
        if (!done && !task.getProcessInstanceId().equals(transferInstance)) {
          handOver(task, moved);
        }
      }
      return null;
    });
  }

  /** The routing variables an instance holds, set to the receiving district's. */
  private void route(String instance, CaseMoved moved) {
    Map<String, Object> held = runtimeService.getVariables(instance, ROUTING);
    Map<String, Object> routing = new HashMap<>();
    RoutingVariables.PROVINCE.put(routing, moved.toProvince());
    RoutingVariables.DISTRICT.put(routing, moved.toDistrict());
    RoutingVariables.OFFICERS_GROUP.put(routing,
        AreaGroups.officers(moved.toProvince(), moved.toDistrict()));
    RoutingVariables.FEMALE_OFFICERS_GROUP.put(routing,
        AreaGroups.femaleOfficers(moved.toProvince(), moved.toDistrict()));
    RoutingVariables.SUPERVISORS_GROUP.put(routing,
        AreaGroups.supervisors(moved.toProvince(), moved.toDistrict()));
    routing.keySet().retainAll(held.keySet());
    if (!routing.isEmpty()) {
      runtimeService.setVariables(instance, routing);
    }
  }

  /** R-REFERRAL: an open referral goes to the same agency's focal points where the child is. */
  private void moveAgencies(List<ProcessInstance> running, CaseMoved moved) {
    String[] ids = running.stream().map(ProcessInstance::getId).toArray(String[]::new);
    for (VariableInstance group : runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(ids).variableName(AGENCY_GROUP).list()) {
      Object agency = runtimeService.getVariable(group.getExecutionId(), AGENCY);
      if (group.getValue() != null && agency != null) {
        runtimeService.setVariableLocal(group.getExecutionId(), AGENCY_GROUP,
            AreaGroups.agency(agency.toString(), moved.toProvince(), moved.toDistrict()));
      }
    }
  }

  /**
   * The receiving zone's law applies from acceptance: the court production in course takes the
   * statute, the magistrate application (R-MAGISTRATE) and the national default of the receiving
   * zone, keeping what applied before so that its model can add what the new zone asks for.
   */
  private void decideJurisdictionAgain(String instance, CaseMoved moved) {
    Map<String, Object> before = runtimeService.getVariables(instance,
        List.of("statute", "magistrateApplicationRequired", "nationalDefaultApplied"));
    if (!before.containsKey("statute")) {
      return; // no court production in this process
    }
    DmnDecisionResultEntries decided = decisionService.evaluateDecisionByKey(JURISDICTION)
        .variables(Map.of(RoutingVariables.PROVINCE.name(), moved.toProvince()))
        .evaluate().getSingleResult();
    Map<String, Object> jurisdiction = new HashMap<>();
    jurisdiction.put("previousStatute", before.get("statute"));
    jurisdiction.put("previousMagistrateApplicationRequired",
        Boolean.TRUE.equals(before.get("magistrateApplicationRequired")));
    jurisdiction.put("jurisdictionChangedAt", java.util.Date.from(moved.at()));
    jurisdiction.putAll(decided.getEntryMap());
    runtimeService.setVariables(instance, jurisdiction);
  }

  /** An open task: offered to the receiving district's groups, out of the sending one's hands. */
  private void handOver(Task task, CaseMoved moved) {
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
        continue;
      }
      String receiving = moved.movedGroup(link.getGroupId());
      if (!receiving.equals(link.getGroupId())) {
        taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
        taskService.addCandidateGroup(task.getId(), receiving);
      }
    }
    if (task.getAssignee() != null) {
      taskService.setAssignee(task.getId(), null);
    }
    if (task.getOwner() != null) {
      taskService.setOwner(task.getId(), null);
    }
  }
}
