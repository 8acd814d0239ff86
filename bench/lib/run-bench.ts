import os from 'node:os';

/** What to undo at the end (servers, processes, connections), last added first. */
export const cleanups: Array<() => unknown> = [];

async function cleanup(): Promise<void> {
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (e) {
      console.error('[bench] cleanup:', (e as Error).message);
    }
  }
  cleanups.length = 0;
}

/**
 * Runs a benchmark's `main` and always cleans up: never leave servers behind, also on Ctrl-C, on
 * a kill, and when stdout goes away (a pipe closed early, e.g. `npm run bench | head`).
 */
export function runBench(main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(
      signal,
      () => void cleanup().then(() => process.exit(128 + os.constants.signals[signal])),
    );
  }
  process.stdout.on('error', () => void cleanup().then(() => process.exit(1)));
  main()
    .then(cleanup)
    .catch(async (e: unknown) => {
      console.error('[bench] failed:', e instanceof Error ? e.message : e);
      await cleanup();
      process.exitCode = 1;
    });
}
