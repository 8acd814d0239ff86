import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MembershipsService } from '../../auth/memberships.service';
import { asTenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { Tenant } from '../../tenancy/entities/tenant.entity';
import {
  findContributions,
  loadSections,
  type RenderedSection,
  type SurfaceContribution,
} from '../surfaces/surface-contributions';
import type { Viewer } from '../surfaces/viewer';
import { HomeSectionOf, type HomeSection } from './home-section';

export interface HomePage {
  title: string;
  caregivers: number;
  hasWelcome: boolean;
  sections: RenderedSection[];
}

/** A municipality's home page: the platform's own lines and every feature's section. */
@Injectable()
export class HomePageService implements OnModuleInit {
  private sections: SurfaceContribution<HomeSection>[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly tx: TenantTransaction,
    private readonly memberships: MembershipsService,
  ) {}

  onModuleInit(): void {
    this.sections = findContributions<HomeSection>(this.discovery, HomeSectionOf);
  }

  /** All sections in one tenant transaction (one connection, one set_config), in order. */
  async page(tenant: Tenant, viewer: Viewer | null): Promise<HomePage> {
    const tenantId = asTenantId(tenant.id);
    const { caregivers, sections } = await this.tx.run(tenantId, async (em) => {
      const caregivers = await this.memberships.countCaregivers(em, tenantId);
      const sections = await loadSections(this.sections, em, tenantId, viewer);
      return { caregivers, sections };
    });
    return {
      title: 'Welkom',
      caregivers,
      hasWelcome: tenant.welcomeText.trim().length > 0,
      sections,
    };
  }
}
