import type { Type } from '@nestjs/common';
import { ACADEMY_FEATURE } from './academy/academy.feature';
import { CAFES_FEATURE } from './cafes/cafes.feature';
import { CALENDAR_FEATURE } from './calendar/calendar.feature';
import type { FeatureManifest } from './common/feature-manifest';
import { GUIDE_FEATURE } from './guide/guide.feature';
import { NEWS_FEATURE } from './news/news.feature';
import { PLATFORM_ENTITIES } from './database/entities';
import { PLATFORM_WORKER_MODULES } from './jobs/worker-modules';

/**
 * The ONE list of features, by name. Adding a feature is one line here (its manifest,
 * `src/<name>/<name>.feature.ts`); every other list is built from these below, and the tests'
 * registries from the test manifests (`test/support/features/`, typed by FeatureName, so a
 * feature without one does not compile). Only root files import this one (src/app.module.ts,
 * ormconfig.ts, src/seed/); the platform folders get the lists passed in (lint refuses the rest).
 */
export const FEATURES = {
  cafes: CAFES_FEATURE,
  academy: ACADEMY_FEATURE,
  news: NEWS_FEATURE,
  guide: GUIDE_FEATURE,
  calendar: CALENDAR_FEATURE,
} satisfies Record<string, FeatureManifest>;

export type FeatureName = keyof typeof FEATURES;

/** The manifests in the order above (the order of their modules, entities and navigation). */
export const FEATURE_MANIFESTS: FeatureManifest[] = Object.values(FEATURES);

/** Every entity: the platform's and each feature's (the app's data source, the migration CLI). */
export const ENTITIES: Type[] = [
  ...PLATFORM_ENTITIES,
  ...FEATURE_MANIFESTS.flatMap((feature) => feature.entities),
];

/**
 * Modules that hold job handlers (@OnJob, @OnSchedule): imported only where jobs run (the worker, and the single
 * development/test process), so a web-only node never consumes a queue.
 */
export const WORKER_MODULES: Type[] = [
  ...PLATFORM_WORKER_MODULES,
  ...FEATURE_MANIFESTS.flatMap((feature) => (feature.workerModule ? [feature.workerModule] : [])),
];
