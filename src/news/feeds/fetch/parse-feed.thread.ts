import { FetchFailure } from './fetch-failure';
import { parseFeedBody, type ParsedFeed } from './parse-feed';
import type { FetchErrorCode } from './fetch-contract';

/** One body to parse, as it crosses to a thread (plain data: a Date does not survive as an option). */
export interface ParseTask {
  body: Uint8Array;
  url: string;
  contentType: string | null;
  nowMs: number;
  maxItems: number;
}

/** What comes back: the feed, or the failure's code and detail (a thrown FetchFailure would arrive as a plain Error). */
export type ParseResult =
  { ok: true; feed: ParsedFeed } | { ok: false; code: FetchErrorCode; detail: string | null };

/** parseFeedBody for one task; what the pool's threads run, and the fetcher inline without threads. */
export function runParseTask(task: ParseTask): ParseResult {
  const body = Buffer.from(task.body.buffer, task.body.byteOffset, task.body.byteLength);
  try {
    const feed = parseFeedBody(body, {
      url: task.url,
      contentType: task.contentType,
      now: new Date(task.nowMs),
      maxItems: task.maxItems,
    });
    return { ok: true, feed };
  } catch (error) {
    if (error instanceof FetchFailure) return { ok: false, code: error.code, detail: error.detail };
    throw error;
  }
}

// A Piscina thread runs the module's default export.
export default runParseTask;
