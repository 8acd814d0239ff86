import { contrastRatio, MIN_BRAND_CONTRAST } from '../web/contrast';
import { slugProblem } from '../tenancy/slug';
import { DEMO_MUNICIPALITIES, DEMO_PLATFORM_ADMIN } from './demo-data';
import { assertSeedAllowed, SeedRefused } from './seed';

describe('demo data', () => {
  it('has the four demo municipalities with their NIS codes', () => {
    expect(
      DEMO_MUNICIPALITIES.map((m) => [m.tenant.slug, m.tenant.nisCode, m.tenant.province]),
    ).toEqual([
      ['poperinge', '33021', 'West-Vlaanderen'],
      ['ieper', '33011', 'West-Vlaanderen'],
      ['veurne', '38025', 'West-Vlaanderen'],
      ['gent', '44021', 'Oost-Vlaanderen'],
    ]);
  });

  it.each(DEMO_MUNICIPALITIES.map((m) => [m.tenant.slug, m]))(
    '%s is a valid, readable hub',
    (_slug, { tenant, members }) => {
      expect(slugProblem(tenant.slug)).toBeNull();
      expect(contrastRatio(tenant.brandColor, '#ffffff')).toBeGreaterThanOrEqual(
        MIN_BRAND_CONTRAST,
      );
      expect(tenant.welcomeText.split('\n\n').length).toBeGreaterThanOrEqual(2);
      expect(members.filter((m) => m.role === 'tenant_admin')).toHaveLength(1);
      expect(members.filter((m) => m.role === 'professional')).toHaveLength(1);
      expect(members.filter((m) => m.role === 'caregiver').length).toBeGreaterThanOrEqual(2);
    },
  );

  it('uses only reserved .test addresses, never a real mailbox', () => {
    const addresses = [
      DEMO_PLATFORM_ADMIN.email,
      ...DEMO_MUNICIPALITIES.flatMap((m) => [
        m.tenant.contactEmail,
        ...m.members.map((p) => p.email),
      ]),
    ];
    for (const address of addresses) expect(address).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.test$/);
  });

  it('never gives one person two memberships in the same municipality', () => {
    for (const { members } of DEMO_MUNICIPALITIES) {
      expect(new Set(members.map((m) => m.email)).size).toBe(members.length);
    }
  });

  it('refuses to seed in production', () => {
    expect(() => assertSeedAllowed('production')).toThrow(SeedRefused);
    expect(() => assertSeedAllowed('development')).not.toThrow();
  });
});
