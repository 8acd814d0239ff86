import { DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { TenantTransaction } from './tenant-transaction';

@Global()
@Module({})
export class DatabaseModule {
  /** `entities`: every entity of the app (`ENTITIES` of src/features.ts, passed by the app module). */
  static forRoot(entities: Type[]): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            dataSourceOptions(config.DATABASE_URL, {
              entities,
              // The app role owns nothing: it never runs migrations.
              migrations: [],
              extra: { max: 20, idleTimeoutMillis: 30000, application_name: 'mantelzorghub' },
            }),
        }),
      ],
      providers: [TenantTransaction],
      exports: [TenantTransaction],
    };
  }
}
