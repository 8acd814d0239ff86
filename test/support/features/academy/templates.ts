import { TemplatesService } from '../../../../src/academy/templates/templates.service';
import type { TestManifest } from '../test-manifest';

/** A small PDF (enough for file-type to know it): the seeded template's material. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A valid template form: one session, for caregivers. */
export const templateForm = (over: Record<string, string> = {}): Record<string, string> => ({
  title: 'Slapen als je zorgt',
  slug: '',
  kind: 'workshop',
  audienceCaregiver: '1',
  summary: 'Een workshop over slapen en rusten voor mantelzorgers.',
  learningGoals: '',
  trainerProfile: '',
  suggestedCapacity: '12',
  session1Title: 'De workshop',
  session1Programme: '',
  session1Minutes: '120',
  ...over,
});

const GLOBAL = 'a template is global (no municipality): every hub sees the same one';

/** The academy's templates in the tests' registries (isolation, accessibility sweep, fuzz). */
export const TEMPLATES_TEST_PART: Partial<TestManifest> = {
  // Global: the catalogue of templates belongs to no municipality.
  globalTableRows: {
    academy_templates: null,
    academy_template_sessions: null,
    academy_template_materials: null,
    platform_files: null,
  },
  seeders: [
    // one template per seeded municipality (global: its slug names the tenant), with a PDF material
    async ({ t, tenant }) => {
      const templates = t.get(TemplatesService);
      const slug = `sjabloon-${tenant.slug}`;
      let detail = await templates.findBySlug(slug);
      if (!detail) {
        const created = await templates.create({
          title: `Tillen en verplaatsen (${tenant.slug})`,
          slug,
          kind: 'workshop',
          audiences: ['caregiver', 'professional'],
          summary: 'Een praktische workshop met een ergotherapeut.',
          learningGoals: 'Veilig tillen.\nHulpmiddelen kennen.',
          trainerProfile: 'Een ergotherapeut.',
          suggestedCapacity: 10,
          sessions: [
            { title: 'De workshop', programme: 'Oefenen in duo’s.', durationMinutes: 180 },
          ],
        });
        if (!created.ok) throw new Error(`template ${slug}: ${created.reason}`);
        await templates.addMaterial(created.template.id, 'Hand-out', {
          contentType: 'application/pdf',
          content: TINY_PDF,
          extension: 'pdf',
          originalName: 'hand-out.pdf',
        });
        detail = (await templates.findBySlug(slug))!;
      }
      return { templateSlug: slug, templateMaterialId: detail.materials[0].id };
    },
  ],
  // prettier-ignore
  notTenantRoutes: {
    'GET /beheer/academie/sjablonen/:templateSlug': GLOBAL,
    'GET /beheer/academie/sjablonen/:templateSlug/materiaal/:materialId': GLOBAL,
    'GET /_platform/beheer/academie/:templateSlug': `${GLOBAL}; the platform host only`,
    'POST /_platform/beheer/academie/:templateSlug': `${GLOBAL}; the platform host only`,
    'POST /_platform/beheer/academie/:templateSlug/archiveren': `${GLOBAL}; the platform host only`,
    'POST /_platform/beheer/academie/:templateSlug/heractiveren': `${GLOBAL}; the platform host only`,
    'POST /_platform/beheer/academie/:templateSlug/materiaal': `${GLOBAL}; the platform host only`,
    'GET /_platform/beheer/academie/:templateSlug/materiaal/:materialId': `${GLOBAL}; the platform host only`,
    'POST /_platform/beheer/academie/:templateSlug/materiaal/:materialId/verwijderen': `${GLOBAL}; the platform host only`,
  },
  // prettier-ignore
  a11yPages: [
    { host: 'platform', path: '/beheer/academie', viewer: 'platform_admin' },
    { host: 'platform', path: '/beheer/academie/nieuw', viewer: 'platform_admin', submitEmpty: true },
    { host: 'platform', path: (ids) => `/beheer/academie/${ids.templateSlug}`, viewer: 'platform_admin' },
    { host: 'tenant', path: '/beheer/academie/sjablonen', viewer: 'tenant_admin' },
    { host: 'tenant', path: (ids) => `/beheer/academie/sjablonen/${ids.templateSlug}`, viewer: 'tenant_admin' },
  ],
  notA11yPages: {
    'GET /beheer/academie/sjablonen/:templateSlug/materiaal/:materialId':
      'a download (a PDF or an image)',
    'GET /_platform/beheer/academie/:templateSlug/materiaal/:materialId':
      'a download (a PDF or an image)',
  },
  // The edit form runs last of these: a valid hostile slug (digits) moves the template.
  // prettier-ignore
  postRoutes: {
    'POST /_platform/beheer/academie/nieuw': { actor: 'platform_admin', path: () => '/beheer/academie/nieuw', body: () => templateForm({ title: 'Fuzzsjabloon', slug: 'fuzzsjabloon' }) },
    'POST /_platform/beheer/academie/:templateSlug/materiaal': { actor: 'platform_admin', path: (ids) => `/beheer/academie/${ids.templateSlug}/materiaal`, page: null, multipart: true, body: () => ({ materialTitle: 'Oefenblad' }) },
    'POST /_platform/beheer/academie/:templateSlug/archiveren': { actor: 'platform_admin', path: (ids) => `/beheer/academie/${ids.templateSlug}/archiveren`, page: null },
    'POST /_platform/beheer/academie/:templateSlug/heractiveren': { actor: 'platform_admin', path: (ids) => `/beheer/academie/${ids.templateSlug}/heractiveren`, page: null },
    'POST /_platform/beheer/academie/:templateSlug': { actor: 'platform_admin', path: (ids) => `/beheer/academie/${ids.templateSlug}` },
  },
  // prettier-ignore
  postRoutesLast: {
    'POST /_platform/beheer/academie/:templateSlug/materiaal/:materialId/verwijderen': { actor: 'platform_admin', path: (ids) => `/beheer/academie/${ids.templateSlug}/materiaal/${ids.templateMaterialId}/verwijderen`, page: null },
  },
};
