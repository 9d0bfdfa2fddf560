/**
 * Progress of long work on the terminal: a bar on an interactive terminal, and a line every
 * tenth of the way otherwise (CI logs, pipes), so a long ingest or replay never looks frozen.
 */
import cliProgress from 'cli-progress';

/** A running progress display. */
export interface Progress {
  /** Sets how far it is: `done` of `total`, with a word on the current step. */
  update(done: number, total: number, step?: string): void;
  /** Ends the display. */
  stop(): void;
}

/** Creates a progress display on stderr titled `title` ("ingest lexlib"). */
export function createProgress(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${title.padEnd(24)} [{bar}] {percentage}% {value}/{total} {step}`, stream, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, step = '') {
        if (!started) {
          bar.start(Math.max(total, 1), 0, { step });
          started = true;
        }
        bar.setTotal(Math.max(total, 1));
        bar.update(done, { step });
      },
      stop() {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let lastTenth = -1;
  let lastStep: string | undefined;
  return {
    update(done, total, step = '') {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      // A new step (read → parse → write) prints its first line even at the same tenth.
      if (tenth === lastTenth && step === lastStep) return;
      lastTenth = tenth;
      lastStep = step;
      stream.write(`${title}: ${tenth * 10}% (${done}/${total}) ${step}\n`);
    },
    stop() {},
  };
}
