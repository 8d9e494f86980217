/*
 * Times as Hifazat shows them: Pakistan time (PKT, UTC+5, no daylight saving time), whatever the
 * browser's own zone.
 */

export const PAKISTAN = 'Asia/Karachi';
const PAKISTAN_OFFSET = '+05:00';

// Dates as Pakistan writes them: day/month/year.
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: PAKISTAN, day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hour12: false
});
const DATE = new Intl.DateTimeFormat('en-GB', { timeZone: PAKISTAN, day: '2-digit', month: '2-digit', year: 'numeric' });
// A calendar day has no zone of its own: shown as written.
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: '2-digit', month: 'short' });

/** An instant (ISO text) as a Date, or null when there is none or it cannot be read. */
export function parseInstant(value) {
  if (!value) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A Date in Pakistan time, "20/11/2026, 14:05", for a column that says PKT in its heading. */
export function pakistanDateTime(date) {
  return DATE_TIME.format(date);
}

/** An instant (ISO text) in Pakistan time with the zone, a dash for none, as written if unreadable. */
export function formatTime(iso) {
  if (!iso) {
    return '—';
  }
  const date = parseInstant(iso);
  return date ? pakistanDateTime(date) + ' PKT' : String(iso);
}

/** "2026-11-20" (a Pakistan calendar day) as "20 Nov". */
export function formatDay(day) {
  const date = new Date(day + 'T00:00:00Z');
  return Number.isNaN(date.getTime()) ? String(day) : DAY.format(date);
}

/** The instant a Pakistan calendar day ("2026-11-20") begins. */
export function pakistanDayStart(day) {
  return new Date(day + 'T00:00:00' + PAKISTAN_OFFSET);
}

/** The instant a Pakistan calendar day ends, that is the next day's start. */
export function pakistanDayEnd(day) {
  const end = pakistanDayStart(day);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}

/**
 * An answer's period (from, to as instants) in words, or the fallback when it has none; "to" is
 * exclusive, so the last day shown is the one before it.
 */
export function periodText(from, to, fallback) {
  const start = parseInstant(from);
  const end = parseInstant(to);
  if (!start || !end) {
    return fallback;
  }
  const last = new Date(end.getTime() - 1);
  return 'From ' + DATE.format(start) + ' to ' + DATE.format(last) + ' (Pakistan time).';
}

/** A span of milliseconds, rounded to what a reader needs: "45 min", "3 h 20 min", "4 d 2 h". */
export function formatDuration(ms) {
  const minutes = Math.max(0, Math.round(ms / 60000));
  if (minutes < 60) {
    return minutes + ' min';
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return hours + ' h' + (rest ? ' ' + rest + ' min' : '');
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return days + ' d' + (restHours ? ' ' + restHours + ' h' : '');
}
