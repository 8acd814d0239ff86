import { join } from 'node:path';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { ENTITIES } from './entities';

/** Options shared by the app's DataSource, the migration CLI (ormconfig.ts) and the test harness. */
export function dataSourceOptions(
  url: string,
  extra: Partial<PostgresDataSourceOptions> = {},
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    ...extra,
  } as PostgresDataSourceOptions;
}
