import { Module } from '@nestjs/common';
import { AccountsJobsService } from './accounts-jobs.service';

/** The accounts queue's jobs (WORKER_MODULES); the queue itself is registered in AuthModule. */
@Module({ providers: [AccountsJobsService] })
export class AuthJobsModule {}
