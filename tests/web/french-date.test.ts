/** Dates typed and shown as jj/mm/aaaa (web/src/french-date.ts), one row per form. */
import { describe, expect, it } from 'vitest';
import { dayBefore, formatDate, parseFrenchDate } from '../../web/src/french-date.ts';

const MIN = '1996-02-24';
const MAX = '2026-12-01';

describe('French dates', () => {
  it('shows ISO dates as jj/mm/aaaa', () => {
    expect(formatDate('2014-01-29')).toBe('29/01/2014');
    expect(formatDate('2038-01-01')).toBe('01/01/2038');
  });

  it.each([
    ['01/06/2008', '2008-06-01'], // the usual form
    ['1/6/2008', '2008-06-01'], // without leading zeros
    ['01.06.2008', '2008-06-01'], // with dots
    [' 24-02-1996 ', '1996-02-24'], // with dashes and spaces around; the code's first day
    ['2008-06-01', '2008-06-01'], // pasted from an address
  ])('reads "%s" as %s', (typed, iso) => {
    expect(parseFrenchDate(typed, MIN, MAX)).toEqual({ ok: true, iso });
  });

  it.each([
    ['06/01/2008x', /n’est pas une date : écrivez-la jj\/mm\/aaaa/],
    ['2008', /jj\/mm\/aaaa/],
    ['31/02/2010', /n’existe pas/],
    ['23/02/1996', /du 24\/02\/1996 au 01\/12\/2026/],
    ['02/12/2026', /du 24\/02\/1996 au 01\/12\/2026/],
  ])('refuses "%s" with a French message', (typed, message) => {
    const parsed = parseFrenchDate(typed, MIN, MAX);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('gives the day before, across months and years', () => {
    expect(dayBefore('2009-03-01')).toBe('2009-02-28');
    expect(dayBefore('2038-01-01')).toBe('2037-12-31');
  });
});
