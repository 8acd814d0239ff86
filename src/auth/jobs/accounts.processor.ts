import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { QUEUES } from '../../jobs/job-defaults';
import { AuthFlowsService } from '../auth-flows.service';
import { AuthTokensService } from '../auth-tokens.service';
import { ACCOUNT_JOBS, type RegisterJobData, type SendLinkJobData } from './accounts.constants';
import { isUuid } from '../../common/uuid';

/** The `accounts` queue: mail asked for in a form (links, registration), and the daily token purge. */
@Processor(QUEUES.accounts, { concurrency: 4 })
export class AccountsProcessor extends WorkerHost {
  constructor(
    private readonly flows: AuthFlowsService,
    private readonly tokens: AuthTokensService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case ACCOUNT_JOBS.sendLink: {
        const data = job.data as SendLinkJobData;
        if (
          !['login', 'reset'].includes(data.purpose) ||
          typeof data.email !== 'string' ||
          (data.hostTenantId !== null && !isUuid(data.hostTenantId))
        )
          throw new UnrecoverableError(
            'send-link: purpose, email and host (uuid or null) required',
          );
        // The job id keys the outbox row: a retried job mails at most once.
        return { sent: await this.flows.sendLink(data, `${job.id}`) };
      }
      case ACCOUNT_JOBS.register: {
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
      case ACCOUNT_JOBS.purgeTokens:
        return { purged: await this.tokens.purge() };
      default:
        throw new UnrecoverableError(`unknown accounts job ${job.name}`);
    }
  }
}
