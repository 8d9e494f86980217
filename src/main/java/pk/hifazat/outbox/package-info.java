/**
 * Work a committed fact owes (a supervisor's review to start, an e-mail to send), written in the
 * same transaction as the fact as a job of the engine and worked off by the job executor of any
 * node, with retries: a crash at any instant loses nothing and starts nothing twice. Owns no
 * table: the owed work lives in the engine's job table, where Cockpit and the job metrics see it.
 */
@ApplicationModule(displayName = "Outbox", allowedDependencies = {})
package pk.hifazat.outbox;

import org.springframework.modulith.ApplicationModule;
