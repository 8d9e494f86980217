package pk.hifazat.identity;

/** A court's permission to disclose part of a child's identity to an agency was recorded. */
public record DisclosurePermitted(String caseNumber, String agency, String orderReference,
    String recordedBy) {}
