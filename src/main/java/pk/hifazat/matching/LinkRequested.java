package pk.hifazat.matching;

/** An officer asked the other district whether two cases are the same child. */
public record LinkRequested(String caseNumber, String otherCaseNumber, String matchId,
    String requestedBy) {}
