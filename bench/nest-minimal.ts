/**
 * A reference point for the benchmark's breakdown (BENCH_BREAKDOWN=1): NestJS 11 on Express in
 * production mode with nothing of ours — no middleware, no logger, no session — serving the same
 * /brand.css as the app. The gap between this and the app's /brand.css is what our middleware
 * stack costs per request; the gap between this and the bare server is NestJS + Express itself.
 * env: PORT
 */
import 'reflect-metadata';
import { Controller, Get, Header, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

@Controller()
class BrandController {
  @Get('brand.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  brandCss(): string {
    return ':root{--brand:#1d5c8f;}\n';
  }

  @Get('healthz')
  health() {
    return { status: 'ok' };
  }
}

@Module({ controllers: [BrandController] })
class MinimalModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(MinimalModule, {
    logger: ['error'],
  });
  app.set('etag', false);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
