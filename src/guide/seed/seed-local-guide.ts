import type { Client } from 'pg';
import type { DemoSeedContext, DemoSeedCounts } from '../../common/feature-manifest';
import { DEMO_HUB_GUIDES } from './demo-guide';
import { seedGuidePages } from './seed-guide-rows';

/**
 * One demo municipality's part of the guide, inside the seed's tenant transaction: its local
 * parts under the general pages, its own pages and its mantelzorgpremie (a municipality without a
 * demo guide gets nothing). Idempotent: what exists is left as it is.
 */
export async function seedLocalGuide(
  client: Client,
  ctx: DemoSeedContext,
  now = new Date(),
): Promise<DemoSeedCounts> {
  const guide = DEMO_HUB_GUIDES[ctx.tenantSlug as keyof typeof DEMO_HUB_GUIDES];
  if (!guide) return {};
  let guideLocalPartsCreated = 0;
  for (const part of guide.localParts) {
    const result = await client.query(
      `insert into guide_local_parts (tenant_id, page_id, body)
       select $1, id, $3 from general_guide_pages where slug = $2
       on conflict on constraint uq_guide_local_parts_page do nothing`,
      [ctx.tenantId, part.pageSlug, part.body],
    );
    guideLocalPartsCreated += result.rowCount ?? 0;
  }
  const localGuidePagesCreated = await seedGuidePages(client, ctx.tenantId, guide.localPages, now);
  let caregiverPremiumsCreated = 0;
  if (guide.premium) {
    const { offered, amountCents, period, conditions, howToApply } = guide.premium;
    const result = await client.query(
      `insert into caregiver_premiums (tenant_id, offered, amount_cents, period, conditions, how_to_apply)
       values ($1, $2, $3, $4, $5, $6) on conflict (tenant_id) do nothing`,
      [ctx.tenantId, offered, amountCents, period, conditions, howToApply],
    );
    caregiverPremiumsCreated = result.rowCount ?? 0;
  }
  return { guideLocalPartsCreated, localGuidePagesCreated, caregiverPremiumsCreated };
}
