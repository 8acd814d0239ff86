import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { academyFixtures } from './support/academy';
import { cafeFixtures, cafeInput } from './support/cafes';
import { logIn } from './support/csrf';
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
});
