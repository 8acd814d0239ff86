import { MigrationInterface, QueryRunner } from 'typeorm';

/** A café's photo gets a required description (alt text) for people who cannot see it. */
export class CafePhoto1764200000000 implements MigrationInterface {
  name = 'CafePhoto1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cafes" ADD "photo_alt" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cafes" DROP COLUMN "photo_alt"`);
  }
}
