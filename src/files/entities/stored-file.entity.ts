import { Tenant } from '../../tenancy/entities/tenant.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** An uploaded file (logo, photo, document), kept in PostgreSQL so web nodes hold no state. */
@Entity('files')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], { name: 'fk_files_tenant', onDelete: 'CASCADE' })
export class StoredFile {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'content_type', type: 'varchar', length: 60 })
  contentType: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
