import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';

/**
 * Every news address in use (global, no RLS; only NewsSlugsService reads or writes it): a local
 * article's or item's slug with its hub, a general one's with `hub_tenant_id` null. So a general
 * slug is checked against every hub's, and a local one against the general ones and its own hub's,
 * which RLS would otherwise hide: `/nieuws/<slug>` is never ambiguous on any hub.
 */
@Entity('news_slugs')
@ForeignKey(() => Tenant, ['hubTenantId'], ['id'], {
  name: 'fk_news_slugs_hub',
  onDelete: 'CASCADE',
})
@Unique('uq_news_slugs_hub_slug', ['hubTenantId', 'slug'])
@Index('ix_news_slugs_slug', ['slug'])
export class NewsSlug {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The hub whose content uses it; null: general content, on every hub. */
  @Column({ name: 'hub_tenant_id', type: 'uuid', nullable: true })
  hubTenantId: string | null;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
