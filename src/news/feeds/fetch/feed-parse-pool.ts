import path from 'node:path';
import { Piscina } from 'piscina';
import { FetchFailure } from './fetch-failure';
import { runParseTask, type ParseResult, type ParseTask } from './parse-feed.thread';

/**
 * Where feeds are parsed and cleaned (parse-feed.ts: a few milliseconds of CPU per feed, most of
 * a refresh's): in `threads` worker threads (Piscina), so the worker's event loop keeps fetching
 * and storing while another core parses, or inline when `threads` is 0. A parse still running at
 * the refresh's deadline is stopped with its thread: a hostile document cannot hold a thread.
 * The threads start with the first feed, not with the worker.
 */
export class FeedParsePool {
  private pool: Piscina | null = null;

  constructor(private readonly threads: number) {}

  async parse(task: ParseTask, signal: AbortSignal): Promise<ParseResult> {
    if (this.threads === 0) return runParseTask(task);
    try {
      return (await this.threadPool().run(task, { signal })) as ParseResult;
    } catch (error) {
      // Stopped at the deadline: the fetcher reports the timeout.
      if (signal.aborted) throw new FetchFailure('timeout', 'parse');
      throw error;
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }

  private threadPool(): Piscina {
    if (this.pool) return this.pool;
    // Built (dist/…/parse-feed.thread.js) or, under ts-jest and ts-node, the .ts file with
    // ts-node loaded in the thread.
    const compiled = path.extname(__filename) === '.js';
    this.pool = new Piscina({
      filename: path.join(__dirname, `parse-feed.thread${compiled ? '.js' : '.ts'}`),
      minThreads: this.threads,
      maxThreads: this.threads,
      execArgv: compiled ? [] : ['-r', 'ts-node/register/transpile-only'],
    });
    return this.pool;
  }
}
