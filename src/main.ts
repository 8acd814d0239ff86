import 'reflect-metadata';
import { createWebApp } from './app';
import { ConfigError, loadConfig } from './config/app-config';

/** Web entrypoint. `WITH_WORKER=1` also runs the job processors (development). */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createWebApp(config, { worker: process.env.WITH_WORKER === '1' });
  await app.listen(config.PORT);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
