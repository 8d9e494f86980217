package pk.hifazat.identity;

/** A part of the child's identity a court may permit an agency to know (R-NO-DISCLOSURE). */
enum DisclosedFact { NAME, PARENTS, ADDRESS, PHOTO }
