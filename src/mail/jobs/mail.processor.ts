import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { asTenantId } from '../../database/tenant-id';
import { QUEUES } from '../../jobs/job-defaults';
import { MailDeliveryService } from './mail-delivery.service';
import { MAIL_JOBS, type DeliverJobData } from './mail.constants';
import { UUID } from '../../common/uuid';

/**
 * The `mail` queue. A job carries ids only; what to send is read from the outbox, so a job that
 * runs twice (Redis is at-least-once) finds nothing left to send the second time.
 */
@Processor(QUEUES.mail, { concurrency: 4 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly delivery: MailDeliveryService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case MAIL_JOBS.deliver: {
        const { tenantId } = job.data as DeliverJobData;
        if (tenantId !== null && !(typeof tenantId === 'string' && UUID.test(tenantId))) {
          throw new UnrecoverableError('deliver: tenantId must be a uuid or null');
        }
        return this.delivery.deliver(tenantId === null ? null : asTenantId(tenantId));
      }
      case MAIL_JOBS.sweep:
        return { queued: await this.delivery.sweep() };
      case MAIL_JOBS.purge:
        return { purged: await this.delivery.purge() };
      default:
        throw new UnrecoverableError(`unknown mail job ${job.name}`);
    }
  }
}
