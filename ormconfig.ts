// DataSource for the TypeORM CLI: migrations run as the owner role (DATABASE_OWNER_URL).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/database/data-source-options';
import { ENTITIES } from './src/features';

const url = process.env.DATABASE_OWNER_URL;
if (!url) throw new Error('DATABASE_OWNER_URL is missing: migrations run as the owner role.');

export default new DataSource(dataSourceOptions(url, { entities: ENTITIES }));
