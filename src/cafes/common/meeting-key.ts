/**
 * A meeting's URL key (`/cafes/<slug>/<key>`): its local date, unique within the café.
 */

/** A meeting's URL key: its local date, with `-2`, `-3`, ... when the café already has one that day. */
export function meetingKey(localDate: string, taken: ReadonlySet<string>): string {
  if (!taken.has(localDate)) return localDate;
  for (let n = 2; ; n++) if (!taken.has(`${localDate}-${n}`)) return `${localDate}-${n}`;
}

/** Keys look like `2026-12-01` or `2026-12-01-2`. */
export const MEETING_KEY = /^\d{4}-\d{2}-\d{2}(-[2-9]|-[1-9]\d)?$/;
