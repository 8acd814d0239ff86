/**
 * The outbox keys of course reminders, written once: a key is
 * `course-reminder:<sessionId>:<startsAt ISO>:<membershipId>:<offset>` (the reminder source
 * writes them). A moved session has a new start and so new keys; a moved or cancelled session
 * (or course) drops the pending ones of the session with `sessionReminderKeys` as the prefix.
 */
export function sessionReminderKeys(sessionId: string): string {
  return `course-reminder:${sessionId}:`;
}

/** The keys of a session's reminders for one start time. */
export function sessionStartReminderKeys(sessionId: string, startsAt: Date): string {
  return `${sessionReminderKeys(sessionId)}${startsAt.toISOString()}:`;
}
