package pk.hifazat.matching;

/**
 * Two cases were confirmed to be the same child: {@code previousCaseNumber} is the earlier one.
 * {@code reTrafficked} when the later case is one of trafficking or sale.
 */
public record SameChildFoundAgain(String caseNumber, String previousCaseNumber,
    boolean reTrafficked, String confirmedBy) {}
