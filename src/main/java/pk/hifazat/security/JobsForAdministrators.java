package pk.hifazat.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import pk.hifazat.area.AreaGroups;

/**
 * Jobs carry the statutory clocks' timers (R-COURT-24H): only administrators execute them by
 * hand. The engine checks a manual execution inside the job, where a refusal counts as the job
 * failing and spends its retries until an incident stops the timer for good; so the refusal comes
 * here, before the job is touched.
 */
class JobsForAdministrators extends ManagementServiceImpl {

  JobsForAdministrators(ProcessEngineConfiguration configuration) {
    super(configuration);
  }

  @Override
  public void executeJob(String jobId) {
    Authentication caller = getIdentityService().getCurrentAuthentication();
    if (caller != null && caller.getUserId() != null && (caller.getGroupIds() == null
        || !caller.getGroupIds().contains(AreaGroups.ADMINISTRATORS))) {
      throw new AuthorizationException(caller.getUserId() + " may not execute jobs: a job is a "
          + "pathway's timer or step, run by the engine on time (only administrators run one by hand)");
    }
    super.executeJob(jobId);
  }

  private IdentityService getIdentityService() {
    return ((ProcessEngineConfigurationImpl) processEngineConfiguration).getIdentityService();
  }
}
