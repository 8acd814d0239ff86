import { localDateTime } from '../../common/dates';
import { ruleProblem } from '../../events/recurrence';
import { t } from '../../i18n/i18n';
import { CALENDAR_CATEGORIES, type CalendarCategory } from '../../web/calendar/calendar-source';
import { validateBody } from '../../web/forms/validate-body';
import { typed } from '../../web/forms/typed';
import {
  audienceOptions,
  audienceValues,
  checkedAudiences,
} from '../../web/surfaces/audience-fields';
import {
  REGISTRATION_KINDS,
  type Activity,
  type ActivityStatus,
  type RegistrationKind,
} from '../common/entities/activity.entity';
import { RESERVED_SLUGS, type ActivityInput } from './activities.service';
import { ruleFor } from './activity-dates';
import { ActivityDto, ADMIN_STATUSES, SCHEDULES, looksLikeEmail } from './dto/activity.dto';

export type ParsedActivity =
  | { ok: true; input: ActivityInput; status: ActivityStatus | null }
  | { ok: false; errors: Record<string, string> };

/**
 * The whole form's checks at once (a person sees every problem in one go): the DTO's, then what
 * depends on another field. `status` is the admin's choice (null on a professional's form).
 */
export async function parseActivityForm(body: Record<string, unknown>): Promise<ParsedActivity> {
  const valid = await validateBody(ActivityDto, body);
  if (!valid.ok) return { ok: false, errors: valid.errors };
  const dto = valid.dto;
  const errors: Record<string, string> = {};
  const audiences = checkedAudiences(dto as unknown as Record<string, unknown>);
  if (audiences.length === 0) errors.audienceCaregiver = 'Kies minstens één doelgroep.';
  if (dto.slug && RESERVED_SLUGS.has(dto.slug))
    errors.slug = `"${dto.slug}" kan niet als adres van de pagina. Kies een ander.`;
  const online = dto.where === 'online';
  if (online && dto.onlineUrl === '')
    errors.onlineUrl = 'Vul de link naar de online activiteit in.';
  if (!online && dto.venueName.length < 2)
    errors.venueName = 'Vul de naam van de plaats in, bijvoorbeeld het dienstencentrum.';
  if (!online && dto.venueAddress.length < 5)
    errors.venueAddress = 'Vul het adres van de plaats in: straat, nummer en gemeente.';
  if (dto.organisationId === '' && dto.organiserName.length < 2)
    errors.organiserName =
      'Kies een organisatie uit de lijst, of vul de naam van de organisator in.';
  const registration = dto.registration as RegistrationKind;
  const detail = dto.registrationDetail;
  if (registration === 'link' && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(detail))
    errors.registrationDetail =
      'Vul de link naar het inschrijvingsformulier in, die begint met https://.';
  if (registration === 'phone' && !/^[0-9+()./ -]{6,40}$/.test(detail))
    errors.registrationDetail = 'Vul het telefoonnummer in, zoals 057 34 66 00.';
  if (registration === 'email' && !looksLikeEmail(detail))
    errors.registrationDetail = 'Vul het e-mailadres in, zoals activiteiten@gemeente.be.';

  const allDay = dto.allDay === '1';
  const startTime = allDay ? '00:00' : dto.startTime;
  const start = localDateTime(dto.startsOn, startTime);
  const end = allDay ? start?.plus({ days: 1 }) : localDateTime(dto.startsOn, dto.endTime);
  if (!start)
    errors.startTime = 'Dat uur bestaat niet op die dag (de klok verspringt). Kies een ander uur.';
  else if (!end || end <= start) errors.endTime = 'Het einduur moet na het beginuur liggen.';
  const schedule = dto.schedule as (typeof SCHEDULES)[number];
  const rule = schedule === 'once' ? null : ruleFor(schedule, dto.startsOn);
  if (rule && ruleProblem(rule)) errors.schedule = 'Kies hoe vaak de activiteit plaatsvindt.';
  const endsOn = schedule === 'once' || dto.endsOn === '' ? null : dto.endsOn;
  if (endsOn && endsOn < dto.startsOn)
    errors.endsOn = 'De laatste datum moet na de eerste liggen, of laat het veld leeg.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const costCents = dto.cost === '' ? 0 : Math.round(Number(dto.cost.replace(',', '.')) * 100);
  return {
    ok: true,
    status: dto.status ? (dto.status as ActivityStatus) : null,
    input: {
      title: dto.title,
      slug: dto.slug || null,
      description: dto.description,
      category: dto.category as CalendarCategory,
      audiences,
      online,
      venueName: online ? '' : dto.venueName,
      venueAddress: online ? '' : dto.venueAddress,
      onlineUrl: online ? dto.onlineUrl : '',
      stepFree: !online && dto.stepFree === '1',
      accessibleToilet: !online && dto.accessibleToilet === '1',
      parking: !online && dto.parking === '1',
      organisationId: dto.organisationId || null,
      organiserName: dto.organisationId ? '' : dto.organiserName,
      organiserContact: dto.organiserContact,
      organiserWebsite: dto.organiserWebsite,
      costCents,
      registration,
      registrationDetail: registration === 'none' ? '' : detail,
      recurrenceRule: rule,
      startsOn: dto.startsOn,
      endsOn,
      allDay,
      startTime,
      durationMinutes: allDay
        ? 24 * 60
        : Math.round((end!.toMillis() - start!.toMillis()) / 60_000),
    },
  };
}

function scheduleOf(rule: string | null): (typeof SCHEDULES)[number] {
  if (!rule) return 'once';
  if (rule.startsWith('FREQ=MONTHLY')) return 'monthly';
  return rule.includes('INTERVAL=2') ? 'biweekly' : 'weekly';
}

/** A new activity's values: one date, for caregivers, at a venue, no registration needed. */
export function newActivityValues(): Record<string, string> {
  return {
    where: 'venue',
    schedule: 'once',
    registration: 'none',
    startTime: '14:00',
    endTime: '16:00',
    status: 'published',
    audienceCaregiver: '1',
  };
}

/** A stored activity as the form's values. */
export function activityValues(activity: Activity): Record<string, unknown> {
  const [h, m] = activity.startTime.split(':').map(Number);
  const end = h * 60 + m + activity.durationMinutes;
  const flag = (on: boolean) => (on ? '1' : undefined);
  return {
    title: activity.title,
    slug: activity.slug,
    description: activity.description,
    category: activity.category,
    ...audienceValues(activity.audiences),
    where: activity.online ? 'online' : 'venue',
    venueName: activity.venueName,
    venueAddress: activity.venueAddress,
    onlineUrl: activity.onlineUrl,
    stepFree: flag(activity.stepFree),
    accessibleToilet: flag(activity.accessibleToilet),
    parking: flag(activity.parking),
    organisationId: activity.organisationId ?? '',
    organiserName: activity.organiserName,
    organiserContact: activity.organiserContact,
    organiserWebsite: activity.organiserWebsite,
    cost: activity.costCents === 0 ? '' : euro(activity.costCents),
    registration: activity.registration,
    registrationDetail: activity.registrationDetail,
    schedule: scheduleOf(activity.recurrenceRule),
    startsOn: activity.startsOn,
    endsOn: activity.endsOn ?? '',
    ...(activity.allDay ? { allDay: '1' } : {}),
    startTime: activity.allDay ? '' : activity.startTime,
    endTime: activity.allDay
      ? ''
      : `${String(Math.floor(end / 60) % 24).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
    status: ADMIN_STATUSES.includes(activity.status as (typeof ADMIN_STATUSES)[number])
      ? activity.status
      : 'published',
  };
}

/** "2,50" */
export function euro(cents: number): string {
  return (cents / 100).toFixed(2).replace('.', ',').replace(/,00$/, '');
}

/** The form's choices, marked as in `values`; `organisations`: the hub's directory. */
export function activityFormOptions(
  values: Record<string, unknown>,
  organisations: { id: string; name: string }[],
  admin: boolean,
) {
  const chosen = (field: string, value: string) => typed(values, field) === value;
  return {
    categories: CALENDAR_CATEGORIES.map((c) => ({
      value: c.key,
      label: c.label,
      selected: chosen('category', c.key),
    })),
    audiences: audienceOptions(values),
    places: ['venue', 'online'].map((value) => ({
      value,
      label: t(`activities.form.where.${value}`),
      checked: chosen('where', value),
    })),
    flags: (['stepFree', 'accessibleToilet', 'parking'] as const).map((name) => ({
      name,
      label: t(`activities.form.${name}`),
      checked: typed(values, name) === '1',
    })),
    organisations: organisations.map((o) => ({
      value: o.id,
      label: o.name,
      selected: chosen('organisationId', o.id),
    })),
    registrations: REGISTRATION_KINDS.map((value) => ({
      value,
      label: t(`activities.form.registration.${value}`),
      checked: chosen('registration', value),
    })),
    schedules: SCHEDULES.map((value) => ({
      value,
      label: t(`activities.form.schedule.${value}`),
      checked: chosen('schedule', value),
    })),
    statuses: admin
      ? ADMIN_STATUSES.map((value) => ({
          value,
          label: t(`activities.status.${value}`),
          hint: t(`activities.form.status.${value}.hint`),
          checked: chosen('status', value),
        }))
      : [],
  };
}
