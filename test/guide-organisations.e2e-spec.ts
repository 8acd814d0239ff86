import Handlebars from 'handlebars';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { CareOrganisation } from '../src/guide/common/entities/care-organisation.entity';
import { t as text } from '../src/i18n/i18n';
import { TenantsService } from '../src/tenancy/tenants.service';
import { logIn, submitForm } from './support/csrf';
import { createMember, createTenant } from './support/factories';
import { organisationForm } from './support/features/guide/organisations';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The directory of care organisations: the admin's form (every field checked in Dutch, the input
 * kept, a name once per hub), the readers' list by name with a filter by kind and each
 * organisation's page, the CSV export for Excel (BOM, `;`, formula cells neutralised) and the
 * import: the whole file checked first (encoding, columns, every row with the form's rules, no
 * formula cells, no name twice, at most 5,000 rows), the errors per spreadsheet row, nothing
 * stored until the admin confirms, then all rows or none.
 */
type Agent = ReturnType<TestApp['agent']>;

const ADMIN = '/beheer/hulp-in-de-buurt';
const CONFIRM = `${ADMIN}/importeren/bevestigen`;
/** As the views write text (Handlebars escapes = and ' too). */
const escaped = (s: string) => Handlebars.Utils.escapeExpression(s);
const HEADER =
  'naam;soort;aanbod;voor wie;adres;postcode;gemeente;telefoon;e-mail;website;openingsuren;kostprijs;toegankelijkheid';
const row = (
  name: string,
  over: Partial<Record<'kind' | 'offer' | 'phone' | 'email' | 'postcode', string>> = {},
) =>
  [
    name,
    over.kind ?? 'Dagopvang',
    over.offer ?? 'Je naaste kan overdag bij ons terecht.',
    'Ouderen',
    'Markt 1',
    over.postcode ?? '8900',
    'Ieper',
    over.phone ?? '057 20 30 40',
    over.email ?? 'info@dagopvang.example',
    'https://www.dagopvang.example',
    'Elke werkdag',
    'Volgens inkomen',
    'Gelijkvloers',
  ].join(';');
const csv = (...lines: string[]) =>
  Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');

describe('guide organisations', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let gentId: TenantId;
  let ieperId: TenantId;
  let gentAdmin: Agent;
  let ieperAdmin: Agent;
  let caregiver: Agent;

  const stored = (tenantId: TenantId) =>
    t
      .get(TenantTransaction)
      .run(tenantId, (em) =>
        em.getRepository(CareOrganisation).find({ where: { tenantId }, order: { nameKey: 'ASC' } }),
      );
  const names = async (tenantId: TenantId) => (await stored(tenantId)).map((o) => o.name);

  /** Uploads a file as the import form does: multipart, the CSRF token in the query. */
  async function upload(agent: Agent, file: Buffer, name = 'organisaties.csv') {
    const page = await agent.get(`${ADMIN}/importeren`).expect(200);
    const action = /action="(\/beheer\/hulp-in-de-buurt\/importeren\?_csrf=[^"]+)"/.exec(
      page.text,
    )![1];
    return agent
      .post(action.replace(/&amp;/g, '&').replace(/&#x3D;/g, '='))
      .attach('bestand', file, { filename: name, contentType: 'text/csv' });
  }
  const importId = (html: string) => /name="import" value="([0-9a-f]{32})"/.exec(html)?.[1];

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    const ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    ieperId = asTenantId(ieper.id);
    gentAdmin = t.agent('gent');
    await logIn(gentAdmin, await createMember(t, { tenant: gent, role: 'tenant_admin' }));
    ieperAdmin = t.agent('ieper');
    await logIn(ieperAdmin, await createMember(t, { tenant: ieper, role: 'tenant_admin' }));
    caregiver = t.agent('gent');
    await logIn(caregiver, await createMember(t, { tenant: gent, role: 'caregiver' }));
  });
  afterAll(() => t?.close());

  describe('the form and the pages', () => {
    it('adds one as typed and shows it by name, filtered by kind, on its own page', async () => {
      for (const [name, kind] of [
        ['Oppasdienst De Zonnebloem', 'oppasdienst'],
        ['Dagcentrum Ter Walle', 'dagopvang'],
        ['Ziekenfonds Samen', 'ziekenfonds'],
      ]) {
        const res = await submitForm(gentAdmin, `${ADMIN}/nieuw`, organisationForm({ name, kind }));
        expect(res.status).toBe(303);
      }
      expect(await names(gentId)).toEqual([
        'Dagcentrum Ter Walle',
        'Oppasdienst De Zonnebloem',
        'Ziekenfonds Samen',
      ]);
      const list = await t.agent('gent').get('/hulp-in-de-buurt').expect(200);
      expect(list.headers['set-cookie']).toBeUndefined();
      const order = [
        ...list.text.matchAll(/<h2><a href="\/hulp-in-de-buurt\/[0-9a-f-]{36}">([^<]+)</g),
      ].map((m) => m[1]);
      expect(order).toEqual([
        'Dagcentrum Ter Walle',
        'Oppasdienst De Zonnebloem',
        'Ziekenfonds Samen',
      ]);
      const filtered = await t.agent('gent').get('/hulp-in-de-buurt?soort=dagopvang').expect(200);
      expect(filtered.text).toContain('Dagcentrum Ter Walle');
      expect(filtered.text).not.toContain('Ziekenfonds Samen');
      expect(filtered.text).toContain(
        'href="/hulp-in-de-buurt?soort&#x3D;dagopvang" aria-current="page"',
      );
      const id = (await stored(gentId))[0].id;
      const page = await t.agent('gent').get(`/hulp-in-de-buurt/${id}`).expect(200);
      expect(page.text).toContain('<h1>Dagcentrum Ter Walle</h1>');
      expect(page.text).toContain('href="tel:057334455"');
      expect(page.text).toContain('<a href="https://www.zonnebloem.example/" rel="noopener">');
      // the home page's "Hulp in de buurt": the kinds it has, in the directory's order, with counts
      const home = await t.agent('gent').get('/').expect(200);
      const kinds = [
        ...home.text.matchAll(
          /href="\/hulp-in-de-buurt\?soort&#x3D;([a-z-]+)">[^<]+<\/a><span>([^<]+)</g,
        ),
      ].map((m) => `${m[1]}: ${m[2]}`);
      expect(kinds).toEqual([
        'dagopvang: 1 organisatie',
        'oppasdienst: 1 organisatie',
        'ziekenfonds: 1 organisatie',
      ]);
      // Ieper: not there
      expect((await t.agent('ieper').get('/').expect(200)).text).not.toContain(
        'id="hulp-in-de-buurt"',
      );
      await t.agent('ieper').get(`/hulp-in-de-buurt/${id}`).expect(404);
      expect((await t.agent('ieper').get('/hulp-in-de-buurt').expect(200)).text).not.toContain(
        'Ter Walle',
      );
    });

    it.each([
      ['name', { name: ' ' }, 'guide.orgs.error.name'],
      ['kind', { kind: 'kapper' }, 'guide.orgs.error.kind'],
      ['offer', { offer: '' }, 'guide.orgs.error.offer'],
      ['postcode', { postcode: '897' }, 'guide.orgs.error.postcode'],
      ['phone', { phone: '12345' }, 'guide.orgs.error.phone'],
      ['email', { email: 'info@' }, 'guide.orgs.error.email'],
      ['website', { website: 'javascript:alert(1)' }, 'guide.orgs.error.website'],
      ['cost', { cost: 'c'.repeat(201) }, 'guide.orgs.error.tooLong', { max: 200 }],
      ['name', { name: 'dagcentrum  ter wällé' }, 'guide.orgs.error.nameTaken'],
    ] as const)(
      'refuses a bad %s (%#): the message at the field, the input kept, nothing written',
      async (field, over, key, ...params: Record<string, unknown>[]) => {
        const before = await stored(gentId);
        const fields = organisationForm({ name: 'Nieuwe dienst', ...over });
        const res = await submitForm(gentAdmin, `${ADMIN}/nieuw`, fields);
        expect(res.status).toBe(400);
        expect(res.text).toContain(`id="${field}-error"`);
        expect(res.text).toContain(escaped(text(key, params[0])));
        expect(res.text).toContain(`value="${escaped(fields.offer)}"`);
        expect(await stored(gentId)).toEqual(before);
      },
    );

    it('edits and deletes one; another hub’s admin and caregivers do not reach them', async () => {
      const [first] = await stored(gentId);
      const saved = await submitForm(
        gentAdmin,
        `${ADMIN}/${first.id}`,
        organisationForm({ name: first.name, phone: '+32 470 12 34 56' }),
      );
      expect(saved.status).toBe(303);
      expect((await stored(gentId))[0].phone).toBe('+32 470 12 34 56');
      await ieperAdmin.get(`${ADMIN}/${first.id}`).expect(404);
      await caregiver.get(ADMIN).expect(403);
      const confirm = await gentAdmin.get(`${ADMIN}/${first.id}/verwijderen`).expect(200);
      expect(confirm.text).toContain(first.name);
      expect((await submitForm(gentAdmin, `${ADMIN}/${first.id}/verwijderen`, {})).status).toBe(
        303,
      );
      expect(await names(gentId)).not.toContain(first.name);
    });

    it('exports every organisation for Excel: BOM, semicolons, CRLF, Dutch headers, formulas neutralised', async () => {
      await submitForm(
        gentAdmin,
        `${ADMIN}/nieuw`,
        organisationForm({
          name: 'Formuledienst',
          offer: '=HYPERLINK("http://evil.example";"klik")',
        }),
      );
      const res = await gentAdmin
        .get(`${ADMIN}/exporteren`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="hulp-in-de-buurt-gent.csv"',
      );
      const body = (res.body as Buffer).toString('utf8');
      expect(body.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
      expect(body).toContain(';"\'=HYPERLINK(""http://evil.example"";""klik"")";');
      expect(body).toContain('Ziekenfonds Samen;Ziekenfonds;');
      await caregiver.get(`${ADMIN}/exporteren`).expect(403);
      // The export imports on another hub as it is: the escaped cell is read back as its text.
      const again = await upload(ieperAdmin, res.body as Buffer);
      expect(again.status).toBe(200);
      expect(again.text).toContain(text('guide.orgs.import.ready', { n: 3 }));
    });
  });

  describe('linked professionals and their proposals', () => {
    let pro: Agent;
    let proId: string;
    let otherPro: Agent;
    let organisationId: string;

    beforeAll(async () => {
      const gent = (await t.get(TenantsService).findBySlug('gent'))!;
      const member = await createMember(t, {
        tenant: gent,
        role: 'professional',
        displayName: 'Lotte',
      });
      proId = member.membership!.id;
      pro = t.agent('gent');
      await logIn(pro, member);
      otherPro = t.agent('gent');
      await logIn(otherPro, await createMember(t, { tenant: gent, role: 'professional' }));
      organisationId = (await stored(gentId)).find((o) => o.name === 'Ziekenfonds Samen')!.id;
    });

    it('an admin links a professional, who proposes a change; nothing changes before approval', async () => {
      const edit = await gentAdmin.get(`${ADMIN}/${organisationId}`).expect(200);
      expect(edit.text).toContain(`<option value="${proId}">Lotte</option>`);
      await otherPro.get(`/hulp-in-de-buurt/${organisationId}/voorstel`).expect(404);
      const linked = await submitForm(
        gentAdmin,
        `${ADMIN}/${organisationId}`,
        { membershipId: proId },
        `${ADMIN}/${organisationId}/medewerkers`,
      );
      expect(linked.status).toBe(303);
      const page = await pro.get(`/hulp-in-de-buurt/${organisationId}`).expect(200);
      expect(page.text).toContain(`href="/hulp-in-de-buurt/${organisationId}/voorstel"`);
      await otherPro.get(`/hulp-in-de-buurt/${organisationId}/voorstel`).expect(404);
      await caregiver.get(`/hulp-in-de-buurt/${organisationId}/voorstel`).expect(403);
      const form = `/hulp-in-de-buurt/${organisationId}/voorstel`;
      const before = await stored(gentId);
      const bad = await submitForm(
        pro,
        form,
        organisationForm({ name: 'Ziekenfonds Samen', kind: 'ziekenfonds', phone: '12' }),
      );
      expect(bad.status).toBe(400);
      expect(bad.text).toContain(escaped(text('guide.orgs.error.phone')));
      const sent = await submitForm(
        pro,
        form,
        organisationForm({ name: 'Ziekenfonds Samen', kind: 'ziekenfonds', phone: '09 222 33 44' }),
      );
      expect(sent.status).toBe(303);
      expect(await stored(gentId)).toEqual(before);
      const changes = await gentAdmin.get(`${ADMIN}/wijzigingen`).expect(200);
      expect(changes.text).toContain('Voorgesteld door Lotte');
      expect(changes.text).toMatch(
        /<td>Telefoon<\/td><td>057 33 44 55<\/td><td>09 222 33 44<\/td>/,
      );
      expect(changes.text).not.toContain('<td>Naam</td>');
    });

    it('approves a proposal once; refuses one whose name is taken; unlinking ends the access', async () => {
      const changes = await gentAdmin.get(`${ADMIN}/wijzigingen`).expect(200);
      const approve =
        /action="(\/beheer\/hulp-in-de-buurt\/wijzigingen\/[0-9a-f-]{36}\/goedkeuren)"/.exec(
          changes.text,
        )![1];
      expect((await submitForm(gentAdmin, `${ADMIN}/nieuw`, {}, approve)).status).toBe(303);
      expect((await stored(gentId)).find((o) => o.id === organisationId)!.phone).toBe(
        '09 222 33 44',
      );
      expect((await submitForm(gentAdmin, `${ADMIN}/nieuw`, {}, approve)).status).toBe(404);
      // a proposal that renames it to a name the hub has: not applied
      await submitForm(
        pro,
        `/hulp-in-de-buurt/${organisationId}/voorstel`,
        organisationForm({ name: 'Oppasdienst De Zonnebloem' }),
      );
      const next = await gentAdmin.get(`${ADMIN}/wijzigingen`).expect(200);
      const again =
        /action="(\/beheer\/hulp-in-de-buurt\/wijzigingen\/[0-9a-f-]{36}\/goedkeuren)"/.exec(
          next.text,
        )![1];
      const before = await stored(gentId);
      const taken = await submitForm(gentAdmin, `${ADMIN}/nieuw`, {}, again);
      expect(taken.status).toBe(303);
      expect(await stored(gentId)).toEqual(before);
      const flash = await gentAdmin.get(`${ADMIN}/wijzigingen`).expect(200);
      expect(flash.text).toContain(escaped(text('guide.orgs.changes.done.nameTaken')));
      // unlinked: no more proposals
      const unlinked = await submitForm(
        gentAdmin,
        `${ADMIN}/${organisationId}`,
        {},
        `${ADMIN}/${organisationId}/medewerkers/${proId}/verwijderen`,
      );
      expect(unlinked.status).toBe(303);
      await pro.get(`/hulp-in-de-buurt/${organisationId}/voorstel`).expect(404);
      // a professional of Ieper cannot be linked to Gent's organisation
      const ieperMember = await createMember(t, {
        tenant: (await t.get(TenantsService).findBySlug('ieper'))!,
        role: 'professional',
      });
      const foreign = await submitForm(
        gentAdmin,
        `${ADMIN}/${organisationId}`,
        { membershipId: ieperMember.membership!.id },
        `${ADMIN}/${organisationId}/medewerkers`,
      );
      expect(foreign.status).toBe(404);
    });
  });

  describe('the CSV import', () => {
    it('checks a good file, stores nothing before the confirmation, then all of it', async () => {
      const file = csv(
        row('Dagopvang Ieper'),
        row('Oppas Ieper', { kind: 'oppasdienst', phone: '+32 470 11 22 33' }),
        '',
        row('Kortverblijf Ieper', { kind: 'KORTVERBLIJF' }),
      );
      const res = await upload(ieperAdmin, file);
      expect(res.status).toBe(200);
      expect(res.text).toContain(text('guide.orgs.import.ready', { n: 3 }));
      const id = importId(res.text)!;
      expect(id).toBeDefined();
      expect(await names(ieperId)).toEqual([]);
      // another hub cannot confirm it
      const stolen = await submitForm(gentAdmin, `${ADMIN}/nieuw`, { import: id }, CONFIRM);
      expect(stolen.status).toBe(410);
      expect(stolen.text).toContain(escaped(text('guide.orgs.import.error.expired')));
      const confirmed = await submitForm(ieperAdmin, `${ADMIN}/nieuw`, { import: id }, CONFIRM);
      expect(confirmed.status).toBe(303);
      expect(await names(ieperId)).toEqual([
        'Dagopvang Ieper',
        'Kortverblijf Ieper',
        'Oppas Ieper',
      ]);
      const oppas = (await stored(ieperId)).find((o) => o.name === 'Oppas Ieper')!;
      expect(oppas).toMatchObject({
        kind: 'oppasdienst',
        phone: '+32 470 11 22 33',
        postcode: '8900',
      });
      // confirming twice adds nothing
      const twice = await submitForm(ieperAdmin, `${ADMIN}/nieuw`, { import: id }, CONFIRM);
      expect(twice.status).toBe(410);
      expect(await names(ieperId)).toHaveLength(3);
    });

    it('lists every bad row with its spreadsheet row, column and a Dutch message; nothing stored', async () => {
      const before = await stored(gentId);
      const file = csv(
        row(''), // 2: no name
        row('Goede dienst'), // 3
        row('Slecht adres', { email: 'info@@example' }), // 4
        row('Slecht nummer', { phone: '0123' }), // 5
        row('goede  dienst'), // 6: the same name as row 3
        row('Ziekenfonds Samen'), // 7: the hub has it
        row('Formule', { offer: '=1+1' }), // 8
        row('Onbekend', { kind: 'kapper' }), // 9
        row('Postcode', { postcode: '89000' }), // 10
      );
      const res = await upload(gentAdmin, file);
      expect(res.status).toBe(400);
      const problems = [
        ...res.text.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g),
      ].map((m) => [Number(m[1]), m[2], m[3]]);
      expect(problems).toEqual([
        [2, 'naam', escaped(text('guide.orgs.error.name'))],
        [4, 'e-mail', escaped(text('guide.orgs.error.email'))],
        [5, 'telefoon', escaped(text('guide.orgs.error.phone'))],
        [6, 'naam', escaped(text('guide.orgs.import.error.twice', { line: 3 }))],
        [7, 'naam', escaped(text('guide.orgs.import.error.exists', { name: 'Ziekenfonds Samen' }))],
        [8, 'aanbod', escaped(text('guide.orgs.import.error.formula'))],
        [9, 'soort', escaped(text('guide.orgs.error.kind'))],
        [10, 'postcode', escaped(text('guide.orgs.error.postcode'))],
      ]);
      expect(res.text).toContain(
        escaped(text('guide.orgs.import.problemCount', { n: 8, rows: 9 })),
      );
      expect(res.text).not.toContain('name="import"');
      expect(await stored(gentId)).toEqual(before);
    });

    it.each([
      [
        'UTF-16',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]),
        'guide.orgs.import.error.utf16',
        {},
      ],
      [
        'Latin-1',
        Buffer.from(`${HEADER}\r\n${row('Café Élan')}`, 'latin1'),
        'guide.orgs.import.error.encoding',
        {},
      ],
      ['empty', Buffer.alloc(0), 'guide.orgs.import.error.missing', {}],
      ['only a header', Buffer.from(`${HEADER}\r\n`), 'guide.orgs.import.error.noRows', {}],
      [
        'unknown columns',
        Buffer.from('naam;soort;aanbod;kleur\r\nA;Dagopvang;Iets;rood\r\n'),
        'guide.orgs.import.error.unknownColumns',
        { columns: '"kleur"' },
      ],
      [
        'missing columns',
        Buffer.from('naam;gemeente\r\nA;Gent\r\n'),
        'guide.orgs.import.error.missingColumns',
        { columns: '"soort", "aanbod"' },
      ],
      [
        'a broken quote',
        Buffer.from(`${HEADER}\r\n"A;Dagopvang;Iets\r\n`),
        'guide.orgs.import.error.unreadable',
        {},
      ],
    ] as const)(
      'refuses a file that is %s with one message; nothing stored',
      async (_name, file, key, params) => {
        const before = await stored(gentId);
        const res = await upload(gentAdmin, file);
        expect(res.status).toBe(400);
        expect(res.text).toContain('id="bestand-error"');
        expect(res.text).toContain(escaped(text(key, params)));
        expect(await stored(gentId)).toEqual(before);
      },
    );

    it('reads commas as well, and takes 5,000 rows but not 5,001', async () => {
      const comma = Buffer.from(
        `${HEADER.replace(/;/g, ',')}\r\n"Met, komma",Dagopvang,"Overdag, met zorg",,,,,,,,,,\r\n`,
      );
      const ok = await upload(gentAdmin, comma);
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('Met, komma');
      const many = (n: number) =>
        csv(...Array.from({ length: n }, (_v, i) => row(`Dienst ${i + 1}`)));
      const five = await upload(gentAdmin, many(5_000));
      expect(five.status).toBe(200);
      expect(five.text).toContain(text('guide.orgs.import.ready', { n: 5000 }));
      const tooMany = await upload(gentAdmin, many(5_001));
      expect(tooMany.status).toBe(400);
      expect(tooMany.text).toContain(
        escaped(text('guide.orgs.import.error.tooMany', { max: 5000, n: 5001 })),
      );
      const confirmed = await submitForm(
        gentAdmin,
        `${ADMIN}/nieuw`,
        { import: importId(five.text)! },
        CONFIRM,
      );
      expect(confirmed.status).toBe(303);
      expect((await stored(gentId)).length).toBeGreaterThanOrEqual(5_000);
    });

    it('refuses a file over 2 MB in Dutch', async () => {
      const res = await upload(gentAdmin, Buffer.alloc(2 * 1024 * 1024 + 10, 'a'));
      expect(res.status).toBe(413);
      expect(res.text).toContain(escaped(text('guide.orgs.import.error.tooLarge', { mb: 2 })));
    });
  });
});
