import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import type { SurfacePlacement } from '../surfaces/surface-contributions';
import type { Viewer } from '../surfaces/viewer';

/**
 * A feature's part of a municipality's home page. `load` runs inside the page's one tenant
 * transaction; null leaves the section out (nothing to show).
 */
export interface HomeSection<T = unknown> {
  load(em: EntityManager, tenantId: TenantId, viewer: Viewer | null): Promise<T | null>;
}

/**
 * On a provider implementing HomeSection, in the feature's own module:
 * `@HomeSectionOf({ order: 10, partial: 'cafes/home-meetings' })`.
 */
export const HomeSectionOf = DiscoveryService.createDecorator<SurfacePlacement>();
