import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { HomeSectionOf, type HomeSection } from '../../web/home/home-section';
import {
  HELP_NEARBY_ORDER,
  HELP_NEARBY_PARTIAL,
  HELP_NEARBY_SQL,
  homeHelpNearby,
} from './home-organisations';

/**
 * "Hulp in de buurt" on the home page: the kinds of help the hub's directory lists, each with how
 * many organisations and a link to them; an empty directory: no section. One statement
 * (HELP_NEARBY_SQL), also run by the benchmark's bare server (./home-organisations.ts).
 */
@Injectable()
@HomeSectionOf({ order: HELP_NEARBY_ORDER, partial: HELP_NEARBY_PARTIAL })
export class HelpNearbyHomeSection implements HomeSection {
  async load(em: EntityManager, tenantId: TenantId) {
    return homeHelpNearby(
      await em.query<{ kind: string; n: number }[]>(HELP_NEARBY_SQL, [tenantId]),
    );
  }
}
