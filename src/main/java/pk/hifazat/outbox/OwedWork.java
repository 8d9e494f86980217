package pk.hifazat.outbox;

/**
 * One kind of work owed after a commit, done by the job executor. {@link #perform} runs inside
 * the job's transaction: work in the database is done exactly once (the job is deleted in the
 * same commit), work outside it (an e-mail) at least once.
 */
public interface OwedWork {

  /** The name the work is recorded under; stable across releases, since jobs outlive them. */
  String kind();

  /** Does the work; an exception leaves it owed, to be tried again later. */
  void perform(String payload);
}
