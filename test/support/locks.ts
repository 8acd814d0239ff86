import { Client } from 'pg';
import { queryAs } from './database';
import { eventually } from './eventually';

/**
 * A transaction on a connection of its own, for tests that interleave with a request: take a lock
 * or write a row in it, start the request, wait until the request is blocked behind it
 * (`blockedBehindLocks`), then `commit()`. As the superuser: no row-level security in the way.
 */
export interface HeldTransaction {
  /** The backend process of this connection (what blocked sessions wait for). */
  pid: number;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  commit(): Promise<void>;
  /** Rolls back and closes; safe after commit (for afterEach clean-up). */
  close(): Promise<void>;
}

export async function holdTransaction(connectionString: string): Promise<HeldTransaction> {
  const client = new Client({ connectionString });
  await client.connect();
  const [{ pid }] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
  await client.query('begin');
  let open = true;
  return {
    pid,
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
 * Waits until `count` sessions wait for a lock behind `held` (directly or queued behind another
 * waiter): the requests just started have reached the statement the held transaction blocks.
 */
export async function blockedBehind(
  adminUrl: string,
  held: HeldTransaction,
  count: number,
): Promise<void> {
  await eventually(
    async () => {
      const [row] = await queryAs<{ n: number }>(
        adminUrl,
        `with waiting as (
           select pid, pg_blocking_pids(pid) as behind from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock')
         select count(*)::int as n from waiting w
          where $1 = any(w.behind)
             or exists (select 1 from waiting v where v.pid = any(w.behind) and $1 = any(v.behind))`,
        [held.pid],
      );
      return row.n >= count;
    },
    10_000,
    `${count} session(s) waiting for a lock`,
  );
}
