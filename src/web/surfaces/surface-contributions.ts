import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoverableDecorator, DiscoveryService } from '@nestjs/core';
import hbs from 'hbs';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { VIEWS_DIR } from '../../paths';

/** Where a contribution goes on its surface: its place and the partial that renders its data. */
export interface SurfacePlacement {
  /** Lower comes first. */
  order: number;
  /** A template under views/ without `.hbs` ('cafes/home-meetings'), used as a partial. */
  partial: string;
}

export interface SurfaceContribution<T> extends SurfacePlacement {
  source: T;
}

/** One contribution's output on a page: the partial renders `data`. */
export interface RenderedSection {
  partial: string;
  data: unknown;
}

/**
 * The providers that carry a surface's decorator, in order, each one's partial registered with
 * the page templates' Handlebars. Read once at start: a missing template fails the boot, not a
 * visitor's request.
 */
export function findContributions<T>(
  discovery: DiscoveryService,
  decorator: DiscoverableDecorator<SurfacePlacement>,
): SurfaceContribution<T>[] {
  const found = discovery
    .getProviders({ metadataKey: decorator.KEY })
    .filter((wrapper) => wrapper.instance)
    .map((wrapper) => ({
      ...discovery.getMetadataByDecorator(decorator, wrapper)!,
      source: wrapper.instance as T,
    }))
    .sort((a, b) => a.order - b.order);
  for (const { partial } of found) {
    hbs.registerPartial(partial, readFileSync(join(VIEWS_DIR, `${partial}.hbs`), 'utf8'));
  }
  return found;
}

/** What every surface's contribution implements: its data for one viewer, or null for none. */
export interface SectionSource<V> {
  load(em: EntityManager, tenantId: TenantId, viewer: V): Promise<unknown>;
}

/** Each contribution's data, in order, inside the caller's transaction; null ones left out. */
export async function loadSections<V>(
  contributions: readonly SurfaceContribution<SectionSource<V>>[],
  em: EntityManager,
  tenantId: TenantId,
  viewer: V,
): Promise<RenderedSection[]> {
  const sections: RenderedSection[] = [];
  // One after the other: they share the transaction's one connection.
  for (const { source, partial } of contributions) {
    const data = await source.load(em, tenantId, viewer);
    if (data !== null) sections.push({ partial, data });
  }
  return sections;
}
