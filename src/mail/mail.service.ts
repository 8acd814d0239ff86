import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TenantId } from '../database/tenant-id';
import { OutboxMessage } from './entities/outbox-message.entity';
import { PlatformOutboxMessage } from './entities/platform-outbox-message.entity';
import type { OutboxAttachment } from './entities/outbox-columns';
import { MailRenderer } from './mail-renderer';

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
}

/**
 * Writing mail: callers put a message in the outbox inside their own transaction (so the mail
 * exists exactly when the change that causes it commits), then call `dispatch` after commit.
 */
@Injectable()
export class MailService {
  constructor(private readonly renderer: MailRenderer) {}

  /** Queue a municipality's mail; `em` must be that tenant's transaction (TenantTransaction). */
  async queueTenantMail(em: EntityManager, tenantId: TenantId, message: MailMessage): Promise<void> {
    const { html, text } = await this.renderer.render(message.template, message.data);
    await em
      .getRepository(OutboxMessage)
      .createQueryBuilder()
      .insert()
      .values({ tenantId, key: message.key, toAddress: message.to, subject: message.subject, html, text, headers: message.headers ?? {}, attachments: message.attachments ?? [] })
      .orIgnore()
      .execute();
  }

  /** Queue mail that belongs to no municipality (platform outbox, global table). */
  async queuePlatformMail(em: EntityManager, message: MailMessage): Promise<void> {
    const { html, text } = await this.renderer.render(message.template, message.data);
    await em
      .getRepository(PlatformOutboxMessage)
      .createQueryBuilder()
      .insert()
      .values({ key: message.key, toAddress: message.to, subject: message.subject, html, text, headers: message.headers ?? {}, attachments: message.attachments ?? [] })
      .orIgnore()
      .execute();
  }

  /**
   * After the transaction committed: ask the mail queue to deliver what is pending for this
   * tenant (null: the platform outbox). Implemented with the `mail` queue (mail/jobs/).
   */
  async dispatch(tenantId: TenantId | null): Promise<void> {
    void tenantId;
    throw new Error('MailService.dispatch: implemented by the mail queue');
  }
}
