package pk.hifazat.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A court's permission to disclose part of a child's identity to one agency (R-NO-DISCLOSURE:
 * "except as a court permits"), as recorded from the court's order.
 */
record DisclosurePermission(String id, String caseNumber, String court, String orderReference,
    LocalDate orderedOn, String agency, List<DisclosedFact> facts, LocalDate validUntil,
    String recordedBy, Instant recordedAt) {

  /** Whether the permission holds on a day (Pakistan date): from the order until its end. */
  boolean holdsOn(LocalDate day) {
    return !day.isBefore(orderedOn) && (validUntil == null || !day.isAfter(validUntil));
  }
}
