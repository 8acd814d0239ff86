import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { HomeSectionOf, type HomeSection } from '../../web/home/home-section';
import { FAQ_ORDER, FAQ_PARTIAL, FAQ_SQL, homeFaq, type FaqRow } from './home-guide';

/**
 * "Veelgestelde vragen" on the home page: a few questions of the Wegwijzer, the hub's own first,
 * with a link to /wegwijzer; none published: no section. One statement (FAQ_SQL), also run by the
 * benchmark's bare server with the same view model and partial (./home-guide.ts).
 */
@Injectable()
@HomeSectionOf({ order: FAQ_ORDER, partial: FAQ_PARTIAL })
export class FaqHomeSection implements HomeSection {
  async load(em: EntityManager, tenantId: TenantId) {
    return homeFaq(await em.query<FaqRow[]>(FAQ_SQL, [tenantId]));
  }
}
