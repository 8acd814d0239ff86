import type { Refusal } from '../common/outcome';
import type { AttachResult, ProposeResult, VoteResult } from './wishes.service';

type Reason =
  | Extract<AttachResult, { ok: false }>['reason']
  | Extract<ProposeResult, { ok: false }>['reason']
  | Extract<VoteResult, { ok: false }>['reason'];

/**
 * How the wish pages answer what the wishes service refused. The attach form's field is the
 * select of that wish (`bijeenkomst-<wish id>`): the controller names it.
 */
export const WISH_REFUSALS: Record<Reason, Refusal> = {
  // No such wish of this café: the 404 page.
  wish: { status: 404 },
  planned: { status: 400, key: 'cafes.dashboard.wishes.alreadyPlanned' },
  // No meeting chosen, or not one of the café's upcoming scheduled meetings.
  meeting: { status: 400, key: 'cafes.dashboard.wishes.pickMeeting' },
  'not-found': { status: 404 },
};

/** The flash after a wish was proposed, voted for, withdrawn from, or attached (`date`). */
export const WISH_DONE = {
  proposed: 'cafes.wishes.proposed',
  voted: 'cafes.wishes.voted',
  withdrawn: 'cafes.wishes.withdrawn',
  attached: 'cafes.dashboard.wishes.attached',
} as const;
