import { MigrationInterface, QueryRunner } from 'typeorm';

// The sites that may show a hub's calendar widget in a frame (src/web/calendar).
export class CalendarWidget1764700000007 implements MigrationInterface {
  name = 'CalendarWidget1764700000007';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "tenants" ADD "calendar_widget_origins" text array NOT NULL DEFAULT '{}'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tenants" DROP COLUMN "calendar_widget_origins"`);
  }
}
