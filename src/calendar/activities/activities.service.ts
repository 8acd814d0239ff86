import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { slugify } from '../../common/slugify';
import { isUuid } from '../../common/uuid';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { planOccurrences } from '../../events/occurrence-plan';
import { Activity, type ActivityStatus } from '../common/entities/activity.entity';
import { ActivityOccurrence } from '../common/entities/activity-occurrence.entity';
import type { CalendarRange } from '../../web/calendar/calendar-source';
import { ActivitiesCalendarSource } from './activities.calendar-source';
import { expectedDates } from './activity-dates';
import type { Organiser } from './activity-pages';

/**
 * What an admin or a professional sets on an activity (activity-form.ts checked it); `slug`
 * null: a free one is made from the title.
 */
export type ActivityInput = Omit<
  Activity,
  | 'tenantId'
  | 'id'
  | 'slug'
  | 'status'
  | 'reviewComment'
  | 'submittedBy'
  | 'createdAt'
  | 'updatedAt'
> & { slug: string | null };

/** Words that cannot be an activity's address: they are pages under /kalender of their own. */
export const RESERVED_SLUGS = new Set(['widget', 'voorstellen', 'beheer', 'nieuw', 'maand']);

export type SaveResult =
  | { ok: true; activity: Activity }
  | { ok: false; reason: 'slug-taken' | 'organisation' | 'not-found' };

/** An activity in an admin's or a professional's list, with its next date. */
export interface ActivitySummary {
  id: string;
  title: string;
  slug: string;
  status: ActivityStatus;
  recurring: boolean;
  nextAt: Date | null;
  submittedBy: string | null;
}

/** One date of an activity as its pages show it. */
export interface OccurrenceRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
}

/**
 * The calendar's own activities: saving them (with their dates made six months ahead from the
 * rule, as the cafés' meetings are: src/events), the lists, and the daily horizon.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
    private readonly source: ActivitiesCalendarSource,
  ) {}

  /** One published activity's dates in `range` as an anonymous visitor sees them (its .ics). */
  publicEntries(tenantId: TenantId, activityId: string, range: CalendarRange) {
    return this.tx.run(tenantId, (em) =>
      this.source.ofActivity(em, tenantId, null, range, activityId),
    );
  }

  list(tenantId: TenantId, submittedBy: string | null = null): Promise<ActivitySummary[]> {
    return this.tx.run(tenantId, (em) =>
      em.query<ActivitySummary[]>(
        `select a.id, a.title, a.slug, a.status, a.recurrence_rule is not null as recurring,
                a.submitted_by as "submittedBy",
                (select min(o.starts_at) from activity_occurrences o
                  where o.tenant_id = a.tenant_id and o.activity_id = a.id
                    and o.starts_at > $3 and o.status = 'scheduled') as "nextAt"
           from activities a
          where a.tenant_id = $1 and ($2::uuid is null or a.submitted_by = $2)
          order by case a.status when 'submitted' then 0 when 'published' then 1 when 'returned' then 2
                                 when 'draft' then 3 else 4 end, a.title`,
        [tenantId, submittedBy, this.clock.now()],
      ),
    );
  }

  find(tenantId: TenantId, id: string): Promise<Activity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.tx.run(tenantId, (em) => em.getRepository(Activity).findOneBy({ tenantId, id }));
  }

  findBySlug(tenantId: TenantId, slug: string): Promise<Activity | null> {
    return this.tx.run(tenantId, (em) => em.getRepository(Activity).findOneBy({ tenantId, slug }));
  }

  /** Its dates from `from` on (the public page: the coming ones; the admin's: with cancelled ones). */
  occurrences(tenantId: TenantId, activityId: string, limit: number): Promise<OccurrenceRow[]> {
    return this.tx.run(tenantId, (em) =>
      em.query<OccurrenceRow[]>(
        `select id, starts_at as "startsAt", ends_at as "endsAt", status from activity_occurrences
          where tenant_id = $1 and activity_id = $2 and ends_at > $3
          order by starts_at limit $4`,
        [tenantId, activityId, this.clock.now(), limit],
      ),
    );
  }

  /** The hub's directory (/hulp-in-de-buurt), for the form's "Organisator" list. */
  organisations(tenantId: TenantId): Promise<{ id: string; name: string }[]> {
    return this.tx.run(tenantId, (em) =>
      em.query<{ id: string; name: string }[]>(
        'select id, name from care_organisations where tenant_id = $1 order by name',
        [tenantId],
      ),
    );
  }

  /** Who organises it: the directory's organisation (name, phone or e-mail, site), or the typed one. */
  async organiserOf(tenantId: TenantId, activity: Activity): Promise<Organiser> {
    const typedOrganiser: Organiser = {
      name: activity.organiserName,
      contact: activity.organiserContact,
      website: activity.organiserWebsite,
      href: null,
    };
    if (!activity.organisationId) return typedOrganiser;
    const [org] = await this.tx.run(tenantId, (em) =>
      em.query<{ name: string; phone: string; email: string; website: string }[]>(
        'select name, phone, email, website from care_organisations where tenant_id = $1 and id = $2',
        [tenantId, activity.organisationId],
      ),
    );
    if (!org) return typedOrganiser;
    return {
      name: org.name,
      contact:
        activity.organiserContact || [org.phone, org.email].filter((x) => x !== '').join(', '),
      website: activity.organiserWebsite || org.website,
      href: `/hulp-in-de-buurt/${activity.organisationId}`,
    };
  }

  /** The name of the professional who proposed it, for the reviewing admin. */
  async submitterName(tenantId: TenantId, membershipId: string | null): Promise<string | null> {
    if (!membershipId) return null;
    const [row] = await this.tx.run(tenantId, (em) =>
      em.query<{ name: string }[]>(
        'select display_name as name from memberships where tenant_id = $1 and id = $2',
        [tenantId, membershipId],
      ),
    );
    return row?.name ?? null;
  }

  /**
   * A new activity with its dates. `submittedBy`: the professional who proposed it (status
   * `submitted`), or null for an admin's own.
   */
  create(
    tenantId: TenantId,
    input: ActivityInput,
    status: ActivityStatus,
    submittedBy: string | null,
  ): Promise<SaveResult> {
    return this.tx.run(tenantId, async (em) => {
      await this.lockSlugs(em, tenantId);
      const slug = input.slug ?? (await this.freeSlug(em, tenantId, input.title, null));
      const problem = await this.refused(em, tenantId, { ...input, slug }, null);
      if (problem) return { ok: false, reason: problem };
      const result = await em
        .getRepository(Activity)
        .createQueryBuilder()
        .insert()
        .values({ ...input, slug, tenantId, status, submittedBy })
        .execute();
      const id = (result.identifiers[0] as { id: string }).id;
      const activity = await em.getRepository(Activity).findOneByOrFail({ tenantId, id });
      await this.sync(em, tenantId, activity);
      return { ok: true, activity };
    });
  }

  /** Saves a changed activity (and a new status); its dates follow, every future one's SEQUENCE grows. */
  update(
    tenantId: TenantId,
    id: string,
    input: ActivityInput,
    status: ActivityStatus,
  ): Promise<SaveResult> {
    return this.tx.run(tenantId, async (em) => {
      await this.lockSlugs(em, tenantId);
      const slug = input.slug ?? (await this.freeSlug(em, tenantId, input.title, id));
      const problem = await this.refused(em, tenantId, { ...input, slug }, id);
      if (problem) return { ok: false, reason: problem };
      const result = await em
        .getRepository(Activity)
        .update({ tenantId, id }, { ...input, slug, status });
      if (!result.affected) return { ok: false, reason: 'not-found' };
      const activity = await em.getRepository(Activity).findOneByOrFail({ tenantId, id });
      await em.query(
        `update activity_occurrences set sequence = sequence + 1
          where tenant_id = $1 and activity_id = $2 and starts_at > $3`,
        [tenantId, id, this.clock.now()],
      );
      await this.sync(em, tenantId, activity);
      return { ok: true, activity };
    });
  }

  /**
   * Moves a professional's proposal on (published or returned with the comment): only from
   * `submitted`, so two admins reviewing at once act once. Runs in the caller's transaction,
   * which also writes the mail.
   */
  async review(
    em: EntityManager,
    tenantId: TenantId,
    id: string,
    status: 'published' | 'returned',
    comment: string,
  ): Promise<Activity | null> {
    const result = await em
      .getRepository(Activity)
      .update({ tenantId, id, status: 'submitted' }, { status, reviewComment: comment });
    if (!result.affected) return null;
    return em.getRepository(Activity).findOneByOrFail({ tenantId, id });
  }

  /** Cancels one date (or takes it back): it becomes the admin's, so the rule leaves it alone. */
  setOccurrenceStatus(
    tenantId: TenantId,
    activityId: string,
    occurrenceId: string,
    status: 'scheduled' | 'cancelled',
  ): Promise<boolean> {
    if (!isUuid(occurrenceId)) return Promise.resolve(false);
    return this.tx.run(tenantId, async (em) => {
      const result = await em
        .getRepository(ActivityOccurrence)
        .update(
          { tenantId, activityId, id: occurrenceId },
          { status, edited: true, sequence: () => 'sequence + 1' },
        );
      return Boolean(result.affected);
    });
  }

  /** The daily job: every activity of one municipality with its dates six months ahead. */
  fillHorizon(tenantId: TenantId, now = this.clock.now()): Promise<{ created: number }> {
    return this.tx.run(tenantId, async (em) => {
      const activities = await em
        .getRepository(Activity)
        .find({ where: { tenantId }, order: { id: 'ASC' } });
      let created = 0;
      for (const activity of activities) created += await this.sync(em, tenantId, activity, now);
      return { created };
    });
  }

  /**
   * Brings the activity's future dates in line with its rule or its one date: what is missing
   * is made, an untouched generated date the rule no longer makes is removed (a cancelled one
   * stays, so people see it is off), and the untouched ones take the rule's duration. An
   * archived activity keeps only its touched dates. Serialised per activity by a row lock.
   */
  private async sync(
    em: EntityManager,
    tenantId: TenantId,
    activity: Activity,
    now = this.clock.now(),
  ): Promise<number> {
    await em.query('select 1 from activities where tenant_id = $1 and id = $2 for update', [
      tenantId,
      activity.id,
    ]);
    const expected = activity.status === 'archived' ? [] : expectedDates(activity, now);
    const future = await em.query<
      { id: string; occurrenceAt: Date | null; generatedFromRule: boolean; touched: boolean }[]
    >(
      `select id, occurrence_at as "occurrenceAt", generated_from_rule as "generatedFromRule",
              (edited or status <> 'scheduled') as touched
         from activity_occurrences where tenant_id = $1 and activity_id = $2 and starts_at > $3`,
      [tenantId, activity.id, now],
    );
    const plan = planOccurrences(expected, future);
    if (plan.remove.length > 0)
      await em.query(
        `delete from activity_occurrences where tenant_id = $1 and id = any($2::uuid[])
            and not edited and status = 'scheduled'`,
        [tenantId, plan.remove],
      );
    // A whole day ends at the next local midnight (23 or 25 hours when the clocks change).
    await em.query(
      `update activity_occurrences o set ends_at = e.ends_at
         from (select id, case when $5 then ((starts_at at time zone 'Europe/Brussels')::date + 1)::timestamp
                                            at time zone 'Europe/Brussels'
                               else starts_at + make_interval(mins => $3) end as ends_at
                 from activity_occurrences
                where tenant_id = $1 and activity_id = $2 and starts_at > $4 and not edited) e
        where o.tenant_id = $1 and o.id = e.id and o.ends_at <> e.ends_at`,
      [tenantId, activity.id, activity.durationMinutes, now, activity.allDay],
    );
    if (plan.create.length > 0)
      await em
        .getRepository(ActivityOccurrence)
        .createQueryBuilder()
        .insert()
        .values(
          plan.create.map((o) => ({
            tenantId,
            activityId: activity.id,
            startsAt: o.startsAt,
            endsAt: o.endsAt,
            occurrenceAt: o.startsAt,
          })),
        )
        .execute();
    return plan.create.length;
  }

  /**
   * One save of the hub's activities at a time until commit: two saves of the same title would
   * otherwise both find its address free (and one would hit the unique index).
   */
  private async lockSlugs(em: EntityManager, tenantId: TenantId): Promise<void> {
    await em.query(`select pg_advisory_xact_lock(hashtext('activity-slug'), hashtext($1))`, [
      tenantId,
    ]);
  }

  /** The title's address, with -2, -3, ... when another activity has it. */
  private async freeSlug(
    em: EntityManager,
    tenantId: TenantId,
    title: string,
    id: string | null,
  ): Promise<string> {
    const base = slugFromTitle(title);
    const rows = await em.query<{ slug: string }[]>(
      `select slug from activities where tenant_id = $1 and ($3::uuid is null or id <> $3)
          and (slug = $2 or starts_with(slug, $2 || '-'))`,
      [tenantId, base, id],
    );
    const taken = new Set(rows.map((r) => r.slug));
    let slug = RESERVED_SLUGS.has(base) ? `${base}-2` : base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  /** Why the input cannot be saved: its address is taken, or its organisation is not in the directory. */
  private async refused(
    em: EntityManager,
    tenantId: TenantId,
    input: ActivityInput & { slug: string },
    id: string | null,
  ): Promise<'slug-taken' | 'organisation' | null> {
    const [taken] = await em.query<unknown[]>(
      `select 1 from activities where tenant_id = $1 and slug = $2 and ($3::uuid is null or id <> $3)`,
      [tenantId, input.slug, id],
    );
    if (taken) return 'slug-taken';
    if (input.organisationId) {
      const [known] = await em.query<unknown[]>(
        'select 1 from care_organisations where tenant_id = $1 and id = $2',
        [tenantId, input.organisationId],
      );
      if (!known) return 'organisation';
    }
    return null;
  }
}

/** The address a title gives: "wandeling-langs-de-schelde". */
export function slugFromTitle(title: string): string {
  return slugify(title, 70, 'activiteit');
}
