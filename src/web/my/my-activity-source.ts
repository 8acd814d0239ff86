import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import type { SurfacePlacement } from '../surfaces/surface-contributions';
import type { Viewer } from '../surfaces/viewer';

/**
 * A feature's part of "mijn aanmeldingen": what one member signed up for or follows there.
 * `load` runs inside the page's one tenant transaction; null leaves the part out.
 */
export interface MyActivitySource<T = unknown> {
  load(em: EntityManager, tenantId: TenantId, viewer: Viewer): Promise<T | null>;
}

/**
 * On a provider implementing MyActivitySource, in the feature's own module:
 * `@MyActivitySourceOf({ order: 10, partial: 'cafes/my-signups' })`.
 */
export const MyActivitySourceOf = DiscoveryService.createDecorator<SurfacePlacement>();
