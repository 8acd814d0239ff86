import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, LogLevel } from '@nestjs/common';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { assertSafeDatabaseRole } from './database/role-safety';

/**
 * Builds and starts the job worker (application context, worker modules, no HTTP): what
 * `src/worker.ts` runs, and the test harness's worker process too. Its job workers start with it
 * (JobsExplorer), and it refuses to start on a wrong job wiring.
 */
export async function createWorkerApp(
  config: AppConfig,
  options: { logger?: LogLevel[] } = {},
): Promise<INestApplicationContext> {
  await assertSafeDatabaseRole(config.DATABASE_URL); // before any job can run as that role
  return NestFactory.createApplicationContext(AppModule.forRoot(config, { worker: true }), {
    bufferLogs: !options.logger,
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
