import type { Refusal } from '../common/outcome';
import type { AddMeetingResult, EditMeetingResult } from './meetings.service';

type Reason =
  Exclude<EditMeetingResult, 'saved'> | Extract<AddMeetingResult, { ok: false }>['reason'];

/** How the meeting forms answer what the meetings service refused. */
export const MEETING_REFUSALS: Record<Reason, Refusal> = {
  // Cancelled (also in the meantime): the form again, not editable.
  cancelled: { status: 409, field: 'theme', key: 'cafes.meetingForm.cancelledNotEditable' },
  'not-found': { status: 404 },
  past: { status: 400, field: 'date', text: 'Kies een datum in de toekomst.' },
};

/** The flash after a saved or added meeting (`date`: its start, formatted). */
export const MEETING_DONE = {
  saved: 'cafes.meetingForm.saved',
  added: 'cafes.meetingForm.added',
  cancelled: 'cafes.cancel.done',
} as const;
