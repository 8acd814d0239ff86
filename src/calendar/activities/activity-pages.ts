import { DateTime } from 'luxon';
import { LOCAL_ZONE } from '../../common/dates';
import { describeRule, hoursText } from '../../events/schedule';
import { t } from '../../i18n/i18n';
import { categoryLabel } from '../../web/calendar/calendar-source';
import type { Activity } from '../common/entities/activity.entity';
import type { ActivitySummary, OccurrenceRow } from './activities.service';
import { activityFormOptions, euro } from './activity-form';

/** What the activities' views show, built from the service's rows (no queries here). */

export const ADMIN_BASE = '/beheer/activiteiten';
export const PROPOSALS_BASE = '/kalender/voorstellen';
export const FORM_VIEW = 'calendar/activities/form';

/** "donderdag 14 januari 2027, 14.00 tot 16.00 uur" (or ", de hele dag") */
export function whenText(startsAt: Date, endsAt: Date, allDay = false): string {
  const start = DateTime.fromJSDate(startsAt, { zone: LOCAL_ZONE }).setLocale('nl-BE');
  if (allDay) return `${start.toFormat('cccc d MMMM yyyy')}, de hele dag`;
  const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
  return `${start.toFormat('cccc d MMMM yyyy')}, ${hoursText(start.toFormat('HH:mm'), minutes)}`;
}

/** One activity in a list: its status and its next date; `href`: its form (null: not to change). */
export function summaryView(row: ActivitySummary, href: string | null) {
  return {
    title: row.title,
    href,
    status: t(`activities.status.${row.status}`),
    waiting: row.status === 'submitted',
    next: row.nextAt
      ? DateTime.fromJSDate(row.nextAt, { zone: LOCAL_ZONE })
          .setLocale('nl-BE')
          .toFormat('cccc d MMMM yyyy')
      : null,
    publicHref: row.status === 'published' ? `/kalender/${row.slug}` : null,
  };
}

export interface FormPageArgs {
  admin: boolean;
  activity: Activity | null;
  values: Record<string, unknown>;
  organisations: { id: string; name: string }[];
  /** The admin's page: its coming dates, to cancel one. */
  dates?: OccurrenceRow[];
  /** The admin's page of a proposal waiting for review: who sent it. */
  submitterName?: string | null;
}

/** The activity form, for an admin (/beheer/activiteiten) or a professional (/kalender/voorstellen). */
export function formPage(args: FormPageArgs) {
  const { admin, activity } = args;
  const base = admin ? ADMIN_BASE : PROPOSALS_BASE;
  const title = activity
    ? t(admin ? 'activities.form.editTitle' : 'activities.proposal.editTitle', {
        title: activity.title,
      })
    : t(admin ? 'activities.form.newTitle' : 'activities.proposal.newTitle');
  const review =
    activity?.status === 'returned'
      ? { heading: t('activities.review.returnedHeading'), comment: activity.reviewComment }
      : activity?.status === 'submitted'
        ? { heading: t('activities.review.waitingHeading'), comment: '' }
        : null;
  return {
    title,
    backHref: base,
    backLabel: t(admin ? 'activities.admin.back' : 'activities.proposal.back'),
    lead: t(admin ? 'activities.form.lead' : 'activities.proposal.lead'),
    action: activity ? `${base}/${activity.id}` : `${base}/nieuw`,
    submitLabel: admin
      ? t(activity ? 'activities.form.save' : 'activities.form.create')
      : t('activities.proposal.send'),
    review,
    values: args.values,
    options: activityFormOptions(args.values, args.organisations, admin),
    reviewActions:
      admin && activity?.status === 'submitted'
        ? { base: `${ADMIN_BASE}/${activity.id}`, submitter: args.submitterName ?? '' }
        : null,
    showDates: admin && activity !== null,
    dates: (args.dates ?? []).map((d) => ({
      when: whenText(d.startsAt, d.endsAt, activity?.allDay),
      cancelled: d.status === 'cancelled',
      action: `${ADMIN_BASE}/${activity?.id}/data/${d.id}/${d.status === 'cancelled' ? 'herstellen' : 'annuleren'}`,
    })),
  };
}

export interface Organiser {
  name: string;
  contact: string;
  website: string;
  /** The directory's page, when it is an organisation of /hulp-in-de-buurt. */
  href: string | null;
}

/** The public page /kalender/<slug>. */
export function activityPage(activity: Activity, organiser: Organiser, dates: OccurrenceRow[]) {
  const schedule = describeRule(
    activity.recurrenceRule,
    activity.startTime,
    activity.durationMinutes,
    activity.allDay,
  );
  const register = registrationView(activity);
  return {
    title: activity.title,
    activity: {
      title: activity.title,
      slug: activity.slug,
      description: activity.description,
      category: categoryLabel(activity.category),
      audiences: activity.audiences.map((a) => t(`audience.${a}`)).join(', '),
      online: activity.online,
      onlineUrl: activity.onlineUrl,
      venueName: activity.venueName,
      venueAddress: activity.venueAddress,
      mapsHref: activity.online
        ? null
        : `https://www.openstreetmap.org/search?query=${encodeURIComponent(activity.venueAddress)}`,
      access: (['stepFree', 'accessibleToilet', 'parking'] as const)
        .filter((flag) => activity[flag])
        .map((flag) => t(`activities.form.${flag}`)),
      cost: activity.costCents === 0 ? t('activities.page.free') : `€ ${euro(activity.costCents)}`,
    },
    schedule,
    organiser,
    register,
    dates: dates.map((d) => ({
      when: whenText(d.startsAt, d.endsAt, activity.allDay),
      cancelled: d.status === 'cancelled',
    })),
  };
}

function registrationView(activity: Activity) {
  const detail = activity.registrationDetail;
  switch (activity.registration) {
    case 'link':
      return {
        text: t('activities.page.register.link'),
        href: detail,
        label: t('activities.page.register.linkLabel'),
      };
    case 'phone':
      return {
        text: t('activities.page.register.phone'),
        href: `tel:${detail.replace(/[^0-9+]/g, '')}`,
        label: detail,
      };
    case 'email':
      return { text: t('activities.page.register.email'), href: `mailto:${detail}`, label: detail };
    default:
      return { text: t('activities.page.register.none'), href: null, label: null };
  }
}
