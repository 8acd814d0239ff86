import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '../src/jobs/job-defaults';
import { MAIL_JOBS } from '../src/mail/jobs/mail.constants';
import { MailService } from '../src/mail/mail.service';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { asTenantId } from '../src/database/tenant-id';
import { TenantsService } from '../src/tenancy/tenants.service';
import { logIn, submitForm } from './support/csrf';
import { queryAs } from './support/database';
import { eventually } from './support/eventually';
import { createMember, createTenant } from './support/factories';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Two web nodes and a worker against one database and one Redis, as in production behind a load
 * balancer: nodes keep no state of their own, so they must agree on tenants, sessions, limits and mail.
 */
describe('two web nodes and a worker', () => {
  let sink: SmtpSink;
  let webA: TestApp;
  let webB: TestApp;
  let worker: TestApp;

  beforeAll(async () => {
    sink = await startSmtpSink();
    webA = await createTestApp({ smtpUrl: sink.url, worker: false });
    webB = await createTestApp({ smtpUrl: sink.url, worker: false, sameDeploymentAs: webA });
    worker = await createTestApp({ smtpUrl: sink.url, worker: true, sameDeploymentAs: webA });
  });
  afterAll(async () => {
    await webB.close();
    await worker.close();
    await webA.close();
    await sink.close();
  });

  it('a tenant change made on one node shows on the other at once (cache invalidation)', async () => {
    const tenant = await createTenant(webA, {
      slug: 'ieper',
      name: 'Ieper',
      welcomeText: 'Oude welkomtekst.',
    });
    // Node B caches the tenant.
    expect((await webB.agent('ieper').get('/').expect(200)).text).toContain('Oude welkomtekst.');
    await webA.get(TenantsService).update(tenant.id, { welcomeText: 'Nieuwe welkomtekst.' });
    // The node's next request after the message; a loaded CI machine may take seconds per page.
    let last = '';
    await eventually(
      async () => {
        const page = await webB.agent('ieper').get('/');
        last = `${page.status}, ${page.text.includes('Oude welkomtekst.') ? 'old' : 'other'} text`;
        return page.text.includes('Nieuwe welkomtekst.');
      },
      15_000,
      'the new welcome text on node B',
    ).catch((e: Error) => {
      throw new Error(`${e.message} (last answer: ${last})`);
    });
  });

  it('a session made on one node is valid on the other', async () => {
    const tenant = await createTenant(webA, { slug: 'veurne', name: 'Veurne' });
    const member = await createMember(webA, { tenant, displayName: 'Marleen Vandamme' });
    const onA = webA.agent('veurne');
    await logIn(onA, member);
    // The Cookie header node A's client sent; a browser behind a load balancer sends the same to B.
    const cookie = (await onA.get('/account').expect(200)).request.cookies;
    const onB = await webB.agent('veurne').set('Cookie', cookie).get('/account').expect(200);
    expect(onB.text).toContain('Marleen Vandamme');
  });

  it('mail written by a web node is delivered once by the worker', async () => {
    const tenant = await createTenant(webA, { slug: 'gent', name: 'Gent' });
    const tenantId = asTenantId(tenant.id);
    await webA.get(TenantTransaction).run(tenantId, (em) =>
      webA.get(MailService).queueTenantMail(em, tenantId, {
        key: 'multi-node:1',
        to: 'mantelzorger@example.be',
        subject: 'Test over twee nodes',
        template: 'test-message',
        data: { tenantName: 'Gent', name: 'Marleen', message: 'Tot dinsdag.' },
      }),
    );
    await webA.get(MailService).dispatch(tenantId);
    await webB.get(MailService).dispatch(tenantId);
    await sink.waitFor((m) => recipient(m) === 'mantelzorger@example.be');
    // Count only once nothing is left to send: the row marked sent and the mail queue drained, so
    // a second delivery still in flight would be counted too.
    await eventually(
      async () => {
        const [row] = await queryAs<{ status: string }>(
          webA.db.adminUrl,
          `SELECT status FROM outbox_messages WHERE key = 'multi-node:1'`,
        );
        // Deliver jobs only: the sweep and purge schedulers always keep a delayed job of their own.
        const queue = worker.app.get<Queue>(getQueueToken(QUEUES.mail));
        const pending = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
        return row?.status === 'sent' && !pending.some((job) => job.name === MAIL_JOBS.deliver);
      },
      10_000,
      'the outbox row to be sent and no deliver job left in the mail queue',
    );
    const delivered = sink.messages.filter((m) => m.subject === 'Test over twee nodes');
    expect(delivered).toHaveLength(1);
  });

  it('each node loads users through its own wiring (its own passport, not a shared one)', async () => {
    // Another deployment in the same process, on a database of its own: with one process-wide
    // passport its sessions would be read through the first node's services and database.
    const other = await createTestApp({ smtpUrl: sink.url, worker: false });
    try {
      const tenant = await createTenant(other, { slug: 'diksmuide', name: 'Diksmuide' });
      const member = await createMember(other, { tenant, displayName: 'Guido Vanneste' });
      const agent = other.agent('diksmuide');
      await logIn(agent, member);
      expect((await agent.get('/account').expect(200)).text).toContain('Guido Vanneste');
    } finally {
      await other.close();
    }
  });

  it('login limits count across nodes (shared in Redis)', async () => {
    await createTenant(webA, { slug: 'poperinge', name: 'Poperinge' });
    const attempt = async (node: TestApp) => {
      return submitForm(node.agent('poperinge'), '/inloggen', {
        email: 'iemand@example.be',
        password: 'fout-wachtwoord',
      });
    };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(i % 2 === 0 ? webA : webB)).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
