import { SMTP_POOL } from '../src/mail/jobs/mail.constants';
import { asTenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { MailService } from '../src/mail/mail.service';
import { queryAs } from './support/database';
import { eventually } from './support/eventually';
import { createTenant } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';
import { REAL_WORKER, startWorkerProcess, type WorkerProcess } from './support/worker-process';

/**
 * The production worker entrypoint (src/worker.ts) in a process of its own, as an orchestrator
 * runs it: SIGTERM while mail is in flight. The web app of the test only queues; the child
 * process is the only worker. (Its refusal of an unsafe database role: operator-defaults.)
 */
describe('worker entrypoint (src/worker.ts)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, worker: false });
  });

  afterAll(async () => {
    await worker?.kill();
    await t?.close();
    await sink?.close();
  });

  // Generous bounds: starting a process that compiles the app (ts-node) takes ~8 s on an idle
  // 2-core machine and far longer on a busy one; every wait ends as soon as its condition holds.
  it('on SIGTERM finishes the mail in flight, hands the rest back and exits 0 within its grace period', async () => {
    const tenantId = asTenantId((await createTenant(t, { slug: 'diksmuide' })).id);
    worker = await startWorkerProcess(t, { SMTP_URL: sink.url }, { script: REAL_WORKER });
    const child = worker;

    // Every message is received but not answered: each SMTP connection has one in flight.
    sink.holdAfter(0);
    const count = 12;
    await t.get(TenantTransaction).run(tenantId, async (em) => {
      for (let i = 0; i < count; i++) {
        await t.get(MailService).queueTenantMail(em, tenantId, {
          key: `shutdown-test:${i}`,
          to: `mantelzorger-${i}@example.be`,
          subject: `Bericht ${i}`,
          template: 'test-message',
          data: { name: 'Els', message: 'Tot dinsdag.', link: 'http://diksmuide.localhost/' },
        });
      }
    });
    await t.get(MailService).dispatch(tenantId);
    await eventually(
      async () => sink.held.length === SMTP_POOL.maxConnections,
      60_000,
      `${SMTP_POOL.maxConnections} messages in flight`,
    ).catch((e: Error) => {
      throw new Error(`${e.message}; worker output:\n${child.output()}`);
    });
    const inFlight = sink.held.map((m) => recipient(m));

    child.child.kill('SIGTERM');
    // Only once the worker is stopping does the SMTP server answer: the sends in hand finish
    // during the shutdown, not before it.
    await eventually(async () => child.output().includes('SIGTERM: stopping'), 30_000, 'SIGTERM');
    sink.answerHeld();
    const exit = await child.exited;

    // Code 0: drained and exited by itself, within its bound (past SHUTDOWN_GRACE_MS it exits 1).
    expect({ ...exit, output: exit.code === 0 ? '' : child.output() }).toEqual({
      code: 0,
      signal: null,
      output: '',
    });

    const rows = await queryAs<{
      to_address: string;
      status: string;
      attempts: number;
      leased: boolean;
    }>(
      t.db.adminUrl,
      `select to_address, status, attempts, send_after > now() as leased
         from outbox_messages where starts_with(key, 'shutdown-test:')`,
    );
    expect(rows).toHaveLength(count);
    const receivedTimes = (to: string) => sink.messages.filter((m) => recipient(m) === to).length;
    // The messages in flight at SIGTERM were finished and marked sent, not abandoned.
    for (const to of inFlight) expect(rows.find((r) => r.to_address === to)?.status).toBe('sent');
    for (const r of rows) {
      if (r.status === 'sent') expect(receivedTimes(r.to_address)).toBe(1);
      else {
        // Handed back untouched: due at once for the next worker, nothing lost.
        expect(r).toMatchObject({ status: 'pending', attempts: 0, leased: false });
        expect(receivedTimes(r.to_address)).toBe(0);
      }
    }
    expect(sink.messages).toHaveLength(rows.filter((r) => r.status === 'sent').length);
  }, 300_000);
});
