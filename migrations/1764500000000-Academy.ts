import { MigrationInterface, QueryRunner } from 'typeorm';

// The academy (docs/academy.md): global templates and their materials (platform_files), and the
// municipalities' courses, sessions, questions, enrolments, attendance, certificates and feedback.
// ON DELETE SET NULL on a composite key names only the non-tenant column (PostgreSQL 15+).

export class Academy1764500000000 implements MigrationInterface {
  name = 'Academy1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "academy_templates" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "title" character varying(160) NOT NULL, "kind" character varying(20) NOT NULL, "audiences" text array NOT NULL, "summary" text NOT NULL DEFAULT '', "learning_goals" text NOT NULL DEFAULT '', "trainer_profile" text NOT NULL DEFAULT '', "suggested_capacity" integer NOT NULL DEFAULT '15', "status" character varying(20) NOT NULL DEFAULT 'active', CONSTRAINT "uq_academy_templates_slug" UNIQUE ("slug"), CONSTRAINT "PK_c4540e22cda466fbb3dad8d8caf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "courses" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "template_id" uuid, "title" character varying(160) NOT NULL, "kind" character varying(20) NOT NULL, "audiences" text array NOT NULL, "summary" text NOT NULL DEFAULT '', "learning_goals" text NOT NULL DEFAULT '', "trainer_name" character varying(120) NOT NULL DEFAULT '', "trainer_organisation" character varying(160) NOT NULL DEFAULT '', "trainer_membership_id" uuid, "venue_name" character varying(120) NOT NULL DEFAULT '', "venue_address" character varying(300) NOT NULL DEFAULT '', "venue_directions" text NOT NULL DEFAULT '', "step_free" boolean NOT NULL DEFAULT false, "accessible_toilet" boolean NOT NULL DEFAULT false, "parking" boolean NOT NULL DEFAULT false, "online_url" character varying(500), "price_cents" integer NOT NULL DEFAULT '0', "capacity" integer NOT NULL, "registration_deadline" TIMESTAMP WITH TIME ZONE, "status" character varying(20) NOT NULL DEFAULT 'draft', "required_attendance_percent" integer NOT NULL DEFAULT '100', "reminder_offsets" integer array NOT NULL DEFAULT '{2880}', "published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_courses_slug" UNIQUE ("tenant_id", "slug"), CONSTRAINT "PK_22f24ff33ac22c42a4a3ff62871" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_courses_trainer" ON "courses" ("tenant_id", "trainer_membership_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_courses_status" ON "courses"  ("tenant_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "course_sessions" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "position" integer NOT NULL, "title" character varying(160) NOT NULL DEFAULT '', "programme" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'scheduled', "sequence" integer NOT NULL DEFAULT '0', "rescheduled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_course_sessions_position" UNIQUE ("tenant_id", "course_id", "position"), CONSTRAINT "PK_b8d46569e57677f3cb7768ae291" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_course_sessions_starts_at" ON "course_sessions"  ("tenant_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "platform_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "content_type" character varying(100) NOT NULL, "byte_size" integer NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f0149ed64e5f223248c91716803" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "academy_template_materials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "file_id" uuid NOT NULL, "title" character varying(160) NOT NULL, "filename" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b0738a796c0e66d126ab5f876f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "academy_template_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "position" integer NOT NULL, "title" character varying(160) NOT NULL, "programme" text NOT NULL DEFAULT '', "duration_minutes" integer NOT NULL, CONSTRAINT "uq_academy_template_sessions_position" UNIQUE ("template_id", "position"), CONSTRAINT "PK_1ae1b2bcf12c9c18ef185a13d00" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "enrollments" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}', "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" character varying(10), "promotions" integer NOT NULL DEFAULT '0', "feedback_sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_enrollments_member" UNIQUE ("tenant_id", "course_id", "membership_id"), CONSTRAINT "PK_7b0cae4f7591257d702599a01f8" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_enrollments_member" ON "enrollments"  ("tenant_id", "membership_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_enrollments_queue" ON "enrollments"  ("tenant_id", "course_id", "status", "queued_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "certificates" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrollment_id" uuid NOT NULL, "code" character varying(40) NOT NULL, "holder_name" character varying(80) NOT NULL, "course_title" character varying(160) NOT NULL, "completed_on" date NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_certificates_code" UNIQUE ("tenant_id", "code"), CONSTRAINT "uq_certificates_enrollment" UNIQUE ("tenant_id", "enrollment_id"), CONSTRAINT "PK_5c7ec7fa7c3798f08dc1b4c1660" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "course_feedback" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "usefulness" smallint NOT NULL, "better" text NOT NULL DEFAULT '', "comment" text NOT NULL DEFAULT '', "answered_on" date NOT NULL, CONSTRAINT "PK_ccf6ab29e4346359aae94d8d8dd" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_course_feedback_course" ON "course_feedback"  ("tenant_id", "course_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "course_questions" ("tenant_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "position" integer NOT NULL, "kind" character varying(20) NOT NULL, "label" character varying(200) NOT NULL, "choices" text array NOT NULL DEFAULT '{}', "required" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_course_questions_position" UNIQUE ("tenant_id", "course_id", "position"), CONSTRAINT "PK_1dc5573fb1cea15272e43cd1cec" PRIMARY KEY ("tenant_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "session_attendance" ("tenant_id" uuid NOT NULL, "session_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "present" boolean NOT NULL, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "marked_by" uuid, CONSTRAINT "PK_91e98d9a91e47672d77fed88a0c" PRIMARY KEY ("tenant_id", "session_id", "enrollment_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "memberships" ADD "staff" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "courses" ADD CONSTRAINT "fk_courses_trainer" FOREIGN KEY ("tenant_id", "trainer_membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE SET NULL (trainer_membership_id) ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "courses" ADD CONSTRAINT "fk_courses_template" FOREIGN KEY ("template_id") REFERENCES "academy_templates"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "courses" ADD CONSTRAINT "fk_courses_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_sessions" ADD CONSTRAINT "fk_course_sessions_course" FOREIGN KEY ("tenant_id", "course_id") REFERENCES "courses"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_sessions" ADD CONSTRAINT "fk_course_sessions_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "academy_template_materials" ADD CONSTRAINT "fk_academy_template_materials_file" FOREIGN KEY ("file_id") REFERENCES "platform_files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "academy_template_materials" ADD CONSTRAINT "fk_academy_template_materials_template" FOREIGN KEY ("template_id") REFERENCES "academy_templates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "academy_template_sessions" ADD CONSTRAINT "fk_academy_template_sessions_template" FOREIGN KEY ("template_id") REFERENCES "academy_templates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "fk_enrollments_membership" FOREIGN KEY ("tenant_id", "membership_id") REFERENCES "memberships"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "fk_enrollments_course" FOREIGN KEY ("tenant_id", "course_id") REFERENCES "courses"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "fk_enrollments_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "fk_certificates_enrollment" FOREIGN KEY ("tenant_id", "enrollment_id") REFERENCES "enrollments"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "fk_certificates_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_feedback" ADD CONSTRAINT "fk_course_feedback_course" FOREIGN KEY ("tenant_id", "course_id") REFERENCES "courses"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_feedback" ADD CONSTRAINT "fk_course_feedback_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_questions" ADD CONSTRAINT "fk_course_questions_course" FOREIGN KEY ("tenant_id", "course_id") REFERENCES "courses"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_questions" ADD CONSTRAINT "fk_course_questions_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "fk_session_attendance_marked_by" FOREIGN KEY ("tenant_id", "marked_by") REFERENCES "memberships"("tenant_id","id") ON DELETE SET NULL (marked_by) ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "fk_session_attendance_enrollment" FOREIGN KEY ("tenant_id", "enrollment_id") REFERENCES "enrollments"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "fk_session_attendance_session" FOREIGN KEY ("tenant_id", "session_id") REFERENCES "course_sessions"("tenant_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "fk_session_attendance_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session_attendance" DROP CONSTRAINT "fk_session_attendance_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" DROP CONSTRAINT "fk_session_attendance_session"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" DROP CONSTRAINT "fk_session_attendance_enrollment"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" DROP CONSTRAINT "fk_session_attendance_marked_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_questions" DROP CONSTRAINT "fk_course_questions_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_questions" DROP CONSTRAINT "fk_course_questions_course"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_feedback" DROP CONSTRAINT "fk_course_feedback_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_feedback" DROP CONSTRAINT "fk_course_feedback_course"`,
    );
    await queryRunner.query(`ALTER TABLE "certificates" DROP CONSTRAINT "fk_certificates_tenant"`);
    await queryRunner.query(
      `ALTER TABLE "certificates" DROP CONSTRAINT "fk_certificates_enrollment"`,
    );
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollments_tenant"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollments_course"`);
    await queryRunner.query(
      `ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollments_membership"`,
    );
    await queryRunner.query(
      `ALTER TABLE "academy_template_sessions" DROP CONSTRAINT "fk_academy_template_sessions_template"`,
    );
    await queryRunner.query(
      `ALTER TABLE "academy_template_materials" DROP CONSTRAINT "fk_academy_template_materials_template"`,
    );
    await queryRunner.query(
      `ALTER TABLE "academy_template_materials" DROP CONSTRAINT "fk_academy_template_materials_file"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_sessions" DROP CONSTRAINT "fk_course_sessions_tenant"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_sessions" DROP CONSTRAINT "fk_course_sessions_course"`,
    );
    await queryRunner.query(`ALTER TABLE "courses" DROP CONSTRAINT "fk_courses_tenant"`);
    await queryRunner.query(`ALTER TABLE "courses" DROP CONSTRAINT "fk_courses_template"`);
    await queryRunner.query(`ALTER TABLE "courses" DROP CONSTRAINT "fk_courses_trainer"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP COLUMN "staff"`);
    await queryRunner.query(`DROP TABLE "session_attendance"`);
    await queryRunner.query(`DROP TABLE "course_questions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_course_feedback_course"`);
    await queryRunner.query(`DROP TABLE "course_feedback"`);
    await queryRunner.query(`DROP TABLE "certificates"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrollments_queue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrollments_member"`);
    await queryRunner.query(`DROP TABLE "enrollments"`);
    await queryRunner.query(`DROP TABLE "academy_template_sessions"`);
    await queryRunner.query(`DROP TABLE "academy_template_materials"`);
    await queryRunner.query(`DROP TABLE "platform_files"`);
    await queryRunner.query(`DROP INDEX "public"."ix_course_sessions_starts_at"`);
    await queryRunner.query(`DROP TABLE "course_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_courses_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_courses_trainer"`);
    await queryRunner.query(`DROP TABLE "courses"`);
    await queryRunner.query(`DROP TABLE "academy_templates"`);
  }
}
