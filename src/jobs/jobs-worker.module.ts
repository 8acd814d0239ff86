import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobsExplorer } from './jobs.explorer';

/**
 * Runs the app's jobs: the explorer finds the `@OnJob`/`@OnSchedule` methods and starts the
 * workers. Only in the worker role (WORKER_MODULES): a web-only node consumes no queue.
 */
@Module({ imports: [DiscoveryModule], providers: [JobsExplorer], exports: [JobsExplorer] })
export class JobsWorkerModule {}
