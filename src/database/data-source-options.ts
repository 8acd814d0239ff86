import { join } from 'node:path';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

/**
 * Options shared by the app's DataSource, the migration CLI (ormconfig.ts) and the test harness.
 * The entities are passed in (`ENTITIES` of src/features.ts): the database knows no feature.
 */
export function dataSourceOptions(
  url: string,
  extra: Partial<PostgresDataSourceOptions> & Pick<PostgresDataSourceOptions, 'entities'>,
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    ...extra,
  } as PostgresDataSourceOptions;
}
