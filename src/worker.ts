import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { runEntrypoint } from './bootstrap';
import { createWorkerApp } from './worker-app';

/** Job entrypoint: no HTTP, only the job workers. SIGTERM lets running jobs finish (bounded). */
runEntrypoint(async (config) => {
  const app = await createWorkerApp(config); // started: its workers take jobs from here on
  app.useLogger(app.get(Logger));
  // A drained worker exits 0 (and pino has flushed), rather than dying of the re-sent signal.
  app.enableShutdownHooks([], { useProcessExit: true });
  // A parent that started us with an IPC channel (a supervisor, the tests) learns that jobs run.
  process.send?.({ ready: true });
});
