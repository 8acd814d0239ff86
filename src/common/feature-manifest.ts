import type { Type } from '@nestjs/common';
import type { Client } from 'pg';
import type { AdminLink, NavItem } from '../web/navigation';

/**
 * What a feature (cafés, later the academy, news, ...) brings to the app, in one value its folder
 * exports (`src/<feature>/<feature>.feature.ts`). `src/features.ts` lists the manifests by name,
 * and the root files build every list from them: the app module's imports, the worker's modules,
 * the entities of the data source and the migration CLI, the i18n catalog, the demo seed and the
 * header's navigation. The platform folders never import a feature: they take these lists.
 */
export interface FeatureManifest<Name extends string = string> {
  /** Its key in `src/features.ts`, and the name of its folder under `src/`. */
  name: Name;
  /** The Nest module with its controllers and services (imported by the app module). */
  module: Type;
  /** The module with its job handlers and schedules, loaded only where jobs run; null: none. */
  workerModule: Type | null;
  /** Its TypeORM entities (every `*.entity.ts` under its folder; the manifest test checks). */
  entities: Type[];
  /** Its strings per locale; keys start with the feature's own prefixes. */
  strings: { nl: Record<string, string> };
  /** Its global demo data (`npm start`), run once before the municipalities' (no tenant set). */
  platformSeeders: PlatformSeeder[];
  /** Its demo data (`npm start`), run per demo municipality in the seed's tenant transaction. */
  demoSeeders: DemoSeeder[];
  /** Its items in the header's navigation. */
  navigation: NavItem[];
  /** Its cards on the admin overviews (`/beheer` of a municipality, of the platform). */
  adminLinks: AdminLink[];
}

/** One demo municipality, as a demo seeder gets it (inside the seed's tenant transaction). */
export interface DemoSeedContext {
  tenantId: string;
  tenantSlug: string;
  /** The demo accounts' user ids by (normalized) e-mail address. */
  userIdByEmail: Map<string, string>;
}

/** What a seeder made, e.g. `{ cafesCreated: 1, meetingsCreated: 8 }`: added up in the seed's report. */
export type DemoSeedCounts = Partial<Record<`${string}Created`, number>>;

/**
 * Adds a feature's demo rows for one municipality through the seed's connection (plain pg, the
 * app role, `app.tenant_id` set). Idempotent: it inserts only what is missing.
 */
export type DemoSeeder = (client: Client, ctx: DemoSeedContext) => Promise<DemoSeedCounts>;

/**
 * Adds a feature's global demo rows (tables without RLS, e.g. the academy's templates) through the
 * seed's connection, once, before the municipalities. Idempotent, as a DemoSeeder.
 */
export type PlatformSeeder = (client: Client) => Promise<DemoSeedCounts>;
