import type { AcademyPart } from '../common/academy-part';
import { TemplatesService } from './templates.service';

/** The academy's templates: the platform's catalogue of templates (global, kept on the platform host) and their materials. */
export const TEMPLATES_PART: AcademyPart = {
  controllers: [],
  providers: [TemplatesService],
  jobProviders: [],
  strings: {},
  platformSeeders: [],
  demoSeeders: [],
};
