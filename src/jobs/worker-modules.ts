import type { Type } from '@nestjs/common';
import { AuthJobsModule } from '../auth/jobs/auth-jobs.module';
import { MailJobsModule } from '../mail/mail-jobs.module';
import { JobsWorkerModule } from './jobs-worker.module';

/**
 * The platform's modules that hold job handlers. A feature's worker module comes with its
 * manifest; `src/features.ts` joins them into WORKER_MODULES, which are imported only where jobs
 * run (the worker, and the single development/test process), so a web-only node never consumes
 * a queue.
 */
export const PLATFORM_WORKER_MODULES: Type[] = [JobsWorkerModule, MailJobsModule, AuthJobsModule];
