// Progress of long work (waiting for a call, bulk adds) on stderr, drawn by cli-progress. It draws
// only when stderr is a terminal: piped or redirected, nothing is written.
import cliProgress from 'cli-progress';

export interface Progress {
  /** Moves the bar to `value` (of the total given at start), with a short status text. */
  update(value: number, status?: string): void;
  stop(): void;
}

export function startProgress(label: string, total: number, unit: string): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} ${unit} {status}`,
      hideCursor: true,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { status: '' });
  return {
    update: (value, status = '') => bar.update(Math.min(value, total), { status }),
    stop: () => bar.stop(),
  };
}
