import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import type { TenantId } from '../database/tenant-id';
import { QUEUES } from '../jobs/job-defaults';
import { OutboxMessage } from './entities/outbox-message.entity';
import { PlatformOutboxMessage } from './entities/platform-outbox-message.entity';
import type { OutboxAttachment } from './entities/outbox-columns';
import { MailRenderer } from './mail-renderer';
import { MAIL_JOBS, type DeliverJobData } from './jobs/mail.constants';

/** How long `dispatch` waits for Redis before it leaves the mail to the sweep. */
const DISPATCH_TIMEOUT_MS = 2_000;

export interface MailMessage {
  /** Idempotency key, unique per outbox: the same key is written (and sent) once. */
  key: string;
  to: string;
  subject: string;
  /** views/emails/<template>.hbs (HTML) and views/emails/<template>.txt.hbs (plain text). */
  template: string;
  data: Record<string, unknown>;
  headers?: Record<string, string>;
  attachments?: OutboxAttachment[];
  /** Not sent after this moment (dropped instead), e.g. a reminder once its meeting has begun. */
  discardAfter?: Date;
}

/** Rows per INSERT when many messages are queued at once (well below PostgreSQL's parameter limit). */
const INSERT_CHUNK = 200;

/**
 * Writing mail: callers put a message in the outbox inside their own transaction (so the mail
 * exists exactly when the change that causes it commits), then call `dispatch` after commit.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  constructor(
    private readonly renderer: MailRenderer,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue<DeliverJobData>,
  ) {}

  /** Queue a municipality's mail; `em` must be that tenant's transaction (TenantTransaction). */
  async queueTenantMail(
    em: EntityManager,
    tenantId: TenantId,
    message: MailMessage,
  ): Promise<void> {
    await this.insertIntoOutbox(em, OutboxMessage, [message], { tenantId });
  }

  /** Many messages for one municipality (the reminder planner): rendered, then inserted in chunks. */
  async queueTenantMails(
    em: EntityManager,
    tenantId: TenantId,
    messages: MailMessage[],
  ): Promise<void> {
    await this.insertIntoOutbox(em, OutboxMessage, messages, { tenantId });
  }

  /** Queue mail that belongs to no municipality (platform outbox, global table). */
  async queuePlatformMail(em: EntityManager, message: MailMessage): Promise<void> {
    await this.insertIntoOutbox(em, PlatformOutboxMessage, [message], {});
  }

  /** Many messages that belong to no municipality (a platform-scope reminder planner). */
  async queuePlatformMails(em: EntityManager, messages: MailMessage[]): Promise<void> {
    await this.insertIntoOutbox(em, PlatformOutboxMessage, messages, {});
  }

  /**
   * Of these keys, those already in the municipality's outbox (any status): looked up by the
   * unique (tenant_id, key) index. The caller keeps `keys` to a few thousand per call.
   */
  async existingKeys(em: EntityManager, tenantId: TenantId, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await em.query<{ key: string }[]>(
      `select key from outbox_messages where tenant_id = $1 and key = any($2::varchar[])`,
      [tenantId, keys],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Of these keys, those already in the platform outbox (see `existingKeys`). */
  async existingPlatformKeys(em: EntityManager, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await em.query<{ key: string }[]>(
      `select key from platform_outbox_messages where key = any($1::varchar[])`,
      [keys],
    );
    return new Set(rows.map((r) => r.key));
  }

  /**
   * Drops the municipality's messages whose key starts with `keyPrefix` and that are still
   * waiting (e.g. the reminders of a meeting that moved): in the caller's transaction, so they
   * are dropped exactly when the change commits. Sent ones stay as they are.
   */
  async dropPending(
    em: EntityManager,
    tenantId: TenantId,
    keyPrefix: string,
    reason = 'no longer wanted',
  ): Promise<void> {
    await em.query(
      `update outbox_messages set status = 'dropped', last_error = $3
        where tenant_id = $1 and status = 'pending' and starts_with(key, $2)`,
      [tenantId, keyPrefix, reason],
    );
  }

  /** Renders the messages and writes them to the outbox; a key already there is left as it is. */
  private async insertIntoOutbox(
    em: EntityManager,
    outbox: typeof OutboxMessage | typeof PlatformOutboxMessage,
    messages: MailMessage[],
    owner: { tenantId?: TenantId },
  ): Promise<void> {
    for (let i = 0; i < messages.length; i += INSERT_CHUNK) {
      const rows = [];
      for (const message of messages.slice(i, i + INSERT_CHUNK)) {
        const { html, text } = await this.renderer.render(message.template, {
          subject: message.subject,
          ...message.data,
        });
        rows.push({
          ...owner,
          key: message.key,
          toAddress: message.to,
          subject: message.subject,
          html,
          text,
          headers: message.headers ?? {},
          attachments: message.attachments ?? [],
          discardAfter: message.discardAfter ?? null,
        });
      }
      await em
        .getRepository<OutboxMessage | PlatformOutboxMessage>(outbox)
        .createQueryBuilder()
        .insert()
        .values(rows)
        .orIgnore()
        .execute();
    }
  }

  /**
   * After the transaction committed: ask the mail queue to deliver what is pending for this
   * tenant (null: the platform outbox). Never throws: the row is in the outbox, and if Redis is
   * unreachable the sweep (every minute) queues it later.
   *
   * One `deliver` job per outbox is waiting at a time (deduplication); when one is already
   * running, BullMQ keeps one more to start after it (`keepLastIfActive`), so a row committed
   * just after the running job's last claim is still picked up at once.
   */
  async dispatch(tenantId: TenantId | null): Promise<void> {
    const add = this.queue.add(
      MAIL_JOBS.deliver,
      { tenantId },
      { deduplication: { id: `deliver:${tenantId ?? 'platform'}`, keepLastIfActive: true } },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from Redis within ${DISPATCH_TIMEOUT_MS} ms`)),
        DISPATCH_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([add, timeout]);
    } catch (e) {
      add.catch(() => undefined);
      this.logger.warn(
        `mail dispatch for ${tenantId ?? 'platform'} not queued (${(e as Error).message}); the sweep will send it`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
