import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamps } from '../../database/timestamps';

export type TenantStatus = 'active' | 'suspended';

/** A municipality with its own hub. Global table (no RLS): reached only through TenantsService. */
@Entity('tenants')
export class Tenant extends Timestamps {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_tenants_slug', { unique: true })
  @Column({ type: 'varchar', length: 63 })
  slug: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ name: 'nis_code', type: 'varchar', length: 5, nullable: true })
  nisCode: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  province: string | null;

  /** #rrggbb; refused when white text on it fails 4.5:1 contrast. */
  @Column({ name: 'brand_color', type: 'varchar', length: 7, default: '#1d5c8f' })
  brandColor: string;

  /** Id of the logo in the tenant's own `files` table (no FK: `files` is tenant-owned). */
  @Column({ name: 'logo_file_id', type: 'uuid', nullable: true })
  logoFileId: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ name: 'contact_address', type: 'varchar', length: 300, nullable: true })
  contactAddress: string | null;

  /**
   * The sites (origins such as https://www.poperinge.be) that may show the calendar's widget in
   * a frame (`/kalender/widget`, frame-ancestors); empty: none.
   */
  @Column({ name: 'calendar_widget_origins', type: 'text', array: true, default: () => "'{}'" })
  calendarWidgetOrigins: string[];

  @Column({ name: 'welcome_text', type: 'text', default: '' })
  welcomeText: string;

  @Column({ type: 'varchar', length: 12, default: 'active' })
  status: TenantStatus;
}

/** What a mail needs of the municipality: name (text, calendar) and slug (links). */
export type MailTenant = Pick<Tenant, 'id' | 'name' | 'slug'>;
