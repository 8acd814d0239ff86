import type { SaveTemplateResult } from './templates.service';

type Reason = Extract<SaveTemplateResult, { ok: false }>['reason'];

/** How the template pages answer what TemplatesService refused: status, field and message key. */
export const TEMPLATE_REFUSALS: Record<Reason, { status: number; field?: string; key?: string }> = {
  'slug-taken': { status: 409, field: 'slug', key: 'academy.templates.form.slugTaken' },
  'not-found': { status: 404 },
};

/** The flash after a change (`title`: the template's). */
export const TEMPLATE_DONE = {
  created: 'academy.templates.form.created',
  saved: 'academy.templates.form.saved',
  archived: 'academy.templates.archived',
  reactivated: 'academy.templates.reactivated',
  materialAdded: 'academy.templates.material.added',
  materialRemoved: 'academy.templates.material.removed',
} as const;
