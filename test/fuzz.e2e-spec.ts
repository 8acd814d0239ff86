import hbs from 'hbs';
import { Client } from 'pg';
import { t as translate } from '../src/i18n/i18n';
import { DataSource } from 'typeorm';
import { AuthTokensService } from '../src/auth/auth-tokens.service';
import { OnboardingService } from '../src/platform/onboarding.service';
import { CSRF_FREE_PREFIXES } from '../src/web/csrf';
import { cafeForm, meetingBody } from './support/cafes';
import { csrfIn, logIn, submitForm } from './support/csrf';
import { expressRoutes } from './support/express-routes';
import { createMember, createTenant, TEST_PASSWORD, type TestMember } from './support/factories';
import { POST_ROUTE_ROLES, type Actor, type PostRouteEntry } from './support/post-route-roles';
import { seedTenant, type SeededTenant, type TenantIds } from './support/tenant-routes';
import { createTestApp, hostFor, type TestApp } from './support/test-app';

/**
 * Hostile input on every POST route Express knows, as the role that reaches it
 * (test/support/post-route-roles.ts): one request per form field and per path parameter per class
 * of hostile value. Never a 5xx, never our markup back unescaped, nothing written by a refused
 * request, and a refused form (400/422) comes back as the form with what was typed.
 */

type Agent = ReturnType<TestApp['agent']>;

/** One value per class; `duplicated` sends the field's valid value twice. */
const HOSTILE: Record<string, string> = {
  long: 'é'.repeat(20_000),
  nul: 'a\u0000b',
  control: 'a\u0007\u001b[31mb',
  markup: '"><img src=x onerror=alert(1)>',
  duplicated: '',
  date: '2027-02-30',
  huge: '100000000000000000000',
  negative: '-1',
  traversal: '../../../../etc/passwd',
  surrogate: 'a\uD800b',
};
const PATH_HOSTILE: Record<string, string> = {
  long: 'a'.repeat(2000),
  nul: '%00',
  control: 'a%07%1B',
  markup: encodeURIComponent('"><img src=x onerror=alert(1)>'),
  huge: '100000000000000000000',
  negative: '-1',
  traversal: '..%2F..%2F..%2Fetc%2Fpasswd',
  surrogate: '%ED%A0%80',
  badEscape: '%E0%A4%A',
};
const MARKUP = '<img src=x onerror=alert(1)>';
const GUARD_TITLE = hbs.handlebars.Utils.escapeExpression(translate('input.refused.title'));
/** Values a refused form must show again (controls and broken text are not shown as typed). */
const SHOWN_AGAIN = new Set(['long', 'markup', 'date', 'huge', 'negative', 'traversal']);
const TEXT_TYPES = new Set(['text', 'email', 'tel', 'url', 'search', 'number', 'date', 'time']);

/** encodeURIComponent, but a lone surrogate becomes its WTF-8 bytes as a careless client sends. */
function encode(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}
const formBody = (pairs: Array<[string, string]>) =>
  pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attrs = (tag: string) =>
  Object.fromEntries(
    [...tag.matchAll(/([\w-]+)(?:\s*=\s*"([^"]*)")?/g)].map((m) => [
      m[1].toLowerCase(),
      unescapeHtml(m[2] ?? ''),
    ]),
  );

interface Field {
  name: string;
  type: string;
  value: string | null;
}

/** The fields of the form that posts to `action` on a page (inputs, selects, text areas). */
function formFields(html: string, pagePath: string, action: string): Field[] | null {
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const target = (attrs(form[1]).action ?? pagePath).split('?')[0] || pagePath;
    if (target !== action) continue;
    const fields: Field[] = [];
    const inner = form[2];
    for (const m of inner.matchAll(/<(input|select|textarea)\b([^>]*)>/gi)) {
      const tag = m[1].toLowerCase();
      const a = attrs(m[2]);
      if (!a.name) continue;
      if (tag === 'input') {
        const type = (a.type ?? 'text').toLowerCase();
        if (type === 'submit' || type === 'button' || type === 'file') continue;
        const checkable = type === 'checkbox' || type === 'radio';
        fields.push({
          name: a.name,
          type,
          value: checkable && !('checked' in a) ? null : (a.value ?? ''),
        });
      } else if (tag === 'textarea') {
        const rest = inner.slice(m.index! + m[0].length);
        fields.push({
          name: a.name,
          type: 'textarea',
          value: unescapeHtml(rest.slice(0, rest.indexOf('</textarea>'))),
        });
      } else {
        const rest = inner.slice(m.index! + m[0].length);
        const options = [
          ...rest.slice(0, rest.indexOf('</select>')).matchAll(/<option\b([^>]*)>/gi),
        ].map((o) => attrs(o[1]));
        const chosen = options.find((o) => 'selected' in o) ?? options[0];
        fields.push({ name: a.name, type: 'select', value: chosen?.value ?? '' });
      }
    }
    return fields;
  }
  return null;
}

/** Runs `jobs` with at most `limit` at once. */
async function pool<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** Every row written to any table but the session store goes into fuzz_writes (rolled back with its transaction). */
async function installWriteLog(adminUrl: string): Promise<Client> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`
    create table fuzz_writes (id bigserial primary key, tbl text not null);
    create function fuzz_log_write() returns trigger language plpgsql security definer as $$
      begin insert into public.fuzz_writes (tbl) values (tg_table_name); return null; end $$;
    do $$ declare r record; begin
      for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                 and c.relname not in ('fuzz_writes', 'sessions', 'migrations')
      loop
        execute format('create trigger fuzz_log after insert or update or delete on %I
                        for each row execute function fuzz_log_write()', r.relname);
      end loop; end $$;`);
  return c;
}

interface Outcome {
  label: string;
  status: number;
  problems: string[];
}

describe('fuzz: hostile input on every POST route', () => {
  let t: TestApp;
  let gent: SeededTenant;
  let ids: TenantIds;
  let writes: Client;
  const agents = new Map<string, Agent>();

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    gent = await seedTenant(t, 'gent');
    const other = await createTenant(t, { slug: 'ieper' });
    const request = await t.get(OnboardingService).submit({
      municipalityName: 'Aanvraaggem',
      contactName: 'Aan Vrager',
      contactRole: 'Schepen',
      email: 'aanvraag@example.be',
    } as never);
    ids = {
      ...gent.ids,
      otherTenantSlug: other.slug,
      onboardingRequestId: request.id,
      fuzzEmail: 'niemand-fuzz@example.be',
      testPassword: TEST_PASSWORD,
    };
    const platformAdmin = await createMember(t, { platformAdmin: true });
    // The platform's own e-mailed links (no municipality), for its token routes; for an account
    // of their own, since a reset ends that account's sessions.
    const linkUser = await createMember(t, { platformAdmin: true });
    const issue = (purpose: 'login' | 'reset') =>
      t.app.get(DataSource).transaction(async (em) => {
        const { raw } = await t.get(AuthTokensService).issue(em, {
          purpose,
          email: linkUser.email,
          userId: linkUser.user.id,
          hostTenantId: null,
          ttlMs: 3_600_000,
        });
        return raw;
      });
    ids.platformLoginToken = await issue('login');
    ids.platformResetToken = await issue('reset');
    const members: Record<string, TestMember> = {
      outsider: await createMember(t),
      caregiver: gent.caregiver,
      professional: gent.professional,
      tenant_admin: gent.admin,
      platform_admin: platformAdmin,
    };
    for (const [actor, member] of Object.entries(members)) {
      const agent = t.agent(actor === 'platform_admin' ? null : 'gent');
      await logIn(agent, member);
      agents.set(actor, agent);
    }
    writes = await installWriteLog(t.db.adminUrl);
  });
  afterAll(async () => {
    await writes?.end();
    await t?.close();
  });

  const postRoutes = () => expressRoutes(t).filter((r) => r.method === 'POST');

  it('knows who reaches every POST route (test/support/post-route-roles.ts), and no more', () => {
    const known = new Set(postRoutes().map((r) => `POST ${r.path}`));
    const missing = [...known].filter((k) => !POST_ROUTE_ROLES[k]);
    const stale = Object.keys(POST_ROUTE_ROLES).filter((k) => !known.has(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  const refusedText = (key: string) => hbs.handlebars.Utils.escapeExpression(translate(key));

  it('gives an over-long field its own error with the input kept, and only a body beyond any form a 413', async () => {
    const agent = t.agent('gent');
    const long = 'é'.repeat(20_000);
    const res = await submitForm(agent, '/inloggen', {
      email: `${long}@example.be`,
      password: long,
    });
    expect(res.status).toBe(400); // 240 kB: a 500 before the limit was raised above the forms' own
    expect(res.text).toContain('Het wachtwoord mag hoogstens 200 tekens hebben');
    expect(res.text).toContain(`${long}@example.be`);

    const huge = await submitForm(agent, '/inloggen', {
      email: 'a@example.be',
      password: 'x'.repeat(1_100_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.text).toContain(refusedText('input.tooLarge'));
    // A charset or an encoding the parser cannot read: 415, the form again.
    const token = csrfIn((await agent.get('/inloggen')).text);
    for (const headers of [
      { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-7' },
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': 'compress' },
    ]) {
      const odd = await agent.post('/inloggen').set(headers).send(`email=a&_csrf=${token}`);
      expect([headers, odd.status]).toEqual([headers, 415]);
      expect(odd.text).toMatch(/<form\b[^>]*action="\/inloggen"/);
    }
    expect(huge.text).toMatch(/<form\b[^>]*action="\/inloggen"/);
  });

  it('refuses NUL and control characters in a path, a query or a field before PostgreSQL sees them', async () => {
    const agent = agents.get('caregiver')!;
    for (const path of [
      '/cafes/%00',
      `/cafes/${ids.cafeSlug}?x=%00`,
      '/cafes/a%1Fb',
      '/cafes/%E0%A4%A',
      `/cafes/${ids.cafeSlug}?x=%ED%A0%80`,
    ])
      expect([path, (await agent.get(path)).status]).toEqual([path, 400]);
    const res = await submitForm(
      agent,
      '/account',
      { displayName: 'Jo\u0000zef', phone: '' },
      '/account/gegevens',
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain(refusedText('input.control'));
    expect(res.text).toContain('value="Jozef"'); // kept, without the refused character
    // Tab, newline and carriage return stay allowed in text.
    const ok = await submitForm(
      agent,
      `/cafes/${ids.cafeSlug}/wensen`,
      { kind: 'theme', text: 'Slapen\r\nals je\tzorgt' },
      `/cafes/${ids.cafeSlug}/wensen`,
    );
    expect(ok.status).toBe(303);
    // A handler that renders its own form (@ValidatesOwnForm) shows the error at the field too.
    const wish = await submitForm(
      agent,
      `/cafes/${ids.cafeSlug}/wensen`,
      { kind: 'theme', text: 'Rouw\u0000 en verlies' },
      `/cafes/${ids.cafeSlug}/wensen`,
    );
    expect(wish.status).toBe(400);
    expect(wish.text).toContain(refusedText('input.control'));
    expect(wish.text).toContain('Rouw en verlies');
  });

  it('refuses dates that do not exist and the hour the clock skips, with a message', async () => {
    const agent = agents.get('caregiver')!;
    const form = `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`;
    for (const date of ['2027-02-30', '2027-04-31', '0000-01-01', '27-1-2027']) {
      const res = await submitForm(agent, form, { ...meetingBody(), date });
      expect([date, res.status]).toEqual([date, 400]);
      // Not a date at all, or not one that exists: both say how to type it.
      expect(res.text).toMatch(/Vul (een bestaande|de) datum in zoals 2026-12-01\./);
      expect(res.text).toContain(`value="${date}"`);
    }
    const gap = await submitForm(agent, form, {
      ...meetingBody(),
      date: '2027-03-28',
      startTime: '02:30',
      endTime: '04:00',
    });
    expect(gap.status).toBe(400);
    expect(gap.text).toContain('de klok springt dan van 2 naar 3 uur');

    const admin = agents.get('tenant_admin')!;
    const cafe = await submitForm(
      admin,
      '/beheer/cafes/nieuw',
      cafeForm({ slug: 'datumcafe', startsOn: '2027-04-31' }),
    );
    expect(cafe.status).toBe(400); // a 500 when Date.parse rolled it into May and the INSERT refused it
    expect(cafe.text).toContain('Vul een bestaande begindatum in');
  });

  it('bounds page numbers from the query: the first or the last page, never an overflow', async () => {
    const admin = agents.get('tenant_admin')!;
    for (const q of ['100000000000000000000', '-1', '1e3', '0', 'abc', '2&pagina=3', '99999'])
      expect([q, (await admin.get(`/beheer/leden?pagina=${q}`)).status]).toEqual([q, 200]);
  });

  it('answers hostile values in the query parameters pages read without a 5xx or unescaped markup', async () => {
    // Every `@Query` of src/ (grep): the page, who sees it, the parameter.
    const pages: Array<[Actor, string, string]> = [
      ['tenant_admin', '/beheer/leden', 'pagina'],
      ['tenant_admin', `/beheer/cafes/${ids.cafeSlug}/kerngroep`, 'zoek'],
      ['anonymous', '/inloggen', 'terug'],
      ['anonymous', '/uitgelogd', 'overal'],
      ['platform_admin', '/beheer/nieuwe-gemeente', 'aanvraag'],
    ];
    const values = [
      ...Object.entries(PATH_HOSTILE).filter(([cls]) => !['nul', 'control'].includes(cls)),
      ['twice', 'a&$param=b'],
      ['redirect', encodeURIComponent('//evil.example/')],
    ];
    const problems: string[] = [];
    for (const [actor, path, param] of pages) {
      const agent = actor === 'anonymous' ? t.agent('gent') : agents.get(actor)!;
      for (const [cls, value] of values) {
        const res = await agent.get(`${path}?${param}=${value.replace('$param', param)}`);
        const location = String(res.headers.location ?? '');
        if (res.status >= 500) problems.push(`${path}?${param}=${cls}: ${res.status}`);
        if (res.text?.includes(MARKUP) || location.includes(MARKUP))
          problems.push(`${path}?${param}=${cls}: markup reflected`);
        if (/^(https?:)?\/\//.test(location))
          problems.push(`${path}?${param}=${cls}: sent to ${location}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers hostile path parameters on every GET route without a 5xx or unescaped markup', async () => {
    const problems: string[] = [];
    const jobs: Array<() => Promise<void>> = [];
    for (const route of expressRoutes(t).filter((r) => r.method === 'GET' && /:\w/.test(r.path))) {
      const platform = route.path.startsWith('/_platform');
      const agent = agents.get(platform ? 'platform_admin' : 'tenant_admin')!;
      const declared = route.path.replace(/^\/_platform/, '');
      for (const param of declared.match(/:\w+/g) ?? [])
        for (const [cls, value] of Object.entries(PATH_HOSTILE)) {
          // Other parameters keep a harmless value; `.ics`-style suffixes stay in place.
          const path = declared.replace(/:\w+/g, (p) => (p === param ? value : 'x'));
          jobs.push(async () => {
            const res = await agent.get(path);
            if (res.status >= 500)
              problems.push(`GET ${route.path} ${param}=${cls}: ${res.status}`);
            if (res.text?.includes(MARKUP))
              problems.push(`GET ${route.path} ${param}=${cls}: markup reflected`);
          });
        }
    }
    await pool(jobs, 6);
    expect(problems).toEqual([]);
  });

  async function agentFor(entry: PostRouteEntry, platform: boolean): Promise<Agent> {
    if (entry.actor === 'anonymous') return t.agent(platform ? null : 'gent');
    if (!entry.ownSession) return agents.get(entry.actor)!;
    const member = await createMember(
      t,
      entry.actor === 'platform_admin'
        ? { platformAdmin: true }
        : entry.actor === 'outsider'
          ? {}
          : {
              tenant: gent.tenant,
              role: entry.actor as Exclude<Actor, 'anonymous' | 'outsider' | 'platform_admin'>,
            },
    );
    const agent = t.agent(platform ? null : 'gent');
    await logIn(agent, member);
    return agent;
  }

  async function writtenSince(mark: number): Promise<{ mark: number; tables: string[] }> {
    const { rows } = await writes.query<{ id: string; tbl: string }>(
      'select id, tbl from fuzz_writes where id > $1 order by id',
      [mark],
    );
    return {
      mark: rows.length ? Number(rows[rows.length - 1].id) : mark,
      tables: [...new Set(rows.map((r) => r.tbl))],
    };
  }

  it('answers every hostile value without a 5xx, escaped, nothing half-written, the form kept', async () => {
    const problems: string[] = [];
    const declared = new Set(expressRoutes(t).map((r) => `${r.method} ${r.path}`));
    let requests = 0;
    let { mark } = await writtenSince(0);
    const firstMark = mark;

    const timings: string[] = [];
    for (const [key, entry] of Object.entries(POST_ROUTE_ROLES)) {
      const started = Date.now();
      const cpu = process.cpuUsage();
      const expressPath = key.slice('POST '.length);
      if (!declared.has(key)) continue; // the coverage test reports it
      if (process.env.FUZZ_ONLY && !new RegExp(process.env.FUZZ_ONLY).test(key)) continue; // while debugging
      const platform = expressPath.startsWith('/_platform');
      const publicPath = entry.path(ids);
      const agent = await agentFor(entry, platform);

      // The form's fields and values, read from its page.
      const hasPage = declared.has(`GET ${expressPath}`);
      const pagePath =
        entry.page === null ? null : entry.page ? entry.page(ids) : hasPage ? publicPath : null;
      let fields: Field[] = [];
      let csrf: string;
      const csrfFree = CSRF_FREE_PREFIXES.some((p) => publicPath.startsWith(p));
      if (pagePath) {
        const page = await agent.get(pagePath);
        if (page.status !== 200) {
          problems.push(`${key}: its page ${pagePath} answered ${page.status}`);
          continue;
        }
        const found = formFields(page.text, pagePath, publicPath);
        if (!found) problems.push(`${key}: no form posting to ${publicPath} on ${pagePath}`);
        fields = found ?? [];
        if (csrfFree) csrf = '';
        else if (!/name="_csrf"/.test(page.text)) {
          problems.push(`${key}: no CSRF token on ${pagePath}`);
          continue;
        } else csrf = csrfIn(page.text);
      } else if (csrfFree) {
        csrf = '';
      } else {
        const fallback = entry.actor === 'anonymous' ? '/inloggen' : '/uitloggen';
        csrf = csrfIn((await agent.get(fallback).expect(200)).text);
      }
      const types = new Map(fields.map((f) => [f.name, f.type]));
      const base: Record<string, string> = {};
      for (const f of fields) if (f.value !== null && f.name !== '_csrf') base[f.name] = f.value;
      Object.assign(base, entry.body?.(ids) ?? {});
      // A field the page does not show (or a route without a page) is taken for a text field.
      const isText = (name: string) =>
        !/password|wachtwoord/i.test(name) &&
        (types.has(name)
          ? TEXT_TYPES.has(types.get(name)!) || types.get(name) === 'textarea'
          : !pagePath);

      // One request per (field or path parameter, class of hostile value).
      const jobs: Array<{ label: string; cls: string; send: () => Promise<Outcome> }> = [];
      const post = async (
        label: string,
        path: string,
        pairs: Array<[string, string]>,
        target: string | null,
        hostile: string | null,
        cls: string,
      ) => {
        let req = agent.post(entry.multipart ? `${path}?_csrf=${csrf}` : path);
        if (entry.origin) req = req.set('Origin', `http://${hostFor(platform ? null : 'gent')}`);
        if (entry.multipart) for (const [k, v] of pairs) req = req.field(k, v);
        else req = req.type('form').send(formBody([...pairs, ['_csrf', csrf]]));
        const res = await req;
        requests++;
        const found: string[] = [];
        if (res.status >= 500) found.push(`answered ${res.status}`);
        // Text that cannot be stored as typed, or a value given twice where one is expected.
        // (A list field, `name[]`, takes repeated values: the input guard's rule.)
        const list = target?.endsWith('[]') ?? false;
        if ((cls === 'surrogate' || (cls === 'duplicated' && !list)) && target && res.status < 400)
          found.push(`accepted (${res.status})`);
        const location = String(res.headers.location ?? '');
        if (location && !new URL(location, 'http://gent.localhost').hostname.endsWith('localhost'))
          found.push(`redirected off the site to ${location}`);
        if (res.text?.includes(MARKUP) || location.includes(MARKUP))
          found.push('markup reflected unescaped');
        // A route that names no form (`@FormSubmit`) gets the input guard's 400 page instead.
        const guardPage = res.status === 400 && res.text.includes(GUARD_TITLE);
        if (
          (res.status === 400 || res.status === 422) &&
          target &&
          !guardPage &&
          Object.keys(base).length > 0
        ) {
          if (!/<form\b/i.test(res.text)) found.push(`answered ${res.status} without the form`);
          const kept = Object.entries(base).filter(
            ([name, value]) => name !== target && isText(name) && value.trim().length >= 3,
          );
          if (hostile !== null && isText(target)) kept.push([target, hostile]);
          for (const [name, value] of kept)
            if (!res.text.includes(hbs.handlebars.Utils.escapeExpression(value.trim())))
              found.push(`${res.status} form lost the input of ${name}`);
        }
        return { label, status: res.status, problems: found };
      };
      for (const name of Object.keys(base)) {
        for (const [cls, value] of Object.entries(HOSTILE)) {
          const pairs: Array<[string, string]> = Object.entries(base).flatMap(
            ([k, v]): Array<[string, string]> =>
              k !== name
                ? [[k, v]]
                : cls === 'duplicated'
                  ? [
                      [k, v],
                      [k, v],
                    ]
                  : [[k, value]],
          );
          const shown = SHOWN_AGAIN.has(cls) ? value : null;
          jobs.push({
            label: `${name}=${cls}`,
            cls,
            send: () => post(`${name}=${cls}`, publicPath, pairs, name, shown, cls),
          });
        }
      }
      const declaredSegments = expressPath.replace(/^\/_platform/, '').split('/');
      const segments = publicPath.split('/');
      declaredSegments.forEach((segment, i) => {
        if (!segment.startsWith(':')) return;
        for (const [cls, value] of Object.entries(PATH_HOSTILE)) {
          const path = segments.map((s, j) => (j === i ? value : s)).join('/');
          jobs.push({
            label: `${segment}=${cls}`,
            cls: `path ${cls}`,
            send: () => post(`${segment}=${cls}`, path, Object.entries(base), null, null, cls),
          });
        }
      });

      ({ mark } = await writtenSince(mark)); // what logging in and the page wrote is not counted
      // Concurrent by class of value (a class is refused by most fields alike); writes are
      // counted per batch and, when a batch both accepted and refused something, again per
      // refused request, so a write is pinned on its request.
      const classes = [...new Set(jobs.map((j) => j.cls))];
      for (const cls of classes) {
        const batch = jobs.filter((j) => j.cls === cls);
        const outcomes = await pool(
          batch.map((j) => j.send),
          6,
        );
        const written = await writtenSince(mark);
        mark = written.mark;
        const refused = outcomes.filter((o) => o.status >= 400);
        for (const o of outcomes)
          for (const p of o.problems) problems.push(`${key} ${o.label}: ${p}`);
        if (written.tables.length === 0) continue;
        if (refused.length === outcomes.length) {
          problems.push(`${key} ${cls}: refused requests wrote to ${written.tables.join(', ')}`);
          continue;
        }
        for (const o of refused) {
          const again = await batch.find((j) => j.label === o.label)!.send();
          const single = await writtenSince(mark);
          mark = single.mark;
          if (again.status >= 400 && single.tables.length > 0)
            problems.push(
              `${key} ${o.label}: refused (${again.status}) but wrote to ${single.tables.join(', ')}`,
            );
        }
      }
      const used = process.cpuUsage(cpu);
      timings.push(
        `${Date.now() - started} ms (cpu ${Math.round((used.user + used.system) / 1000)} ms) ${jobs.length} ${key}`,
      );
    }
    if (process.env.FUZZ_TIMINGS) console.log(`fuzz: ${requests} requests\n${timings.join('\n')}`);
    expect(problems).toEqual([]);
    // The write log saw the accepted requests' rows: its silence on refused ones means something.
    expect(mark).toBeGreaterThan(firstMark);
    if (!process.env.FUZZ_ONLY) expect(requests).toBeGreaterThan(1500);
  }, 300_000);
});
