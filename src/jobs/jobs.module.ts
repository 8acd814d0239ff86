import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/** BullMQ's connection and key prefix; queues are registered by the modules that own the work. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        // The hash tag keeps a queue's keys in one Redis Cluster slot.
        prefix: `{${config.redisPrefix}}`,
      }),
    }),
  ],
})
export class JobsModule {}
