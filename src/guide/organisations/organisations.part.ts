import type { FeaturePart } from '../../common/feature-part';
import { seedLocalOrganisations } from '../seed/seed-local-organisations';
import { HelpNearbyHomeSection } from './help-nearby.home-section';
import { OrganisationEditorsService } from './organisation-editors.service';
import { OrganisationImportService } from './organisation-import.service';
import { OrganisationProposalsController } from './organisation-proposals.controller';
import { OrganisationUploadFilter } from './organisation-upload.filter';
import { OrganisationsAdminController } from './organisations-admin.controller';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { ORGANISATIONS_STRINGS } from './organisations.strings';

/**
 * The directory of care organisations (see docs/guide.md): /hulp-in-de-buurt for readers,
 * /beheer/hulp-in-de-buurt for the hub's admins (form, CSV import and export), the home section
 * "Hulp in de buurt", the demo's.
 */
export const ORGANISATIONS_PART: FeaturePart = {
  controllers: [
    OrganisationsController,
    OrganisationProposalsController,
    OrganisationsAdminController,
  ],
  providers: [
    OrganisationsService,
    OrganisationEditorsService,
    OrganisationImportService,
    OrganisationUploadFilter,
    HelpNearbyHomeSection,
  ],
  jobProviders: [],
  strings: ORGANISATIONS_STRINGS,
  platformSeeders: [],
  demoSeeders: [seedLocalOrganisations],
};
