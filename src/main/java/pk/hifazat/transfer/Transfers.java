package pk.hifazat.transfer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.Districts;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.casefile.CaseVariables;
import pk.hifazat.support.ConflictException;
import pk.hifazat.support.EngineAsSystem;
import pk.hifazat.support.InvalidFieldException;
import pk.hifazat.support.NotFoundException;

/** Proposes a case's transfer and starts its pathway; tells who may read a case's transfers. */
@Service
class Transfers {

  static final String PROCESS = "caseTransfer";
  private static final String CASE_PROCESS = "childProtectionCase";

  private final CaseAccess access;
  private final CaseFiles files;
  private final CaseTransfers transfers;
  private final Districts districts;
  private final RuntimeService runtimeService;
  private final EngineAsSystem system;

  Transfers(CaseAccess access, CaseFiles files, CaseTransfers transfers, Districts districts,
      RuntimeService runtimeService, EngineAsSystem system) {
    this.access = access;
    this.files = files;
    this.transfers = transfers;
    this.districts = districts;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /**
   * R-TRANSFER: the case's own officers (a girl's: its female officers) and supervisors propose;
   * the receiving district's supervisor decides in the pathway (R-TRANSFER-ACK).
   */
  @Transactional
  CaseTransfer propose(String caseNumber, TransferProposal proposal, Authentication user) {
    CaseFile file = access.identityReadable(caseNumber, user);
    String province = proposal.toProvince().name();
    String district = districts.canonical(province, proposal.toDistrict())
        .orElseThrow(() -> new InvalidFieldException("toDistrict",
            "is not a district of " + province));
    if (province.equals(file.province()) && district.equals(file.district())) {
      throw new InvalidFieldException("toDistrict", "is the case's own district already");
    }
    boolean open = system.query(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CASE_PROCESS).processInstanceBusinessKey(caseNumber).count() > 0);
    if (!open) {
      throw new ConflictException("Case " + caseNumber + " is closed: a closed case is not"
          + " transferred; a new report of the child reopens it where the child is");
    }
    transfers.pending(caseNumber).ifPresent(pending -> {
      throw new ConflictException("Case " + caseNumber + " has a transfer to "
          + pending.toDistrict() + " waiting for its answer");
    });
    Instant now = ClockUtil.getCurrentTime().toInstant();
    CaseTransfer transfer = new CaseTransfer(UUID.randomUUID().toString(), caseNumber,
        file.province(), file.district(), province, district, proposal.reason(),
        blankToNull(proposal.note()), user.getName(), now, CaseTransfer.Status.PENDING, null,
        null, null, null);
    transfers.insert(transfer);
    String instance = system.query(() -> runtimeService.startProcessInstanceByKey(PROCESS,
        caseNumber, variables(file, transfer)).getId());
    transfers.linkProcessInstance(transfer.id(), instance);
    return transfers.find(transfer.id()).orElseThrow();
  }

  /**
   * The case's transfers: for whoever may open the case now, and for the officers and supervisors
   * of each district it was proposed from, the record of what they asked and what came of it.
   */
  List<CaseTransfer> of(String caseNumber, Authentication user) {
    List<CaseTransfer> all = transfers.ofCase(caseNumber);
    try {
      access.readable(caseNumber, user);
      return all;
    } catch (NotFoundException notReadable) {
      Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
          .collect(Collectors.toSet());
      String sex = files.find(caseNumber).map(file -> file.child().sex()).orElse(null);
      // R-GIRL-FEMALE-CARE: of a girl's case, only the female officers and the supervisors of
      // the district it left kept it.
      List<CaseTransfer> theirs = all.stream().filter(transfer ->
          groups.contains(AreaGroups.OFFICERS) && groups.contains(AreaGroups.officersOf(sex,
              transfer.fromProvince(), transfer.fromDistrict()))
          || groups.contains(AreaGroups.SUPERVISORS) && groups.contains(
              AreaGroups.supervisors(transfer.fromProvince(), transfer.fromDistrict())))
          .toList();
      if (theirs.isEmpty()) {
        throw notReadable;
      }
      return theirs;
    }
  }

  /**
   * The transfer's own pathway is the receiving district's: its supervisors decide it, and no
   * one of the sending district (its supervisors included) can answer for them.
   */
  private static Map<String, Object> variables(CaseFile file, CaseTransfer transfer) {
    String province = transfer.toProvince();
    String district = transfer.toDistrict();
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.CASE_NUMBER.put(variables, file.caseNumber());
    RoutingVariables.PROVINCE.put(variables, province);
    RoutingVariables.DISTRICT.put(variables, district);
    RoutingVariables.CHILD_SEX.put(variables, file.child().sex());
    CaseVariables.CHILD_AGE_YEARS.put(variables, file.child().ageYears());
    RoutingVariables.OFFICERS_GROUP.put(variables, AreaGroups.officers(province, district));
    RoutingVariables.FEMALE_OFFICERS_GROUP.put(variables,
        AreaGroups.femaleOfficers(province, district));
    RoutingVariables.SUPERVISORS_GROUP.put(variables, AreaGroups.supervisors(province, district));
    TransferVariables.FROM.put(variables,
        TransferVariables.place(transfer.fromProvince(), transfer.fromDistrict()));
    TransferVariables.TO.put(variables,
        TransferVariables.place(transfer.toProvince(), transfer.toDistrict()));
    TransferVariables.REASON.put(variables, transfer.reason().name());
    TransferVariables.NOTE.put(variables, transfer.note());
    return variables;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
