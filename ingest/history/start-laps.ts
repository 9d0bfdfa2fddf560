/** A stopwatch for per-stage timings: each call returns the milliseconds since the previous one (or since it started). */
export function startLaps(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
}
