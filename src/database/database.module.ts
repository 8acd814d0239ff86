import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { TenantTransaction } from './tenant-transaction';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        dataSourceOptions(config.DATABASE_URL, {
          // The app role owns nothing: it never runs migrations.
          migrations: [],
          extra: { max: 20, idleTimeoutMillis: 30000, application_name: 'mantelzorghub' },
        }),
    }),
  ],
  providers: [TenantTransaction],
  exports: [TenantTransaction],
})
export class DatabaseModule {}
