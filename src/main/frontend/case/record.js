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
  add(view.stageEnteredAt, 'Stage / مرحلہ: ' + (view.stage || ''));
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
