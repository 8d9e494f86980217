package pk.hifazat.placement;

/** One child protection institution of the registry, with its beds and whom it can care for. */
record Institution(
    String id,
    String name,
    String province,
    String district,
    int capacity,
    int occupied,
    boolean acceptsGirls,
    boolean acceptsBoys,
    int minAge,
    int maxAge,
    boolean femaleStaffed,
    boolean specialisedSexualExploitation) {

  int freeBeds() {
    return capacity - occupied;
  }
}
