import { Tenant } from '../../tenancy/entities/tenant.entity';
import { Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OutboxColumns } from './outbox-columns';

/** Mail of one municipality (tenant-owned, RLS). */
@Entity('outbox_messages')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_outbox_messages_tenant',
  onDelete: 'CASCADE',
})
@Unique('uq_outbox_messages_key', ['tenantId', 'key'])
@Index('ix_outbox_messages_pending', ['tenantId', 'status', 'sendAfter'])
export class OutboxMessage extends OutboxColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;
}
