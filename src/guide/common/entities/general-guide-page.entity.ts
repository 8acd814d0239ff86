import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { GuidePageColumns } from './guide-page-columns';

/** A page of the guide for every hub, written by platform editors: global, no RLS. */
@Entity('general_guide_pages')
@Unique('uq_general_guide_pages_slug', ['slug'])
@Index('ix_general_guide_pages_theme', ['status', 'theme'])
export class GeneralGuidePage extends GuidePageColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The page about the municipal mantelzorgpremie: each hub's premium setting shows under it. */
  @Column({ name: 'shows_premium', type: 'boolean', default: false })
  showsPremium: boolean;
}
