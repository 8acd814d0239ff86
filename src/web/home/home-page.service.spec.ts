import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { EntityManager } from 'typeorm';
import { MembershipsService } from '../../auth/memberships.service';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { Tenant } from '../../tenancy/entities/tenant.entity';
import type { Viewer } from '../surfaces/viewer';
import { HomeSectionOf, type HomeSection } from './home-section';
import { HomePageService } from './home-page.service';

/** Every load sees the transaction's EntityManager; tests read what each section was given. */
const seen: { section: string; em: EntityManager; viewer: Viewer | null }[] = [];

// Registered after the first one but ordered before it: the order decides, not the module.
@Injectable()
@HomeSectionOf({ order: 20, partial: 'partials/footer' })
class LaterSection implements HomeSection {
  async load(em: EntityManager, _tenantId: TenantId, viewer: Viewer | null) {
    seen.push({ section: 'later', em, viewer });
    return { news: ['one'] };
  }
}

@Injectable()
@HomeSectionOf({ order: 5, partial: 'partials/csrf' })
class EarlierSection implements HomeSection {
  async load(em: EntityManager, _tenantId: TenantId, viewer: Viewer | null) {
    seen.push({ section: 'earlier', em, viewer });
    return { courses: 2 };
  }
}

@Injectable()
@HomeSectionOf({ order: 10, partial: 'partials/errorsummary' })
class EmptySection implements HomeSection {
  async load(em: EntityManager, _tenantId: TenantId, viewer: Viewer | null) {
    seen.push({ section: 'empty', em, viewer });
    return null;
  }
}

describe('HomePageService', () => {
  it('loads every registered section in order, all inside one tenant transaction', async () => {
    const em = { marker: 'the one transaction' } as unknown as EntityManager;
    const runs: string[] = [];
    const tx = {
      run: async <T>(tenantId: string, work: (em: EntityManager) => Promise<T>) => {
        runs.push(tenantId);
        return work(em);
      },
    };
    const memberships = {
      countCaregivers: async (given: EntityManager) => {
        seen.push({ section: 'caregivers', em: given, viewer: null });
        return 7;
      },
    };
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [
        HomePageService,
        LaterSection,
        EmptySection,
        EarlierSection,
        { provide: TenantTransaction, useValue: tx },
        { provide: MembershipsService, useValue: memberships },
      ],
    }).compile();
    await moduleRef.init();

    const viewer: Viewer = { id: 'm-1', role: 'caregiver', staff: false };
    const tenant = { id: 't-1', welcomeText: '  ' } as Tenant;
    const page = await moduleRef.get(HomePageService).page(tenant, viewer);

    expect(runs).toEqual(['t-1']);
    expect(seen.map((s) => s.section)).toEqual(['caregivers', 'earlier', 'empty', 'later']);
    expect(seen.every((s) => s.em === em)).toBe(true);
    expect(seen.filter((s) => s.section !== 'caregivers').map((s) => s.viewer)).toEqual([
      viewer,
      viewer,
      viewer,
    ]);
    expect(page).toEqual({
      title: 'Welkom',
      caregivers: 7,
      hasWelcome: false,
      sections: [
        { partial: 'partials/csrf', data: { courses: 2 } },
        { partial: 'partials/footer', data: { news: ['one'] } },
      ],
    });
    await moduleRef.close();
  });
});
