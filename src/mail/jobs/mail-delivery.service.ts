import { InjectQueue } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
} from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { isUuid } from '../../common/uuid';
import { AppConfig } from '../../config/app-config';
import { asTenantId, type TenantId } from '../../database/tenant-id';
import { QUEUES } from '../../jobs/job-defaults';
import { OnJob, OnSchedule } from '../../jobs/job.decorators';
import { TenantsService } from '../../tenancy/tenants.service';
import { MailService } from '../mail.service';
import { messageIdFor } from '../message-id';
import { OutboxStore, type ClaimedMail } from '../outbox-store';
import { classifySendError, logSafe } from '../send-error';
import { MailTransport, type OutgoingMail } from '../transports/mail-transport';
import {
  CLAIM_BATCH_SIZE,
  CLAIM_LEASE_MS,
  CLAIM_SEND_DEADLINE_MS,
  DELIVER_JOB_BUDGET_MS,
  MAIL_JOBS,
  MAIL_SCHEDULERS,
  PURGE_FAILED_AFTER_DAYS,
  PURGE_SENT_AFTER_DAYS,
  RETRY_DELAYS_MS,
  type DeliverJobData,
} from './mail.constants';

/** Headers the message itself sets; a row's headers never override them. */
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

export interface DeliveryResult {
  sent: number;
  failed: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends what is due in one outbox, each row once:
 * 1. claim a batch in one short transaction (locks with SKIP LOCKED, counts the attempt and moves
 *    send_after a lease ahead, commits);
 * 2. send each row over SMTP outside any transaction, with a Message-ID derived from its key;
 * 3. mark it sent (or failed, with a retry time) in its own short transaction.
 * A retry, a second job or the sweep cannot claim a row while it is leased, and a sent row is never
 * pending again. The one duplicate: a worker killed between the server's "250 OK" and step 3; the
 * lease then runs out and the row is sent again with the same Message-ID (docs/mail.md).
 *
 * The `mail` queue's jobs are its methods below. A job carries ids only; what to send is read from
 * the outbox, so a job that runs twice (Redis is at-least-once) finds nothing left to send.
 */
@Injectable()
export class MailDeliveryService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('MailDelivery');
  private stopping = false;
  private running = 0;
  private idle: (() => void)[] = [];
  /** Waits after each failed attempt; a property so tests can make them short. */
  retryDelaysMs: number[] = [...RETRY_DELAYS_MS];

  constructor(
    private readonly store: OutboxStore,
    private readonly transport: MailTransport,
    private readonly mail: MailService,
    private readonly tenants: TenantsService,
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue<DeliverJobData>,
  ) {}

  /** On SIGTERM: finish the message being sent, hand the rest of the batch back. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /** Close the SMTP pool once no delivery uses it (the process bounds the wait: SHUTDOWN_GRACE_MS). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.running > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.transport.close();
  }

  @OnJob({ queue: QUEUES.mail, name: MAIL_JOBS.deliver })
  async deliverJob(job: Job): Promise<DeliveryResult> {
    const { tenantId } = job.data as DeliverJobData;
    if (tenantId !== null && !isUuid(tenantId)) {
      throw new UnrecoverableError('deliver: tenantId must be a uuid or null');
    }
    return this.deliver(tenantId === null ? null : asTenantId(tenantId));
  }

  /** Every minute: `deliver` for every outbox with due rows (Redis may have lost jobs). */
  @OnSchedule({
    id: MAIL_SCHEDULERS.sweep.id,
    queue: QUEUES.mail,
    name: MAIL_JOBS.sweep,
    every: MAIL_SCHEDULERS.sweep.every,
  })
  async sweepJob(): Promise<{ queued: number }> {
    return { queued: await this.sweep() };
  }

  /** Daily: empty the bodies of mail sent (or failed) long enough ago. */
  @OnSchedule({
    id: MAIL_SCHEDULERS.purge.id,
    queue: QUEUES.mail,
    name: MAIL_JOBS.purge,
    pattern: MAIL_SCHEDULERS.purge.pattern,
    tz: MAIL_SCHEDULERS.purge.tz,
  })
  async purgeJob(): Promise<{ purged: number }> {
    return { purged: await this.purge() };
  }

  get maxAttempts(): number {
    return this.retryDelaysMs.length + 1;
  }

  async deliver(tenantId: TenantId | null): Promise<DeliveryResult> {
    this.running++;
    try {
      return await this.deliverDue(tenantId);
    } finally {
      this.running--;
      if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private async deliverDue(tenantId: TenantId | null): Promise<DeliveryResult> {
    const started = Date.now();
    const result: DeliveryResult = { sent: 0, failed: 0 };
    let nextRetryMs: number | null = null;
    for (;;) {
      if (this.stopping || Date.now() - started > DELIVER_JOB_BUDGET_MS) {
        // More may be due: a follow-up job (another worker after a shutdown) carries on.
        if (await this.store.hasDue(tenantId)) await this.mail.dispatch(tenantId);
        break;
      }
      const { seen, rows: batch } = await this.store.claim(
        tenantId,
        CLAIM_BATCH_SIZE,
        CLAIM_LEASE_MS,
        this.maxAttempts,
      );
      if (seen === 0) break;
      const claimedAt = Date.now();
      // As many sends at once as the transport has connections (pooled SMTP); each row is
      // marked on its own as soon as the server accepted it.
      let next = 0;
      const sender = async () => {
        while (next < batch.length) {
          if (this.stopping || Date.now() - claimedAt > CLAIM_SEND_DEADLINE_MS) return;
          const row = batch[next++];
          const retryIn = await this.sendOne(tenantId, row);
          if (retryIn === 0) result.sent++;
          else {
            result.failed++;
            if (retryIn !== null) nextRetryMs = Math.min(nextRetryMs ?? retryIn, retryIn);
          }
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(this.transport.parallel, batch.length) }, sender),
      );
      // Stopped early (shutdown, deadline): the rows nobody started are due again at once.
      await this.store.release(
        tenantId,
        batch.slice(next).map((row) => row.id),
      );
    }
    // Wake up when the first failed row is due again (the sweep is the safety net).
    if (nextRetryMs !== null) {
      try {
        await this.queue.add(MAIL_JOBS.deliver, { tenantId }, { delay: nextRetryMs + 500 });
      } catch (e) {
        this.logger.warn(
          `retry of ${tenantId ?? 'platform'} not queued (${(e as Error).message}); the sweep will`,
        );
      }
    }
    return result;
  }

  /** 0: sent; a number: failed, retry in that many ms; null: failed for good. */
  private async sendOne(tenantId: TenantId | null, row: ClaimedMail): Promise<number | null> {
    try {
      await this.transport.send(this.compose(tenantId, row));
    } catch (e) {
      const failure = classifySendError(e);
      const giveUp = failure.permanent || row.attempts >= this.maxAttempts;
      const retryIn =
        this.retryDelaysMs[Math.min(row.attempts, this.retryDelaysMs.length) - 1] ?? 0;
      await this.store.markFailed(tenantId, row.id, failure.summary, giveUp, retryIn);
      const where = `${tenantId ?? 'platform'}/${row.id}`;
      if (giveUp)
        this.logger.error(
          `mail ${where} failed for good after attempt ${row.attempts}: ${logSafe(e)}`,
        );
      else
        this.logger.warn(
          `mail ${where} attempt ${row.attempts} failed (${logSafe(e)}); retry in ${retryIn} ms`,
        );
      return giveUp ? null : retryIn;
    }
    await this.markSent(tenantId, row.id);
    return 0;
  }

  /**
   * The server has the message: record it, with a few quick retries. If the database stays away,
   * the job fails and the row is sent again when its lease ends (the documented duplicate window).
   */
  private async markSent(tenantId: TenantId | null, id: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.markSent(tenantId, id);
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
        this.logger.warn(
          `mail ${tenantId ?? 'platform'}/${id} sent but not yet marked: ${(e as Error).message}`,
        );
        await pause(attempt * 500);
      }
    }
  }

  compose(tenantId: TenantId | null, row: ClaimedMail): OutgoingMail {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(row.headers)) {
      if (
        RESERVED_HEADERS.has(name.toLowerCase()) ||
        /[\r\n]/.test(name) ||
        /[\r\n]/.test(String(value))
      )
        continue;
      headers[name] = String(value);
    }
    return {
      from: this.config.MAIL_FROM,
      to: row.toAddress,
      subject: row.subject,
      text: row.text ?? '',
      html: row.html,
      messageId: messageIdFor(tenantId, row.key, this.config.BASE_DOMAIN),
      headers,
      attachments: row.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content, 'base64'),
      })),
    };
  }

  /**
   * Queues `deliver` for every outbox with due rows: every active municipality (the named
   * cross-tenant path, one tenant transaction each) and the platform. Redis may have lost jobs
   * (restart, failover); PostgreSQL has not lost the rows.
   */
  async sweep(): Promise<number> {
    let queued = 0;
    const check = async (tenantId: TenantId | null) => {
      try {
        if (await this.store.hasDue(tenantId)) {
          await this.mail.dispatch(tenantId);
          queued++;
        }
      } catch (e) {
        this.logger.error(
          `mail sweep of ${tenantId ?? 'platform'} failed: ${(e as Error).message}`,
        );
      }
    };
    await this.tenants.forEachActiveTenant((tenantId) => check(tenantId));
    await check(null);
    return queued;
  }

  /**
   * Empties bodies of old mail in every outbox. Suspended municipalities are purged too (privacy
   * does not pause), so this walks all tenants, each in its own tenant transaction.
   */
  async purge(): Promise<number> {
    let purged = 0;
    for (const tenant of await this.tenants.listAll()) {
      purged += await this.store.purge(
        asTenantId(tenant.id),
        PURGE_SENT_AFTER_DAYS,
        PURGE_FAILED_AFTER_DAYS,
      );
    }
    purged += await this.store.purge(null, PURGE_SENT_AFTER_DAYS, PURGE_FAILED_AFTER_DAYS);
    if (purged > 0) this.logger.log(`purged the bodies of ${purged} old mails`);
    return purged;
  }
}
