import { getQueueToken } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModuleRef, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { UnrecoverableError, Worker, type Job, type Queue, type RedisQueueBackend } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { QUEUES, SCHEDULED_JOB_OPTIONS, workerConcurrency } from './job-defaults';
import {
  JOB_HANDLER,
  JOB_SCHEDULE,
  type JobHandler,
  type JobKey,
  type ScheduleSpec,
} from './job.decorators';

interface FoundHandler {
  run: JobHandler;
  /** `Class.method`, for messages. */
  where: string;
}

interface FoundSchedule {
  spec: ScheduleSpec;
  where: string;
}

/** Every job handler and schedule of the app, by queue; what the worker runs. */
export interface JobsPlan {
  handlers: Map<string, Map<string, FoundHandler>>;
  schedules: Map<string, FoundSchedule[]>;
}

/** The app cannot start with this job wiring (thrown at bootstrap). */
export class JobsWiringError extends Error {
  constructor(message: string) {
    super(`Jobs: ${message}`);
    this.name = 'JobsWiringError';
  }
}

/**
 * Finds every `@OnJob` and `@OnSchedule` method (Nest's DiscoveryService, as immich finds its
 * handlers) and runs them: one BullMQ Worker per queue that has handlers, on the connection and
 * key prefix of the queue that JobsModule configured. Loaded only in the worker role
 * (JobsWorkerModule in WORKER_MODULES), so a web-only node consumes no queue.
 *
 * It refuses to start on a second handler for a (queue, name), a scheduler id used twice, or a
 * schedule whose job nobody handles: such a job would wait forever or fail on every run, and
 * that should show at deploy time, not at 03:30. A job whose name has no handler fails at once
 * and is not retried.
 */
@Injectable()
export class JobsExplorer implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private plan: JobsPlan = { handlers: new Map(), schedules: new Map() };
  private readonly workers: Worker[] = [];
  private readonly readyListeners: { backend: RedisQueueBackend; onReady: () => void }[] = [];
  private stopped = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    // Optional: the jobs' own tests start the explorer without the app's configuration.
    @Optional() private readonly config?: AppConfig,
  ) {}

  /** Every provider is built by now; a wrong wiring ends the start here. */
  onModuleInit(): void {
    this.plan = this.collect();
    for (const queue of this.plan.handlers.keys()) this.queue(queue); // registered, or refuse
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, handlers] of this.plan.handlers) this.startWorker(name, handlers);
    await this.declare();
    // A queue's backend says 'ready' after every (re)connect of its Redis connection: a Redis
    // that restarted empty gets its schedulers back.
    for (const name of this.plan.schedules.keys()) {
      const backend = this.queue(name).getBackend();
      const onReady = () => {
        if (!this.stopped) void this.declareQueue(name);
      };
      backend.on('ready', onReady);
      this.readyListeners.push({ backend, onReady });
    }
  }

  /** Lets running jobs finish (the process bounds the wait: SHUTDOWN_GRACE_MS), then stops. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const { backend, onReady } of this.readyListeners.splice(0)) backend.off('ready', onReady);
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  /** The queues this process consumes (one Worker each). */
  get queues(): string[] {
    return this.workers.map((worker) => worker.name);
  }

  /**
   * Declares every schedule of every queue. Idempotent: the same scheduler ids are replaced,
   * never doubled. A Redis that is away is logged; the next 'ready' declares them.
   */
  async declare(): Promise<void> {
    for (const name of this.plan.schedules.keys()) await this.declareQueue(name);
  }

  private async declareQueue(name: string): Promise<void> {
    const queue = this.queue(name);
    try {
      for (const { spec } of this.plan.schedules.get(name) ?? []) {
        const repeat =
          spec.every !== undefined ? { every: spec.every } : { pattern: spec.pattern, tz: spec.tz };
        await queue.upsertJobScheduler(spec.id, repeat, {
          name: spec.name,
          data: {},
          opts: SCHEDULED_JOB_OPTIONS,
        });
      }
    } catch (e) {
      this.logger.error(`schedulers of ${name} not declared: ${(e as Error).message}`);
    }
  }

  private startWorker(name: string, handlers: Map<string, FoundHandler>): void {
    const opts = this.queue(name).opts;
    const worker = new Worker(
      name,
      async (job: Job) => {
        const handler = handlers.get(job.name);
        // Retrying cannot help: no code here knows this job.
        if (!handler) throw new UnrecoverableError(`unknown ${name} job ${job.name}`);
        return handler.run(job);
      },
      {
        connection: opts.connection,
        prefix: opts.prefix,
        telemetry: opts.telemetry,
        concurrency: workerConcurrency(name, { [QUEUES.news]: this.config?.newsFeedConcurrency }),
      },
    );
    this.workers.push(worker);
  }

  private queue(name: string): Queue {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      throw new JobsWiringError(
        `queue "${name}" has job handlers but is not registered (BullModule.registerQueue)`,
      );
    }
  }

  private collect(): JobsPlan {
    const plan: JobsPlan = { handlers: new Map(), schedules: new Map() };
    const scheduleIds = new Map<string, string>();
    for (const wrapper of this.discovery.getProviders()) {
      for (const found of this.jobMethods(wrapper)) {
        const { key, schedule, where, run } = found;
        if (key) {
          const onQueue = plan.handlers.get(key.queue) ?? new Map<string, FoundHandler>();
          const other = onQueue.get(key.name);
          if (other) {
            throw new JobsWiringError(
              `job "${key.name}" on queue "${key.queue}" has two handlers: ${other.where} and ${where}`,
            );
          }
          onQueue.set(key.name, { run, where });
          plan.handlers.set(key.queue, onQueue);
        }
        if (schedule) {
          const other = scheduleIds.get(schedule.id);
          if (other) {
            throw new JobsWiringError(
              `scheduler id "${schedule.id}" is declared twice: ${other} and ${where}`,
            );
          }
          scheduleIds.set(schedule.id, where);
          const onQueue = plan.schedules.get(schedule.queue) ?? [];
          onQueue.push({ spec: schedule, where });
          plan.schedules.set(schedule.queue, onQueue);
        }
      }
    }
    for (const [queue, schedules] of plan.schedules) {
      for (const { spec, where } of schedules) {
        if (!plan.handlers.get(queue)?.has(spec.name)) {
          throw new JobsWiringError(
            `schedule "${spec.id}" (${where}) enqueues job "${spec.name}" on queue "${queue}", which has no handler`,
          );
        }
      }
    }
    return plan;
  }

  private *jobMethods(wrapper: InstanceWrapper): Generator<{
    key?: JobKey;
    schedule?: ScheduleSpec;
    where: string;
    run: JobHandler;
  }> {
    const instance: unknown = wrapper.instance;
    if (!instance || typeof instance !== 'object') return;
    // The instance's own class: a factory-made provider's metatype is its factory.
    const prototype = Object.getPrototypeOf(instance) as object | null;
    if (!prototype) return;
    for (const method of this.scanner.getAllMethodNames(prototype)) {
      const fn = (prototype as Record<string, unknown>)[method];
      if (typeof fn !== 'function') continue;
      const key = this.reflector.get<JobKey | undefined>(JOB_HANDLER, fn);
      const schedule = this.reflector.get<ScheduleSpec | undefined>(JOB_SCHEDULE, fn);
      if (!key && !schedule) continue;
      const where = `${wrapper.name}.${method}`;
      if (!wrapper.isDependencyTreeStatic()) {
        // One instance handles a queue's jobs; a request-scoped one has none to call.
        throw new JobsWiringError(`${where} handles a job, so ${wrapper.name} must be a singleton`);
      }
      const target = instance as Record<string, JobHandler>;
      yield { key, schedule, where, run: (job) => target[method](job) };
    }
  }
}
