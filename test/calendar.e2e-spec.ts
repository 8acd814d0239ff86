import * as ical from 'node-ical';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { academyFixtures } from './support/academy';
import { cafeFixtures, cafeInput } from './support/cafes';
import { logIn, submitForm } from './support/csrf';
import { createMember, createTenant } from './support/factories';
import { brussels, ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The calendar (`/kalender`, a shared surface): café meetings and course sessions together, each
 * from its feature's CalendarSource, as a list by day and as a month table; who sees what (a
 * course for professionals, a draft); the filters and shortcuts; bad query values; and only the
 * hub's own items. "Now" is Wednesday 12 May 2027, 10:00 in Brussels.
 */
describe('calendar', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let gentId: TenantId;
  let professional: ReturnType<TestApp['agent']>;
  let admin: ReturnType<TestApp['agent']>;
  const anonymous = () => t.agent('gent');
  /** The day headings of the list, in order. */
  const days = (html: string) =>
    [...html.matchAll(/<h2 id="dag-\d+">([^<]+)/g)].map((m) => m[1].trim());

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    gentId = asTenantId(gent.id);
    // Every first Tuesday at two: the next one is 1 June.
    await cafeFixtures(t).create(
      gentId,
      cafeInput({ name: 'Mantelzorgcafé Ledeberg', slug: 'ledeberg' }),
      clock.now(),
    );
    const academy = academyFixtures(t);
    await academy.createCourse(gentId, {
      title: 'Omgaan met dementie',
      slug: 'dementie',
      status: 'published',
      sessions: [
        { startsAt: brussels('2027-05-13T14:00'), endsAt: brussels('2027-05-13T16:00') },
        {
          startsAt: brussels('2027-05-20T14:00'),
          endsAt: brussels('2027-05-20T16:00'),
          title: 'Praktische tips',
        },
      ],
    });
    await academy.createCourse(gentId, {
      title: 'Overbelasting herkennen',
      slug: 'overbelasting',
      status: 'published',
      audiences: ['professional'],
      sessions: [{ startsAt: brussels('2027-05-14T09:00'), endsAt: brussels('2027-05-14T12:00') }],
    });
    await academy.createCourse(gentId, {
      title: 'Nog in voorbereiding',
      status: 'draft',
      sessions: [{ startsAt: brussels('2027-05-15T10:00') }],
    });
    // Another hub's café on the same days: never on Gent's calendar.
    const ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    await cafeFixtures(t).create(
      asTenantId(ieper.id),
      cafeInput({ name: 'Café van Ieper-XYZ', slug: 'ieper' }),
      clock.now(),
    );
    professional = t.agent('gent');
    await logIn(professional, await createMember(t, { tenant: gent, role: 'professional' }));
    admin = t.agent('gent');
    await logIn(admin, await createMember(t, { tenant: gent, role: 'tenant_admin' }));
  });
  afterAll(() => t?.close());

  it('lists the café meetings and course sessions by day, for four weeks from today', async () => {
    const res = await anonymous().get('/kalender');
    expect(res.status).toBe(200);
    expect(days(res.text)).toEqual([
      'donderdag 13 mei 2027',
      'donderdag 20 mei 2027',
      'dinsdag 1 juni 2027',
    ]);
    expect(res.text).toContain('<a href="/academie/dementie">Omgaan met dementie</a>');
    expect(res.text).toContain('14.00 – 16.00 uur · Opleiding, deel 2 van 2: Praktische tips');
    expect(res.text).toMatch(/<a href="\/cafes\/ledeberg\/[^"]+">Mantelzorgcafé Ledeberg<\/a>/);
    expect(res.text).toContain('Lotgenotencontact');
    // Not for anonymous visitors: a course for professionals, a draft; nothing of another hub.
    expect(res.text).not.toContain('Overbelasting herkennen');
    expect(res.text).not.toContain('Nog in voorbereiding');
    expect(res.text).not.toContain('Ieper-XYZ');
    expect(res.text).not.toContain('id="doelgroep"');
    const home = await anonymous().get('/');
    expect(home.text).toContain('<a href="/kalender">Kalender</a>');
  });

  it('shows a professional the courses for professionals, with a filter for whom', async () => {
    const res = await professional.get('/kalender');
    expect(days(res.text)).toContain('vrijdag 14 mei 2027');
    expect(res.text).toContain('Overbelasting herkennen');
    expect(res.text).toContain('<select id="doelgroep" name="doelgroep">');
    const forProfessionals = await professional.get('/kalender?doelgroep=professional');
    expect(days(forProfessionals.text)).toEqual(['vrijdag 14 mei 2027']);
  });

  it('filters by kind and period, keeping the other choices in its links', async () => {
    const cafes = await anonymous().get('/kalender?categorie=lotgenotencontact');
    expect(days(cafes.text)).toEqual(['dinsdag 1 juni 2027']);
    expect(cafes.text).toContain('<option value="lotgenotencontact" selected>');
    expect(cafes.text).toContain(
      'href="/kalender?periode&#x3D;deze-week&amp;categorie&#x3D;lotgenotencontact"',
    );
    const none = await anonymous().get('/kalender?categorie=beweging');
    expect(days(none.text)).toEqual([]);
    expect(none.text).toContain('Er zijn geen activiteiten van deze soort in deze periode.');
    expect(days((await anonymous().get('/kalender?periode=vandaag')).text)).toEqual([]);
    expect(days((await anonymous().get('/kalender?periode=deze-week')).text)).toEqual([
      'donderdag 13 mei 2027',
    ]);
    expect(days((await anonymous().get('/kalender?periode=volgende-maand')).text)).toEqual([
      'dinsdag 1 juni 2027',
    ]);
  });

  it('ignores what it does not know in the query, never an error', async () => {
    for (const query of [
      'categorie=xyz&periode=morgen&doelgroep=iedereen&weergave=raar',
      'weergave=maand&maand=2027-13',
      'weergave=maand&maand=9999-01',
      'categorie=a&categorie=b',
      `categorie=${'x'.repeat(5000)}`,
    ]) {
      const res = await anonymous().get(`/kalender?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
    }
    const month = await anonymous().get('/kalender?weergave=maand&maand=2027-13');
    expect(month.text).toContain('<caption>mei 2027</caption>');
  });

  it('shows a month as a table: caption, a header per weekday, a row per week, today marked', async () => {
    const res = await anonymous().get('/kalender?weergave=maand&maand=2027-05');
    expect(res.text).toContain('<title>Kalender: mei 2027');
    expect(res.text).toContain('<caption>mei 2027</caption>');
    expect([...res.text.matchAll(/<th scope="col">(\w+)<\/th>/g)].map((m) => m[1])).toEqual([
      'maandag',
      'dinsdag',
      'woensdag',
      'donderdag',
      'vrijdag',
      'zaterdag',
      'zondag',
    ]);
    // 1 May 2027 is a Saturday: six weeks, from 26 April to 6 June.
    expect(res.text.match(/<tr>\s*<td/g)).toHaveLength(6);
    expect(res.text).toMatch(
      /<td aria-current="date">\s*<span class="day-number" aria-hidden="true">12<\/span><span class="visually-hidden">woensdag 12 mei<\/span>/,
    );
    expect(res.text).toMatch(
      /donderdag 13 mei<\/span>\s*<ul class="plain-list">\s*<li><span class="time">14.00<\/span> <a href="\/academie\/dementie">Omgaan met dementie<\/a>/,
    );
    expect(res.text).toContain(
      'href="/kalender?weergave&#x3D;maand&amp;maand&#x3D;2027-04">Vorige maand: april 2027',
    );
    expect(res.text).toContain(
      'href="/kalender?weergave&#x3D;maand&amp;maand&#x3D;2027-06">Volgende maand: juni 2027',
    );
    const june = await anonymous().get('/kalender?weergave=maand&maand=2027-06');
    expect(june.text).toMatch(
      /dinsdag 1 juni<\/span>\s*<ul class="plain-list">\s*<li><span class="time">14.00<\/span> <a href="\/cafes\/ledeberg\//,
    );
  });

  describe('the feed (/kalender.ics)', () => {
    /** The feed's events by UID, as a calendar app reads them. */
    const events = (body: string) =>
      Object.values(ical.sync.parseICS(body)).filter(
        (item): item is ical.VEvent => item?.type === 'VEVENT',
      );

    it('is valid iCalendar with every public item, its own UID and start, to refresh every six hours', async () => {
      const res = await anonymous().get('/kalender.ics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H');
      expect(res.text).toContain('X-PUBLISHED-TTL:PT6H');
      const feed = events(res.text);
      const titles = feed.map((e) => String(e.summary)).sort();
      expect(titles.filter((s) => s === 'Omgaan met dementie')).toHaveLength(2);
      expect(titles.filter((s) => s === 'Mantelzorgcafé Ledeberg').length).toBeGreaterThanOrEqual(
        5,
      );
      // The same UID and start as the item's own .ics: a calendar with both keeps one entry.
      const page = await anonymous().get('/kalender?periode=volgende-maand');
      const meetingPath = /href="(\/cafes\/ledeberg\/[^"]+)"/.exec(page.text)![1];
      const [own] = events((await anonymous().get(`${meetingPath}.ics`)).text);
      const same = feed.find((e) => e.uid === own.uid);
      expect(same).toBeDefined();
      expect(same!.start.getTime()).toBe(own.start.getTime());
      expect(same!.url).toEqual(expect.objectContaining({ val: t.url('gent', meetingPath) }));
      const course = await anonymous().get('/academie/dementie.ics');
      const sessionUids = events(course.text)
        .map((e) => e.uid)
        .sort();
      expect(feed.filter((e) => sessionUids.includes(e.uid))).toHaveLength(2);
    });

    it('never holds an item for professionals or a draft, not even fetched by a professional', async () => {
      for (const agent of [anonymous(), professional]) {
        const body = (await agent.get('/kalender.ics')).text;
        expect(body).not.toContain('Overbelasting herkennen');
        expect(body).not.toContain('Nog in voorbereiding');
        expect(body).not.toContain('Ieper-XYZ');
      }
      const asked = (await professional.get('/kalender.ics?doelgroep=professional')).text;
      expect(events(asked)).toEqual([]);
    });

    it('takes the kind filter, and the page links to it as a webcal:// subscription', async () => {
      const cafes = events(
        (await anonymous().get('/kalender.ics?categorie=lotgenotencontact')).text,
      );
      expect(cafes.length).toBeGreaterThan(0);
      expect(cafes.every((e) => String(e.summary) === 'Mantelzorgcafé Ledeberg')).toBe(true);
      const page = await anonymous().get('/kalender?categorie=lotgenotencontact');
      const feedUrl = t
        .url('gent', '/kalender.ics?categorie=lotgenotencontact')
        .replace(/^https?:/, 'webcal:');
      expect(page.text).toContain(`href="${feedUrl.replace(/=/g, '&#x3D;')}"`);
      expect(page.text).toContain('Zo doe je het in Google Agenda');
    });
  });

  describe('the widget (/kalender/widget)', () => {
    const frameAncestors = (res: { headers: Record<string, string> }) =>
      /frame-ancestors ([^;]*)/.exec(res.headers['content-security-policy'])![1];

    it('lists the next public items with links to the hub, framed nowhere until the admin says where', async () => {
      const res = await professional.get('/kalender/widget');
      expect(res.status).toBe(200);
      expect(frameAncestors(res)).toBe("'none'");
      expect(res.text).toContain('<base target="_blank">');
      expect(res.text).not.toContain('class="site-header"');
      expect(res.text).toContain(`href="${t.url('gent', '/academie/dementie')}"`);
      expect(res.text).toContain('donderdag 13 mei, 14.00 – 16.00 uur');
      // Built as for anyone, whoever looks: no course for professionals.
      expect(res.text).not.toContain('Overbelasting herkennen');
      // Three months ahead: the course's two sessions and the café of 1 June, 6 July and 3 August.
      expect(res.text.match(/class="widget-item"/g)).toHaveLength(5);
    });

    it('lets the admin name the sites that may frame it, refusing bad lines with the line named', async () => {
      expect((await professional.get('/beheer/kalender')).status).toBe(403);
      const page = await admin.get('/beheer/kalender');
      expect(page.text).toContain(
        `&lt;iframe src&#x3D;&quot;${t.url('gent', '/kalender/widget')}&quot; title&#x3D;&quot;Activiteiten voor mantelzorgers in Gent&quot;`,
      );
      const bad = await submitForm(admin, '/beheer/kalender', {
        origins: 'https://www.gent.be\nhttps://evil.example; script-src *',
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain(
        'Regel 2 (&quot;https://evil.example; script-src *&quot;) is geen adres van een website.',
      );
      expect(bad.text).toContain('https://evil.example; script-src *</textarea>');
      expect(frameAncestors(await anonymous().get('/kalender/widget'))).toBe("'none'");
      const good = await submitForm(admin, '/beheer/kalender', {
        origins: 'https://www.gent.be/\n\nhttps://www.ocmw-gent.be',
      });
      expect(good.status).toBe(303);
      const framed = await anonymous().get('/kalender/widget');
      expect(frameAncestors(framed)).toBe('https://www.gent.be https://www.ocmw-gent.be');
      expect(framed.headers['x-frame-options']).toBeUndefined();
      // Every other page stays unframeable.
      expect(frameAncestors(await anonymous().get('/kalender'))).toBe("'none'");
      expect((await admin.get('/beheer/kalender')).text).toContain(
        'https://www.gent.be\nhttps://www.ocmw-gent.be</textarea>',
      );
    });
  });
});
