import type { Client } from 'pg';
import type { DemoSeedContext, DemoSeedCounts } from '../../common/feature-manifest';
import { nameKey } from '../organisations/organisations.service';
import { DEMO_HUB_GUIDES } from './demo-guide';

/**
 * One demo municipality's directory of care organisations (made up, contact data on `.example`
 * domains), inside the seed's tenant transaction. Idempotent: a name that exists is left alone.
 */
export async function seedLocalOrganisations(
  client: Client,
  ctx: DemoSeedContext,
): Promise<DemoSeedCounts> {
  const guide = DEMO_HUB_GUIDES[ctx.tenantSlug as keyof typeof DEMO_HUB_GUIDES];
  if (!guide) return {};
  let careOrganisationsCreated = 0;
  for (const o of guide.organisations) {
    const result = await client.query(
      `insert into care_organisations (tenant_id, name, name_key, kind, offer, audience, address,
         postcode, town, phone, email, website, opening_hours, cost, accessibility)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       on conflict on constraint uq_care_organisations_name do nothing`,
      [
        ctx.tenantId,
        o.name,
        nameKey(o.name),
        o.kind,
        o.offer,
        o.audience,
        o.address,
        o.postcode,
        o.town,
        o.phone,
        o.email,
        o.website,
        o.openingHours,
        o.cost,
        o.accessibility,
      ],
    );
    careOrganisationsCreated += result.rowCount ?? 0;
  }
  return { careOrganisationsCreated };
}
