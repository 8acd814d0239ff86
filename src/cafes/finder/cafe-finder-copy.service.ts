import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CafesService, type PublicCafe } from '../cafes.service';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { asTenantId } from '../../database/tenant-id';
import type { Tenant } from '../../tenancy/entities/tenant.entity';
import { CafeFinderEntry } from './entities/cafe-finder-entry.entity';
import { CafeFinderHub } from './entities/cafe-finder-hub.entity';

/** What one copy did: the hub's cafés were written again, or they were as copied before. */
export type CopyResult = { copied: number } | { unchanged: number };

/**
 * Keeps the café finder's read model (cafe_finder_hubs, cafe_finder_entries: global, public
 * fields only) in step with the hubs. A hub's cafés are read through CafesService in the hub's own
 * tenant transaction, then written here in a plain one: nothing reads across tenants.
 */
@Injectable()
export class CafeFinderCopyService {
  constructor(
    private readonly cafes: CafesService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Copies `tenant`'s active cafés with their next meeting. The copy is rewritten only when
   * something the finder shows changed (a fingerprint of all of it, so an edit, a new meeting and
   * a meeting that has passed all count); `refreshed_at` says when it was last checked.
   */
  async copyHub(tenant: Tenant): Promise<CopyResult> {
    const cafes = await this.cafes.publicCafes(asTenantId(tenant.id));
    const origin = this.config.originFor(tenant.slug);
    const entries = cafes.map((cafe) => entryOf(tenant.id, origin, cafe));
    const version = fingerprint([tenant.slug, tenant.name, tenant.nisCode, entries]);
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      // Two copies of one hub at once (a planner run and a retry) write one after the other.
      await em.query(`select pg_advisory_xact_lock(hashtext('cafe-finder'), hashtext($1))`, [
        tenant.id,
      ]);
      const hubs = em.getRepository(CafeFinderHub);
      const copied = await hubs.findOneBy({ hubTenantId: tenant.id });
      await hubs.save({
        hubTenantId: tenant.id,
        hubSlug: tenant.slug,
        hubName: tenant.name,
        nisCode: tenant.nisCode,
        sourceVersion: version,
        refreshedAt: now,
      });
      if (copied?.sourceVersion === version) return { unchanged: entries.length };
      await replaceEntries(em, tenant.id, entries);
      return { copied: entries.length };
    });
  }

  /** Removes the copies of hubs that are no longer active (suspended, or gone): how many. */
  async dropInactiveHubs(): Promise<number> {
    const dropped: unknown[] = await this.dataSource.query(
      `delete from cafe_finder_hubs h
        where not exists (select 1 from tenants t where t.id = h.hub_tenant_id and t.status = 'active')
        returning h.hub_tenant_id`,
    );
    return dropped.length;
  }
}

async function replaceEntries(
  em: EntityManager,
  hubTenantId: string,
  entries: CafeFinderEntry[],
): Promise<void> {
  const repo = em.getRepository(CafeFinderEntry);
  await repo.delete({ hubTenantId });
  if (entries.length > 0) await repo.insert(entries);
}

function entryOf(hubTenantId: string, origin: string, cafe: PublicCafe): CafeFinderEntry {
  return {
    cafeId: cafe.id,
    hubTenantId,
    name: cafe.name,
    place: [cafe.venueName, cafe.venueAddress].filter((part) => part.trim() !== '').join(', '),
    stepFree: cafe.stepFree,
    accessibleToilet: cafe.accessibleToilet,
    parking: cafe.parking,
    nextMeetingAt: cafe.next?.startsAt ?? null,
    nextTheme: cafe.next?.theme ?? null,
    url: `${origin}/cafes/${cafe.slug}`,
  };
}

const fingerprint = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');
