import type { Type } from '@nestjs/common';
import type { DemoSeeder, PlatformSeeder } from './feature-manifest';

/**
 * What one capability of a feature brings (the academy's templates, courses, ...; the news's
 * articles, feeds, pages), in its own `<capability>/<capability>.part.ts`: the feature's module,
 * its jobs module, its i18n catalog and its manifest are built from these, so each capability's
 * lists stay in its own folder.
 */
export interface FeaturePart {
  /** In the order routes must be matched (a fixed path before a `:slug`). */
  controllers: Type[];
  providers: Type[];
  /** Providers with @OnJob/@OnSchedule handlers: loaded only where jobs run (the jobs module). */
  jobProviders: Type[];
  strings: Record<string, string>;
  platformSeeders: PlatformSeeder[];
  demoSeeders: DemoSeeder[];
}
