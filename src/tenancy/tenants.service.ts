import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { asTenantId, TenantId } from '../database/tenant-id';
import { RedisConnections } from '../redis/redis.module';
import { Tenant } from './entities/tenant.entity';
import { slugProblem } from './slug';

const CACHE_TTL_MS = 60_000;
const MISS_TTL_MS = 10_000;
/**
 * Unknown subdomains seen recently. Anyone can send any Host, so misses get a bounded LRU of
 * their own: a flood of made-up hosts pushes out older misses, never a real hub.
 */
const MAX_MISSES = 1_000;

interface CacheEntry {
  tenant: Tenant;
  expires: number;
}

/**
 * The `tenants` table (global) and its cache. Every web node keeps tenants in memory; a change
 * is announced on a Redis channel so all nodes drop their copy at once (the TTL is a safety net
 * for a missed message during a reconnect). Found hubs are few (one per municipality, only rows
 * that exist), so their map needs no bound; unknown slugs go to `misses`.
 */
@Injectable()
export class TenantsService implements OnModuleInit {
  private readonly logger = new Logger(TenantsService.name);
  private readonly bySlug = new Map<string, CacheEntry>();
  private readonly misses = new LRUCache<string, true>({ max: MAX_MISSES, ttl: MISS_TTL_MS });
  private activeList: { list: Tenant[]; expires: number } | null = null;
  private readonly repo: Repository<Tenant>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly redis: RedisConnections,
  ) {
    this.repo = dataSource.getRepository(Tenant);
  }

  private get channel(): string {
    return this.redis.key('tenant-changed');
  }

  async onModuleInit(): Promise<void> {
    await this.redis.subscriber.subscribe(this.channel);
    this.redis.subscriber.on('message', (channel) => {
      if (channel === this.channel) this.clearCache();
    });
    // After a reconnect we may have missed messages: start clean.
    this.redis.subscriber.on('ready', () => this.clearCache());
  }

  clearCache(): void {
    this.bySlug.clear();
    this.misses.clear();
    this.activeList = null;
  }

  /** How many hubs and unknown slugs this node holds in memory (for tests and diagnostics). */
  get cacheSize(): { hubs: number; misses: number } {
    return { hubs: this.bySlug.size, misses: this.misses.size };
  }

  /** Tell every node (this one included) that a tenant changed. */
  async announceChange(): Promise<void> {
    this.clearCache();
    try {
      await this.redis.command.publish(this.channel, '1');
    } catch (e) {
      this.logger.warn(`tenant cache invalidation not published: ${(e as Error).message}`);
    }
  }

  async findBySlug(slug: string): Promise<Tenant | null> {
    // A subdomain no municipality can have (too long, odd characters): no lookup, nothing cached.
    if (slugProblem(slug)) return null;
    const now = Date.now();
    const hit = this.bySlug.get(slug);
    if (hit && hit.expires > now) return hit.tenant;
    if (this.misses.has(slug)) return null;
    const tenant = await this.repo.findOne({ where: { slug } });
    if (tenant) {
      this.bySlug.set(slug, { tenant, expires: now + CACHE_TTL_MS });
      this.misses.delete(slug);
    } else {
      this.bySlug.delete(slug);
      this.misses.set(slug, true);
    }
    return tenant;
  }

  /** The tenant by its slug from the database, past the cache; `em`: inside the caller's transaction. */
  findBySlugUncached(slug: string, em?: EntityManager): Promise<Tenant | null> {
    const repo = em ? em.getRepository(Tenant) : this.repo;
    return repo.findOne({ where: { slug } });
  }

  findById(id: string): Promise<Tenant | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** Active municipalities, by name: the platform's list and the 404 page. */
  async listActive(): Promise<Tenant[]> {
    const now = Date.now();
    if (this.activeList && this.activeList.expires > now) return this.activeList.list;
    const list = await this.repo.find({ where: { status: 'active' }, order: { name: 'ASC' } });
    this.activeList = { list, expires: now + CACHE_TTL_MS };
    return list;
  }

  listAll(): Promise<Tenant[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  /** Create a tenant; `em` lets a caller do it inside its own transaction. */
  async create(values: Partial<Tenant>, em?: EntityManager): Promise<Tenant> {
    const repo = em ? em.getRepository(Tenant) : this.repo;
    const tenant = await repo.save(repo.create(values));
    await this.announceChange();
    return tenant;
  }

  async update(id: string, values: Partial<Tenant>): Promise<void> {
    await this.repo.update({ id }, values);
    await this.announceChange();
  }

  /**
   * The tenant's row in the caller's transaction, locked as an UPDATE locks it (rows that
   * reference the tenant can still be written); null when there is none. For a change that reads
   * before it writes (the logo): write with `updateIn`, and `announceChange()` after the commit.
   */
  lockRow(em: EntityManager, id: string): Promise<Tenant | null> {
    return em.getRepository(Tenant).findOne({ where: { id }, lock: { mode: 'for_no_key_update' } });
  }

  async updateIn(em: EntityManager, id: string, values: Partial<Tenant>): Promise<void> {
    await em.getRepository(Tenant).update({ id }, values);
  }

  /**
   * The named cross-tenant path: runs `work` once per active tenant, each call getting the
   * tenant's id, so that callers open one tenant transaction per tenant.
   */
  async forEachActiveTenant(
    work: (tenantId: TenantId, tenant: Tenant) => Promise<void>,
  ): Promise<void> {
    const tenants = await this.repo.find({ where: { status: 'active' } });
    for (const tenant of tenants) await work(asTenantId(tenant.id), tenant);
  }
}
