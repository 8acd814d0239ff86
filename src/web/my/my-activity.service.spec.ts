import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { Viewer } from '../surfaces/viewer';
import { MyActivitySourceOf, type MyActivitySource } from './my-activity-source';
import { MyActivityService } from './my-activity.service';

const seen: { source: string; em: EntityManager; viewer: Viewer }[] = [];

@Injectable()
@MyActivitySourceOf({ order: 20, partial: 'partials/footer' })
class CoursesSource implements MyActivitySource {
  async load(em: EntityManager, _tenantId: TenantId, viewer: Viewer) {
    seen.push({ source: 'courses', em, viewer });
    return { courses: [] };
  }
}

@Injectable()
@MyActivitySourceOf({ order: 10, partial: 'partials/csrf' })
class MeetingsSource implements MyActivitySource {
  async load(em: EntityManager, _tenantId: TenantId, viewer: Viewer) {
    seen.push({ source: 'meetings', em, viewer });
    return { signups: [] };
  }
}

describe('MyActivityService', () => {
  it("gathers every source's part for the member, in order, in one tenant transaction", async () => {
    const em = { marker: 'the one transaction' } as unknown as EntityManager;
    const runs: string[] = [];
    const tx = {
      run: async <T>(tenantId: string, work: (em: EntityManager) => Promise<T>) => {
        runs.push(tenantId);
        return work(em);
      },
    };
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [
        MyActivityService,
        CoursesSource,
        MeetingsSource,
        { provide: TenantTransaction, useValue: tx },
      ],
    }).compile();
    await moduleRef.init();

    const viewer: Viewer = { id: 'm-1', role: 'caregiver', staff: false };
    const page = await moduleRef.get(MyActivityService).page('t-1' as TenantId, viewer);

    expect(runs).toEqual(['t-1']);
    expect(seen).toEqual([
      { source: 'meetings', em, viewer },
      { source: 'courses', em, viewer },
    ]);
    expect(page).toEqual({
      title: 'Mijn aanmeldingen',
      sections: [
        { partial: 'partials/csrf', data: { signups: [] } },
        { partial: 'partials/footer', data: { courses: [] } },
      ],
    });
    await moduleRef.close();
  });
});
