package pk.hifazat.area;

/** The seven administrative zones, each with its own child-protection law (DOMAIN.md). */
public enum Province {
  PB,
  SD,
  KP,
  BA,
  ICT,
  GB,
  AJK
}
