import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Names (docs/architecture.md "Names"): every injectable says its role in its name, with one of
 * these suffixes, or is one of the platform's primitives below, whose noun is the role (a clock,
 * a rate limiter), each with what it is.
 */
const ROLE_SUFFIXES = [
  'Service',
  'Controller',
  'Guard',
  'Policy',
  'Source',
  'Section',
  'Interceptor',
  'Middleware',
  'Filter',
  'Explorer',
  'Pipe',
  'Strategy',
];

const PRIMITIVES: Record<string, string> = {
  RequestContext: "the request's tenant, user and membership (nestjs-cls)",
  TenantTransaction: "a transaction with the tenant's RLS setting",
  SignedLinks: 'signs and checks the tokens of one-click links',
  AnonymousForms:
    "readers' forms without a session: their token, the Origin check, the day's voter hash",
  RateLimiter: 'counts attempts in Redis',
  RedisConnections: 'the shared ioredis connections',
  OutboxStore: "the outbox tables' reads and writes for the mail module",
  MailRenderer: 'renders e-mail templates',
  DevMailbox: 'the development mailbox (.eml files)',
  TenantFanOut: 'enqueues one job per active municipality',
  CheckedUpload: 'the upload interceptor made by checkedUpload() (an Interceptor in all but name)',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const SRC = join(__dirname, '..');

/** Every class decorated with @Injectable() in src/ (other decorators may come in between). */
function injectables(): { name: string; file: string }[] {
  return sourceFiles(SRC).flatMap((file) =>
    [
      ...readFileSync(file, 'utf8').matchAll(
        /@Injectable\([^)]*\)\s*(?:@\w+\([^)]*\)\s*)*(?:export\s+)?class\s+(\w+)/g,
      ),
    ].map((m) => ({ name: m[1], file: relative(SRC, file) })),
  );
}

describe('names of injectables (docs/architecture.md "Names")', () => {
  const found = injectables();

  it('finds the injectables (the control)', () => {
    expect(found.map((i) => i.name)).toEqual(
      expect.arrayContaining(['MailService', 'CafeManagerGuard', 'TenantTransaction']),
    );
  });

  it('gives every injectable a role suffix, or lists it as a primitive', () => {
    const unnamed = found.filter(
      ({ name }) => !ROLE_SUFFIXES.some((suffix) => name.endsWith(suffix)) && !(name in PRIMITIVES),
    );
    expect(unnamed.map(({ name, file }) => `${file}: ${name}`)).toEqual([]);
  });

  it('lists no primitive that does not exist', () => {
    const names = new Set(found.map((i) => i.name));
    expect(Object.keys(PRIMITIVES).filter((name) => !names.has(name))).toEqual([]);
  });
});
