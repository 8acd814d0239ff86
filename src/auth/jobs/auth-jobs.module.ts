import { Module } from '@nestjs/common';
import { AccountsProcessor } from './accounts.processor';
import { AccountsSchedulers } from './accounts-schedulers';

/** The accounts queue's processor and schedulers (WORKER_MODULES); the queue is in AuthModule. */
@Module({ providers: [AccountsProcessor, AccountsSchedulers] })
export class AuthJobsModule {}
