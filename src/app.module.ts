import { DynamicModule, Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { Clock, ClockModule } from './common/clock';
import { RateLimitModule } from './auth/rate-limit';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ENTITIES, FEATURE_MANIFESTS, WORKER_MODULES } from './features';
import { registerStrings } from './i18n/i18n';
import { JobsModule } from './jobs/jobs.module';
import { createRootLogger, loggerOptions, ROOT_LOGGER } from './logging/logger.options';
import { MailModule } from './mail/mail.module';
import { PlatformModule } from './platform/platform.module';
import { RedisModule } from './redis/redis.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { ADMIN_LINKS, NAV_ITEMS } from './web/navigation';
import { WebModule } from './web/web.module';

export interface AppRoles {
  /** Also run the jobs in this process (development, tests, the worker entrypoint). */
  worker: boolean;
  /** The clock every service reads "now" from (tests set their own); the system clock by default. */
  clock?: Clock;
}

/** What the features contribute to the platform's surfaces, provided to every module. */
@Global()
@Module({})
class FeatureContributionsModule {}

/**
 * The root: the platform's modules, then each feature's from its manifest (src/features.ts), and
 * the lists the platform takes from the features (entities, strings, navigation).
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, roles: AppRoles): DynamicModule {
    const logger = createRootLogger(config);
    for (const feature of FEATURE_MANIFESTS) registerStrings(feature.name, feature.strings);
    const navigation = FEATURE_MANIFESTS.flatMap((feature) => feature.navigation);
    const adminLinks = FEATURE_MANIFESTS.flatMap((feature) => feature.adminLinks);
    return {
      module: AppModule,
      providers: [{ provide: ROOT_LOGGER, useValue: logger }],
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(logger)),
        ClsModule.forRoot({ global: true, middleware: { mount: false } }),
        ClockModule.forRoot(roles.clock),
        DatabaseModule.forRoot(ENTITIES),
        RedisModule,
        JobsModule,
        TenancyModule,
        HealthModule,
        MailModule,
        AuthModule,
        RateLimitModule,
        PlatformModule,
        WebModule,
        AdminModule,
        {
          module: FeatureContributionsModule,
          providers: [
            { provide: NAV_ITEMS, useValue: navigation },
            { provide: ADMIN_LINKS, useValue: adminLinks },
          ],
          exports: [NAV_ITEMS, ADMIN_LINKS],
        },
        ...FEATURE_MANIFESTS.map((feature) => feature.module),
        ...(roles.worker ? WORKER_MODULES : []),
      ],
    };
  }
}
