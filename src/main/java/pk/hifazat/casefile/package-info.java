/**
 * The case file of each registered report: its number, area, the child's facts (never the
 * identity, R-NO-DISCLOSURE), its stage as the pathways move, and the case API that shows it
 * with its open work and clocks. Owns the tables {@code case_file} and {@code
 * case_number_counter}; publishes {@code CaseFileRead} and {@code CaseStageEntered}.
 */
@ApplicationModule(displayName = "Case file", allowedDependencies = {"area", "security", "sla", "support"})
package pk.hifazat.casefile;

import org.springframework.modulith.ApplicationModule;
