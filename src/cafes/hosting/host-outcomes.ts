import type { Refusal } from '../common/outcome';
import type { AppointResult, DismissResult } from './hosts.service';

type Reason =
  Extract<AppointResult, { ok: false }>['reason'] | Extract<DismissResult, { ok: false }>['reason'];

/** How the core-group page answers what the hosts service refused. */
export const HOST_REFUSALS: Record<Reason, Refusal> = {
  // No such member (or no choice made): the page again, the search field asks to pick someone.
  'no-member': { status: 400, field: 'zoek', key: 'cafes.hosts.pick' },
  'not-found': { status: 404 },
};

/** The flash after an appointment or a dismissal (`name`: the member's name). */
export const HOST_DONE = {
  appointed: 'cafes.hosts.added',
  dismissed: 'cafes.hosts.removed',
} as const;
