import { MigrationInterface, QueryRunner } from 'typeorm';

/** Café reminders: a meeting's last time change, and mail that must not go out after a moment. */
export class Reminders1764100000000 implements MigrationInterface {
  name = 'Reminders1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD "discard_after" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "platform_outbox_messages" ADD "discard_after" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "meetings" ADD "rescheduled_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "rescheduled_at"`);
    await queryRunner.query(`ALTER TABLE "platform_outbox_messages" DROP COLUMN "discard_after"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "discard_after"`);
  }
}
