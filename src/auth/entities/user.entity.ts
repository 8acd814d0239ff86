import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamps } from '../../database/timestamps';

/**
 * Credentials only (global table, no RLS). What a municipality may know about a person lives in
 * its `memberships`.
 */
@Entity('users')
export class User extends Timestamps {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased and trimmed. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'platform_admin', type: 'boolean', default: false })
  platformAdmin: boolean;

  /** Sessions created before this moment are refused ("log out everywhere", password change). */
  @Column({ name: 'sessions_valid_after', type: 'timestamptz', default: () => 'now()' })
  sessionsValidAfter: Date;
}
