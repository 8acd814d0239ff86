import type { TestManifest } from '../test-manifest';

/** The academy's templates in the tests' registries (isolation, accessibility sweep, fuzz). */
export const TEMPLATES_TEST_PART: Partial<TestManifest> = {
  // Global: the catalogue of templates belongs to no municipality.
  globalTableRows: {
    academy_templates: null,
    academy_template_sessions: null,
    academy_template_materials: null,
    platform_files: null,
  },
};
