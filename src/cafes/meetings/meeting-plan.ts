import type { Occurrence } from '../common/recurrence';

/** What the planner needs to know about a future meeting of the café. */
export interface ExistingMeeting {
  id: string;
  occurrenceAt: Date | null;
  generatedFromRule: boolean;
  edited: boolean;
  status: 'scheduled' | 'cancelled';
  /** Sign-ups that are not cancelled. */
  activeSignups: number;
}

export interface MeetingPlan {
  create: Occurrence[];
  /** Untouched generated meetings the rule no longer produces. */
  remove: string[];
}

/**
 * Brings a café's future meetings in line with its rule: every occurrence gets a meeting, and a
 * generated meeting the rule no longer produces is removed only when nobody touched it (not
 * edited, not cancelled, no sign-ups). Touched meetings always stay, and their occurrence counts
 * as served, so a moved meeting is not generated a second time.
 */
export function planMeetings(expected: Occurrence[], existing: ExistingMeeting[]): MeetingPlan {
  const wanted = new Set(expected.map((o) => o.startsAt.getTime()));
  const remove: string[] = [];
  const served = new Set<number>();
  for (const m of existing) {
    const occurrence = m.occurrenceAt?.getTime();
    const untouched =
      m.generatedFromRule && !m.edited && m.status === 'scheduled' && m.activeSignups === 0;
    if (untouched && (occurrence === undefined || !wanted.has(occurrence))) {
      remove.push(m.id);
      continue;
    }
    if (occurrence !== undefined) served.add(occurrence);
  }
  const create = expected.filter((o) => !served.has(o.startsAt.getTime()));
  return { create, remove };
}
