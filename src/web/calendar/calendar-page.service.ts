import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DateTime } from 'luxon';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { LOCAL_ZONE } from '../../common/dates';
import { asTenantId, type TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { t } from '../../i18n/i18n';
import { visibleAudiences } from '../surfaces/audience';
import type { Tenant } from '../../tenancy/entities/tenant.entity';
import type { Viewer } from '../surfaces/viewer';
import { calendarFeed, feedRange } from './calendar-feed';
import {
  calendarHref,
  PERIODS,
  rangeOf,
  readCalendarQuery,
  type CalendarQuery,
} from './calendar-query';
import {
  CALENDAR_CATEGORIES,
  CalendarSourceOf,
  categoryLabel,
  type CalendarEntry,
  type CalendarRange,
  type CalendarSource,
} from './calendar-source';

/** An item as the list and the month show it. */
export interface EntryView {
  title: string;
  context: string;
  /** "14.00 – 16.00 uur", or "De hele dag". */
  time: string;
  /** "14.00" (the month's cells), empty for a whole day. */
  startTime: string;
  place: string;
  url: string;
  category: string;
  cancelled: boolean;
}

/** The widget shows the next this many items, within this many months. */
const WIDGET_ITEMS = 6;
const WIDGET_MONTHS = 3;

const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

/**
 * The calendar (`/kalender`): every feature's items (CalendarSourceOf) in one tenant transaction,
 * filtered, as a list by day or a month table. The surface knows no feature: each source says
 * what its items are and who may see them.
 */
@Injectable()
export class CalendarPageService implements OnModuleInit {
  private sources: CalendarSource[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sources = this.discovery
      .getProviders({ metadataKey: CalendarSourceOf.KEY })
      .filter((wrapper) => wrapper.instance)
      .map((wrapper) => wrapper.instance as CalendarSource);
  }

  /** Every source's items in `range` that `viewer` may see, by start (one transaction). */
  entries(tenantId: TenantId, viewer: Viewer | null, range: CalendarRange) {
    return this.tx.run(tenantId, async (em) => {
      const all: CalendarEntry[] = [];
      // One after the other: they share the transaction's one connection.
      for (const source of this.sources)
        all.push(...(await source.entries(em, tenantId, viewer, range)));
      return all.sort(
        (a, b) =>
          a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title, 'nl'),
      );
    });
  }

  /**
   * `/kalender.ics`: the public feed, always as an anonymous visitor sees the calendar (never an
   * item for professionals or staff, whoever fetches it), the kind filter as on the page.
   */
  async feed(tenant: Tenant, rawQuery: Record<string, unknown>): Promise<string> {
    const now = this.clock.now();
    const query = readCalendarQuery(rawQuery, now);
    const entries = filtered(
      await this.entries(asTenantId(tenant.id), null, feedRange(now)),
      query,
    );
    return calendarFeed(entries, {
      name: tenant.name,
      origin: this.config.originFor(tenant.slug),
      domain: this.config.BASE_DOMAIN,
    });
  }

  /**
   * `/kalender/widget`: the next items, as anyone may see them (never an item for professionals
   * or staff), with absolute links: it is shown in a frame on another site.
   */
  async widget(tenant: Tenant) {
    const now = this.clock.now();
    const origin = this.config.originFor(tenant.slug);
    const entries = await this.entries(asTenantId(tenant.id), null, {
      from: now,
      to: DateTime.fromJSDate(now).plus({ months: WIDGET_MONTHS }).toJSDate(),
    });
    return {
      title: 'Binnenkort voor mantelzorgers',
      entries: entries.slice(0, WIDGET_ITEMS).map((entry) => ({
        ...entryView(entry),
        day: DateTime.fromJSDate(entry.startsAt, { zone: LOCAL_ZONE })
          .setLocale('nl-BE')
          .toFormat('cccc d LLLL'),
        href: `${origin}${entry.url}`,
      })),
      calendarHref: `${origin}/kalender`,
    };
  }

  async page(tenant: Tenant, viewer: Viewer | null, rawQuery: Record<string, unknown>) {
    const tenantId = asTenantId(tenant.id);
    const now = this.clock.now();
    const query = readCalendarQuery(rawQuery, now);
    const range = rangeOf(query, now);
    const entries = filtered(await this.entries(tenantId, viewer, range), query);
    // The feed with the page's kind filter: to subscribe to in one's own calendar app.
    const feed = `${this.config.originFor(tenant.slug)}/kalender.ics${query.category ? `?categorie=${query.category}` : ''}`;
    const today = DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).toISODate()!;
    return {
      title: query.view === 'maand' ? `Kalender: ${monthName(query.month)}` : 'Kalender',
      query,
      filters: this.filters(query, viewer),
      views: [
        {
          label: 'Lijst per dag',
          href: calendarHref(query, { weergave: null, maand: null }),
          current: query.view === 'lijst',
        },
        {
          label: 'Maand',
          href: calendarHref(query, { weergave: 'maand', periode: null }),
          current: query.view === 'maand',
        },
      ],
      periods:
        query.view === 'lijst'
          ? [
              {
                label: 'Komende vier weken',
                href: calendarHref(query, { periode: null }),
                current: query.period === null,
              },
              ...PERIODS.map((p) => ({
                label: p.label,
                href: calendarHref(query, { periode: p.key }),
                current: query.period === p.key,
              })),
            ]
          : null,
      days: query.view === 'lijst' ? byDay(entries, today) : null,
      month: query.view === 'maand' ? monthTable(query, entries, today) : null,
      subscribe: { https: feed, webcal: feed.replace(/^https?:/, 'webcal:') },
      filtered: query.category !== null || query.audience !== null,
      clearHref: calendarHref(query, { categorie: null, doelgroep: null }),
    };
  }

  private filters(query: CalendarQuery, viewer: Viewer | null) {
    const audiences = visibleAudiences(viewer);
    return {
      hidden:
        query.view === 'maand'
          ? [
              { name: 'weergave', value: 'maand' },
              { name: 'maand', value: query.month.toFormat('yyyy-MM') },
            ]
          : query.period
            ? [{ name: 'periode', value: query.period }]
            : [],
      categories: CALENDAR_CATEGORIES.map((c) => ({ ...c, selected: c.key === query.category })),
      // Someone who sees only caregivers' items has nothing to choose.
      audiences:
        audiences.length > 1
          ? audiences.map((key) => ({
              key,
              label: t(`audience.${key}`),
              selected: key === query.audience,
            }))
          : null,
    };
  }
}

/** The entries of the query's kind and audience. */
function filtered(entries: CalendarEntry[], query: CalendarQuery): CalendarEntry[] {
  return entries.filter(
    (entry) =>
      (!query.category || entry.category === query.category) &&
      (!query.audience || entry.audiences.includes(query.audience)),
  );
}

function entryView(entry: CalendarEntry): EntryView {
  const start = DateTime.fromJSDate(entry.startsAt, { zone: LOCAL_ZONE });
  const end = DateTime.fromJSDate(entry.endsAt, { zone: LOCAL_ZONE });
  return {
    title: entry.title,
    context: entry.context,
    time: entry.allDay
      ? 'De hele dag'
      : `${start.toFormat('HH.mm')} – ${end.toFormat('HH.mm')} uur`,
    startTime: entry.allDay ? '' : start.toFormat('HH.mm'),
    place: entry.place,
    url: entry.url,
    category: categoryLabel(entry.category),
    cancelled: entry.cancelled,
  };
}

const localDay = (at: Date) => DateTime.fromJSDate(at, { zone: LOCAL_ZONE }).toISODate()!;
const monthName = (month: DateTime) => month.setLocale('nl-BE').toFormat('LLLL yyyy');

/** The entries' views by their local start day (`2027-05-12`), in the entries' order. */
function viewsByDay(entries: CalendarEntry[]): Map<string, EntryView[]> {
  const days = new Map<string, EntryView[]>();
  for (const entry of entries) {
    const day = localDay(entry.startsAt);
    days.set(day, [...(days.get(day) ?? []), entryView(entry)]);
  }
  return days;
}

/** The list: one heading per day that has items, in order. */
function byDay(entries: CalendarEntry[], today: string) {
  return [...viewsByDay(entries).entries()].map(([day, views]) => ({
    heading: DateTime.fromISO(day, { zone: LOCAL_ZONE })
      .setLocale('nl-BE')
      .toFormat('cccc d LLLL yyyy'),
    today: day === today,
    entries: views,
  }));
}

/** The month as weeks of seven days (Monday first), each day with its items. */
function monthTable(query: CalendarQuery, entries: CalendarEntry[], today: string) {
  const first = query.month;
  const byDate = viewsByDay(entries);
  const weeks: { days: unknown[] }[] = [];
  for (
    let monday = first.startOf('week');
    monday < first.plus({ months: 1 });
    monday = monday.plus({ weeks: 1 })
  ) {
    const days = [];
    for (let i = 0; i < 7; i++) {
      const day = monday.plus({ days: i });
      const iso = day.toISODate()!;
      const inMonth = day.month === first.month;
      days.push({
        number: day.day,
        inMonth,
        today: iso === today,
        label: day.setLocale('nl-BE').toFormat('cccc d LLLL'),
        entries: inMonth ? (byDate.get(iso) ?? []) : [],
      });
    }
    weeks.push({ days });
  }
  return {
    caption: monthName(first),
    weekdays: WEEKDAYS,
    weeks,
    previous: {
      label: monthName(first.minus({ months: 1 })),
      href: calendarHref(query, { maand: first.minus({ months: 1 }).toFormat('yyyy-MM') }),
    },
    next: {
      label: monthName(first.plus({ months: 1 })),
      href: calendarHref(query, { maand: first.plus({ months: 1 }).toFormat('yyyy-MM') }),
    },
    empty: entries.length === 0,
  };
}
