import 'reflect-metadata';
import { createWebApp } from './app';
import { ConfigError, loadConfig } from './config/app-config';
import { SHUTDOWN_GRACE_MS } from './jobs/job-defaults';

/** Web entrypoint. `WITH_WORKER=1` also runs the job processors (development). */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createWebApp(config, { worker: process.env.WITH_WORKER === '1' });
  await app.listen(config.PORT);
  // enableShutdownHooks closes the app on SIGTERM (requests end, BullMQ workers let running jobs
  // finish); if that takes longer than the grace period, the process ends anyway.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`shutdown took longer than ${SHUTDOWN_GRACE_MS} ms: exiting`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
