import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';

export const PREMIUM_PERIODS = ['maand', 'jaar'] as const;
export type PremiumPeriod = (typeof PREMIUM_PERIODS)[number];

/**
 * The municipality's mantelzorgpremie, entered once (tenant-owned, RLS, one row per hub): the
 * guide's premium page shows it under the general text, the staff forum's practice map reads it
 * through the guide's service. No row: not filled in yet.
 */
@Entity('caregiver_premiums')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_caregiver_premiums_tenant',
  onDelete: 'CASCADE',
})
export class CaregiverPremium {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'boolean' })
  offered: boolean;

  /** In cents (money is integer cents); null when not offered. */
  @Column({ name: 'amount_cents', type: 'integer', nullable: true })
  amountCents: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  period: PremiumPeriod | null;

  /** Who can get it (plain text, line breaks kept). */
  @Column({ type: 'text', default: '' })
  conditions: string;

  /** Where and how to apply (plain text). */
  @Column({ name: 'how_to_apply', type: 'text', default: '' })
  howToApply: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
