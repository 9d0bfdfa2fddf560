/**
 * "Today", the one date every query reads the graph at when it is given no `asOf`
 * (graph-schema/README.md, Time): a version or a citation may end in 2038, so the current graph
 * is "as of today", never `validTo IS NULL`. `CGCT_TODAY=YYYY-MM-DD` fixes it, for tests and demos.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// The code's dates are French: an amendment takes effect at midnight in Paris, so the day turns
// there, not in UTC (at 23:30 UTC on 31 December it is already 1 January in Paris).
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** True for a real calendar date written YYYY-MM-DD (no 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today's date in Paris as "YYYY-MM-DD", or CGCT_TODAY when set (a malformed one throws). */
export function today(environment: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const fixed = environment.CGCT_TODAY?.trim();
  if (fixed) {
    if (!isCalendarDate(fixed)) throw new Error(`CGCT_TODAY=${fixed}: expected a calendar date YYYY-MM-DD.`);
    return fixed;
  }
  return PARIS_DAY.format(now);
}
