import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { HomeSectionOf, type HomeSection } from '../../web/home/home-section';
import {
  NEXT_MEETINGS_ORDER,
  NEXT_MEETINGS_PARTIAL,
  NEXT_MEETINGS_SQL,
  type HomeMeeting,
} from './home-meetings';

/** The home page's next three café meetings (the same for every viewer); none: no section. */
@Injectable()
@HomeSectionOf({ order: NEXT_MEETINGS_ORDER, partial: NEXT_MEETINGS_PARTIAL })
export class NextMeetingsHomeSection implements HomeSection<{ meetings: HomeMeeting[] }> {
  constructor(private readonly clock: Clock) {}

  async load(em: EntityManager, tenantId: TenantId) {
    const meetings = await em.query<HomeMeeting[]>(NEXT_MEETINGS_SQL, [tenantId, this.clock.now()]);
    return meetings.length ? { meetings } : null;
  }
}
