import type { EntityManager } from 'typeorm';
import { promoteInOrder, releasePlace, takePlace, type CapacityStore } from './capacity';

/** A toy module: one event with places, entries in memory, every call recorded. */
interface ToyEvent {
  id: string;
  capacity: number;
  open: boolean;
}
interface ToyEntry {
  id: string;
  places: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
}

function toyStore(capacity: number, open = true) {
  const event: ToyEvent = { id: 'e1', capacity, open };
  const entries: ToyEntry[] = [];
  const calls: string[] = [];
  const store: CapacityStore<ToyEvent, ToyEntry> = {
    lockEvent: async (_em, id) => {
      calls.push(`lock ${id}`);
      return id === event.id ? event : null;
    },
    capacityOf: (e) => e.capacity,
    placesTaken: async () =>
      entries.filter((x) => x.status === 'confirmed').reduce((n, x) => n + x.places, 0),
    waitlist: async () => entries.filter((x) => x.status === 'waitlisted'),
    confirm: async (_em, _e, entry) => {
      calls.push(`confirm ${entry.id}`);
      entries.find((x) => x.id === entry.id)!.status = 'confirmed';
    },
    promotes: (e) => e.open,
  };
  const em = {} as EntityManager;
  const join = (id: string, places: number, refusal: 'full-stop' | null = null) =>
    takePlace(em, store, event.id, {
      places,
      refuse: async () => refusal,
      write: async (_e, status) => {
        entries.push({ id, places, status });
        return id;
      },
    });
  const leave = (id: string) =>
    releasePlace(em, store, event.id, async () => {
      const entry = entries.find((x) => x.id === id)!;
      if (entry.status === 'cancelled') return { ok: false, reason: 'already' as const };
      const freed = entry.status === 'confirmed';
      entry.status = 'cancelled';
      return { ok: true, freed, value: id };
    });
  const status = (id: string) => entries.find((x) => x.id === id)!.status;
  return { event, store, em, calls, join, leave, status };
}

describe('capacity and waitlist (the shared mechanism)', () => {
  it('locks the event first, confirms while the party fits and waitlists once it does not', async () => {
    const toy = toyStore(4);
    expect(await toy.join('a', 3)).toMatchObject({ ok: true, status: 'confirmed', value: 'a' });
    expect(await toy.join('b', 2)).toMatchObject({ ok: true, status: 'waitlisted' });
    expect(await toy.join('c', 1)).toMatchObject({ ok: true, status: 'confirmed' });
    expect(await toy.join('d', 1)).toMatchObject({ ok: true, status: 'waitlisted' });
    expect(toy.calls).toEqual(['lock e1', 'lock e1', 'lock e1', 'lock e1']);
  });

  it('answers an unknown event with not-found and a refusal with its reason, writing nothing', async () => {
    const toy = toyStore(4);
    const missing = await takePlace(toy.em, toy.store, 'nope', {
      places: 1,
      refuse: async () => null,
      write: async () => 'written',
    });
    expect(missing).toEqual({ ok: false, reason: 'not-found' });
    expect(await toy.join('a', 1, 'full-stop')).toEqual({ ok: false, reason: 'full-stop' });
    expect(await toy.store.placesTaken(toy.em, toy.event)).toBe(0);
  });

  it('gives freed places in order to every party that fits; a bigger party ahead keeps its place', async () => {
    const toy = toyStore(4);
    await toy.join('x', 1);
    await toy.join('y', 3);
    await toy.join('big', 3); // waitlist 1
    await toy.join('small', 1); // waitlist 2
    await toy.join('late', 1); // waitlist 3
    expect(await toy.leave('x')).toMatchObject({ ok: true, promoted: 1, value: 'x' });
    expect([toy.status('big'), toy.status('small'), toy.status('late')]).toEqual([
      'waitlisted',
      'confirmed',
      'waitlisted',
    ]);
    // More places (a host raised the capacity): the first in line goes first.
    toy.event.capacity = 8;
    expect(await promoteInOrder(toy.em, toy.store, toy.event)).toBe(2);
    expect(toy.calls.filter((c) => c.startsWith('confirm'))).toEqual([
      'confirm small',
      'confirm big',
      'confirm late',
    ]);
    expect(await promoteInOrder(toy.em, toy.store, toy.event)).toBe(0);
  });

  it('moves nobody up when a waitlisted entry leaves, when the event no longer promotes, or on a refusal', async () => {
    const toy = toyStore(1);
    await toy.join('seated', 1);
    await toy.join('waiting', 1);
    await toy.join('also', 1);
    expect(await toy.leave('also')).toMatchObject({ ok: true, promoted: 0 });
    expect(await toy.leave('also')).toEqual({ ok: false, reason: 'already' });
    toy.event.open = false; // e.g. cancelled
    expect(await toy.leave('seated')).toMatchObject({ ok: true, promoted: 0 });
    expect(toy.status('waiting')).toBe('waitlisted');
  });
});
