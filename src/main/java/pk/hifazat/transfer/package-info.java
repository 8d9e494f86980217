/**
 * Case transfers (R-TRANSFER): a case's officer or supervisor proposes moving it to another
 * district or province, the receiving district's supervisor accepts or declines it in the
 * {@code caseTransfer} pathway (R-TRANSFER-ACK), and an accepted transfer moves every running
 * process of the case to the receiving district, publishing {@code CaseMoved} for the modules
 * that keep the case's area. Owns the table {@code case_transfer}.
 */
@ApplicationModule(displayName = "Transfers", allowedDependencies = {"area", "casefile", "support"})
package pk.hifazat.transfer;

import org.springframework.modulith.ApplicationModule;
