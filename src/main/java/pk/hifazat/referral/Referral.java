package pk.hifazat.referral;

import java.time.Instant;

/** One referral of a case to one agency, as recorded (R-REFERRAL); no child's identity in it. */
record Referral(
    String id,
    String caseNumber,
    String processInstanceId,
    String agency,
    String previousReferralId,
    String province,
    String district,
    Status status,
    Instant sentAt,
    Instant answeredAt,
    Instant deliveredAt,
    String outcome,
    Instant closedAt) {

  enum Status {
    SENT,
    ACKNOWLEDGED,
    DECLINED,
    CLOSED
  }

  /** The outcome of a closed referral, else its status: {@code COMPLETED}, {@code DECLINED}. */
  String result() {
    return status == Status.CLOSED && outcome != null ? outcome : status.name();
  }
}
