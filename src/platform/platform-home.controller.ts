import { Controller, Get, Render } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { TenantsService } from '../tenancy/tenants.service';

/** The platform site's home: which municipalities take part. */
@Controller('_platform')
export class PlatformHomeController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('platform/home')
  async home() {
    const municipalities = (await this.tenants.listActive()).map((t) => ({
      name: t.name,
      province: t.province,
      url: this.config.originFor(t.slug),
    }));
    return { title: 'Mantelzorghub: steun voor mantelzorgers in jouw gemeente', municipalities };
  }
}
