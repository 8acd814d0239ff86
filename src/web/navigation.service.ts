import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { NAV_ITEMS, navigationOf, type NavItem } from './navigation';

/**
 * What the header lists before the account links: the features' items (NAV_ITEMS, from their
 * manifests: src/app.module.ts) and the platform's own, in order. They go into the app's view
 * locals once at start, and the header picks the viewer's at render time (the `navFor` helper),
 * so every page has them, also an error page rendered before the membership is known.
 */
@Injectable()
export class NavigationService implements OnModuleInit {
  readonly items: readonly NavItem[];

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(NAV_ITEMS) features: NavItem[],
  ) {
    this.items = navigationOf(features);
  }

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<Express>();
    if (app) app.locals.navItems = this.items;
  }
}
