import { Client } from 'pg';
import { queryAs } from './database';
import { eventually } from './eventually';

/**
 * A transaction on a connection of its own, for tests that interleave with a request: take a lock
 * or write a row in it, start the request, wait until the request is blocked behind it
 * (`blockedBehindLocks`), then `commit()`. As the superuser: no row-level security in the way.
 */
export interface HeldTransaction {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  commit(): Promise<void>;
  /** Rolls back and closes; safe after commit (for afterEach clean-up). */
  close(): Promise<void>;
}

export async function holdTransaction(connectionString: string): Promise<HeldTransaction> {
  const client = new Client({ connectionString });
  await client.connect();
  await client.query('begin');
  let open = true;
  return {
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[],
    async commit() {
      await client.query('commit');
      open = false;
      await client.end();
    },
    async close() {
      if (!open) return;
      open = false;
      await client.query('rollback').catch(() => undefined);
      await client.end();
    },
  };
}

/**
 * Waits until `count` other sessions of the test database wait for a lock: the requests just
 * started have reached the statement the held transaction blocks.
 */
export async function blockedBehindLocks(adminUrl: string, count: number): Promise<void> {
  await eventually(
    async () => {
      const [row] = await queryAs<{ n: number }>(
        adminUrl,
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return row.n >= count;
    },
    10_000,
    `${count} session(s) waiting for a lock`,
  );
}
