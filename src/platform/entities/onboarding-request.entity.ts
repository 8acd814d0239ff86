import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamps } from '../../database/timestamps';

export type OnboardingStatus = 'new' | 'accepted' | 'declined';

/** "Start een Mantelzorghub in jouw gemeente": a municipality's request, handled by platform admins. */
@Entity('onboarding_requests')
export class OnboardingRequest extends Timestamps {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'municipality_name', type: 'varchar', length: 120 })
  municipalityName: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 120 })
  contactName: string;

  @Column({ name: 'contact_role', type: 'varchar', length: 120, default: '' })
  contactRole: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  phone: string;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'varchar', length: 12, default: 'new' })
  status: OnboardingStatus;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Column({ name: 'handled_by_user_id', type: 'uuid', nullable: true })
  handledByUserId: string | null;

  /** The tenant created for this request, when accepted. */
  @Column({ name: 'created_tenant_id', type: 'uuid', nullable: true })
  createdTenantId: string | null;
}
