import { TestClock } from '../src/common/clock';
import { asTenantId } from '../src/database/tenant-id';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import {
  CafeFinderJobsService,
  FINDER_JOBS,
  FINDER_PLANNER,
} from '../src/cafes/finder/cafe-finder-jobs.service';
import { QUEUES } from '../src/jobs/job-defaults';
import { fanOutPeriod } from '../src/jobs/tenant-fan-out.service';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { TenantsService } from '../src/tenancy/tenants.service';
import { cafeFixtures, cafeInput } from './support/cafes';
import { queryAs } from './support/database';
import { eventually } from './support/eventually';
import { createTenant } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The platform's café finder (`/mantelzorgcafes`), at the HTTP level with the real worker: the
 * copy job fills the global read model from each hub's own tenant transaction; a postcode or a
 * town's name puts the nearest hubs first; a municipality without a hub gets the request form;
 * unknown places get a Dutch message; a suspended hub is gone; an edit shows after the job; the
 * read model holds public fields only.
 */
describe('cafés: finder', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  const hubs: Record<string, Tenant> = {};
  const platform = () => t.agent(null);
  const find = (q: string) => platform().get(`/mantelzorgcafes?q=${encodeURIComponent(q)}`);
  /** The hubs' names in the order the page lists them. */
  const order = (html: string) =>
    [...html.matchAll(/<h3><a href="[^"]+">Mantelzorghub ([^<]+)<\/a>/g)].map((m) => m[1]);
  /** One planner run, and every hub's copy job after it done. */
  const runCopyJobs = async () => {
    const run = clock.now();
    const { tenants } = await t.get(CafeFinderJobsService).planAt(run);
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.finder));
    const period = `.${fanOutPeriod.minute(run)}`;
    await eventually(
      async () => {
        const done = await queue.getJobs(['completed']);
        const ofRun = done.filter(
          (job) => job.name === FINDER_JOBS.copyHub && job.id?.endsWith(period),
        );
        return ofRun.length === tenants;
      },
      10_000,
      'the copy jobs',
    );
    clock.advance(60_000);
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    // The tests run the planner themselves: no background runs.
    await t.app.get<Queue>(getQueueToken(QUEUES.finder)).removeJobScheduler(FINDER_PLANNER.id);
    const cafes = cafeFixtures(t);
    for (const [slug, name, nisCode, cafe] of [
      ['poperinge', 'Poperinge', '33021', 'Mantelzorgcafé De Hoppeschuur'],
      ['ieper', 'Ieper', '33011', 'Mantelzorgcafé Ieper'],
      ['gent', 'Gent', '44021', 'Mantelzorgcafé Ledeberg'],
    ] as const) {
      hubs[slug] = await createTenant(t, { slug, name, nisCode });
      const made = await cafes.create(
        asTenantId(hubs[slug].id),
        cafeInput({
          name: cafe,
          slug: 'cafe',
          venueName: `Dienstencentrum ${name}`,
          venueAddress: `Markt 1, ${name}`,
          contactName: 'Marleen Verhaeghe',
          contactPhone: '057 33 44 55',
          contactEmail: 'marleen.verhaeghe@example.be',
        }),
        clock.now(),
      );
      expect(made).not.toBeNull();
    }
    await runCopyJobs();
  });
  afterAll(() => t?.close());

  it('lists every active hub with its cafés and their next meeting, linking to the café on its hub', async () => {
    const res = await platform().get('/mantelzorgcafes');
    expect(res.status).toBe(200);
    expect(order(res.text)).toEqual(['Gent', 'Ieper', 'Poperinge']);
    expect(res.text).toContain(`href="${t.url('poperinge', '/cafes/cafe')}"`);
    expect(res.text).toContain('Mantelzorgcafé De Hoppeschuur');
    expect(res.text).toContain('Dienstencentrum Poperinge, Markt 1, Poperinge');
    // The first Tuesday of June 2027 at two o'clock (the café's rule).
    expect(res.text).toContain('Volgende keer: dinsdag 1 juni 2027, 14.00 uur');
    expect(res.text).toContain(
      'Zonder trappen of drempels · aangepast toilet · geen parking vlakbij',
    );
    const home = await platform().get('/');
    expect(home.text).toContain('href="/mantelzorgcafes"');
  });

  it('puts the hub of the postcode first, then the others by distance', async () => {
    const watou = await find('8978');
    expect(watou.status).toBe(200);
    expect(watou.text).toContain('<title>Mantelzorgcafés bij Watou');
    expect(order(watou.text)).toEqual(['Poperinge', 'Ieper', 'Gent']);
    expect(watou.text).toContain('(jouw gemeente)');
    expect(watou.text).not.toContain('Er is nog geen Mantelzorghub');
    expect(order((await find('9000')).text)).toEqual(['Gent', 'Ieper', 'Poperinge']);
    // Zillebeke (8902) is Ieper's; a town by its name finds it too, accents and case aside.
    expect(order((await find('8902')).text)).toEqual(['Ieper', 'Poperinge', 'Gent']);
    const reningelst = await find('reningelst');
    expect(reningelst.text).toContain('<title>Mantelzorgcafés bij Reningelst');
    expect(order(reningelst.text)).toEqual(['Poperinge', 'Ieper', 'Gent']);
  });

  it('tells a municipality without a hub so, with the nearest hubs and the request form', async () => {
    const veurne = await find('8630');
    expect(veurne.status).toBe(200);
    expect(veurne.text).toContain('Er is nog geen Mantelzorghub in jouw gemeente');
    expect(order(veurne.text)).toEqual(['Poperinge', 'Ieper', 'Gent']);
    expect(veurne.text).not.toContain('(jouw gemeente)');
    expect(veurne.text).toContain('href="/aanvragen?gemeente&#x3D;Veurne"');
    const form = await platform().get('/aanvragen?gemeente=Veurne');
    expect(form.text).toMatch(/name="municipalityName" type="text" value="Veurne"/);
    // Melle is part of Merelbeke-Melle since 2025: the merged municipality is named.
    const melle = await find('9090');
    expect(melle.text).toContain('Er is nog geen Mantelzorghub in jouw gemeente');
    expect(melle.text).toContain('gemeente&#x3D;Merelbeke-Melle');
    expect(order(melle.text)[0]).toBe('Gent');
  });

  it('says so, in Dutch and at the field, when it does not know the postcode or the place', async () => {
    for (const [q, message] of [
      ['9999', 'De postcode 9999 kennen we niet in Vlaanderen.'],
      ['1000', 'De postcode 1000 kennen we niet in Vlaanderen.'], // Brussel
      ['Atlantis', 'We vinden geen gemeente of deelgemeente met die naam in Vlaanderen.'],
    ]) {
      const res = await find(q);
      expect(res.status).toBe(200);
      expect(res.text).toContain(message);
      expect(res.text).toContain('<title>Fout: ');
      expect(res.text).toContain(`value="${q}"`);
      expect(order(res.text)).toEqual([]);
    }
    // A long or repeated parameter is no error either.
    expect((await find('x'.repeat(5000))).status).toBe(200);
    expect((await platform().get('/mantelzorgcafes?q=1&q=2')).status).toBe(200);
  });

  it('lets the reader choose when a name fits places in several municipalities', async () => {
    const res = await find('Oostkerke');
    expect(res.text).toContain('Welke plaats bedoel je?');
    expect(res.text).toContain('Oostkerke (8340 Damme)');
    expect(res.text).toContain('Oostkerke (8600 Diksmuide)');
    expect(res.text).toContain('href="/mantelzorgcafes?q&#x3D;8340"');
  });

  it('shows a café edit after the copy job, not before', async () => {
    const tenant = hubs.poperinge;
    const tenantId = asTenantId(tenant.id);
    const cafes = cafeFixtures(t);
    const [cafe] = await queryAs<{ id: string }>(
      t.db.adminUrl,
      'select id from cafes where tenant_id = $1',
      [tenantId],
    );
    const updated = await cafes.update(
      tenant,
      cafe.id,
      cafeInput({ name: 'Mantelzorgcafé ’t Hommelhof', slug: 'cafe', parking: true }),
      clock.now(),
    );
    expect(updated.ok).toBe(true);
    expect((await find('8970')).text).not.toContain('’t Hommelhof');
    await runCopyJobs();
    const after = (await find('8970')).text;
    expect(after).toContain('Mantelzorgcafé ’t Hommelhof');
    expect(after).not.toContain('De Hoppeschuur');
    expect(after).toContain('parking vlakbij');
  });

  it('leaves out a suspended hub at once, and its copy after the next job', async () => {
    await t.get(TenantsService).update(hubs.ieper.id, { status: 'suspended' });
    const res = await find('8900');
    expect(res.text).toContain('Er is nog geen Mantelzorghub in jouw gemeente');
    expect(order(res.text)).toEqual(['Poperinge', 'Gent']);
    expect(res.text).not.toContain('Mantelzorgcafé Ieper');
    await runCopyJobs();
    const copies = await queryAs<{ hub_slug: string }>(
      t.db.adminUrl,
      'select hub_slug from cafe_finder_hubs order by hub_slug',
    );
    expect(copies.map((c) => c.hub_slug)).toEqual(['gent', 'poperinge']);
    const entries = await queryAs<{ n: string }>(
      t.db.adminUrl,
      'select count(*) as n from cafe_finder_entries where hub_tenant_id = $1',
      [hubs.ieper.id],
    );
    expect(Number(entries[0].n)).toBe(0);
    await t.get(TenantsService).update(hubs.ieper.id, { status: 'active' });
  });

  it('holds public fields only: its columns are these, and no contact of the cafés is in it', async () => {
    const columns = await queryAs<{ table_name: string; column_name: string }>(
      t.db.adminUrl,
      `select table_name, column_name from information_schema.columns
        where table_name in ('cafe_finder_hubs', 'cafe_finder_entries') order by table_name, column_name`,
    );
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
      'cafe_finder_entries.accessible_toilet',
      'cafe_finder_entries.cafe_id',
      'cafe_finder_entries.hub_tenant_id',
      'cafe_finder_entries.name',
      'cafe_finder_entries.next_meeting_at',
      'cafe_finder_entries.next_theme',
      'cafe_finder_entries.parking',
      'cafe_finder_entries.place',
      'cafe_finder_entries.step_free',
      'cafe_finder_entries.url',
      'cafe_finder_hubs.hub_name',
      'cafe_finder_hubs.hub_slug',
      'cafe_finder_hubs.hub_tenant_id',
      'cafe_finder_hubs.nis_code',
      'cafe_finder_hubs.refreshed_at',
      'cafe_finder_hubs.source_version',
    ]);
    const rows = await queryAs<Record<string, unknown>>(
      t.db.adminUrl,
      'select * from cafe_finder_entries e join cafe_finder_hubs h using (hub_tenant_id)',
    );
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows);
    for (const personal of ['Marleen', 'Verhaeghe', '057 33 44 55', 'marleen.verhaeghe@example.be'])
      expect(dump).not.toContain(personal);
    const page = (await platform().get('/mantelzorgcafes')).text;
    expect(page).not.toContain('Marleen');
  });
});
