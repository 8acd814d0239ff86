import type { Refusal } from '../common/outcome';
import type { CreateCafeResult, UpdateCafeResult } from './cafes-admin.service';

type Reason =
  | Extract<CreateCafeResult, { ok: false }>['reason']
  | Extract<UpdateCafeResult, { ok: false }>['reason']
  | 'no-photo';

/** How the café admin forms answer what the café admin service refused. */
export const CAFE_REFUSALS: Record<Reason, Refusal> = {
  'slug-taken': { status: 400, field: 'slug', key: 'cafes.form.slugTaken' },
  'not-found': { status: 404 },
  // Only a description sent while another admin just removed the photo: ask for a photo.
  'no-photo': { status: 400, field: 'photo', key: 'cafes.photo.error.missing' },
};

/** The flash after a café was created, saved, or its photo saved or removed (`name`: the café). */
export const CAFE_DONE = {
  created: 'cafes.form.created',
  saved: 'cafes.form.saved',
  photoSaved: 'cafes.photo.saved',
  photoRemoved: 'cafes.photo.removed',
} as const;
