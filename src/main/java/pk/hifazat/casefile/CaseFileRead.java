package pk.hifazat.casefile;

/** Someone read a case file through the API (who reads which case is audited). */
public record CaseFileRead(String caseNumber, String readBy) {}
