import { t } from '../../i18n/i18n';
import { COURSE_KINDS } from '../common/entities/academy-template.entity';
import type { TemplateDetail, TemplateSummary } from './templates.service';
import type { SessionRow } from './template-form';

/** What the template views show, built from the service's rows (no queries here). */

export function kindOptions(values: Record<string, unknown>) {
  return COURSE_KINDS.map((kind) => ({
    value: kind,
    label: t(`academy.kind.${kind}`),
    hint: t(`academy.templates.form.kind.${kind}.hint`),
    checked: values.kind === kind,
  }));
}

/** The programme's rows with their labels ("Sessie 2"). */
export function sessionRows(rows: SessionRow[]) {
  return rows.map((row) => ({
    ...row,
    heading: t('academy.templates.form.session', { n: row.n }),
    titleName: `session${row.n}Title`,
    programmeName: `session${row.n}Programme`,
    minutesName: `session${row.n}Minutes`,
  }));
}

/** A line of a list: kind, audiences, sessions, status. */
export function summaryLine({ template, sessionCount }: TemplateSummary) {
  return {
    slug: template.slug,
    title: template.title,
    summary: template.summary,
    kind: t(`academy.kind.${template.kind}`),
    audiences: template.audiences.map((a) => t(`audience.${a}`)).join(', '),
    sessions: t(
      sessionCount === 1 ? 'academy.templates.sessions.one' : 'academy.templates.sessions.many',
      { n: sessionCount },
    ),
    archived: template.status === 'archived',
  };
}

/** The whole template, to read: programme with durations and the materials to download. */
export function detailView(detail: TemplateDetail, materialBase: string) {
  const { template, sessions, materials } = detail;
  const total = sessions.reduce((sum, s) => sum + s.durationMinutes, 0);
  return {
    slug: template.slug,
    title: template.title,
    kind: t(`academy.kind.${template.kind}`),
    audiences: template.audiences.map((a) => t(`audience.${a}`)).join(', '),
    summary: template.summary,
    learningGoals: template.learningGoals,
    trainerProfile: template.trainerProfile,
    suggestedCapacity: template.suggestedCapacity,
    archived: template.status === 'archived',
    totalDuration: duration(total),
    sessions: sessions.map((s) => ({
      position: s.position,
      title: s.title,
      programme: s.programme,
      duration: duration(s.durationMinutes),
    })),
    materials: materials.map((m) => ({
      id: m.id,
      title: m.title,
      filename: m.filename,
      type: m.filename.split('.').pop()?.toUpperCase() ?? '',
      url: `${materialBase}/${m.id}`,
    })),
  };
}

/** 90 → "1 uur en 30 minuten", 120 → "2 uur", 45 → "45 minuten". */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('academy.templates.duration.minutes', { m });
  if (m === 0) return t('academy.templates.duration.hours', { h });
  return t('academy.templates.duration.both', { h, m });
}
