package pk.hifazat.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.Districts;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.casefile.CaseVariables;
import pk.hifazat.support.EngineAsSystem;

/** Registers a report and starts its case: the case file and the case process, or neither. */
@Service
class IntakeService {

  /** The top-level pathway every case starts with. */
  static final String CASE_PROCESS = "childProtectionCase";
  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

  private final RuntimeService runtimeService;
  private final CaseFiles files;
  private final Districts districts;
  private final EngineAsSystem system;
  private final ApplicationEventPublisher events;
  private final IntakeRequests requests;

  IntakeService(RuntimeService runtimeService, CaseFiles files, Districts districts,
      EngineAsSystem system, ApplicationEventPublisher events, IntakeRequests requests) {
    this.requests = requests;
    this.system = system;
    this.events = events;
    this.runtimeService = runtimeService;
    this.files = files;
    this.districts = districts;
  }

  @Transactional
  public OpenedCase open(CaseReportRequest report, String registeredBy,
      RetriedReports.ReportKeys keys) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String province = report.province();
    String district = districts.canonical(province, report.district()).orElseThrow();
    int year = now.atZone(PAKISTAN).getYear();
    String caseNumber = "%s-%d-%06d".formatted(province, year, files.nextNumber(province, year));
    List<String> offences = report.offenceTypes().stream().distinct().toList();
    CaseReportRequest.Child child = report.child();
    // The case file goes first so that the pathway's listeners find it.
    files.insert(new CaseFile(caseNumber, "", province, district,
        report.reportedTime().toInstant(), report.source(),
        new CaseFile.Child(child.sex(), child.ageYears(), Boolean.TRUE.equals(child.ageEstimated()),
            child.ageDisputed(), child.nationality(), blankToNull(child.religion()),
            blankToNull(child.ethnicity()), blankToNull(child.socioeconomicStatus()),
            child.residence()),
        offences,
        instant(report.custodyTime()), CaseFiles.STAGE_REPORTED, now, now, registeredBy));
    ProcessInstance instance = start(caseNumber, variables(report, caseNumber, district));
    files.linkProcessInstance(caseNumber, instance.getId());
    events.publishEvent(new CaseRegistered(caseNumber, instance.getId(), report.source(), false,
        registeredBy));
    return answered(new OpenedCase(caseNumber, instance.getId()), keys, registeredBy);
  }

  /**
   * Starts the case's pathway as the application: the report was checked and the reporter's
   * area decided by the API, the only door through which a case starts.
   */
  private ProcessInstance start(String caseNumber, Map<String, Object> variables) {
    return system.query(() ->
        runtimeService.startProcessInstanceByKey(CASE_PROCESS, caseNumber, variables));
  }

  /** The same child reported again: their closed case starts its pathway again, same number. */
  @Transactional
  public OpenedCase reopen(CaseReportRequest report, String registeredBy,
      RetriedReports.ReportKeys keys) {
    String caseNumber = report.previousCaseNumber();
    String district = districts.canonical(report.province(), report.district()).orElseThrow();
    files.reopen(caseNumber, report.reportedTime().toInstant(), instant(report.custodyTime()));
    ProcessInstance instance = start(caseNumber, variables(report, caseNumber, district));
    files.linkProcessInstance(caseNumber, instance.getId());
    events.publishEvent(new CaseRegistered(caseNumber, instance.getId(), report.source(), true,
        registeredBy));
    return answered(new OpenedCase(caseNumber, instance.getId()), keys, registeredBy);
  }

  /** The report's keys are recorded with its case, so a retry finds the case. */
  private OpenedCase answered(OpenedCase opened, RetriedReports.ReportKeys keys,
      String registeredBy) {
    requests.record(keys.keys(), keys.hash(), opened, registeredBy);
    return opened;
  }

  /** Whether any process of the case is still running. */
  boolean isOpen(String caseNumber) {
    return system.query(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).count() > 0);
  }

  private static Map<String, Object> variables(CaseReportRequest report, String caseNumber,
      String district) {
    String province = report.province();
    List<String> offences = report.offenceTypes().stream().distinct().toList();
    OffsetDateTime custodyTakenAt = report.custodyTime();
    CaseReportRequest.Child child = report.child();
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.CASE_NUMBER.put(variables, caseNumber);
    RoutingVariables.PROVINCE.put(variables, province);
    RoutingVariables.DISTRICT.put(variables, district);
    CaseVariables.REPORTED_AT.put(variables, report.reportedTime());
    CaseVariables.SOURCE.put(variables, report.source());
    RoutingVariables.CHILD_SEX.put(variables, child.sex());
    CaseVariables.CHILD_AGE_YEARS.put(variables, child.ageYears());
    CaseVariables.AGE_ESTIMATED.put(variables, Boolean.TRUE.equals(child.ageEstimated()));
    CaseVariables.AGE_DISPUTED.put(variables, child.ageDisputed());
    CaseVariables.CHILD_NATIONALITY.put(variables, child.nationality());
    CaseVariables.OFFENCE_TYPES.put(variables, String.join(",", offences));
    CaseVariables.CUSTODY_TAKEN_AT.put(variables, custodyTakenAt);
    CaseVariables.IN_PROTECTION.put(variables, custodyTakenAt != null);
    RoutingVariables.OFFICERS_GROUP.put(variables, AreaGroups.officers(province, district));
    RoutingVariables.FEMALE_OFFICERS_GROUP.put(variables,
        AreaGroups.femaleOfficers(province, district));
    RoutingVariables.SUPERVISORS_GROUP.put(variables, AreaGroups.supervisors(province, district));
    return variables;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The answer to a registered report. */
  record OpenedCase(String caseNumber, String processInstanceId) {}
}
