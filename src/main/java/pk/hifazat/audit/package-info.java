/**
 * The append-only audit trail: what the other modules report (their events, heard inside their
 * transaction) and every change the engine logs by any door; the administrators' audit API.
 * Owns the table {@code audit_event}.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = {"area", "casefile", "documents", "identity", "intake", "migration", "notes", "policy", "retention", "security", "sla", "support"})
package pk.hifazat.audit;

import org.springframework.modulith.ApplicationModule;
