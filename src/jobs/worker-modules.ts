import type { Type } from '@nestjs/common';
import { AuthJobsModule } from '../auth/jobs/auth-jobs.module';
import { CafesJobsModule } from '../cafes/jobs/cafes-jobs.module';
import { MailJobsModule } from '../mail/mail-jobs.module';

/**
 * Modules that hold job processors. They are imported only where jobs run (the worker, and the
 * single development/test process), so a web-only node never consumes a queue.
 */
export const WORKER_MODULES: Type[] = [MailJobsModule, CafesJobsModule, AuthJobsModule];
