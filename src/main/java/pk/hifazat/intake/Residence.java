package pk.hifazat.intake;

/** Urban or rural residence (R-DATA-DISAGGREGATED). */
public enum Residence {
  URBAN,
  RURAL
}
