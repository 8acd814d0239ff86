import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's own sign-ups and follows were found only through the (tenant, meeting|café, member)
 * unique keys, whose second column is not the member: "mijn aanmeldingen", the reminder settings
 * and a membership's cascade delete scanned every row of the tenant. docs/benchmarks.md has the plans.
 */
export class MemberIndexes1764300000000 implements MigrationInterface {
  name = 'MemberIndexes1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_signups_member" ON "signups" ("tenant_id", "membership_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cafe_follows_member" ON "cafe_follows" ("tenant_id", "membership_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cafe_follows_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_signups_member"`);
  }
}
