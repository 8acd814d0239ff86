import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import type { TenantTransaction } from '../../database/tenant-transaction';
import { CafeAccessPolicy, mayManageCafe } from './cafe-access';
import type { HostsService } from './hosts.service';

const admin = { id: 'm-admin', role: 'tenant_admin' as const };
const caregiver = { id: 'm-care', role: 'caregiver' as const };
const professional = { id: 'm-pro', role: 'professional' as const };

describe('the café access rule', () => {
  it('lets a tenant admin manage every café, a host their own café, nobody else', () => {
    expect(mayManageCafe(admin, false)).toBe(true);
    expect(mayManageCafe(caregiver, true)).toBe(true);
    expect(mayManageCafe(professional, true)).toBe(true);
    expect(mayManageCafe(caregiver, false)).toBe(false);
    expect(mayManageCafe(professional, false)).toBe(false);
    // Nobody signed in here is never a host, whatever the caller passes.
    expect(mayManageCafe(null, true)).toBe(false);
    expect(mayManageCafe(undefined, true)).toBe(false);
  });

  it('looks the host up only when the role does not decide', async () => {
    const isHost = jest.fn((_em: unknown, _t: unknown, _c: unknown, id: string) =>
      Promise.resolve(id === caregiver.id),
    );
    const policy = new CafeAccessPolicy(
      {} as TenantTransaction,
      { isHost } as unknown as HostsService,
    );
    const em = {} as EntityManager;
    const tenantId = 't' as TenantId;
    expect(await policy.canManage(em, tenantId, 'c', admin)).toBe(true);
    expect(await policy.canManage(em, tenantId, 'c', null)).toBe(false);
    expect(isHost).not.toHaveBeenCalled();
    expect(await policy.canManage(em, tenantId, 'c', caregiver)).toBe(true);
    expect(await policy.canManage(em, tenantId, 'c', professional)).toBe(false);
    expect(isHost).toHaveBeenCalledTimes(2);
  });
});
