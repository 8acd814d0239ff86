import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';

/**
 * The café finder's read model, per hub (global, no RLS): the hub's name, slug and municipality
 * (NIS code), and a fingerprint of its cafés as last copied. Written only by the finder's
 * copy job (one tenant transaction to read the hub's cafés, then this plain one), read by the
 * platform's `/mantelzorgcafes`. Public fields only: never hosts, members or anyone's contact.
 */
@Entity('cafe_finder_hubs')
@ForeignKey(() => Tenant, ['hubTenantId'], ['id'], {
  name: 'fk_cafe_finder_hubs_hub',
  onDelete: 'CASCADE',
})
export class CafeFinderHub {
  @PrimaryColumn({ name: 'hub_tenant_id', type: 'uuid' })
  hubTenantId: string;

  @Column({ name: 'hub_slug', type: 'varchar', length: 63 })
  hubSlug: string;

  @Column({ name: 'hub_name', type: 'varchar', length: 120 })
  hubName: string;

  /** The municipality's NIS code: where the hub is (places data gives its coordinates). */
  @Column({ name: 'nis_code', type: 'varchar', length: 5, nullable: true })
  nisCode: string | null;

  /** A sha-256 of everything the copy shows: the job rewrites the copy when it differs. */
  @Column({ name: 'source_version', type: 'varchar', length: 100 })
  sourceVersion: string;

  /** When the copy was last checked against the hub. */
  @Column({ name: 'refreshed_at', type: 'timestamptz' })
  refreshedAt: Date;
}
