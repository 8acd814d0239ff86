import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/uuid';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { isUniqueViolation } from '../../database/unique-violation';
import { CareOrganisation } from '../common/entities/care-organisation.entity';
import type { OrganisationKind } from '../common/organisation-kinds';
import type { OrganisationInput } from './dto/organisation.dto';

const NAME_CONSTRAINT = 'uq_care_organisations_name';

/** "Sociaal  Huis" and "sociaal huis" are one name: lower case, no accents, one space. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export type SaveOrganisationResult =
  | { ok: true; organisation: CareOrganisation }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'name-taken' };

/** An import refused because names exist already (the file's row numbers with the name). */
export type ImportResult = { ok: true; created: number } | { ok: false; taken: string[] };

/**
 * The hub's directory of care organisations, in its tenant transaction: a name once per hub (the
 * folded `name_key`, unique; a race loses on the constraint and is told so), an import of many in
 * one transaction (all or nothing).
 */
@Injectable()
export class OrganisationsService {
  constructor(private readonly tx: TenantTransaction) {}

  /** The hub's organisations by name, of one kind or all. */
  list(tenantId: TenantId, kind: OrganisationKind | null = null): Promise<CareOrganisation[]> {
    return this.tx.run(tenantId, (em) =>
      em.getRepository(CareOrganisation).find({
        where: { tenantId, ...(kind ? { kind } : {}) },
        order: { nameKey: 'ASC', id: 'ASC' },
      }),
    );
  }

  async find(tenantId: TenantId, id: string): Promise<CareOrganisation | null> {
    if (!isUuid(id)) return null;
    return this.tx.run(tenantId, (em) =>
      em.getRepository(CareOrganisation).findOneBy({ tenantId, id }),
    );
  }

  async create(tenantId: TenantId, input: OrganisationInput): Promise<SaveOrganisationResult> {
    return this.saving(async () =>
      this.tx.run(tenantId, async (em) => {
        const repo = em.getRepository(CareOrganisation);
        const organisation = await repo.save(repo.create(this.row(tenantId, input)));
        return { ok: true, organisation };
      }),
    );
  }

  async update(
    tenantId: TenantId,
    id: string,
    input: OrganisationInput,
  ): Promise<SaveOrganisationResult> {
    if (!isUuid(id)) return { ok: false, reason: 'not-found' };
    return this.saving(async () =>
      this.tx.run(tenantId, async (em) => {
        const repo = em.getRepository(CareOrganisation);
        const result = await repo.update({ tenantId, id }, this.row(tenantId, input));
        if (!result.affected) return { ok: false, reason: 'not-found' };
        return { ok: true, organisation: (await repo.findOneBy({ tenantId, id }))! };
      }),
    );
  }

  async remove(tenantId: TenantId, id: string): Promise<CareOrganisation | null> {
    if (!isUuid(id)) return null;
    return this.tx.run(tenantId, async (em) => {
      const repo = em.getRepository(CareOrganisation);
      const current = await repo.findOneBy({ tenantId, id });
      if (current) await repo.delete({ tenantId, id });
      return current;
    });
  }

  /** Which of these names the hub has already (folded), as the hub wrote them. */
  existingNames(tenantId: TenantId, names: string[]): Promise<Map<string, string>> {
    return this.tx.run(tenantId, async (em) => {
      const rows = await em.query<{ name_key: string; name: string }[]>(
        'select name_key, name from care_organisations where tenant_id = $1 and name_key = any($2)',
        [tenantId, names.map(nameKey)],
      );
      return new Map(rows.map((r) => [r.name_key, r.name]));
    });
  }

  /**
   * Adds every row in one transaction: all of them, or none when a name exists (checked under
   * the unique constraint, so an organisation added meanwhile refuses the whole import too).
   */
  async importAll(tenantId: TenantId, rows: OrganisationInput[]): Promise<ImportResult> {
    try {
      return await this.tx.run(tenantId, async (em) => {
        const taken = await em.query<{ name: string }[]>(
          'select name from care_organisations where tenant_id = $1 and name_key = any($2)',
          [tenantId, rows.map((r) => nameKey(r.name))],
        );
        if (taken.length > 0) return { ok: false, taken: taken.map((r) => r.name) };
        const repo = em.getRepository(CareOrganisation);
        // In slices: one statement per 500 rows keeps the parameter count under PostgreSQL's limit.
        for (let i = 0; i < rows.length; i += 500)
          await repo.insert(rows.slice(i, i + 500).map((r) => this.row(tenantId, r)));
        return { ok: true, created: rows.length };
      });
    } catch (error) {
      if (isUniqueViolation(error, NAME_CONSTRAINT)) return { ok: false, taken: [] };
      throw error;
    }
  }

  private row(tenantId: TenantId, input: OrganisationInput): Partial<CareOrganisation> {
    return {
      tenantId,
      ...input,
      kind: input.kind as OrganisationKind,
      nameKey: nameKey(input.name),
    };
  }

  private async saving(
    work: () => Promise<SaveOrganisationResult>,
  ): Promise<SaveOrganisationResult> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, NAME_CONSTRAINT)) return { ok: false, reason: 'name-taken' };
      throw error;
    }
  }
}
