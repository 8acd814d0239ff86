import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { MembershipsService } from '../../auth/memberships.service';
import { Clock } from '../../common/clock';
import { LOCAL_ZONE } from '../../common/dates';
import { isUuid } from '../../common/uuid';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { readStoredFile } from '../../files/stored-files';
import { t } from '../../i18n/i18n';
import type { Tenant } from '../../tenancy/entities/tenant.entity';
import { formatDate, formatDateTime } from '../../web/view-helpers';
import { findCourse, sessionsOf } from '../common/course-lookup';
import { Certificate } from '../common/entities/certificate.entity';
import type { Course } from '../common/entities/course.entity';
import { groupedCode, newCertificateCode, normaliseCode } from './certificate-code';
import { renderCertificatePdf } from './certificate-pdf';
import { isOver, progressOf } from './progress';

export type CertificateRefusal = 'not-found' | 'not-over' | 'not-completed' | 'revoked';

export type CertificatePdfResult =
  { ok: true; pdf: Buffer; filename: string } | { ok: false; reason: CertificateRefusal };

export type VerifyResult =
  { status: 'genuine' | 'revoked'; certificate: Certificate } | { status: 'unknown' };

/** One certificate on the admin's list of a course. */
export interface CertificateRow {
  id: string;
  code: string;
  holderName: string;
  completedOn: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

export type RevokeResult =
  { ok: true; holderName: string } | { ok: false; reason: 'not-found' | 'already' };

/** Hours and minutes in words: "6 uur", "1 uur en 30 minuten", "45 minuten". */
export function durationInWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('academy.certificate.minutes', { m });
  if (m === 0) return t('academy.certificate.hours', { h });
  return t('academy.certificate.hoursMinutes', { h, m });
}

/**
 * Certificates of attendance: made on the first download of a completed course (the row keeps
 * name, course and day as issued, with a random 100-bit code), rendered as a tagged PDF each
 * time, verified at /attest/<code> without logging in, revoked by an admin.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly memberships: MembershipsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The member's own certificate of the course of `slug`, made on first download. */
  async pdfFor(tenant: Tenant, membershipId: string, slug: string): Promise<CertificatePdfResult> {
    const tenantId = tenant.id as TenantId;
    const now = this.clock.now();
    const found = await this.tx.run(tenantId, async (em) => {
      const course = await findCourse(em, tenantId, slug);
      if (!course) return { ok: false as const, reason: 'not-found' as const };
      const [progress] = await progressOf(em, tenantId, { membershipId, courseId: course.id });
      if (!progress || progress.status !== 'confirmed')
        return { ok: false as const, reason: 'not-found' as const };
      if (!isOver(progress, now)) return { ok: false as const, reason: 'not-over' as const };
      if (!progress.completed) return { ok: false as const, reason: 'not-completed' as const };
      const certificate = await this.issue(
        em,
        tenantId,
        course,
        progress.enrollmentId,
        membershipId,
        progress.lastEnd!,
      );
      if (certificate.revokedAt) return { ok: false as const, reason: 'revoked' as const };
      const sessions = (await sessionsOf(em, tenantId, course.id)).filter(
        (s) => s.status === 'scheduled',
      );
      const logo = tenant.logoFileId ? await readStoredFile(em, tenantId, tenant.logoFileId) : null;
      return { ok: true as const, course, certificate, sessions, progress, logo };
    });
    if (!found.ok) return found;
    const { course, certificate, sessions, progress, logo } = found;
    const trainer = [course.trainerName, course.trainerOrganisation].filter(Boolean).join(', ');
    const verifyUrl = `${this.config.originFor(tenant.slug)}/attest/${certificate.code}`;
    const hours = durationInWords(progress.attendedMinutes);
    const pdf = await renderCertificatePdf({
      tenantName: tenant.name,
      logo: logo ? { contentType: logo.contentType, content: logo.content } : null,
      holderName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      dates: sessions.map((s) => formatDateTime(s.startsAt)),
      hours,
      trainer,
      completedOn: certificate.completedOn,
      code: certificate.code,
      verifyUrl,
      text: {
        title: t('academy.certificate.pdf.title'),
        intro: t('academy.certificate.pdf.intro', { tenant: tenant.name }),
        course: t('academy.certificate.pdf.course', {
          attended: progress.attended,
          scheduled: progress.scheduled,
        }),
        dates: t('academy.certificate.pdf.dates'),
        hours: t('academy.certificate.pdf.hours', { hours }),
        trainer: t('academy.certificate.pdf.trainer', { trainer }),
        verify: t('academy.certificate.pdf.verify'),
        code: t('academy.certificate.pdf.code', {
          code: groupedCode(certificate.code),
          date: formatDate(certificate.completedOn),
        }),
      },
    });
    return { ok: true, pdf, filename: `attest-${course.slug}.pdf` };
  }

  /** /attest/<code>: a code that cannot be one is never looked up. */
  async verify(tenantId: TenantId, raw: string): Promise<VerifyResult> {
    const code = normaliseCode(raw);
    if (!code) return { status: 'unknown' };
    const certificate = await this.tx.run(tenantId, (em) =>
      em.getRepository(Certificate).findOneBy({ tenantId, code }),
    );
    if (!certificate) return { status: 'unknown' };
    return { status: certificate.revokedAt ? 'revoked' : 'genuine', certificate };
  }

  /** The course's certificates, for its admin (newest first). */
  listFor(tenantId: TenantId, course: Course): Promise<CertificateRow[]> {
    return this.tx.run(tenantId, async (em) => {
      const rows = await em.query<
        {
          id: string;
          code: string;
          holder_name: string;
          completed_on: string;
          issued_at: Date;
          revoked_at: Date | null;
        }[]
      >(
        `select x.id, x.code, x.holder_name, x.completed_on::text as completed_on, x.issued_at, x.revoked_at
           from certificates x
           join enrollments e on e.tenant_id = x.tenant_id and e.id = x.enrollment_id
          where x.tenant_id = $1 and e.course_id = $2
          order by x.issued_at desc, x.id`,
        [tenantId, course.id],
      );
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        holderName: r.holder_name,
        completedOn: r.completed_on,
        issuedAt: r.issued_at,
        revokedAt: r.revoked_at,
      }));
    });
  }

  /** Revokes one certificate of this course (an id of another course or municipality: not-found). */
  async revoke(tenantId: TenantId, course: Course, certificateId: string): Promise<RevokeResult> {
    if (!isUuid(certificateId)) return { ok: false, reason: 'not-found' };
    return this.tx.run(tenantId, async (em): Promise<RevokeResult> => {
      const [row] = await em.query<{ holder_name: string; revoked_at: Date | null }[]>(
        `select x.holder_name, x.revoked_at from certificates x
           join enrollments e on e.tenant_id = x.tenant_id and e.id = x.enrollment_id
          where x.tenant_id = $1 and x.id = $2 and e.course_id = $3
          for update of x`,
        [tenantId, certificateId, course.id],
      );
      if (!row) return { ok: false, reason: 'not-found' };
      if (row.revoked_at) return { ok: false, reason: 'already' };
      await em
        .getRepository(Certificate)
        .update({ tenantId, id: certificateId }, { revokedAt: this.clock.now() });
      return { ok: true, holderName: row.holder_name };
    });
  }

  /**
   * The enrolment's certificate, made now if there is none (name and course as they are today,
   * completed on the day of the last session in Brussels). Parallel first downloads make one row.
   */
  private async issue(
    em: EntityManager,
    tenantId: TenantId,
    course: Course,
    enrollmentId: string,
    membershipId: string,
    lastEnd: Date,
  ): Promise<Certificate> {
    const repo = em.getRepository(Certificate);
    const existing = await repo.findOneBy({ tenantId, enrollmentId });
    if (existing) return existing;
    const membership = await this.memberships.find(em, tenantId, membershipId);
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        tenantId,
        enrollmentId,
        code: newCertificateCode(),
        holderName: (membership?.displayName ?? '').slice(0, 80),
        courseTitle: course.title.slice(0, 160),
        completedOn: DateTime.fromJSDate(lastEnd, { zone: LOCAL_ZONE }).toISODate()!,
        issuedAt: this.clock.now(),
      })
      .orIgnore()
      .execute();
    return repo.findOneByOrFail({ tenantId, enrollmentId });
  }
}
