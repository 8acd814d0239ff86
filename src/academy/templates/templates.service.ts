import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  deletePlatformFile,
  readPlatformFile,
  savePlatformFile,
  safeFilename,
} from '../../files/platform-files';
import type { PlatformFile } from '../../files/entities/platform-file.entity';
import { AcademyTemplateMaterial } from '../common/entities/academy-template-material.entity';
import { AcademyTemplateSession } from '../common/entities/academy-template-session.entity';
import { AcademyTemplate, type TemplateStatus } from '../common/entities/academy-template.entity';
import type { TemplateInput } from './template-form';
import { UUID } from '../../common/uuid';

/** A template with its programme and materials, in order. */
export interface TemplateDetail {
  template: AcademyTemplate;
  sessions: AcademyTemplateSession[];
  materials: AcademyTemplateMaterial[];
}

/** A line of a list of templates: the template and the number of sessions in its programme. */
export interface TemplateSummary {
  template: AcademyTemplate;
  sessionCount: number;
}

export type SaveTemplateResult =
  { ok: true; template: AcademyTemplate } | { ok: false; reason: 'slug-taken' | 'not-found' };

export type MaterialFile = { material: AcademyTemplateMaterial; file: PlatformFile };

/**
 * The catalogue of templates (global tables, no RLS): the one way in for the rest of the app
 * (a municipality's "new course from a template", the platform admin's pages). Writes run in one
 * transaction each (`DataSource.transaction`); the template row is locked first, so two saves of
 * one template run one after the other.
 */
@Injectable()
export class TemplatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The templates a municipality can start a course from, by title. */
  listActive(): Promise<AcademyTemplate[]> {
    return this.dataSource
      .getRepository(AcademyTemplate)
      .find({ where: { status: 'active' }, order: { title: 'ASC' } });
  }

  findBySlug(slug: string): Promise<TemplateDetail | null> {
    return this.detail({ slug });
  }

  findById(id: string): Promise<TemplateDetail | null> {
    return this.detail({ id });
  }

  /** Every template (the platform admin's list) or only the active ones, with their sessions counted. */
  async summaries(onlyActive: boolean): Promise<TemplateSummary[]> {
    const templates = await this.dataSource.getRepository(AcademyTemplate).find({
      where: onlyActive ? { status: 'active' } : {},
      order: { status: 'ASC', title: 'ASC' },
    });
    if (templates.length === 0) return [];
    const counts = await this.dataSource
      .getRepository(AcademyTemplateSession)
      .createQueryBuilder('s')
      .select('s.template_id', 'templateId')
      .addSelect('count(*)::int', 'n')
      .where('s.template_id = any(:ids)', { ids: templates.map((t) => t.id) })
      .groupBy('s.template_id')
      .getRawMany<{ templateId: string; n: number }>();
    const byId = new Map(counts.map((c) => [c.templateId, c.n]));
    return templates.map((template) => ({ template, sessionCount: byId.get(template.id) ?? 0 }));
  }

  /** A new template with its programme; refused when the slug is taken. */
  async create(input: TemplateInput): Promise<SaveTemplateResult> {
    return this.dataSource.transaction(async (em) => {
      const inserted = await em
        .createQueryBuilder()
        .insert()
        .into(AcademyTemplate)
        .values({ ...this.columns(input), status: 'active' })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) return { ok: false, reason: 'slug-taken' } as const;
      await this.writeSessions(em, id, input);
      const template = await em.getRepository(AcademyTemplate).findOneByOrFail({ id });
      return { ok: true, template } as const;
    });
  }

  /** The template's fields and its whole programme (the rows replace the old ones). */
  async update(id: string, input: TemplateInput): Promise<SaveTemplateResult> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.lock(em, id))) return { ok: false, reason: 'not-found' } as const;
      const taken = await em
        .getRepository(AcademyTemplate)
        .createQueryBuilder('t')
        .where('t.slug = :slug and t.id <> :id', { slug: input.slug, id })
        .getExists();
      if (taken) return { ok: false, reason: 'slug-taken' } as const;
      await em.getRepository(AcademyTemplate).update({ id }, this.columns(input));
      await em.getRepository(AcademyTemplateSession).delete({ templateId: id });
      await this.writeSessions(em, id, input);
      const template = await em.getRepository(AcademyTemplate).findOneByOrFail({ id });
      return { ok: true, template } as const;
    });
  }

  /** Archives or reactivates a template (courses made from it keep their copy); null: no such one. */
  async setStatus(id: string, status: TemplateStatus): Promise<AcademyTemplate | null> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.lock(em, id))) return null;
      await em.getRepository(AcademyTemplate).update({ id }, { status });
      return em.getRepository(AcademyTemplate).findOneByOrFail({ id });
    });
  }

  /** Stores a checked file as a material of the template; null when the template is gone. */
  async addMaterial(
    templateId: string,
    title: string,
    file: { contentType: string; content: Buffer; extension: string; originalName: string },
  ): Promise<AcademyTemplateMaterial | null> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.lock(em, templateId))) return null;
      const stored = await savePlatformFile(em, file);
      const repo = em.getRepository(AcademyTemplateMaterial);
      return repo.save(
        repo.create({
          templateId,
          fileId: stored.id,
          title,
          filename: safeFilename(file.originalName || title, file.extension),
        }),
      );
    });
  }

  /** Deletes a material and its file; false when there was no such material of this template. */
  async removeMaterial(templateId: string, materialId: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      if (!UUID.test(materialId) || !(await this.lock(em, templateId))) return false;
      const repo = em.getRepository(AcademyTemplateMaterial);
      const material = await repo.findOneBy({ id: materialId, templateId });
      if (!material) return false;
      await repo.delete({ id: material.id });
      await deletePlatformFile(em, material.fileId);
      return true;
    });
  }

  /**
   * A material of the template with `slug` and its bytes, or null. `onlyActive`: a municipality's
   * admin reaches the materials of active templates only.
   */
  async material(
    slug: string,
    materialId: string,
    onlyActive: boolean,
  ): Promise<MaterialFile | null> {
    if (!UUID.test(materialId)) return null;
    return this.dataSource.transaction(async (em) => {
      const template = await em.getRepository(AcademyTemplate).findOneBy({ slug });
      if (!template || (onlyActive && template.status !== 'active')) return null;
      const material = await em
        .getRepository(AcademyTemplateMaterial)
        .findOneBy({ id: materialId, templateId: template.id });
      if (!material) return null;
      const file = await readPlatformFile(em, material.fileId);
      return file ? { material, file } : null;
    });
  }

  private columns(input: TemplateInput) {
    return {
      slug: input.slug,
      title: input.title,
      kind: input.kind,
      audiences: input.audiences,
      summary: input.summary,
      learningGoals: input.learningGoals,
      trainerProfile: input.trainerProfile,
      suggestedCapacity: input.suggestedCapacity,
    };
  }

  private async writeSessions(em: EntityManager, templateId: string, input: TemplateInput) {
    const repo = em.getRepository(AcademyTemplateSession);
    await repo.insert(
      input.sessions.map((s, i) => ({
        templateId,
        position: i + 1,
        title: s.title,
        programme: s.programme,
        durationMinutes: s.durationMinutes,
      })),
    );
  }

  private async lock(em: EntityManager, id: string): Promise<boolean> {
    const row = await em
      .getRepository(AcademyTemplate)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id })
      .getOne();
    return !!row;
  }

  private async detail(where: { id: string } | { slug: string }): Promise<TemplateDetail | null> {
    if ('id' in where && !UUID.test(where.id)) return null;
    const template = await this.dataSource.getRepository(AcademyTemplate).findOneBy(where);
    if (!template) return null;
    const [sessions, materials] = await Promise.all([
      this.dataSource
        .getRepository(AcademyTemplateSession)
        .find({ where: { templateId: template.id }, order: { position: 'ASC' } }),
      this.dataSource
        .getRepository(AcademyTemplateMaterial)
        .find({ where: { templateId: template.id }, order: { createdAt: 'ASC' } }),
    ]);
    return { template, sessions, materials };
  }
}
