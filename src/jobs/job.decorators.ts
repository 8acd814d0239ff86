import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';

/** Metadata keys the jobs explorer reads (src/jobs/jobs.explorer.ts). */
export const JOB_HANDLER = 'mzh:job-handler';
export const JOB_SCHEDULE = 'mzh:job-schedule';

/** One job on one queue: its name is unique on the queue (the explorer refuses a second handler). */
export interface JobKey {
  queue: string;
  name: string;
}

/**
 * A recurring job: a BullMQ job scheduler with a stable `id` (re-declaring replaces it, never
 * doubles it) that enqueues job `name` on `queue`, either `every` ms or on a cron `pattern` in `tz`.
 */
export type ScheduleSpec = JobKey & { id: string } & (
    { every: number; pattern?: never; tz?: never } | { pattern: string; tz: string; every?: never }
  );

/** What a handler gets: the BullMQ job (its id, name, data). What it returns is the job's result. */
export type JobHandler = (job: Job) => Promise<unknown>;

/** The decorated method handles job `name` on `queue` (in the worker role only). */
export const OnJob = (key: JobKey): MethodDecorator => SetMetadata(JOB_HANDLER, key);

/**
 * Declares a job scheduler that enqueues job `name` on `queue`, and makes the decorated method
 * the handler of that job. The schedulers are declared when the worker starts and again after
 * every reconnect to Redis (a Redis that restarted empty gets them back).
 */
export const OnSchedule = (spec: ScheduleSpec): MethodDecorator =>
  applyDecorators(SetMetadata(JOB_SCHEDULE, spec), OnJob({ queue: spec.queue, name: spec.name }));
