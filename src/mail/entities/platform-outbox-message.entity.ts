import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxColumns } from './outbox-columns';

/** Mail that belongs to no municipality (onboarding requests, platform invitations). Global table. */
@Entity('platform_outbox_messages')
@Index('uq_platform_outbox_messages_key', ['key'], { unique: true })
@Index('ix_platform_outbox_messages_pending', ['status', 'sendAfter'])
export class PlatformOutboxMessage extends OutboxColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;
}
