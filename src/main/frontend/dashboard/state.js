/* What the dashboard remembers between its calls. */
export const state = {
  me: null,
  // A newer load (or drill-down) makes the answers of an older one stale.
  generation: 0,
  drill: 0,
  charts: {},
  activities: [],
  districts: []
};

/** The API's maximum for clock and breach lists. */
export const LIST_LIMIT = 1000;
