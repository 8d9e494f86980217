package pk.hifazat.transfer;

/** Why a case moves to another district (R-TRANSFER). */
enum TransferReason {
  /** The child now lives, or is held, in the receiving district. */
  CHILD_MOVED,
  /** The child is sent back to a family in the receiving district. */
  REPATRIATED,
  /** The report was registered in a district that is not the child's. */
  WRONG_DISTRICT
}
