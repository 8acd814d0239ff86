import type { TenantId } from '../database/tenant-id';

/**
 * Where an event's rows and mail live: one municipality (tenant-owned tables under RLS, the
 * tenant outbox: café meetings, courses) or the platform (global tables, the platform outbox: the
 * forum's peer meetings). `tenantId: null` is the platform, as in `MailService.dispatch(null)`.
 */
export type EventScope = { readonly tenantId: TenantId } | { readonly tenantId: null };

export const PLATFORM_SCOPE: EventScope = { tenantId: null };

export const tenantScope = (tenantId: TenantId): EventScope => ({ tenantId });
