import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import type { OutboxAttachment } from './entities/outbox-columns';

/** A row handed to the sender by `claim`. `attempts` already counts this attempt. */
export interface ClaimedMail {
  id: string;
  key: string;
  toAddress: string;
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  attachments: OutboxAttachment[];
  attempts: number;
}

interface ClaimedRow {
  id: string;
  key: string;
  to_address: string;
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string> | null;
  attachments: OutboxAttachment[] | null;
  attempts: number;
}

/**
 * "The row is still pending", for statements that name their rows by primary key. Written so that
 * no index can use it: with `status = 'pending'` PostgreSQL may pick the pending index over the
 * primary key when its statistics are stale (right after a burst of thousands of reminders) and
 * then filter every pending row for each mail it marks.
 */
const STILL_PENDING = `(status = 'pending') IS TRUE`;

/**
 * A suspended municipality's mail is held: it stays pending, nothing claims it, and the sweep
 * sends it once the municipality is active again. True for the platform outbox ($1 is null).
 */
const NOT_HELD = `NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = $1::uuid AND t.status = 'suspended')`;

/**
 * The SQL of sending, for both outboxes: a municipality's (`outbox_messages`, inside that tenant's
 * transaction, so RLS applies) and the platform's (`platform_outbox_messages`, tenantId null).
 * Every statement is its own short transaction; none stays open while SMTP talks.
 *
 * `$1` is always the tenant id: `tenant_id = $1` for a municipality, `$1 IS NULL` for the platform.
 */
@Injectable()
export class OutboxStore {
  constructor(
    private readonly tx: TenantTransaction,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private run<T>(
    tenantId: TenantId | null,
    work: (em: EntityManager, table: string, scope: string) => Promise<T>,
  ): Promise<T> {
    if (tenantId)
      return this.tx.run(tenantId, (em) => work(em, 'outbox_messages', 'tenant_id = $1'));
    return this.dataSource.transaction((em) =>
      work(em, 'platform_outbox_messages', '$1::uuid IS NULL'),
    );
  }

  /**
   * Claims up to `limit` due rows: locks them (`FOR UPDATE SKIP LOCKED`, so concurrent claimers
   * take different rows), counts the attempt and moves `send_after` a lease ahead. Until the lease
   * ends no other claim sees the row, whether or not this transaction is still open; it is
   * committed before any mail is sent. In the same statement, due rows that must not be sent are
   * given up: past their `discard_after` (`dropped`), or out of attempts without any recorded
   * outcome, because the worker died during each send (`failed`). `seen` counts both kinds, so a
   * caller goes on while rows were due even if none was claimed. A suspended municipality's rows
   * are not due (NOT_HELD).
   */
  claim(
    tenantId: TenantId | null,
    limit: number,
    leaseMs: number,
    maxAttempts: number,
  ): Promise<{ seen: number; rows: ClaimedMail[] }> {
    return this.run(tenantId, async (em, table, scope) => {
      const o = scope.replace('tenant_id', 'o.tenant_id');
      const result: (ClaimedRow & { seen: number })[] = await em.query(
        `WITH due AS (
           SELECT id, discard_after < $5 AS too_late, attempts >= $4 AS used_up FROM ${table}
           WHERE ${scope} AND status = 'pending' AND send_after <= now() AND ${NOT_HELD}
           ORDER BY send_after, created_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         ), given_up AS (
           UPDATE ${table} o SET
             status = CASE WHEN due.too_late THEN 'dropped' ELSE 'failed' END,
             last_error = CASE WHEN due.too_late THEN 'not sent before ' || o.discard_after
               ELSE 'no result after ' || o.attempts || ' attempts (the worker stopped while sending)' END
           FROM due WHERE ${o} AND o.id = due.id AND (due.too_late IS TRUE OR due.used_up)
         ), claimed AS (
           UPDATE ${table} o SET attempts = o.attempts + 1, send_after = now() + make_interval(secs => $3::double precision)
           FROM due WHERE ${o} AND o.id = due.id AND due.too_late IS NOT TRUE AND NOT due.used_up
           RETURNING o.id, o.key, o.to_address, o.subject, o.html, o.text, o.headers, o.attachments, o.attempts
         )
         SELECT (SELECT count(*) FROM due)::int AS seen, claimed.* FROM (SELECT 1) one LEFT JOIN claimed ON true`,
        // Leases run on the database's time; the discard moment (a meeting's start) on the clock's.
        [tenantId, limit, leaseMs / 1000, maxAttempts, this.clock.now()],
      );
      return {
        seen: result[0]?.seen ?? 0,
        rows: result
          .filter((r) => r.id !== null)
          .map((r) => ({
            id: r.id,
            key: r.key,
            toAddress: r.to_address,
            subject: r.subject,
            html: r.html,
            text: r.text,
            headers: r.headers ?? {},
            attachments: r.attachments ?? [],
            attempts: r.attempts,
          })),
      };
    });
  }

  /** The server accepted it: never send it again. */
  async markSent(tenantId: TenantId | null, id: string): Promise<void> {
    await this.run(tenantId, (em, table, scope) =>
      em.query(
        `UPDATE ${table} SET status = 'sent', sent_at = now(), last_error = NULL
          WHERE ${scope} AND id = $2 AND ${STILL_PENDING}`,
        [tenantId, id],
      ),
    );
  }

  /** A failed attempt: try again after `retryInMs`, or give up (`failed`) when `permanent`. */
  async markFailed(
    tenantId: TenantId | null,
    id: string,
    error: string,
    permanent: boolean,
    retryInMs: number,
  ): Promise<void> {
    await this.run(tenantId, (em, table, scope) =>
      em.query(
        `UPDATE ${table} SET last_error = $3, status = $4::varchar,
            send_after = CASE WHEN $4::varchar = 'failed' THEN send_after ELSE now() + make_interval(secs => $5::double precision) END
          WHERE ${scope} AND id = $2 AND ${STILL_PENDING}`,
        [tenantId, id, error.slice(0, 500), permanent ? 'failed' : 'pending', retryInMs / 1000],
      ),
    );
  }

  /** Claimed but not attempted (deadline, shutdown): due again at once, the attempt not counted. */
  async release(tenantId: TenantId | null, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.run(tenantId, (em, table, scope) =>
      em.query(
        `UPDATE ${table} SET attempts = greatest(attempts - 1, 0), send_after = now()
          WHERE ${scope} AND id = ANY($2::uuid[]) AND ${STILL_PENDING}`,
        [tenantId, ids],
      ),
    );
  }

  /** Is anything due now? (The sweep asks this before it queues a `deliver` job.) */
  hasDue(tenantId: TenantId | null): Promise<boolean> {
    return this.run(tenantId, async (em, table, scope) => {
      const [row]: { due: boolean }[] = await em.query(
        `SELECT exists(SELECT 1 FROM ${table} WHERE ${scope} AND status = 'pending' AND send_after <= now()) AND ${NOT_HELD} AS due`,
        [tenantId],
      );
      return row.due;
    });
  }

  /** When the next pending row falls due (null: none pending). */
  nextDueAt(tenantId: TenantId | null): Promise<Date | null> {
    return this.run(tenantId, async (em, table, scope) => {
      const [row]: { next: Date | null }[] = await em.query(
        `SELECT min(send_after) AS next FROM ${table} WHERE ${scope} AND status = 'pending'`,
        [tenantId],
      );
      return row.next ? new Date(row.next) : null;
    });
  }

  /**
   * Empties bodies, attachments and headers (they can hold one-click tokens) of mail sent more
   * than `sentDays` ago and of mail that failed more than `failedDays` ago. Recipient, subject,
   * key and times stay: they answer "did this person get that mail, and when?".
   */
  purge(tenantId: TenantId | null, sentDays: number, failedDays: number): Promise<number> {
    return this.run(tenantId, async (em, table, scope) => {
      const [, count]: [unknown, number] = await em.query(
        `UPDATE ${table} SET html = NULL, text = NULL, attachments = '[]'::jsonb, headers = '{}'::jsonb, purged_at = now()
          WHERE ${scope} AND purged_at IS NULL AND (
            (status = 'sent' AND sent_at < now() - make_interval(days => $2::int))
            OR (status = 'failed' AND created_at < now() - make_interval(days => $3::int)))`,
        [tenantId, sentDays, failedDays],
      );
      return count;
    });
  }
}
