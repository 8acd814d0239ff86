import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { SHUTDOWN_GRACE_MS } from './jobs/job-defaults';

/**
 * Runs an entrypoint (web or worker): loads the configuration, then `start` builds and starts the
 * app with it. A wrong configuration ends the process with the message naming the variable.
 */
export function runEntrypoint(start: (config: AppConfig) => Promise<void>): void {
  const run = async () => {
    await start(loadConfig(process.env));
    boundShutdown();
  };
  run().catch((e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  });
}

/**
 * enableShutdownHooks closes the app on SIGTERM (requests end, BullMQ workers let running jobs
 * finish); if that takes longer than the grace period, the process ends anyway (exit code 1).
 */
function boundShutdown(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.error(
        `${signal}: stopping; work in hand may finish (at most ${SHUTDOWN_GRACE_MS} ms)`,
      );
      setTimeout(() => {
        console.error(`shutdown took longer than ${SHUTDOWN_GRACE_MS} ms: exiting`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
}
