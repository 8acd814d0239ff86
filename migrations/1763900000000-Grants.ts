import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The app role (mzh_app) owns nothing; it may read and write every table the owner creates from
 * now on. Default privileges make that hold for every later migration without repeating it.
 */
export class Grants1763900000000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT USAGE ON SCHEMA public TO mzh_app`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE mzh_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mzh_app`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE mzh_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO mzh_app`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE mzh_owner IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM mzh_app`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE mzh_owner IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM mzh_app`,
    );
    await q.query(`REVOKE USAGE ON SCHEMA public FROM mzh_app`);
  }
}
