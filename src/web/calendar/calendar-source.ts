import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import type { Audience } from '../surfaces/audience';
import type { Viewer } from '../surfaces/viewer';

/** What kind of thing an item in the calendar is (the filter "Soort activiteit"). */
export const CALENDAR_CATEGORIES = [
  { key: 'ontspanning', label: 'Ontspanning' },
  { key: 'info-en-vorming', label: 'Info en vorming' },
  { key: 'lotgenotencontact', label: 'Lotgenotencontact' },
  { key: 'respijtzorg', label: 'Respijtzorg' },
  { key: 'praktische-hulp', label: 'Praktische hulp' },
  { key: 'beweging', label: 'Beweging' },
  { key: 'uitstap', label: 'Uitstap' },
] as const;

export type CalendarCategory = (typeof CALENDAR_CATEGORIES)[number]['key'];

/** One thing on the calendar: a café meeting, a course session, an activity. */
export interface CalendarEntry {
  /** The kind of item and its id: with the platform's domain, its UID in every .ics. */
  kind: string;
  id: string;
  title: string;
  /** What it belongs to, shown under the title ("Mantelzorgcafé De Kouter"); may be empty. */
  context: string;
  startsAt: Date;
  endsAt: Date;
  /** A whole day (or days): no hours shown. */
  allDay: boolean;
  /** The venue and address, or "Online"; empty when not known. */
  place: string;
  /** Its own page on this hub (a path). */
  url: string;
  category: CalendarCategory;
  audiences: readonly Audience[];
  /** It was planned but does not take place. */
  cancelled: boolean;
  /** The item's change counter and last change: SEQUENCE and DTSTAMP in the feed. */
  sequence: number;
  updatedAt: Date;
}

/** The instants [from, to) a calendar page covers. */
export interface CalendarRange {
  from: Date;
  to: Date;
}

/**
 * A feature's part of the calendar: its items that start in `range`, as `viewer` may see them
 * (null: anonymous, and every public output). Runs inside the page's one tenant transaction.
 */
export interface CalendarSource {
  entries(
    em: EntityManager,
    tenantId: TenantId,
    viewer: Viewer | null,
    range: CalendarRange,
  ): Promise<CalendarEntry[]>;
}

/**
 * On a provider implementing CalendarSource, in the feature's own module:
 * `@CalendarSourceOf({ kind: 'meeting' })` (the kind of its entries).
 */
export const CalendarSourceOf = DiscoveryService.createDecorator<{ kind: string }>();

export function isCalendarCategory(value: unknown): value is CalendarCategory {
  return CALENDAR_CATEGORIES.some((c) => c.key === value);
}

export function categoryLabel(key: CalendarCategory): string {
  return CALENDAR_CATEGORIES.find((c) => c.key === key)!.label;
}
