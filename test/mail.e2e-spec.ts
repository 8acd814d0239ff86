import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { simpleParser } from 'mailparser';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { QUEUES } from '../src/jobs/job-defaults';
import { MailDeliveryService } from '../src/mail/jobs/mail-delivery.service';
import { JobsExplorer } from '../src/jobs/jobs.explorer';
import { MAIL_JOBS, MAIL_SCHEDULERS } from '../src/mail/jobs/mail.constants';
import { MailService, type MailMessage } from '../src/mail/mail.service';
import { messageIdFor } from '../src/mail/message-id';
import { OutboxStore } from '../src/mail/outbox-store';
import { queryAs } from './support/database';
import { eventually } from './support/eventually';
import { createTenant } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The outbox and the `mail` queue against the real SMTP sink, Redis and PostgreSQL: every mail
 * arrives once, also through retries, sweeps and double dispatches.
 */

/** Polls until `check` returns something truthy (conditions, never fixed sleeps). */
const waitUntil = <T>(what: string, check: () => Promise<T>) => eventually(check, 15_000, what);

interface OutboxRow {
  key: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  html: string | null;
  text: string | null;
  attachments: unknown[];
  headers: Record<string, string>;
  purged_at: Date | null;
}

let seq = 0;
function message(overrides: Partial<MailMessage> = {}): MailMessage {
  seq++;
  return {
    key: `test:${seq}:${Date.now()}`,
    to: `mantelzorger-${seq}@example.be`,
    subject: `Testbericht ${seq}`,
    template: 'test-message',
    data: {
      name: 'Els',
      message: 'Het Mantelzorgcafé begint om 14 uur.',
      link: 'http://poperinge.localhost/cafe',
    },
    ...overrides,
  };
}

describe('mail: outbox, mail queue, SMTP', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let tenantId: TenantId;
  let otherTenantId: TenantId;
  let delivery: MailDeliveryService;
  let queue: Queue;

  /** Rows of both outboxes, read as the superuser (no RLS). */
  async function row(key: string, table = 'outbox_messages'): Promise<OutboxRow | undefined> {
    const [r] = await queryAs<OutboxRow>(t.db.adminUrl, `SELECT * FROM ${table} WHERE key = $1`, [
      key,
    ]);
    return r;
  }

  async function queueTenantMail(msg: MailMessage, tenant: TenantId = tenantId): Promise<void> {
    await t
      .get(TenantTransaction)
      .run(tenant, (em) => t.get(MailService).queueTenantMail(em, tenant, msg));
  }

  async function queuePlatformMail(msg: MailMessage): Promise<void> {
    await t.get(DataSource).transaction((em) => t.get(MailService).queuePlatformMail(em, msg));
  }

  /** No deliver job waiting, delayed or running: whatever was going to be sent, has been. */
  async function quiet(): Promise<void> {
    await waitUntil('the mail queue to be idle', async () => {
      const jobs = await queue.getJobs([
        'active',
        'waiting',
        'delayed',
        'prioritized',
        'waiting-children',
      ]);
      return jobs.every((job) => job.name !== MAIL_JOBS.deliver);
    });
  }

  function received(to: string) {
    return sink.messages.filter((m) => recipient(m) === to);
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url });
    delivery = t.get(MailDeliveryService);
    delivery.retryDelaysMs = [200, 200, 200]; // 4 attempts, quickly
    queue = t.app.get<Queue>(getQueueToken(QUEUES.mail));
    tenantId = asTenantId((await createTenant(t, { slug: 'poperinge', name: 'Poperinge' })).id);
    otherTenantId = asTenantId((await createTenant(t, { slug: 'ieper', name: 'Ieper' })).id);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('sends a tenant mail once, with text and HTML, headers, attachments and a Message-ID from its key', async () => {
    const msg = message({
      headers: {
        'List-Unsubscribe': '<http://poperinge.localhost/afmelden/abc>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Message-ID': '<forged@example.be>',
      },
      attachments: [
        {
          filename: 'cafe.ics',
          contentType: 'text/calendar',
          content: Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').toString('base64'),
        },
      ],
    });
    await queueTenantMail(msg);
    await t.get(MailService).dispatch(tenantId);

    const mail = await sink.waitFor((m) => recipient(m) === msg.to);
    expect(mail.subject).toBe(msg.subject);
    expect(mail.text).toContain('Hallo Els,');
    expect(mail.text).toContain('Open de Mantelzorghub: http://poperinge.localhost/cafe');
    expect(mail.html).toContain('Het Mantelzorgcafé begint om 14 uur.');
    expect(mail.html).toContain('<title>' + msg.subject + '</title>');
    expect(mail.messageId).toBe(messageIdFor(tenantId, msg.key, 'localhost'));
    const header = (name: string) =>
      mail.headerLines.filter((h) => h.key === name).map((h) => h.line);
    expect(header('list-unsubscribe-post')).toEqual([
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
    expect(header('message-id')).toHaveLength(1); // the row cannot replace it
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['cafe.ics', 'text/calendar'],
    ]);
    expect(mail.attachments[0].content.toString()).toContain('BEGIN:VCALENDAR');

    const r = await waitUntil('the row to be marked sent', async () => {
      const current = await row(msg.key);
      return current?.status === 'sent' ? current : null;
    });
    expect(r.attempts).toBe(1);
    expect(r.sent_at).toBeTruthy();
    await quiet();
    expect(received(msg.to)).toHaveLength(1);
  });

  it('writes and sends the same key once, however often it is queued and dispatched', async () => {
    const msg = message();
    await queueTenantMail(msg);
    await queueTenantMail({ ...msg, subject: 'Tweede versie' });
    await Promise.all([
      t.get(MailService).dispatch(tenantId),
      t.get(MailService).dispatch(tenantId),
    ]);
    const [{ count }] = await queryAs<{ count: string }>(
      t.db.adminUrl,
      'SELECT count(*) FROM outbox_messages WHERE key = $1',
      [msg.key],
    );
    expect(count).toBe('1');

    const mail = await sink.waitFor((m) => recipient(m) === msg.to);
    expect(mail.subject).toBe(msg.subject);
    await t.get(MailService).dispatch(tenantId);
    await quiet();
    expect(received(msg.to)).toHaveLength(1);
  });

  it('retries a temporary SMTP failure (451) and delivers exactly once', async () => {
    const msg = message();
    sink.failNext(1);
    await queueTenantMail(msg);
    await t.get(MailService).dispatch(tenantId);

    await sink.waitFor((m) => recipient(m) === msg.to);
    const r = await waitUntil('the row to be marked sent', async () => {
      const current = await row(msg.key);
      return current?.status === 'sent' ? current : null;
    });
    expect(r.attempts).toBe(2);
    expect(r.last_error).toBeNull();
    await quiet();
    expect(received(msg.to)).toHaveLength(1);
  });

  it('gives up after the last attempt and keeps the reason, without sending', async () => {
    const msg = message();
    sink.failNext(delivery.maxAttempts);
    await queueTenantMail(msg);
    await t.get(MailService).dispatch(tenantId);

    const r = await waitUntil('the row to fail', async () => {
      const current = await row(msg.key);
      return current?.status === 'failed' ? current : null;
    });
    expect(r.attempts).toBe(delivery.maxAttempts);
    expect(r.last_error).toContain('451');
    expect(r.last_error).not.toContain('Mantelzorgcafé'); // never the body
    await quiet();
    sink.failNext(0);
    expect(received(msg.to)).toHaveLength(0);
  });

  it('lets the sweep pick up mail whose job Redis lost, once, however often it runs', async () => {
    const msg = message();
    await queueTenantMail(msg); // no dispatch: as if Redis had lost the job
    const platformMsg = message();
    await queuePlatformMail(platformMsg);

    const queued = await Promise.all([delivery.sweep(), delivery.sweep()]);
    expect(queued[0] + queued[1]).toBeGreaterThanOrEqual(2);
    // And two deliveries racing for the same rows.
    await Promise.all([
      delivery.deliver(tenantId),
      delivery.deliver(tenantId),
      delivery.deliver(null),
    ]);

    await sink.waitFor((m) => recipient(m) === msg.to);
    await sink.waitFor((m) => recipient(m) === platformMsg.to);
    await delivery.sweep();
    await quiet();
    expect(received(msg.to)).toHaveLength(1);
    expect(received(platformMsg.to)).toHaveLength(1);
  });

  it('sends platform mail (no municipality) with a Message-ID of the platform outbox', async () => {
    const msg = message({ key: 'onboarding:test' });
    await queuePlatformMail(msg);
    await t.get(MailService).dispatch(null);

    const mail = await sink.waitFor((m) => recipient(m) === msg.to);
    expect(mail.messageId).toBe(messageIdFor(null, msg.key, 'localhost'));
    expect(mail.messageId).not.toBe(messageIdFor(tenantId, msg.key, 'localhost'));
    await waitUntil(
      'the platform row to be marked sent',
      async () => (await row(msg.key, 'platform_outbox_messages'))?.status === 'sent',
    );
    await quiet();
    expect(received(msg.to)).toHaveLength(1);
  });

  it("claims only the dispatched municipality's rows", async () => {
    const mine = message();
    const theirs = message();
    await queueTenantMail(mine);
    await queueTenantMail(theirs, otherTenantId);
    const store = t.get(OutboxStore);
    const { rows: claimed } = await store.claim(tenantId, 100, 60_000, 10);
    expect(claimed.map((c) => c.key)).toContain(mine.key);
    expect(claimed.map((c) => c.key)).not.toContain(theirs.key);
    await store.release(
      tenantId,
      claimed.map((c) => c.id),
    );
    await Promise.all([
      t.get(MailService).dispatch(tenantId),
      t.get(MailService).dispatch(otherTenantId),
    ]);
    await sink.waitFor((m) => recipient(m) === mine.to);
    await sink.waitFor((m) => recipient(m) === theirs.to);
    await quiet();
    expect(received(mine.to)).toHaveLength(1);
  });

  it('purges bodies, attachments and headers of mail sent more than 7 days ago', async () => {
    const insert = (key: string, status: string, sentAgo: string | null, createdAgo = '0 days') =>
      queryAs(
        t.db.adminUrl,
        `INSERT INTO outbox_messages (tenant_id, key, to_address, subject, html, text, headers, attachments, status, attempts, sent_at, created_at)
         VALUES ($1, $2, 'oud@example.be', 'Oud', '<p>Geheim</p>', 'Geheim', '{"List-Unsubscribe":"<x>"}', '[{"filename":"a.ics","contentType":"text/calendar","content":"QQ=="}]',
                 $3, 1, CASE WHEN $4::text IS NULL THEN NULL ELSE now() - $4::interval END, now() - $5::interval)`,
        [tenantId, key, status, sentAgo, createdAgo],
      );
    await insert('purge:old', 'sent', '8 days', '8 days');
    await insert('purge:recent', 'sent', '1 day', '1 day');
    await insert('purge:failed-old', 'failed', null, '31 days');
    await queryAs(
      t.db.adminUrl,
      `INSERT INTO platform_outbox_messages (key, to_address, subject, html, text, status, attempts, sent_at, created_at)
       VALUES ('purge:platform-old', 'oud@example.be', 'Oud', '<p>Geheim</p>', 'Geheim', 'sent', 1, now() - interval '10 days', now() - interval '10 days')`,
    );

    expect(await delivery.purge()).toBeGreaterThanOrEqual(4 - 1); // the recent one stays
    const old = await row('purge:old');
    expect(old).toMatchObject({
      html: null,
      text: null,
      attachments: [],
      headers: {},
      status: 'sent',
    });
    expect(old?.purged_at).toBeTruthy();
    expect((await row('purge:failed-old'))?.text).toBeNull();
    expect((await row('purge:platform-old', 'platform_outbox_messages'))?.html).toBeNull();
    const recent = await row('purge:recent');
    expect(recent?.text).toBe('Geheim');
    expect(recent?.purged_at).toBeNull();
    expect(await delivery.purge()).toBe(0); // nothing left to purge
  });

  it('declares the sweep and purge schedulers once, and again after Redis reconnects', async () => {
    const ids = async () => (await queue.getJobSchedulers()).map((s) => s.key).sort();
    expect(await ids()).toEqual([MAIL_SCHEDULERS.purge.id, MAIL_SCHEDULERS.sweep.id]);
    await t.get(JobsExplorer).declare();
    expect(await ids()).toEqual([MAIL_SCHEDULERS.purge.id, MAIL_SCHEDULERS.sweep.id]);

    // A Redis that lost its data: the schedulers are gone until the connection is ready again.
    await queue.removeJobScheduler(MAIL_SCHEDULERS.sweep.id);
    await queue.removeJobScheduler(MAIL_SCHEDULERS.purge.id);
    expect(await ids()).toEqual([]);
    (await queue.getBackend().client).disconnect(true);
    await waitUntil('the schedulers to be declared again', async () => (await ids()).length === 2);
  });

  it('has no development mailbox when SMTP is configured', async () => {
    await t.agent(null).get('/dev/mail').expect(404);
  });
});

describe('mail: development transport and mailbox page', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mzh-mail-'));
    t = await createTestApp({ env: { MAIL_DIR: dir } });
  });

  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps mail as .eml files and lists it on /dev/mail, newest first, with clickable links', async () => {
    const tenantId = asTenantId((await createTenant(t, { slug: 'veurne', name: 'Veurne' })).id);
    const first = message({ subject: 'Eerste bericht' });
    const second = message({
      subject: 'Bevestig je e-mailadres <nu>',
      data: {
        name: 'Jan & Els',
        message: 'Klik <b>hier</b>.',
        link: 'http://veurne.localhost:3000/bevestigen/abc123',
      },
    });
    for (const msg of [first, second]) {
      await t
        .get(TenantTransaction)
        .run(tenantId, (em) => t.get(MailService).queueTenantMail(em, tenantId, msg));
      await t.get(MailService).dispatch(tenantId);
      await waitUntil(`${msg.subject} as a file`, async () => {
        const names = await readdir(dir).catch(() => [] as string[]);
        return names.filter((n) => n.endsWith('.json')).length >= (msg === first ? 1 : 2);
      });
    }
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith('.eml'))).toHaveLength(2);

    const list = await t.agent(null).get('/dev/mail').expect(200);
    expect(list.text).toContain('Verstuurde e-mails');
    expect(list.text).toContain(first.to);
    expect(list.text).toContain('Bevestig je e-mailadres &lt;nu&gt;');
    expect(list.text.indexOf('Bevestig je e-mailadres')).toBeLessThan(
      list.text.indexOf('Eerste bericht'),
    );
    expect(list.text).not.toContain('<nu>');

    const href = /href="(\/dev\/mail\/[^"/]+)"/.exec(list.text)?.[1];
    expect(href).toBeDefined();
    const detail = await t.agent(null).get(href!).expect(200);
    expect(detail.text).toContain('Hallo Jan &amp; Els,');
    expect(detail.text).toContain('Klik &lt;b&gt;hier&lt;/b&gt;.');
    expect(detail.text).toContain(
      '<a href="http://veurne.localhost:3000/bevestigen/abc123">http://veurne.localhost:3000/bevestigen/abc123</a>',
    );
    expect(detail.text).toContain(
      messageIdFor(tenantId, second.key, 'localhost').replace('<', '&lt;').replace('>', '&gt;'),
    );

    // The download is the message itself: the newest one, parsed back from the raw bytes.
    const eml = await t
      .agent(null)
      .get(`${href}/eml`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(eml.headers['content-type']).toContain('message/rfc822');
    const parsed = await simpleParser(eml.body as Buffer);
    expect({
      subject: parsed.subject,
      to: recipient(parsed),
      messageId: parsed.messageId,
    }).toEqual({
      subject: second.subject,
      to: second.to,
      messageId: messageIdFor(tenantId, second.key, 'localhost'),
    });
    expect(parsed.text).toContain('Klik <b>hier</b>.');

    await t.agent(null).get('/dev/mail/..%2F..%2Fetc%2Fpasswd').expect(404);
    await t.agent('veurne').get('/dev/mail').expect(404); // platform host only
  });
});

describe('mail: no development mailbox in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ worker: false, env: { NODE_ENV: 'production' } });
  });

  afterAll(() => t?.close());

  it('answers /dev/mail with 404 even without SMTP_URL', async () => {
    await t.agent(null).get('/dev/mail').expect(404);
  });
});

describe('mail: shutdown while sending', () => {
  it('finishes the message in hand, hands the rest back, and leaves no mail sent but unmarked', async () => {
    const sink = await startSmtpSink();
    const t = await createTestApp({ smtpUrl: sink.url });
    try {
      const tenantId = asTenantId((await createTenant(t, { slug: 'diksmuide' })).id);
      const messages = Array.from({ length: 60 }, () => message());
      await t.get(TenantTransaction).run(tenantId, async (em) => {
        for (const msg of messages) await t.get(MailService).queueTenantMail(em, tenantId, msg);
      });
      await t.get(MailService).dispatch(tenantId);
      await sink.waitFor(() => true);
      await t.app.close(); // what SIGTERM does

      const rows = await queryAs<{
        key: string;
        status: string;
        attempts: number;
        to_address: string;
      }>(t.db.adminUrl, 'SELECT key, status, attempts, to_address FROM outbox_messages');
      const delivered = new Set(sink.messages.map((m) => recipient(m)));
      expect(rows).toHaveLength(60);
      expect(rows.some((r) => r.status === 'pending')).toBe(true); // it really stopped midway
      for (const r of rows) {
        if (r.status === 'sent') expect(delivered.has(r.to_address)).toBe(true);
        else {
          expect(r).toMatchObject({ status: 'pending', attempts: 0 }); // handed back, not counted
          expect(delivered.has(r.to_address)).toBe(false);
        }
      }
      expect(sink.messages.length).toBe(rows.filter((r) => r.status === 'sent').length);
    } finally {
      await t.db.drop();
      await sink.close();
    }
  });
});
