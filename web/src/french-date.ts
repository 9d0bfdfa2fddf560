/**
 * Dates as a French reader writes and reads them, jj/mm/aaaa, whatever the browser's locale
 * (an `<input type=date>` would show mm/dd/yyyy to a browser set to English). The API speaks ISO
 * (YYYY-MM-DD). Pure: no DOM.
 */

/** The code's first day: the CGCT came into force on 24 February 1996. */
export const CODE_START = '1996-02-24';

/** "2014-01-29" → "29/01/2014"; anything else unchanged. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** True for a real calendar date written YYYY-MM-DD (no 2023-02-29). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
}

/** The day before an ISO date (the last day of an interval that ends, excluded, on `iso`). */
export function dayBefore(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** What a typed date reads as: an ISO date, or a French message saying what is wrong. */
export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

/**
 * Reads a date typed as jj/mm/aaaa (also j/m/aaaa, with "." or "-" between, or a pasted
 * 2010-01-01), and checks it exists and lies within [min, max].
 */
export function parseFrenchDate(text: string, min: string, max: string): ParsedDate {
  const value = text.trim();
  const french = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(value);
  const iso = french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  if (!iso) return { ok: false, message: `« ${value} » n’est pas une date : écrivez-la jj/mm/aaaa, par exemple 01/01/2010.` };
  if (!isIsoDate(iso)) return { ok: false, message: `Le ${value} n’existe pas dans le calendrier.` };
  if (iso < min || iso > max) return { ok: false, message: `Choisissez une date du ${formatDate(min)} au ${formatDate(max)}.` };
  return { ok: true, iso };
}
