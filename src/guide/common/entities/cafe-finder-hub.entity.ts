import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';

/**
 * The café finder's read model, per hub (global, no RLS): the hub's public name, address and
 * place, and what its cafés looked like when last copied. Written only by the finder's refresh
 * job (one tenant transaction to read the hub's cafés, then this plain one), read by the
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

  /**
   * What the hub's cafés were at the last copy (their newest change and count): the job copies
   * again when it differs, or when the copy is an hour old (the next meeting moves on by itself).
   */
  @Column({ name: 'source_version', type: 'varchar', length: 100 })
  sourceVersion: string;

  @Column({ name: 'refreshed_at', type: 'timestamptz' })
  refreshedAt: Date;
}
