/**
 * A tenant's id, branded so that data-access functions cannot be called with any other string.
 * Obtain one from a resolved Tenant (`tenant.id as TenantId` happens only in tenancy/).
 */
export type TenantId = string & { readonly __brand: 'TenantId' };

export function asTenantId(id: string): TenantId {
  return id as TenantId;
}
