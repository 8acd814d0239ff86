import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { isUuid } from '../../common/uuid';
import { QUEUES } from '../../jobs/job-defaults';
import { OnJob, OnSchedule } from '../../jobs/job.decorators';
import { AuthFlowsService } from '../auth-flows.service';
import { AuthTokensService } from '../auth-tokens.service';
import {
  ACCOUNT_JOBS,
  ACCOUNT_SCHEDULERS,
  type RegisterJobData,
  type SendLinkJobData,
} from './accounts.constants';

/**
 * The `accounts` queue's jobs: mail asked for in a form (links, registration) and the daily token
 * purge. Each checks its payload (a malformed one is never retried) and hands it to the auth service.
 */
@Injectable()
export class AccountsJobsService {
  constructor(
    private readonly flows: AuthFlowsService,
    private readonly tokens: AuthTokensService,
  ) {}

  @OnJob({ queue: QUEUES.accounts, name: ACCOUNT_JOBS.sendLink })
  async sendLink(job: Job): Promise<{ sent: boolean }> {
    const data = job.data as SendLinkJobData;
    if (
      !['login', 'reset'].includes(data.purpose) ||
      typeof data.email !== 'string' ||
      (data.hostTenantId !== null && !isUuid(data.hostTenantId))
    )
      throw new UnrecoverableError('send-link: purpose, email and host (uuid or null) required');
    // The job id keys the outbox row: a retried job mails at most once.
    return { sent: await this.flows.sendLink(data, `${job.id}`) };
  }

  @OnJob({ queue: QUEUES.accounts, name: ACCOUNT_JOBS.register })
  async register(job: Job): Promise<{ sent: boolean }> {
    const data = job.data as RegisterJobData;
    if (
      !isUuid(data.hostTenantId) ||
      !isUuid(data.verifyTokenId) ||
      typeof data.email !== 'string' ||
      typeof data.displayName !== 'string'
    )
      throw new UnrecoverableError('register: host, token id, email and display name required');
    return { sent: await this.flows.register(data, `${job.id}`) };
  }

  /** Daily: used and expired auth tokens (and the unconfirmed registrations they hold) go. */
  @OnSchedule({
    id: ACCOUNT_SCHEDULERS.purgeTokens.id,
    queue: QUEUES.accounts,
    name: ACCOUNT_JOBS.purgeTokens,
    pattern: ACCOUNT_SCHEDULERS.purgeTokens.pattern,
    tz: ACCOUNT_SCHEDULERS.purgeTokens.tz,
  })
  async purgeTokens(): Promise<{ purged: number }> {
    return { purged: await this.tokens.purge() };
  }
}
