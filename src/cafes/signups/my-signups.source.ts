import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { MyActivitySourceOf, type MyActivitySource } from '../../web/my/my-activity-source';
import type { Viewer } from '../../web/surfaces/viewer';
import { FollowsService } from '../follows/follows.service';
import { SignupsService } from './signups.service';

/** The café's part of "mijn aanmeldingen": upcoming sign-ups and waitlist places, followed cafés. */
@Injectable()
@MyActivitySourceOf({ order: 10, partial: 'cafes/my-signups' })
export class MySignupsSource implements MyActivitySource {
  constructor(
    private readonly signups: SignupsService,
    private readonly follows: FollowsService,
  ) {}

  async load(em: EntityManager, tenantId: TenantId, viewer: Viewer) {
    return {
      signups: await this.signups.upcomingFor(em, tenantId, viewer.id),
      followed: await this.follows.followed(em, tenantId, viewer.id),
    };
  }
}
