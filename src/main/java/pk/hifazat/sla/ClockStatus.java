package pk.hifazat.sla;

/** Where a deadline clock stands. */
public enum ClockStatus {
  RUNNING,
  AT_RISK,
  MET,
  BREACHED
}
