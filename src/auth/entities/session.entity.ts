import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Server-side sessions, in the shape connect-pg-simple reads and writes. `sess` holds the tenant
 * the session was made on; a session presented on another host is refused (auth/session-host).
 */
@Entity('sessions')
export class SessionRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sid: string;

  @Column({ type: 'json' })
  sess: object;

  @Index('ix_sessions_expire')
  @Column({ type: 'timestamptz' })
  expire: Date;
}
