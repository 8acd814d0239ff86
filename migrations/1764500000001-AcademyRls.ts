import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRls, enableTenantRls } from '../src/database/rls';

/** Row-level security on the academy's tenant tables (the templates and platform_files are global). */
const TENANT_TABLES = [
  'courses',
  'course_sessions',
  'course_questions',
  'enrollments',
  'session_attendance',
  'certificates',
  'course_feedback',
];

export class AcademyRls1764500000001 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await enableTenantRls(q, table);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) await disableTenantRls(q, table);
  }
}
