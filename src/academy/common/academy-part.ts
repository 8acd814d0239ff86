import type { Type } from '@nestjs/common';
import type { DemoSeeder, PlatformSeeder } from '../../common/feature-manifest';

/**
 * What one capability of the academy (templates, courses, enrolments, attendance) brings, in its
 * own `<capability>/<capability>.part.ts`: academy.module.ts, the jobs module, the i18n catalog
 * and the manifest are built from these, so each capability's lists stay in its own folder.
 */
export interface AcademyPart {
  /** In the order routes must be matched (a fixed path before a `:slug`). */
  controllers: Type[];
  providers: Type[];
  /** Providers with @OnJob/@OnSchedule handlers: loaded only where jobs run (AcademyJobsModule). */
  jobProviders: Type[];
  strings: Record<string, string>;
  platformSeeders: PlatformSeeder[];
  demoSeeders: DemoSeeder[];
}
