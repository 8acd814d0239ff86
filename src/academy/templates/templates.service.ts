import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AcademyTemplateMaterial } from '../common/entities/academy-template-material.entity';
import { AcademyTemplateSession } from '../common/entities/academy-template-session.entity';
import { AcademyTemplate } from '../common/entities/academy-template.entity';

/** A template with its programme and materials, in order. */
export interface TemplateDetail {
  template: AcademyTemplate;
  sessions: AcademyTemplateSession[];
  materials: AcademyTemplateMaterial[];
}

/**
 * The catalogue of templates (global tables, no RLS): the one way in for the rest of the app
 * (a municipality's "new course from a template", the platform admin's pages).
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

  private async detail(where: { id: string } | { slug: string }): Promise<TemplateDetail | null> {
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
