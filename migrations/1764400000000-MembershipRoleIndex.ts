import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The home page counts a municipality's caregivers on every visit: without this index the count
 * read every membership of the tenant (its primary key starts with tenant_id, not the role).
 * docs/benchmarks.md has the plan.
 */
export class MembershipRoleIndex1764400000000 implements MigrationInterface {
  name = 'MembershipRoleIndex1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_memberships_role" ON "memberships" ("tenant_id", "role") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_memberships_role"`);
  }
}
