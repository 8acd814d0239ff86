import 'reflect-metadata';
import { createWebApp } from './app';
import { runEntrypoint } from './bootstrap';

/** Web entrypoint. `WITH_WORKER=1` also runs the job processors (development). */
runEntrypoint(async (config) => {
  const app = await createWebApp(config, { worker: process.env.WITH_WORKER === '1' });
  await app.listen(config.PORT);
});
