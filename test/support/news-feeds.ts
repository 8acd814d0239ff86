import { createHash } from 'node:crypto';
import type { FetchOutcome, ParsedItem } from '../../src/news/feeds/fetch/fetch-contract';
import { FeedRefreshService, type StoreResult } from '../../src/news/feeds/feed-refresh.service';
import type { FeedScope } from '../../src/news/feeds/feed-scope';
import { FeedsService, type FeedInput, type FeedRow } from '../../src/news/feeds/feeds.service';
import type { TestApp } from './test-app';

/** A valid feed form (a new feed: on, every hour, summaries with a link). */
export const feedForm = (over: Record<string, string> = {}): Record<string, string> => ({
  url: 'https://www.gent.be/nieuws/rss',
  name: 'Website van de stad',
  refreshMinutes: '60',
  enabled: '1',
  display: 'samenvatting',
  ...over,
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An item as the fetcher returns it (hashes as it makes them: identity by guid, content by what shows). */
export function parsedItem(guid: string, over: Partial<ParsedItem> = {}): ParsedItem {
  const item = {
    link: `https://www.vlaanderen.be/nieuws/${guid}`,
    title: `Bericht ${guid}`,
    summary: `Samenvatting van ${guid}.`,
    content: `<p>Samenvatting van ${guid}.</p>`,
    publishedAt: null,
    ...over,
  };
  return {
    guidHash: sha256(guid),
    contentHash: sha256([item.title, item.link, item.summary, item.content].join('\n')),
    ...item,
  };
}

/** Feeds and stored refreshes through the app's own services (its rules, its transactions). */
export function feedFixtures(t: TestApp) {
  const feeds = t.get(FeedsService);
  const refreshes = t.get(FeedRefreshService);
  return {
    feeds,
    refreshes,
    create: async (
      scope: FeedScope,
      over: Partial<FeedInput> & { name: string },
    ): Promise<FeedRow> => {
      const created = await feeds.create(scope, {
        url: `https://www.${over.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.be/rss`,
        refreshMinutes: 60,
        enabled: true,
        showFull: false,
        ...over,
      });
      if (!created.ok) throw new Error(`feed ${over.name}: ${created.reason}`);
      return created.feed;
    },
    /** Stores `outcome` as the refresh of the feed's current slot would (the feed must be on). */
    store: async (
      scope: FeedScope,
      feedId: string,
      outcome: FetchOutcome,
    ): Promise<StoreResult> => {
      const due = await refreshes.due(
        scope,
        new Date(t.clock.now().getTime() + 400 * 24 * 3600_000),
      );
      const feed = due.find((d) => d.id === feedId);
      if (!feed) throw new Error(`feed ${feedId} is not on`);
      return refreshes.store(scope, feedId, feed.slot, outcome);
    },
  };
}

/** A fetched outcome with these items and no validators or hints. */
export const fetched = (items: ParsedItem[]): FetchOutcome => ({
  kind: 'fetched',
  feedTitle: null,
  items,
  etag: null,
  lastModified: null,
  hints: { minIntervalMinutes: null },
});
