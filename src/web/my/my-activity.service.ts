import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { t } from '../../i18n/i18n';
import {
  findContributions,
  loadSections,
  type RenderedSection,
  type SurfaceContribution,
} from '../surfaces/surface-contributions';
import type { Viewer } from '../surfaces/viewer';
import { MyActivitySourceOf, type MyActivitySource } from './my-activity-source';

export interface MyActivityPage {
  title: string;
  sections: RenderedSection[];
}

/** "Mijn aanmeldingen": every feature's part for one member. */
@Injectable()
export class MyActivityService implements OnModuleInit {
  private sources: SurfaceContribution<MyActivitySource>[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly tx: TenantTransaction,
  ) {}

  onModuleInit(): void {
    this.sources = findContributions<MyActivitySource>(this.discovery, MyActivitySourceOf);
  }

  /** All parts in one tenant transaction, in order. */
  async page(tenantId: TenantId, viewer: Viewer): Promise<MyActivityPage> {
    const sections = await this.tx.run(tenantId, (em) =>
      loadSections(this.sources, em, tenantId, viewer),
    );
    return { title: t('nav.mySignups'), sections };
  }
}
