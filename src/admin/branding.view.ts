import { t } from '../i18n/i18n';
import type { Tenant } from '../tenancy/entities/tenant.entity';

/** The branding page's view and title (also used when a form on it is refused). */
export const BRANDING_FORM = { view: 'admin/branding', title: t('admin.branding.title') };

/** What the name and colour fields show when nothing was typed yet. */
export function brandingValues(tenant: Tenant): Record<string, string> {
  return { name: tenant.name, brandColor: tenant.brandColor, brandColorText: '' };
}
