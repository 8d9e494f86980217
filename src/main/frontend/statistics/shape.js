/*
 * The pure parts of the statistics page: the addresses of the figures and their downloads, and
 * a table of the API as the rows and series of a chart. No identity ever reaches this page: the
 * API answers figures only (R-NO-DISCLOSURE).
 */
import { query } from '../shared/http.js';

/** The query of a table from the filters, leaving out what is not chosen. */
export function tableParams(filters) {
  return {
    rows: filters.rows,
    columns: filters.columns,
    from: filters.from,
    to: filters.to,
    period: filters.period,
    province: filters.province,
    district: filters.district
  };
}

/** The API address of an indicator's table: JSON (format none), or its CSV or Excel file. */
export function tableUrl(indicator, filters, format) {
  const suffix = format ? '.' + format : '';
  return '/api/statistics/tables/' + encodeURIComponent(indicator) + suffix
    + query(tableParams(filters));
}

/** The annex for three years from a first year, in a zone: page, pdf, csv or xlsx. */
export function annexUrl(filters, format) {
  const first = Number(filters.annexFrom);
  return '/api/statistics/annex' + (format ? '.' + format : '') + query({
    from: Number.isFinite(first) && first > 0 ? first : '',
    to: Number.isFinite(first) && first > 0 ? first + 2 : '',
    province: filters.province,
    district: filters.district
  });
}

/** A cell as the page shows it: the figure, a share in per cent, or "x" where suppressed. */
export function cellText(cell, unit) {
  if (!cell) return '';
  if (cell.suppressed) return 'x';
  if (cell.value === null || cell.value === undefined) return '–';
  if (unit === 'share') return (Math.round(cell.value * 1000) / 10).toFixed(1) + '%';
  return Number(cell.value).toLocaleString('en-PK');
}

/**
 * The chart of a table: one bar group per row, one series per column; a suppressed cell has no
 * bar (null), never a guessed one.
 */
export function chartData(table) {
  const labels = table.rows.categories.slice();
  const series = table.columns.categories.map((column, c) => ({
    label: column,
    data: table.cells.map((row) => (row[c].suppressed || row[c].value === null
      ? null : Number(row[c].value)))
  }));
  return { labels, series };
}

/** The API address of the times from report to an indicator's step, by the rows chosen. */
export function timesUrl(indicator, filters) {
  const params = tableParams(filters);
  delete params.columns;
  return '/api/statistics/times/' + encodeURIComponent(indicator) + query(params);
}

/**
 * The rows of a times answer as the page shows them: the group, its children, the median and
 * the 90th percentile in days; "x" where the group is too small to show, "–" where none waited.
 */
export function timesRows(report) {
  const days = (value) => (value === null || value === undefined ? '–'
    : Number(value).toFixed(1));
  return report.rows.concat([report.total]).map((row) => (row.suppressed
    ? [row.category, 'x', 'x', 'x']
    : [row.category, String(row.children), days(row.medianDays), days(row.p90Days)]));
}
