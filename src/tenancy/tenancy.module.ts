import { Global, Module } from '@nestjs/common';
import { RequestContext } from './request-context';
import { TenantsService } from './tenants.service';

@Global()
@Module({ providers: [TenantsService, RequestContext], exports: [TenantsService, RequestContext] })
export class TenancyModule {}
