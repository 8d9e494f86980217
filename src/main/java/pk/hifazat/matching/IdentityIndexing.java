package pk.hifazat.matching;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pk.hifazat.identity.ChildIdentityWritten;
import pk.hifazat.retention.RecordsErased;

/**
 * Keeps the blind index with the identities: a recorded identity is indexed and looked up in
 * the same transaction (an identity never commits without its keys), and an erased one takes
 * its keys with it.
 */
@Component
class IdentityIndexing {

  private final MatchFinder finder;

  IdentityIndexing(MatchFinder finder) {
    this.finder = finder;
  }

  @EventListener
  void on(ChildIdentityWritten written) {
    finder.indexAndFind(written.caseNumber());
  }

  @EventListener
  void on(RecordsErased erased) {
    // Re-reads the identity: gone, so the case's keys and open possible matches go too.
    finder.indexAndFind(erased.caseNumber());
  }
}
