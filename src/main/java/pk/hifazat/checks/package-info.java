/**
 * Every check a pathway change passes before it goes live, whatever door it comes through: the
 * engine's own parser, bpmnlint's rules, our rules (forms, deadlines, the girl's tasks,
 * expressions, starts) and the statutory deadlines no version may lose; and what a change does
 * to the versions before it. Owns no table.
 */
@ApplicationModule(displayName = "Pathway checks", allowedDependencies = {"area", "sla", "support"})
package pk.hifazat.checks;

import org.springframework.modulith.ApplicationModule;
