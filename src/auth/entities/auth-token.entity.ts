import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Role } from './membership.entity';
import { User } from './user.entity';

export type AuthTokenPurpose = 'verify' | 'login' | 'reset' | 'invite' | 'join';

/**
 * Single-use e-mailed tokens (verification, login link, password reset, invitation, joining a
 * second municipality). Global table: only the SHA-256 of the token is stored. `hostTenantId` is
 * the municipality whose host the token is valid on (null: the platform site); it is deliberately
 * not called tenant_id because this table has no RLS.
 */
@Entity('auth_tokens')
@ForeignKey(() => User, ['userId'], ['id'], { name: 'fk_auth_tokens_user', onDelete: 'CASCADE' })
export class AuthToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_auth_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 10 })
  purpose: AuthTokenPurpose;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'host_tenant_id', type: 'uuid', nullable: true })
  hostTenantId: string | null;

  /** For invitations: the role the new membership gets. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  role: Role | null;

  /** For registrations: the display name typed in the form. */
  @Column({ name: 'display_name', type: 'varchar', length: 80, nullable: true })
  displayName: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
