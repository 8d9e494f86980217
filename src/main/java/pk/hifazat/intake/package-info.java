/**
 * The one door through which a case starts: {@code POST /api/cases} checks a report, opens (or
 * reopens) its case file and starts the case pathway. Owns the table {@code
 * intake_request} (the keys a retried report is recognised by); publishes {@code CaseRegistered}.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"area", "casefile", "support"})
package pk.hifazat.intake;

import org.springframework.modulith.ApplicationModule;
