import { Global, Module, type DynamicModule } from '@nestjs/common';

/**
 * "Now" for everything that depends on the date: which meetings are upcoming, which reminder is
 * due, the six-month horizon. Services ask the injected clock (never `new Date()`) and pass its
 * value to SQL as a parameter (never a bare `now()`, see src/common/clock.spec.ts), so a test can
 * run the whole app at any instant: the day before a daylight-saving change, 23:30, the first of
 * a month. Operational times (mail leases and retries, login tokens, caches) stay on real time.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The real time (production, development). */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that stands still at the instant it was set to, until set again or advanced
 * (tests: `createTestApp({ clock })`, then `clock.set(...)` between groups of tests).
 */
export class TestClock extends Clock {
  private instant: number;

  constructor(start: Date | string = new Date()) {
    super();
    this.instant = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    const ms = new Date(instant).getTime();
    if (Number.isNaN(ms)) throw new Error(`TestClock.set: not an instant: ${String(instant)}`);
    this.instant = ms;
  }

  advance(ms: number): void {
    this.instant += ms;
  }
}

/** Provides `Clock` to every module; the system clock unless the app is built with another one. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
