import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { SystemClock, TestClock } from './clock';

describe('TestClock', () => {
  it('stands still at the instant it was set to, until set again or advanced', () => {
    const clock = new TestClock('2027-03-27T11:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2027-03-27T11:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2027-03-27T11:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2027-03-27T11:01:30.000Z');
    clock.set(new Date('2028-10-28T10:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2028-10-28T10:00:00.000Z');
    // A caller changing the Date it got does not move the clock.
    clock.now().setFullYear(2000);
    expect(clock.now().getUTCFullYear()).toBe(2028);
    expect(() => clock.set('morgen')).toThrow(/not an instant/);
  });

  it('the system clock tells the real time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

/**
 * "Now" in SQL comes from the Clock, as a parameter (src/common/clock.ts): a bare `now()` in a
 * query would make a test's fixed "now" silently not apply. This scan reads every string and
 * template literal of src/ (comments and JS such as `Date.now()` are not literals) and reports
 * the database's own time functions. Column defaults (`default: () => 'now()'`) are fine: they
 * record when a row was written. The files below keep real time on purpose.
 */
const REAL_TIME_ALLOWED: Record<string, string> = {
  'src/mail/outbox-store.ts':
    "leases, retries and purges of the outbox run on the database's real time (the discard moment, a meeting's start, is compared with the clock)",
  'src/auth/auth-tokens.service.ts':
    'login, verification and reset links expire in real time, as the mail that carries them',
  'src/events/capacity/queue-entry.ts':
    "queued_at is clock_timestamp(): the waitlist's order is the order in which the event's lock was obtained",
  'src/seed/seed.ts': 'demo data is stamped with the time it was seeded',
};

const SQL_TIME =
  /\b(?:now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday)\s*\(\s*\)|\b(?:current_timestamp|current_date|current_time|localtimestamp|localtime)\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `default: () => 'now()'` on an entity column: a column default, allowed. */
function isColumnDefault(node: ts.Node): boolean {
  const arrow = node.parent;
  const property = arrow?.parent;
  return (
    !!arrow &&
    ts.isArrowFunction(arrow) &&
    !!property &&
    ts.isPropertyAssignment(property) &&
    property.name.getText() === 'default'
  );
}

/** Every string or template literal in `file` that calls one of the database's time functions. */
export function bareSqlTimes(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      SQL_TIME.test(node.text) &&
      !isColumnDefault(node)
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}: ${node.text.match(SQL_TIME)![0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no bare now() in SQL', () => {
  const root = join(__dirname, '..', '..');
  const bySource = new Map(
    sourceFiles(join(root, 'src')).map((f) => [relative(root, f), bareSqlTimes(f)] as const),
  );

  it('finds the time functions in strings, not in comments, JS calls or column defaults', () => {
    const sample = [
      "const a = 'select 1 where starts_at > now()';",
      'const b = `update t set x = current_timestamp where id = ${id}`;',
      "const c = { default: () => 'now()' };",
      '// select now()',
      'const d = Date.now() + this.clock.now().getTime();',
      "const e = 'starts_at > $2';",
    ].join('\n');
    expect(bareSqlTimes('sample.ts', sample)).toEqual([
      'sample.ts:1: now()',
      'sample.ts:2: current_timestamp',
    ]);
  });

  it('src/ passes the clock to SQL instead of now() (except the files that keep real time)', () => {
    const offending = [...bySource]
      .filter(([file]) => !(file in REAL_TIME_ALLOWED))
      .flatMap(([, hits]) => hits);
    expect(offending).toEqual([]);
  });

  it('every file allowed real time still uses it (no stale exceptions)', () => {
    const stale = Object.keys(REAL_TIME_ALLOWED).filter((f) => !bySource.get(f)?.length);
    expect(stale).toEqual([]);
  });
});
