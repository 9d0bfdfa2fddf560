/**
 * Keeps a foreground command attached to the detached Neo4j: the server runs in its own process
 * group (so closing a terminal does not kill it mid-write), hence Ctrl-C reaches only us, and we
 * pass it on as a clean stop.
 */
import { isAlive } from './stop-process.ts';

/** Resolves "signal" on Ctrl-C or SIGTERM, or "died" if the server exits by itself first. */
export function waitForStopSignal(pid: number): Promise<'signal' | 'died'> {
  return new Promise((resolve) => {
    const finish = (outcome: 'signal' | 'died') => {
      clearInterval(watch);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(outcome);
    };
    const onSignal = () => finish('signal');
    const watch = setInterval(() => {
      if (!isAlive(pid)) finish('died');
    }, 1000);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
