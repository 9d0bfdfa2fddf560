/** "Today" (server/today.ts): the date every query reads the graph at when given no asOf. */
import { describe, expect, it } from 'vitest';
import { isCalendarDate, today } from '../../graph-schema/today.ts';

describe('today', () => {
  it('is the date in Paris, where the code\'s days turn', () => {
    expect(today({}, new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(today({}, new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    expect(today({}, new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it('is CGCT_TODAY when set, whatever the clock says', () => {
    expect(today({ CGCT_TODAY: '2038-06-01' }, new Date('2026-01-01T12:00:00Z'))).toBe('2038-06-01');
    expect(today({ CGCT_TODAY: '' }, new Date('2026-01-01T12:00:00Z'))).toBe('2026-01-01');
  });

  it('refuses a CGCT_TODAY that is not a calendar date, naming the setting', () => {
    expect(() => today({ CGCT_TODAY: '01/06/2038' })).toThrow(/CGCT_TODAY=01\/06\/2038/);
    expect(() => today({ CGCT_TODAY: '2038-02-30' })).toThrow(/YYYY-MM-DD/);
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-2-1')).toBe(false);
  });
});
