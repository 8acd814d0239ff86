import type { FetchErrorCode } from './fetch-contract';

/** A refresh that failed for a known reason; the service turns it into a `failed` outcome. */
export class FetchFailure extends Error {
  constructor(
    readonly code: FetchErrorCode,
    readonly detail: string | null = null,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FetchFailure';
  }
}
