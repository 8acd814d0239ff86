import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { runEntrypoint } from './bootstrap';

/** Job entrypoint: no HTTP, only the processors. SIGTERM lets running jobs finish (bounded). */
runEntrypoint(async (config) => {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, { worker: true }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
});
