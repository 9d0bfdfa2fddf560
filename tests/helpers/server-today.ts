/**
 * "Today" for a server the test runs in its own process (tests/helpers/graphql-server.ts): the
 * server reads CGCT_TODAY at each request, so setting it here fixes its date for the next one.
 *
 *   const restoreToday = keepServerToday();
 *   afterEach(restoreToday);          // or afterAll
 *   setServerToday('2030-01-01');
 */

/** Sets the server's today (undefined: the real date in Paris). */
export function setServerToday(date: string | undefined): void {
  if (date === undefined) delete process.env.CGCT_TODAY;
  else process.env.CGCT_TODAY = date;
}

/** Remembers the current setting; the function returned puts it back. */
export function keepServerToday(): () => void {
  const saved = process.env.CGCT_TODAY;
  return () => setServerToday(saved);
}
