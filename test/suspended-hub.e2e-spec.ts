import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ReminderPlannerService } from '../src/cafes/reminders/reminder-planner.service';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { QUEUES } from '../src/jobs/job-defaults';
import { MailDeliveryService } from '../src/mail/jobs/mail-delivery.service';
import { MAIL_JOBS } from '../src/mail/jobs/mail.constants';
import { MailService } from '../src/mail/mail.service';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { TenantsService } from '../src/tenancy/tenants.service';
import { queryAs } from './support/database';
import { eventually } from './support/eventually';
import { createTenant } from './support/factories';
import { meetingWithSignups } from './support/reminders';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * A suspended municipality (platform console: "opschorten") gets no reminders planned, and the
 * mail already in its outbox is held: not sent while it is suspended, sent after reactivation.
 * With the real worker (BullMQ), PostgreSQL and an SMTP sink; Lo is the active control.
 */
describe('a suspended hub: no reminders, its mail held', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let diksmuide: Tenant;
  let lo: Tenant;

  const status = (tenant: Tenant, value: 'active' | 'suspended') =>
    t.get(TenantsService).update(tenant.id, { status: value });

  async function queueMail(tenant: Tenant, key: string, to: string): Promise<void> {
    const tenantId: TenantId = asTenantId(tenant.id);
    await t.get(TenantTransaction).run(tenantId, (em) =>
      t.get(MailService).queueTenantMail(em, tenantId, {
        key,
        to,
        subject: `Bericht van ${tenant.name}`,
        template: 'test-message',
        data: { name: 'Lieve', message: 'Tot binnenkort.' },
      }),
    );
    await t.get(MailService).dispatch(tenantId);
  }

  function outboxRows(tenant: Tenant) {
    return queryAs<{ key: string; status: string; to_address: string }>(
      t.db.adminUrl,
      `select key, status, to_address from outbox_messages where tenant_id = $1 order by key`,
      [tenant.id],
    );
  }

  /** No deliver job waiting, delayed or running. */
  async function mailQueueIdle(): Promise<void> {
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.mail));
    await eventually(
      async () => {
        const jobs = await queue.getJobs(['active', 'waiting', 'delayed', 'prioritized']);
        return jobs.every((job) => job.name !== MAIL_JOBS.deliver);
      },
      15_000,
      'the mail queue to be idle',
    );
  }

  const receivedBy = (to: string) => sink.messages.filter((m) => recipient(m) === to);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, worker: true });
    diksmuide = await createTenant(t, { slug: 'diksmuide', name: 'Diksmuide' });
    lo = await createTenant(t, { slug: 'lo', name: 'Lo-Reninge' });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('plans no reminders for a suspended hub, and plans them once it is active again', async () => {
    // Suspended first: the worker's own scheduled planner run must not find it active either.
    await status(diksmuide, 'suspended');
    const held = await meetingWithSignups(t, diksmuide, 'diksmuide-herinnering', 2);
    const control = await meetingWithSignups(t, lo, 'lo-herinnering', 2);
    const planner = t.get(ReminderPlannerService);

    await planner.planAll();
    const reminderKeys = async (tenant: Tenant, meetingId: string) =>
      (await outboxRows(tenant)).filter((r) => r.key.startsWith(`reminder:${meetingId}:`));
    expect(await reminderKeys(diksmuide, held.meeting.id)).toEqual([]);
    expect(await reminderKeys(lo, control.meeting.id)).toHaveLength(2);

    await status(diksmuide, 'active');
    await planner.planAll();
    expect(await reminderKeys(diksmuide, held.meeting.id)).toHaveLength(2);
    await eventually(
      async () => held.people.every((p) => receivedBy(p.email).length === 1),
      15_000,
      "Diksmuide's reminders after reactivation",
    );
  });

  it("holds a suspended hub's pending mail and sends it after reactivation", async () => {
    await status(diksmuide, 'suspended');
    await queueMail(diksmuide, 'held:1', 'wacht-in-diksmuide@example.be');
    await queueMail(lo, 'control:1', 'gaat-in-lo@example.be');
    // The control arrives, so the worker is delivering; Diksmuide's deliver job has run too.
    await sink.waitFor((m) => recipient(m) === 'gaat-in-lo@example.be');
    await mailQueueIdle();
    // Asked directly, and by the sweep (what the scheduler runs every minute): nothing goes out.
    const delivery = t.get(MailDeliveryService);
    expect(await delivery.deliver(asTenantId(diksmuide.id))).toEqual({ sent: 0, failed: 0 });
    await delivery.sweep();
    await mailQueueIdle();
    expect(receivedBy('wacht-in-diksmuide@example.be')).toHaveLength(0);
    expect(await outboxRows(diksmuide)).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'held:1', status: 'pending' })]),
    );

    // Reactivated: the next sweep finds the held row and it is sent, once.
    await status(diksmuide, 'active');
    await delivery.sweep();
    await sink.waitFor((m) => recipient(m) === 'wacht-in-diksmuide@example.be');
    await mailQueueIdle();
    expect(receivedBy('wacht-in-diksmuide@example.be')).toHaveLength(1);
    expect(await outboxRows(diksmuide)).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'held:1', status: 'sent' })]),
    );
  });
});
