package pk.hifazat.transfer;

import java.time.Instant;

/** One proposed move of a case, and what became of it. */
record CaseTransfer(
    String id,
    String caseNumber,
    String fromProvince,
    String fromDistrict,
    String toProvince,
    String toDistrict,
    TransferReason reason,
    String note,
    String requestedBy,
    Instant requestedAt,
    Status status,
    String decidedBy,
    Instant decidedAt,
    String declineReason,
    String processInstanceId) {

  enum Status { PENDING, ACCEPTED, DECLINED }
}
