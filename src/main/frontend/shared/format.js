/* Numbers and words as the pages show them; a missing figure is a dash, never "NaN". */

function missing(value) {
  return value === null || value === undefined || value === '' || Number.isNaN(Number(value));
}

export function plural(count, one, many) {
  return count + ' ' + (count === 1 ? one : many);
}

/** A figure with a fixed number of decimals: formatNumber(2.345, 1) is "2.3". */
export function formatNumber(value, digits) {
  return missing(value) ? '—' : Number(value).toFixed(digits);
}

/** A share (0 to 1) as a whole percentage: 0.256 is "26%". */
export function formatShare(value) {
  return missing(value) ? '—' : Math.round(Number(value) * 100) + '%';
}

/** Seconds as hours, "1.5 h" (whole hours from 100 on); null (no such tasks) as a dash. */
export function formatHours(seconds) {
  if (missing(seconds)) {
    return '—';
  }
  const hours = Number(seconds) / 3600;
  return (hours >= 100 ? Math.round(hours).toString() : hours.toFixed(1)) + ' h';
}

/** Cuts a long label to max characters, the last one an ellipsis. */
export function shorten(text, max) {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
