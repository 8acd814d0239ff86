import type { Client } from 'pg';
import type { DemoSeedCounts } from '../../common/feature-manifest';
import { DEMO_GENERAL_GUIDE_PAGES } from './demo-guide';
import { seedGuidePages } from './seed-guide-rows';

/**
 * The demo's general guide pages (a global table, shown on every hub), once before the
 * municipalities, in one transaction of its own. Idempotent.
 */
export async function seedGeneralGuide(client: Client, now = new Date()): Promise<DemoSeedCounts> {
  await client.query('begin');
  try {
    const generalGuidePagesCreated = await seedGuidePages(
      client,
      null,
      DEMO_GENERAL_GUIDE_PAGES,
      now,
    );
    await client.query('commit');
    return { generalGuidePagesCreated };
  } catch (e) {
    await client.query('rollback');
    throw e;
  }
}
