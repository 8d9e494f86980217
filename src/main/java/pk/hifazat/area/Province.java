package pk.hifazat.area;

/**
 * The seven administrative zones, each with its own child-protection law (or none: Gilgit-Baltistan
 * and Azad Jammu and Kashmir); the statutes are listed in docs/sources.md.
 */
public enum Province {
  PB,
  SD,
  KP,
  BA,
  ICT,
  GB,
  AJK
}
