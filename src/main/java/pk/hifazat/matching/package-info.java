/**
 * The same child, found again: a keyed blind index over each child's identifying facts (names in
 * Urdu script or Latin letters, birth year, B-form number), looked up in every district when an
 * identity is recorded, without revealing anyone's identity (R-NO-DISCLOSURE); the other
 * district's supervisor confirms or declines a link (pathway {@code matchLinking}), and a
 * confirmed link makes the earlier case the later one's previous case and counts the child as
 * found again. Owns the tables {@code match_key}, {@code possible_match} and {@code case_link}.
 */
@ApplicationModule(displayName = "Matching",
    allowedDependencies = {"area", "casefile", "identity", "retention", "support"})
package pk.hifazat.matching;

import org.springframework.modulith.ApplicationModule;
