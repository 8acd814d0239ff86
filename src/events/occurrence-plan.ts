import type { Occurrence } from './recurrence';

/** What the planner needs to know about a stored future occurrence (a meeting, an activity date). */
export interface ExistingOccurrence {
  id: string;
  /** The rule's occurrence it was made for; null for one added by hand. */
  occurrenceAt: Date | null;
  generatedFromRule: boolean;
  /** Someone changed it, cancelled it or signed up to it: it is no longer the rule's to remove. */
  touched: boolean;
}

export interface OccurrencePlan {
  create: Occurrence[];
  /** Untouched generated occurrences the rule no longer produces. */
  remove: string[];
}

/**
 * Brings the stored future occurrences in line with the rule: every occurrence gets a row, and a
 * generated row the rule no longer produces is removed only when nobody touched it. Touched rows
 * always stay, and their occurrence counts as served, so a moved one is not generated again.
 */
export function planOccurrences(
  expected: Occurrence[],
  existing: ExistingOccurrence[],
): OccurrencePlan {
  const wanted = new Set(expected.map((o) => o.startsAt.getTime()));
  const remove: string[] = [];
  const served = new Set<number>();
  for (const row of existing) {
    const occurrence = row.occurrenceAt?.getTime();
    const untouched = row.generatedFromRule && !row.touched;
    if (untouched && (occurrence === undefined || !wanted.has(occurrence))) {
      remove.push(row.id);
      continue;
    }
    if (occurrence !== undefined) served.add(occurrence);
  }
  const create = expected.filter((o) => !served.has(o.startsAt.getTime()));
  return { create, remove };
}
