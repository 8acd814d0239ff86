import { t } from '../../i18n/i18n';
import { httpLink } from '../../web/content/http-link';
import type { CareOrganisation } from '../common/entities/care-organisation.entity';
import { ORGANISATION_KINDS, organisationKindLabel } from '../common/organisation-kinds';
import { ORGANISATION_FIELDS, type OrganisationInput } from './dto/organisation.dto';

export const ORGS_PUBLIC = '/hulp-in-de-buurt';
export const ORGS_ADMIN = '/beheer/hulp-in-de-buurt';
export const orgAdminPath = (id: string, rest = '') => `${ORGS_ADMIN}/${id}${rest}`;

/** An organisation as the pages show it. */
export function organisationView(o: CareOrganisation) {
  return {
    ...o,
    kindLabel: organisationKindLabel(o.kind),
    href: `${ORGS_PUBLIC}/${o.id}`,
    adminHref: orgAdminPath(o.id),
    place: [o.address, [o.postcode, o.town].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    websiteHref: o.website ? httpLink(o.website) : null,
  };
}

/** The stored organisation as the form's values. */
export function organisationValues(o: CareOrganisation | null): Record<string, string> {
  return Object.fromEntries(
    ORGANISATION_FIELDS.map((f) => [f, o ? o[f] : '']),
  ) as OrganisationInput;
}

/** The kind select, as in `values`. */
export function kindOptions(selected: unknown) {
  return ORGANISATION_KINDS.map((k) => ({ ...k, selected: k.key === selected }));
}

export const nameTakenError = () => ({ name: t('guide.orgs.error.nameTaken') });
