/*
 * The case record's pure part: its timeline from the case view (GET /api/cases/{n}), in the
 * order things happened, and each deadline's state in words.
 */

/** What a deadline's status says to an officer, in English and Urdu. */
export const DEADLINE_WORDS = Object.freeze({
  RUNNING: 'Running / جاری',
  AT_RISK: 'Due soon / وقت ختم ہونے کو ہے',
  BREACHED: 'Missed / وقت گزر گیا',
  MET: 'Met / وقت پر',
  CANCELLED: 'No longer needed / اب ضرورت نہیں'
});

export function deadlineWords(status) {
  return DEADLINE_WORDS[status] || status || '';
}

/** Events of the case, oldest first: report, custody, stage, tasks opened, deadlines met or missed. */
export function timeline(view) {
  const events = [];
  const add = (at, text) => {
    if (at) {
      events.push({ at, text });
    }
  };
  add(view.reportedAt, 'Reported / رپورٹ موصول' + (view.source ? ' (' + view.source + ')' : ''));
  add(view.custodyTakenAt, 'Taken into protective custody / حفاظتی تحویل');
  add(view.stageEnteredAt, 'Stage / مرحلہ: ' + stageWords(view.stage));
  for (const task of view.tasks || []) {
    add(task.created, 'Task opened / کام شروع: ' + task.name);
  }
  for (const deadline of view.deadlines || []) {
    add(deadline.startedAt, deadline.rule + ' started / شروع');
    add(deadline.metAt, deadline.rule + ' met / وقت پر پورا');
    add(deadline.breachedAt, deadline.rule + ' missed / وقت گزر گیا');
  }
  return events.sort((a, b) => new Date(a.at) - new Date(b.at));
}

/** The stages of a case (case.stage in the models), as the task cards name them. */
export const STAGE_WORDS = Object.freeze({
  REPORTED: 'Reported / رپورٹ درج',
  IDENTIFICATION: 'Identification / شناخت',
  COURT_PRODUCTION: 'Production before the court / عدالت میں پیشی',
  REFERRAL: 'Referral to agencies / اداروں کو ریفرل',
  PLACEMENT: 'Placement / رہائش کا انتظام',
  COURT_PROCEEDINGS: 'Court proceedings / عدالتی کارروائی',
  COMPENSATION: 'Compensation / معاوضہ',
  FOLLOW_UP: 'Follow-up / بعد کی نگرانی',
  CLOSING: 'Closing the case / کیس کی بندش',
  CLOSED: 'Closed / بند'
});

export function stageWords(stage) {
  return STAGE_WORDS[stage] || stage || '—';
}

/** What a referral's state says, in English and Urdu (R-REFERRAL). */
export const REFERRAL_WORDS = Object.freeze({
  SENT: 'Sent, no answer yet / بھیجا گیا، جواب نہیں آیا',
  ACKNOWLEDGED: 'Accepted / قبول کیا گیا',
  DECLINED: 'Declined / انکار کیا گیا',
  CLOSED: 'Closed / بند'
});

/** On what basis a referral went (R-CONSENT), in words. */
export const SHARING_WORDS = Object.freeze({
  CONSENT: 'With consent / رضامندی سے',
  LAW: 'By law, without consent / قانون کے تحت، رضامندی کے بغیر'
});

/** A transfer's reason and state, in words (R-TRANSFER). */
export const TRANSFER_WORDS = Object.freeze({
  CHILD_MOVED: 'The child moved / بچہ منتقل ہو گیا',
  REPATRIATED: 'Sent back to family / خاندان کے پاس واپس',
  WRONG_DISTRICT: 'Reported in the wrong district / غلط ضلع میں رپورٹ',
  PENDING: 'Waiting for the answer / جواب کا انتظار',
  ACCEPTED: 'Accepted / قبول',
  DECLINED: 'Declined / انکار'
});

/** What became of a request for consent (R-CONSENT), in words. */
export const CONSENT_WORDS = Object.freeze({
  PENDING: 'Waiting for consent / رضامندی کا انتظار',
  SHARED: 'Consent given, referral sent / رضامندی ملی، ریفرل بھیجا گیا',
  WITHHELD: 'Refused, referral withheld / انکار، ریفرل روک دیا گیا',
  GIVEN: 'Agrees / رضامند',
  REFUSED: 'Does not agree / رضامند نہیں',
  NOT_ASKED: 'Not asked: too young / نہیں پوچھا گیا: کم عمر',
  NO_GUARDIAN: 'No guardian who may be asked / کوئی سرپرست نہیں'
});

/** A possible earlier case (the same child found again), in words; never the other identity. */
export const MATCH_WORDS = Object.freeze({
  POSSIBLE: 'Possible, not asked yet / ممکن، ابھی پوچھا نہیں گیا',
  REQUESTED: "Asked of the other district's supervisor / دوسرے ضلع کے سپروائزر سے پوچھا گیا",
  CONFIRMED: 'Confirmed: the same child / تصدیق شدہ: وہی بچہ',
  DECLINED: 'Not the same child / وہی بچہ نہیں',
  B_FORM: 'B-form number / ب فارم نمبر',
  NAME: 'Name / نام',
  BIRTH_YEAR: 'Birth year / پیدائش کا سال',
  PARENT: "A parent's name / والدین میں سے ایک کا نام"
});

export function words(table, code) {
  return table[code] || code || '—';
}

export function referralWords(status) {
  return REFERRAL_WORDS[status] || status || '';
}

/** The labels of the court's and the placement's facts, by the variable that holds each. */
export const FACT_LABELS = Object.freeze({
  statute: 'Law that applies / نافذ قانون',
  nationalDefaultApplied: 'No zonal statute: the national default applies / صوبائی قانون نہیں: قومی ضابطہ نافذ',
  magistrateApplicationRequired: 'Application to a magistrate required / مجسٹریٹ کو درخواست لازم',
  previousStatute: 'Law that applied before the transfer / منتقلی سے پہلے نافذ قانون',
  jurisdictionChangedAt: 'Jurisdiction changed with the transfer / منتقلی پر دائرہ اختیار بدلا',
  custodyTakenAt: 'Taken into protective custody / حفاظتی تحویل کا وقت',
  placeOfSafety: 'Place of safety / محفوظ جگہ',
  productionCourt: 'Court of production / پیشی کی عدالت',
  producedAt: 'Produced before the court / عدالت میں پیشی کا وقت',
  temporaryInstitution: 'Temporary custody at / عارضی تحویل کا ادارہ',
  temporaryCustodyFrom: 'Temporary custody from / عارضی تحویل کب سے',
  magistrateCourt: "Magistrate's court / مجسٹریٹ کی عدالت",
  magistrateAppliedAt: 'Applied to the magistrate / مجسٹریٹ کو درخواست کا وقت',
  magistrateCustodyGranted: 'Magistrate granted custody / مجسٹریٹ نے تحویل کی اجازت دی',
  custodyOrder: 'Custody ordered to / تحویل کس کو دی گئی',
  orderDate: "Date of the court's order / عدالتی حکم کی تاریخ",
  courtAgeDecisionYears: 'Age decided by the court / عدالت کی طے کردہ عمر',
  finalDecision: 'Final decision / حتمی فیصلہ',
  finalDecisionAt: 'Date of the final decision / حتمی فیصلے کی تاریخ',
  placementOption: 'Placement / رہائش',
  caregiverRelationship: 'Cared for by / دیکھ بھال کرنے والا',
  institutionName: 'Institution / ادارہ',
  admittedAt: 'Admitted / داخلے کا وقت',
  placedAt: 'Placed / رکھے جانے کا وقت',
  courtOrderDate: "Court's order for the placement / رکھنے کا عدالتی حکم",
  handedOverAt: 'Handed over / حوالگی کا وقت',
  releasedAt: 'Released / رہائی کا وقت',
  releaseReason: 'Reason for the release / رہائی کی وجہ'
});

const TIME_FACT = /(At|From|Date)$/;

/**
 * The rows of a facts answer (GET /api/cases/{n}/court or /placement) in the answer's order:
 * [label, value], times through formatTime, yes/no in words.
 */
export function factRows(facts, formatTime) {
  return Object.entries(facts || {}).map(([name, value]) => {
    let text;
    if (typeof value === 'boolean') {
      text = value ? 'Yes / ہاں' : 'No / نہیں';
    } else if (TIME_FACT.test(name)) {
      text = formatTime(value);
    } else {
      text = String(value);
    }
    return [FACT_LABELS[name] || name, text];
  });
}

/**
 * The case's money in three figures (R-COMPENSATION): claimed, granted (an appeal's grant
 * counts over the first decision's) and paid (every payment added up), in PKR, null when none.
 */
export function compensationSummary(steps) {
  let claimed = null;
  let granted = null;
  let paid = null;
  for (const step of steps || []) {
    const amount = step.amount === null || step.amount === undefined ? null : Number(step.amount);
    if (amount === null || Number.isNaN(amount)) {
      continue;
    }
    if (step.event === 'CLAIM_FILED') {
      claimed = amount;
    } else if (step.event === 'DECISION' || step.event === 'APPEAL_DECISION') {
      granted = amount;
    } else if (step.event === 'PAYMENT') {
      paid = (paid || 0) + amount;
    }
  }
  return { claimed, granted, paid };
}

/** The steps of compensation and justice as a caseworker names them. */
export const STEP_WORDS = Object.freeze({
  NOT_ELIGIBLE: 'Not eligible / اہل نہیں',
  CLAIM_FILED: 'Claim filed / دعویٰ دائر',
  DECISION: 'Decision / فیصلہ',
  APPEAL: 'Appeal / اپیل',
  APPEAL_DECISION: 'Appeal decided / اپیل کا فیصلہ',
  PAYMENT: 'Paid / ادائیگی',
  INVESTIGATION: 'FIR / ایف آئی آر',
  PROSECUTION: 'Prosecution / استغاثہ',
  VERDICT: 'Verdict / عدالتی فیصلہ',
  SENTENCE: 'Sentence / سزا',
  FIR_REGISTERED: 'FIR registered / ایف آئی آر درج',
  NO_FIR: 'No FIR / ایف آئی آر درج نہیں',
  STARTED: 'Started / شروع',
  NOT_STARTED: 'Not started / شروع نہیں',
  GRANTED: 'Granted / منظور',
  DENIED: 'Denied / مسترد',
  FILED: 'Filed / دائر',
  NOT_FILED: 'Not filed / دائر نہیں',
  CONVICTED: 'Convicted / سزا یافتہ',
  ACQUITTED: 'Acquitted / بری',
  WITHDRAWN: 'Withdrawn / واپس لیا گیا'
});

export function stepWords(code) {
  return code ? STEP_WORDS[code] || code : '';
}

/** "PKR 300,000", or a dash. */
export function rupees(amount) {
  return amount === null || amount === undefined ? '—'
    : 'PKR ' + Number(amount).toLocaleString('en-PK', { maximumFractionDigits: 2 });
}
