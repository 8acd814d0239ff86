import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CafeFinderHub } from './cafe-finder-hub.entity';

/**
 * One published café of a hub, as the platform's café finder shows it (global, no RLS; see
 * CafeFinderHub). Only what the café's public page shows anyone: name, place, accessibility,
 * the next meeting's date and theme, and the link to it on the hub.
 */
@Entity('cafe_finder_entries')
@ForeignKey(() => CafeFinderHub, ['hubTenantId'], ['hubTenantId'], {
  name: 'fk_cafe_finder_entries_hub',
  onDelete: 'CASCADE',
})
@Index('ix_cafe_finder_entries_hub', ['hubTenantId', 'name'])
export class CafeFinderEntry {
  /** The café's id on its hub. */
  @PrimaryColumn({ name: 'cafe_id', type: 'uuid' })
  cafeId: string;

  @Column({ name: 'hub_tenant_id', type: 'uuid' })
  hubTenantId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** The venue's name and address as the café's page shows them. */
  @Column({ type: 'varchar', length: 450, default: '' })
  place: string;

  /** Step-free, accessible toilet, parking: the café's public flags. */
  @Column({ name: 'step_free', type: 'boolean', default: false })
  stepFree: boolean;

  @Column({ name: 'accessible_toilet', type: 'boolean', default: false })
  accessibleToilet: boolean;

  @Column({ type: 'boolean', default: false })
  parking: boolean;

  @Column({ name: 'next_meeting_at', type: 'timestamptz', nullable: true })
  nextMeetingAt: Date | null;

  @Column({ name: 'next_theme', type: 'varchar', length: 200, nullable: true })
  nextTheme: string | null;

  /** The café's page on its hub (absolute: another host). */
  @Column({ type: 'varchar', length: 500 })
  url: string;
}
