import type PdfParse from 'pdf-parse';
// The library itself: the package's index runs a debug mode when it is not required by a module.
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as typeof PdfParse;
import { FeedbackService } from '../src/academy/attendance/feedback.service';
import { Certificate } from '../src/academy/common/entities/certificate.entity';
import { CourseFeedback } from '../src/academy/common/entities/course-feedback.entity';
import { Enrollment } from '../src/academy/common/entities/enrollment.entity';
import { SessionAttendance } from '../src/academy/common/entities/session-attendance.entity';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { MailService } from '../src/mail/mail.service';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { academyFixtures } from './support/academy';
import { csrfFrom, logIn } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Academy certificates and feedback: the PDF parsed back (text with the name and the course,
 * tagged), verification genuine / revoked / unknown, feedback mailed once, answered once and
 * stored without the person, no results below five answers.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('academy certificates and feedback', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let ieper: Tenant;
  let admin: TestMember;
  let people: TestMember[];

  const tx = <T>(
    work: Parameters<TenantTransaction['run']>[1] extends (em: infer E) => Promise<unknown>
      ? (em: E) => Promise<T>
      : never,
  ) => t.get(TenantTransaction).run(gentId, work);

  /** A finished course (three sessions of 2 h in the past), everyone confirmed and present. */
  const finishedCourse = async (
    slug: string,
    members: TestMember[],
    templateId: string | null = null,
  ) => {
    const academy = academyFixtures(t);
    const sessions = [30, 20, 10].map((d) => ({
      startsAt: new Date(ORDINARY_NOW.getTime() - d * DAY),
      endsAt: new Date(ORDINARY_NOW.getTime() - d * DAY + 2 * HOUR),
    }));
    const made = await academy.createCourse(gentId, {
      slug,
      title: `Zorgen zonder jezelf te vergeten (${slug})`,
      trainerName: 'An Peeters',
      templateId,
      sessions,
    });
    const enrollments = [];
    for (const m of members) {
      const e = await academy.addEnrollment(gentId, made.course.id, m.membership!.id);
      enrollments.push(e);
      await tx((em) =>
        em.getRepository(SessionAttendance).insert(
          made.sessions.map((s) => ({
            tenantId: gentId,
            sessionId: s.id,
            enrollmentId: e.id,
            present: true,
            markedAt: ORDINARY_NOW,
            markedBy: null,
          })),
        ),
      );
    }
    return { ...made, enrollments };
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    admin = await createMember(t, {
      tenant: gent,
      role: 'tenant_admin',
      displayName: 'Admin Gent',
    });
    people = [];
    for (const name of [
      'Marleen Claes',
      'Jef Peeters',
      'Rita Maes',
      'Luc Janssens',
      'Els Wouters',
      'Guido Smet',
    ])
      people.push(await createMember(t, { tenant: gent, role: 'caregiver', displayName: name }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('downloads a tagged PDF/UA certificate with the name and course; /attest shows genuine, revoked, unknown', async () => {
    const { course, enrollments } = await finishedCourse('najaar', [people[0]]);
    const agent = t.agent('gent');
    await logIn(agent, people[0]);
    const res = await agent
      .get('/mijn-opleidingen/najaar/attest.pdf')
      .responseType('blob')
      .expect(200)
      .expect('Content-Type', 'application/pdf');
    const pdf = res.body as Buffer;
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    // The catalog's /MarkInfo (an object of its own) says Marked true.
    const markInfo = /\/MarkInfo (\d+) 0 R/.exec(raw);
    expect(markInfo).not.toBeNull();
    expect(raw).toMatch(new RegExp(`\\n${markInfo![1]} 0 obj\\s*<<\\s*/Marked true`));
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Lang \(nl-BE\)/);
    expect(raw).toContain('/FontFile2'); // an embedded TrueType font
    expect(raw).toContain('pdfuaid:part');
    const { text } = await pdfParse(pdf);
    expect(text).toContain('Marleen Claes');
    expect(text).toContain(course.title);
    expect(text).toContain('Attest van deelname');
    expect(text).toContain('Gent');
    expect(text).toContain('6 uur');
    expect(text).toContain('An Peeters');

    const cert = await tx((em) =>
      em
        .getRepository(Certificate)
        .findOneByOrFail({ tenantId: gentId, enrollmentId: enrollments[0].id }),
    );
    expect(cert.code).toMatch(/^[A-HJ-NP-Z2-9]{20}$/);
    expect(cert.completedOn).toBe(
      new Date(ORDINARY_NOW.getTime() - 10 * DAY).toISOString().slice(0, 10),
    );
    expect(text.replace(/\s/g, '')).toContain(`/attest/${cert.code}`);
    // A second download keeps the same certificate.
    await agent.get('/mijn-opleidingen/najaar/attest.pdf').expect(200);
    expect(await tx((em) => em.getRepository(Certificate).countBy({ tenantId: gentId }))).toBe(1);

    const anon = t.agent('gent');
    const genuine = await anon.get(`/attest/${cert.code}`).expect(200);
    expect(genuine.text).toContain('Echt attest');
    expect(genuine.text).toContain('Marleen Claes');
    expect(genuine.text).toContain(course.title);
    expect(genuine.headers['set-cookie']).toBeUndefined();
    await anon
      .get(
        `/attest/${cert.code
          .toLowerCase()
          .replace(/(.{5})/g, '$1-')
          .slice(0, -1)}`,
      )
      .expect(200);
    // Another municipality's host does not know it; an impossible code is not looked up.
    await t.agent('ieper').get(`/attest/${cert.code}`).expect(404);
    const unknown = await anon.get('/attest/AAAAABBBBBCCCCCDDDDD').expect(404);
    expect(unknown.text).toContain('Onbekende code');
    await anon.get(`/attest/${"x'; select 1 --"}`).expect(404);

    // The admin revokes it: the page says so and the PDF is no longer given.
    const adminAgent = t.agent('gent');
    await logIn(adminAgent, admin);
    const list = await adminAgent.get('/beheer/academie/najaar/attesten').expect(200);
    expect(list.text).toContain('Marleen Claes');
    const token = await csrfFrom(adminAgent, '/beheer/academie/najaar/attesten');
    await adminAgent
      .post(`/beheer/academie/najaar/attesten/${cert.id}/intrekken`)
      .type('form')
      .send({ _csrf: token })
      .expect(303);
    const revoked = await anon.get(`/attest/${cert.code}`).expect(200);
    expect(revoked.text).toContain('Ingetrokken attest');
    const refused = await agent.get('/mijn-opleidingen/najaar/attest.pdf').expect(410);
    expect(refused.text).toContain('ingetrokken');
    await adminAgent
      .post(`/beheer/academie/najaar/attesten/00000000-0000-4000-8000-000000000000/intrekken`)
      .type('form')
      .send({ _csrf: token })
      .expect(404);
    void ieper;
  });

  it('feedback: mailed once per person, answered once, stored without the person; below 5 answers no results', async () => {
    const template = await academyFixtures(t).createTemplate({
      slug: 'zorgen-feedback',
      title: 'Zorgen (sjabloon)',
    });
    const { course, enrollments } = await finishedCourse('feedback-cursus', people, template.id);
    const feedback = t.get(FeedbackService);
    const first = await feedback.queueDue(gent);
    // This course's six, and the first test's course (also over within two weeks).
    expect(first.queued).toBe(7);
    expect((await feedback.queueDue(gent)).queued).toBe(0);
    const keys = enrollments.map((e) => `course-feedback:${e.id}`);
    const inOutbox = await tx((em) => t.get(MailService).existingKeys(em, gentId, keys));
    expect(inOutbox.size).toBe(6);

    const adminAgent = t.agent('gent');
    await logIn(adminAgent, admin);
    const answer = async (i: number, usefulness: string, comment: string) => {
      const token = await feedback.tokenFor(gentId, enrollments[i].id);
      const anon = t.agent('gent');
      const form = await anon.get(`/e/opleiding-feedback/${token}`);
      expect([200, 409]).toContain(form.status);
      expect(form.text).toMatch(/Hoe nuttig was de opleiding voor jou\?|Je hebt al geantwoord/);
      return anon
        .post(`/e/opleiding-feedback/${token}`)
        .type('form')
        .send({ usefulness, better: '', comment });
    };

    // Bad input: the form again, nothing stored.
    const bad = await answer(0, '9', 'Te veel');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Kies hoe nuttig de opleiding was, van 1 tot 5.');
    expect(bad.text).toContain('Te veel');

    for (const [i, score] of [
      [0, '5'],
      [1, '4'],
      [2, '4'],
      [3, '3'],
    ] as const)
      expect((await answer(i, score, `Opmerking ${i}`)).status).toBe(200);
    // A second answer is refused kindly.
    const twice = await answer(0, '1', 'Nog eens');
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('Je hebt al geantwoord');
    const stored = await tx((em) =>
      em.getRepository(CourseFeedback).findBy({ tenantId: gentId, courseId: course.id }),
    );
    expect(stored).toHaveLength(4);
    expect(Object.keys(stored[0]).sort()).toEqual(
      ['answeredOn', 'better', 'comment', 'courseId', 'id', 'tenantId', 'usefulness'].sort(),
    );
    const marked = await tx((em) =>
      em.getRepository(Enrollment).findOneByOrFail({ tenantId: gentId, id: enrollments[0].id }),
    );
    expect(marked.feedbackSentAt).not.toBeNull();

    const few = await adminAgent.get('/beheer/academie/feedback-cursus/feedback').expect(200);
    expect(few.text).toContain('Nog te weinig antwoorden');
    expect(few.text).not.toContain('Opmerking 0');
    expect(few.text).not.toContain('Gemiddeld');

    expect((await answer(4, '4', 'Opmerking 4')).status).toBe(200);
    const results = await adminAgent.get('/beheer/academie/feedback-cursus/feedback').expect(200);
    expect(results.text).toContain('Aantal antwoorden: 5');
    expect(results.text).toContain('Gemiddeld: 4,0 op 5');
    for (const i of [0, 1, 2, 3, 4]) expect(results.text).toContain(`Opmerking ${i}`);
    for (const p of people) expect(results.text).not.toContain(p.user.email);
    expect(results.text).not.toContain('Marleen Claes');

    const perTemplate = await adminAgent
      .get('/beheer/academie/sjablonen/zorgen-feedback/feedback')
      .expect(200);
    expect(perTemplate.text).toContain('Gemiddeld: 4,0 op 5');
    await adminAgent.get('/beheer/academie/sjablonen/bestaat-niet/feedback').expect(404);
    // Not for members.
    const caregiver = t.agent('gent');
    await logIn(caregiver, people[5]);
    await caregiver.get('/beheer/academie/feedback-cursus/feedback').expect(403);
    // A link of this municipality does not work on another's host.
    const token = await feedback.tokenFor(gentId, enrollments[5].id);
    await t.agent('ieper').get(`/e/opleiding-feedback/${token}`).expect(404);
  });
});
