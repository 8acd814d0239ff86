import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Rule 3 of docs/architecture.md: one owner per table. The folder of a table's entity
 * (`src/<folder>/**\/*.entity.ts`, `@Entity('name')`) owns it: only that folder writes it, and
 * normally only that folder reads it; the others call its service (the café asks
 * `MailService.queueTenantMail` and `dropPending`, it does not write `outbox_messages`). Lint
 * cannot see SQL, so this test reads every string and template literal of `src/` (specs aside)
 * and finds the tables they write (`insert into`, `update`, `delete from`, `truncate`) and read
 * (`from`, `join`). A write to another folder's table fails; a read of one fails unless it is
 * listed in READS_ALLOWED with the reason.
 */

const SRC = join(__dirname, '..');
const ROOT = join(SRC, '..');

/** Tables that no entity maps (made by migrations only), with their owner. */
const MIGRATION_ONLY_TABLES: Record<string, string> = {
  typeorm_migrations: 'database', // TypeORM's record of the migrations that ran
};

/**
 * Files that are no folder's own code and write every folder's demo rows: the demo seed runs
 * without the app (plain pg, `npm start` and `npm run seed`), so it cannot call the services.
 */
const COMPOSITION_FILES: Record<string, string> = {
  'src/seed/seed.ts':
    "the demo seed: municipalities, accounts and memberships for `npm start`, straight through pg (no app, so no services); each feature's demo rows come from its own seeders",
};

/** Reads of another folder's table, file by file, with the reason. */
const READS_ALLOWED: Record<string, Record<string, string>> = {
  'src/calendar/activities/activities.service.ts': {
    care_organisations:
      "the hub's directory as the form's list of organisers, and the chosen one's name and contact on the activity's page",
    memberships: 'the name of the professional who proposed an activity, for the reviewing admin',
  },
  'src/calendar/activities/activities.calendar-source.ts': {
    care_organisations: "the organiser's name under an activity on the calendar (one statement)",
  },
  'src/calendar/activities/activity-review.service.ts': {
    memberships: 'the name of the professional whose proposal was answered, for the mail',
    users: 'the address of that professional',
  },
  'src/calendar/seed/seed-activities.ts': {
    memberships: "the hub's professional, who proposed the demo activity that waits for review",
  },
  'src/cafes/finder/cafe-finder.service.ts': {
    tenants:
      "the café finder lists only hubs active now: the copy's hub is checked in the statement that reads it",
  },
  'src/cafes/finder/cafe-finder-copy.service.ts': {
    tenants: 'the copies of hubs no longer active are dropped (one statement)',
  },
  'src/guide/pages/guide-votes.service.ts': {
    tenants:
      "the hub's name beside a reader's comment on a general page, for the platform's editors (one statement)",
  },
  'src/mail/outbox-store.ts': {
    tenants:
      "a suspended municipality's mail is held: the claim checks the tenant's status in the same statement that locks the rows",
  },
  'src/cafes/follows/follows.service.ts': {
    memberships:
      "the member's own default for café reminders (memberships.cafe_reminders) next to the café's follow, in one statement",
  },
  'src/cafes/hosting/host-dashboard.service.ts': {
    memberships: 'the display names of the people signed up, on the host’s lists',
  },
  'src/cafes/hosting/hosts.service.ts': {
    memberships: 'the search for members to add to a core group (by name)',
    users: 'the same search by e-mail address',
  },
  'src/cafes/signups/signups.service.ts': {
    memberships: 'the name of the person promoted from the waitlist, for the mail',
    users: 'the address of that person',
  },
  'src/cafes/reminders/meeting-notices.service.ts': {
    memberships: 'the names of the people signed up to a changed or cancelled meeting',
    users: 'their addresses, for the notice',
  },
  'src/cafes/reminders/cafe-reminders.source.ts': {
    memberships: 'the recipients of the reminders: their name and choice',
    users: 'their addresses',
  },
  'src/academy/enrolments/enrolments.service.ts': {
    memberships: 'the name of the person enrolled, waitlisted, promoted or cancelled, for the mail',
    users: 'the address of that person',
  },
  'src/academy/enrolments/enrolment-pages.service.ts': {
    memberships: "the participants' names and phone numbers, for the course's admins and trainer",
    users: 'their addresses, for the admins only',
  },
  'src/academy/enrolments/course-reminders.source.ts': {
    memberships: 'the recipients of the course reminders: their name',
    users: 'their addresses',
  },
  'src/academy/enrolments/seed/seed-enrolments.ts': {
    memberships: 'demo members enrol',
  },
  'src/academy/courses/course-notices.service.ts': {
    memberships:
      'the name of each person enrolled, for the notice of a cancelled or changed course',
    users: 'the address of that person',
  },
  'src/academy/courses/seed/seed-courses.ts': {
    memberships: "the demo municipality's professional is the trainer of a demo course",
  },
  'src/cafes/seed/seed-cafes.ts': {
    memberships: 'the demo core group is made of demo members',
  },
  'src/cafes/seed/seed-signups.ts': {
    memberships: 'demo members sign up',
  },
  'src/cafes/seed/seed-wishes.ts': {
    memberships: 'demo members write and vote for wishes',
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const folderOf = (file: string) => relative(SRC, file).split('/')[0];
const shown = (file: string) => relative(ROOT, file);

/** Table → owning folder, from the entities (and the migrations-only tables above). */
function tableOwners(files: string[]): Map<string, string> {
  const owners = new Map(Object.entries(MIGRATION_ONLY_TABLES));
  for (const file of files.filter((f) => f.endsWith('.entity.ts')))
    for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\s*['"](\w+)['"]/g))
      owners.set(m[1], folderOf(file));
  return owners;
}

/** The text of every string and template literal of a file (`${}` where a template has a hole). */
function literals(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node))
      found.push(
        [node.head.text, ...node.templateSpans.map((span) => `\${} ${span.literal.text}`)].join(''),
      );
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Entity class → its table, from the entity files. */
function entityTables(files: string[]): Map<string, string> {
  const tables = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.entity.ts')))
    for (const m of readFileSync(file, 'utf8').matchAll(
      /@Entity\(\s*['"](\w+)['"][^]*?export class (\w+)/g,
    ))
      tables.set(m[2], m[1]);
  return tables;
}

/** TypeORM calls that take an entity class first and act on its table. */
const REPOSITORY_CALLS = new Set(
  'getRepository find findOne findOneBy findOneOrFail findOneByOrFail findBy count countBy exists existsBy insert update upsert delete save remove increment decrement createQueryBuilder'.split(
    ' ',
  ),
);
/** Query-builder joins that read an entity's table. */
const JOIN_CALLS = /^(inner|left)Join(AndSelect|AndMapOne|AndMapMany)?$/;

/**
 * The entity classes a file hands to TypeORM: `em.getRepository(X)`, `em.update(X, ...)` and the
 * like are `repository` uses; `qb.innerJoin(X, ...)` is a read of X's table.
 */
function entityUses(file: string, text = readFileSync(file, 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { entity: string; join: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      const first = node.arguments[0];
      if (ts.isIdentifier(first) && (REPOSITORY_CALLS.has(name) || JOIN_CALLS.test(name)))
        found.push({ entity: first.text, join: JOIN_CALLS.test(name) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

interface TableUse {
  table: string;
  write: boolean;
}

const USE =
  /\b(insert\s+into|delete\s+from|update|truncate(?:\s+table)?|from|join)\s+(?:only\s+)?(?:public\.)?"?(\w+)"?/gi;

/** The known tables an SQL text writes or reads. */
function tableUses(sql: string, tables: Set<string>): TableUse[] {
  const uses: TableUse[] = [];
  for (const m of sql.matchAll(USE)) {
    const table = m[2].toLowerCase();
    if (!tables.has(table)) continue;
    const verb = m[1].toLowerCase();
    uses.push({ table, write: !(verb === 'from' || verb === 'join') });
  }
  return uses;
}

describe('one owner per table (docs/architecture.md, rule 3)', () => {
  const files = sourceFiles(SRC);
  const owners = tableOwners(files);
  const tables = new Set(owners.keys());
  const uses = files.flatMap((file) =>
    literals(file).flatMap((sql) =>
      tableUses(sql, tables).map((use) => ({ ...use, file: shown(file), folder: folderOf(file) })),
    ),
  );
  const entities = entityTables(files);
  const entityUsesOf = files.flatMap((file) =>
    entityUses(file)
      .filter((use) => entities.has(use.entity))
      .map((use) => ({
        ...use,
        table: entities.get(use.entity)!,
        file: shown(file),
        folder: folderOf(file),
      })),
  );
  const foreign = [
    ...uses,
    // A join through the query builder reads the table like SQL's `join` does.
    ...entityUsesOf.filter((u) => u.join).map((u) => ({ ...u, write: false })),
  ].filter((use) => owners.get(use.table) !== use.folder);

  it('knows the owner of every table the migrations create', () => {
    const created = new Set<string>();
    for (const name of readdirSync(join(ROOT, 'migrations')))
      for (const m of readFileSync(join(ROOT, 'migrations', name), 'utf8').matchAll(
        /create table (?:if not exists )?"?(\w+)"?/gi,
      ))
        created.add(m[1].toLowerCase());
    expect([...created].filter((table) => !owners.has(table))).toEqual([]);
    expect(owners.get('outbox_messages')).toBe('mail');
    expect(owners.get('signups')).toBe('cafes');
  });

  it('finds writes and reads in SQL (the scan itself)', () => {
    const sql = `insert into outbox_messages (key) values ($1);
      update "memberships" set role = $2 from users u where u.id = $3;
      delete from signups where id = $4 for update skip locked;
      select 1 from cafes c join meetings m on true; insert into nothing values (1)`;
    expect(tableUses(sql, tables)).toEqual([
      { table: 'outbox_messages', write: true },
      { table: 'memberships', write: true },
      { table: 'users', write: false },
      { table: 'signups', write: true },
      { table: 'cafes', write: false },
      { table: 'meetings', write: false },
    ]);
    expect(literals('x.ts', 'const q = `select 1 from ${t} join cafes on true`;')).toEqual([
      'select 1 from ${}  join cafes on true',
    ]);
  });

  it("writes no table of another folder (call the owner's service)", () => {
    const writes = foreign
      .filter((use) => use.write && !COMPOSITION_FILES[use.file])
      .map((use) => `${use.file} writes ${use.table} (owner: src/${owners.get(use.table)}/)`);
    expect([...new Set(writes)]).toEqual([]);
  });

  it("uses no repository of another folder's entity (its service has the method)", () => {
    const repositories = entityUsesOf
      .filter((use) => !use.join && owners.get(use.table) !== use.folder)
      .filter((use) => !COMPOSITION_FILES[use.file])
      .map((use) => `${use.file} uses ${use.entity} (owner: src/${owners.get(use.table)}/)`);
    expect([...new Set(repositories)]).toEqual([]);
  });

  it('finds the entities handed to TypeORM (the scan itself)', () => {
    const text = `em.getRepository(Membership).update({}, {}); await em.insert(Signup, {});
      repo.createQueryBuilder('h').innerJoin(Membership, 'm', 'true'); em.query('x', [Cafe]);`;
    expect(entityUses('x.ts', text)).toEqual([
      { entity: 'Membership', join: false },
      { entity: 'Signup', join: false },
      { entity: 'Membership', join: true },
    ]);
    expect(entities.get('Membership')).toBe('memberships');
  });

  it('reads the table of another folder only where READS_ALLOWED says why', () => {
    const reads = foreign
      .filter((use) => !use.write && !COMPOSITION_FILES[use.file])
      .filter((use) => !READS_ALLOWED[use.file]?.[use.table])
      .map((use) => `${use.file} reads ${use.table} (owner: src/${owners.get(use.table)}/)`);
    expect([...new Set(reads)]).toEqual([]);
  });

  it('has no stale exceptions: each still names a file and a read it has', () => {
    const read = new Set(foreign.filter((u) => !u.write).map((u) => `${u.file} ${u.table}`));
    const stale = Object.entries(READS_ALLOWED)
      .flatMap(([file, allowed]) => Object.keys(allowed).map((table) => `${file} ${table}`))
      .filter((key) => !read.has(key));
    const gone = Object.keys(COMPOSITION_FILES).filter(
      (file) => !files.some((f) => shown(f) === file),
    );
    expect({ stale, gone }).toEqual({ stale: [], gone: [] });
  });
});
