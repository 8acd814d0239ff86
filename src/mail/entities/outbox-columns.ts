import { Column, CreateDateColumn } from 'typeorm';

/** `dropped`: no longer wanted (a moved or cancelled meeting's reminder, or too late to send). */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dropped';

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

/**
 * The shape shared by the tenant outbox and the platform outbox. A row is written in the same
 * transaction as the change that causes the mail; the `mail` queue then sends it exactly once
 * (see docs/mail.md for the one window where a duplicate with the same Message-ID is possible).
 */
export abstract class OutboxColumns {
  /** Idempotency key, e.g. `verify:<tokenId>`; unique, so a retry or re-run never writes twice. */
  @Column({ type: 'varchar', length: 300 })
  key: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  /** Rendered bodies; emptied by the purge job some days after sending. */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  headers: Record<string, string>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: OutboxAttachment[];

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'send_after', type: 'timestamptz', default: () => 'now()' })
  sendAfter: Date;

  /** Not sent after this moment (a reminder after its meeting began is worse than none): dropped. */
  @Column({ name: 'discard_after', type: 'timestamptz', nullable: true })
  discardAfter: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
