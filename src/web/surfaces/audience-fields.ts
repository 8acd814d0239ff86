import { t } from '../../i18n/i18n';
import { AUDIENCES, type Audience } from './audience';

/** The checkboxes "Voor wie?" of the forms that choose audiences (templates, activities). */
export const AUDIENCE_FIELDS = {
  caregiver: 'audienceCaregiver',
  professional: 'audienceProfessional',
  staff: 'audienceStaff',
} as const satisfies Record<Audience, string>;

/** The boxes, checked as in `values`. */
export function audienceOptions(values: Record<string, unknown>) {
  return AUDIENCES.map((audience) => ({
    name: AUDIENCE_FIELDS[audience],
    label: t(`audience.${audience}`),
    checked: values[AUDIENCE_FIELDS[audience]] === '1',
  }));
}

/** The audiences whose box is checked in `values`. */
export function checkedAudiences(values: Record<string, unknown>): Audience[] {
  return AUDIENCES.filter((audience) => values[AUDIENCE_FIELDS[audience]] === '1');
}

/** Stored audiences as the boxes' values. */
export function audienceValues(audiences: readonly Audience[]): Record<string, string> {
  return Object.fromEntries(audiences.map((audience) => [AUDIENCE_FIELDS[audience], '1']));
}
