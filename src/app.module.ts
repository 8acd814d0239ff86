import { DynamicModule, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CafesModule } from './cafes/cafes.module';
import { Clock, ClockModule } from './common/clock';
import { RateLimitModule } from './auth/rate-limit';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { WORKER_MODULES } from './jobs/worker-modules';
import { createRootLogger, loggerOptions, ROOT_LOGGER } from './logging/logger.options';
import { MailModule } from './mail/mail.module';
import { PlatformModule } from './platform/platform.module';
import { RedisModule } from './redis/redis.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { WebModule } from './web/web.module';

export interface AppRoles {
  /** Also run the job processors in this process (development, tests, the worker entrypoint). */
  worker: boolean;
  /** The clock every service reads "now" from (tests set their own); the system clock by default. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, roles: AppRoles): DynamicModule {
    const logger = createRootLogger(config);
    return {
      module: AppModule,
      providers: [{ provide: ROOT_LOGGER, useValue: logger }],
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(logger)),
        ClsModule.forRoot({ global: true, middleware: { mount: false } }),
        ClockModule.forRoot(roles.clock),
        DatabaseModule,
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
        CafesModule,
        ...(roles.worker ? WORKER_MODULES : []),
      ],
    };
  }
}
