/**
 * Whether Neo4j can be reached, known without waiting on it. A request must get its 503 within
 * 100 ms while Neo4j is away, not after the driver's retries and timeouts (4.4–6.7 s measured
 * before, and during a restart an HTTP 200 with QUERY_TIMEOUT after 14–17 s). So a probe
 * (`RETURN 1`, bounded in time, never retried) runs every `intervalMs` while Neo4j answers and
 * every `downIntervalMs` while it does not; a query that fails because Neo4j is unreachable marks
 * it down at once. While it is down, /graphql and /ready answer 503 without touching the driver,
 * and the first probe that succeeds lets traffic through again.
 */
import neo4j, { type Driver } from 'neo4j-driver';

/** How the monitor probes. */
export interface DatabaseMonitorOptions {
  driver: Driver;
  database?: string;
  /** Between probes while Neo4j answers (default 1000 ms). */
  intervalMs?: number;
  /** Between probes while it does not (default 250 ms). */
  downIntervalMs?: number;
  /** A probe without an answer by then counts as a failure (default 1000 ms). */
  probeTimeoutMs?: number;
}

/** The monitor's view of Neo4j. */
export interface DatabaseMonitor {
  /** False from the moment Neo4j was found unreachable until a probe reaches it again. */
  isAvailable: () => boolean;
  /** Marks Neo4j unreachable now (a query met ServiceUnavailable) and probes until it is back. */
  markUnavailable: () => void;
  /** Calls `listener` each time Neo4j becomes unreachable; returns the function that unsubscribes. */
  onUnavailable: (listener: () => void) => () => void;
  /** For /ready: false at once while unavailable, else the result of a fresh probe. */
  check: () => Promise<boolean>;
  /** Stops probing. */
  stop: () => void;
}

/** Starts probing Neo4j. */
export function createDatabaseMonitor(options: DatabaseMonitorOptions): DatabaseMonitor {
  const intervalMs = options.intervalMs ?? 1000;
  const downIntervalMs = options.downIntervalMs ?? 250;
  const probeTimeoutMs = options.probeTimeoutMs ?? 1000;
  let available = true;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  const listeners = new Set<() => void>();
  const setAvailable = (ok: boolean) => {
    const lost = available && !ok;
    available = ok;
    if (lost) for (const listener of [...listeners]) listener();
  };

  const probe = (): Promise<boolean> => {
    running ??= probeOnce(options.driver, options.database, probeTimeoutMs).then((ok) => {
      setAvailable(ok);
      running = undefined;
      return ok;
    });
    return running;
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void probe().then((ok) => schedule(ok ? intervalMs : downIntervalMs)), delay);
    // Probing never keeps the process alive by itself.
    timer.unref();
  };
  schedule(0);

  return {
    isAvailable: () => available,
    markUnavailable: () => {
      if (!available) return;
      setAvailable(false);
      schedule(downIntervalMs);
    },
    onUnavailable: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    check: async () => available && (await probe()),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

async function probeOnce(driver: Driver, database: string | undefined, timeoutMs: number): Promise<boolean> {
  let session;
  let timer: NodeJS.Timeout | undefined;
  try {
    session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([session.run('RETURN 1'), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    // Not awaited: closing a session whose server vanished may itself wait for a timeout.
    void session?.close().catch(() => undefined);
  }
}
