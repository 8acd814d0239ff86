import type { FeaturePart } from '../../common/feature-part';
import { PlatformTemplatesController } from './platform-templates.controller';
import { TemplateOfUploadInterceptor } from './template-of-upload.interceptor';
import { TEMPLATE_STRINGS } from './template-strings';
import { seedTemplates } from './seed-templates';
import { TemplatesService } from './templates.service';
import { TenantTemplatesController } from './tenant-templates.controller';

/** The academy's templates: the platform's catalogue of templates (global, kept on the platform host) and their materials. */
export const TEMPLATES_PART: FeaturePart = {
  // The catalogue's fixed path (/beheer/academie/sjablonen) before the courses' /beheer/academie/:slug.
  controllers: [TenantTemplatesController, PlatformTemplatesController],
  providers: [TemplatesService, TemplateOfUploadInterceptor],
  jobProviders: [],
  strings: TEMPLATE_STRINGS,
  platformSeeders: [async (client) => ({ academyTemplatesCreated: await seedTemplates(client) })],
  demoSeeders: [],
};
