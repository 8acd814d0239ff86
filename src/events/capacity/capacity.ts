import type { EntityManager } from 'typeorm';

/**
 * Capacity and waitlist, once for every module with places (café meetings, courses, the forum's
 * peer meetings): lock the event row, count the people, confirm or waitlist, and give freed places
 * to the waitlist in order. A module implements `CapacityStore` over its own tables; these
 * functions run inside the module's own transaction (tenant or platform scope, see EventScope),
 * so the change and its mail commit together. The "event" is whatever holds the places: a
 * meeting, or a course whose sessions share them.
 */

/** Whether a place was free: confirmed, or in line on the waitlist. */
export type PlaceStatus = 'confirmed' | 'waitlisted';

/** One entry of a waitlist. */
export interface WaitingEntry {
  readonly id: string;
  /** How many places it needs (a person and who comes along). */
  readonly places: number;
}

/** What a module provides over its own tables, bound to its scope (its tenant, or the platform). */
export interface CapacityStore<Event, Entry extends WaitingEntry> {
  /**
   * The event as stored, its row locked `FOR UPDATE` until the transaction ends (null: no such
   * event). Every change to its places starts here, so changes run one after the other.
   */
  lockEvent(em: EntityManager, eventId: string): Promise<Event | null>;
  /** Places the event has. */
  capacityOf(event: Event): number;
  /** Places taken by confirmed entries. */
  placesTaken(em: EntityManager, event: Event): Promise<number>;
  /** The waitlist, first in line first. */
  waitlist(em: EntityManager, event: Event): Promise<Entry[]>;
  /** Moves one entry from the waitlist to a confirmed place (and queues its mail). */
  confirm(em: EntityManager, event: Event, entry: Entry): Promise<void>;
  /** Whether freed places go to the waitlist now (not once the event is cancelled). */
  promotes(event: Event): boolean;
}

export type TakeResult<Event, Reason extends string, T> =
  | { ok: true; event: Event; status: PlaceStatus; value: T }
  | { ok: false; reason: Reason | 'not-found' };

/**
 * Asks for `places` places: locks the event, lets the module refuse (cancelled, begun, already
 * in), counts what is taken and has the module write the entry as confirmed when it fits, else
 * as waitlisted.
 */
export async function takePlace<Event, Entry extends WaitingEntry, Reason extends string, T>(
  em: EntityManager,
  store: CapacityStore<Event, Entry>,
  eventId: string,
  request: {
    places: number;
    refuse(event: Event): Promise<Reason | null>;
    write(event: Event, status: PlaceStatus): Promise<T>;
  },
): Promise<TakeResult<Event, Reason, T>> {
  const event = await store.lockEvent(em, eventId);
  if (!event) return { ok: false, reason: 'not-found' };
  const refused = await request.refuse(event);
  if (refused !== null) return { ok: false, reason: refused };
  const taken = await store.placesTaken(em, event);
  const status: PlaceStatus =
    taken + request.places <= store.capacityOf(event) ? 'confirmed' : 'waitlisted';
  return { ok: true, event, status, value: await request.write(event, status) };
}

export type ReleaseResult<Event, Reason extends string, T> =
  | { ok: true; event: Event; promoted: number; value: T }
  | { ok: false; reason: Reason | 'not-found' };

/**
 * Gives up an entry: locks the event, lets the module check and release it, and when that freed
 * confirmed places of an event that still promotes, moves the waitlist up in the same
 * transaction (a newcomer can never take a freed place first).
 */
export async function releasePlace<Event, Entry extends WaitingEntry, Reason extends string, T>(
  em: EntityManager,
  store: CapacityStore<Event, Entry>,
  eventId: string,
  release: (
    event: Event,
  ) => Promise<{ ok: false; reason: Reason } | { ok: true; freed: boolean; value: T }>,
): Promise<ReleaseResult<Event, Reason, T>> {
  const event = await store.lockEvent(em, eventId);
  if (!event) return { ok: false, reason: 'not-found' };
  const released = await release(event);
  if (!released.ok) return released;
  const promoted =
    released.freed && store.promotes(event) ? await promoteInOrder(em, store, event) : 0;
  return { ok: true, event, promoted, value: released.value };
}

/**
 * Gives free places to the waitlist, in order, to every entry that fits; an entry too big for
 * what is free keeps its place and the next one may move up. Returns how many moved up. The
 * caller holds the event's lock (`lockEvent`, or `takePlace`/`releasePlace`) and passes the row as
 * stored, in the same transaction as the change that freed the places (a cancellation, a host
 * raising the capacity).
 */
export async function promoteInOrder<Event, Entry extends WaitingEntry>(
  em: EntityManager,
  store: CapacityStore<Event, Entry>,
  event: Event,
): Promise<number> {
  let free = store.capacityOf(event) - (await store.placesTaken(em, event));
  if (free <= 0) return 0;
  let promoted = 0;
  for (const entry of await store.waitlist(em, event)) {
    if (free <= 0) break;
    if (entry.places > free) continue;
    await store.confirm(em, event, entry);
    free -= entry.places;
    promoted++;
  }
  return promoted;
}
