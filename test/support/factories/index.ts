import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { Membership, Role } from '../../../src/auth/entities/membership.entity';
import { User } from '../../../src/auth/entities/user.entity';
import { UsersService } from '../../../src/auth/users.service';
import { asTenantId } from '../../../src/database/tenant-id';
import { TenantTransaction } from '../../../src/database/tenant-transaction';
import { Tenant } from '../../../src/tenancy/entities/tenant.entity';
import { TenantsService } from '../../../src/tenancy/tenants.service';
import type { TestApp } from '../test-app';

export const TEST_PASSWORD = 'Zorgzaam-wachtwoord-2026';
let passwordHash: Promise<string> | null = null;

export async function createTenant(
  t: TestApp,
  values: Partial<Tenant> & { slug: string },
): Promise<Tenant> {
  return t.get(TenantsService).create({
    name: values.slug.charAt(0).toUpperCase() + values.slug.slice(1),
    contactEmail: `sociaalhuis@${values.slug}.be`,
    welcomeText: `Welkom bij de mantelzorgers van ${values.slug}.`,
    ...values,
  });
}

export interface TestMember {
  user: User;
  membership: Membership | null;
  email: string;
  password: string;
}

/** A verified account with the test password and, when a tenant is given, a membership there. */
export async function createMember(
  t: TestApp,
  options: {
    tenant?: Tenant;
    role?: Role;
    email?: string;
    displayName?: string;
    platformAdmin?: boolean;
  } = {},
): Promise<TestMember> {
  passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id });
  const email = options.email ?? `persoon-${randomBytes(4).toString('hex')}@example.be`;
  const tx = t.get(TenantTransaction);
  const users = t.get(UsersService);
  const hash = await passwordHash;
  let membership: Membership | null = null;
  let user: User;
  const values = {
    passwordHash: hash,
    emailVerifiedAt: new Date(),
    platformAdmin: options.platformAdmin ?? false,
    sessionsValidAfter: new Date(Date.now() - 60_000),
  };
  if (options.tenant) {
    const tenantId = asTenantId(options.tenant.id);
    [user, membership] = await tx.run(tenantId, async (em) => {
      const u = await users.findOrCreate(em, email, values);
      const repo = em.getRepository(Membership);
      const m = await repo.save(
        repo.create({
          tenantId,
          userId: u.id,
          role: options.role ?? 'caregiver',
          displayName: options.displayName ?? 'Test Persoon',
          termsAcceptedAt: new Date(),
        }),
      );
      return [u, m] as const;
    });
  } else {
    user = await t.app
      .get(TenantTransaction)
      ['dataSource'].transaction((em) => users.findOrCreate(em, email, values));
  }
  return { user, membership, email, password: TEST_PASSWORD };
}
