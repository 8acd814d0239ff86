import { join } from 'node:path';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import express from 'express';
import helmet from 'helmet';
import hbs from 'hbs';
import { ClsMiddleware, ClsService } from 'nestjs-cls';
import { Logger } from 'nestjs-pino';
import { requestId, requestLog, ROOT_LOGGER } from './logging/logger.options';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { AppModule, AppRoles } from './app.module';
import { configurePassport } from './auth/passport.setup';
import {
  saveBeforeRedirect,
  sessionHostCheck,
  sessionMiddleware,
  sessionOnDemand,
} from './auth/session';
import { UsersService } from './auth/users.service';
import type { AppConfig } from './config/app-config';
import { hostResolver } from './tenancy/host-resolver.middleware';
import { TenantsService } from './tenancy/tenants.service';
import { csrfProtection } from './web/csrf';
import { currentMembershipMiddleware } from './web/locals.middleware';
import { MembershipsService } from './auth/memberships.service';
import { registerViewHelpers } from './web/view-helpers';
import { HtmlExceptionFilter } from './web/html-exception.filter';
import { formValidationPipe } from './web/forms/form-validation';
import { formBodyParser, inputGuard, RefusedInputInterceptor } from './web/input-guard';
import { assertSafeDatabaseRole } from './database/role-safety';

import { VIEWS_DIR } from './paths';
const ASSET_VERSION = String(Date.now());

let partialsRegistered: Promise<void> | null = null;
function registerPartialsOnce(): Promise<void> {
  partialsRegistered ??= new Promise<void>((resolve) =>
    hbs.registerPartials(join(VIEWS_DIR, 'partials'), () => resolve()),
  );
  return partialsRegistered;
}

/**
 * Builds the web application (not yet listening): the middleware order matters.
 * request context → host → session → session host check → passport → membership → CSRF → routes.
 */
export async function createWebApp(
  config: AppConfig,
  roles: AppRoles = { worker: false },
): Promise<NestExpressApplication> {
  await assertSafeDatabaseRole(config.DATABASE_URL); // before anything runs as that role
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, roles), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  const expressApp = app.getHttpAdapter().getInstance() as express.Express;
  expressApp.disable('x-powered-by');
  expressApp.set('etag', false);
  expressApp.set(
    'trust proxy',
    config.TRUSTED_PROXIES ? config.TRUSTED_PROXIES.split(',').map((s) => s.trim()) : false,
  );

  registerViewHelpers(hbs.handlebars);
  await registerPartialsOnce();
  app.setBaseViewsDir(VIEWS_DIR);
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  // Compiled templates are kept (Express does so only in production): tests and benches render
  // thousands of pages; only development re-reads a template that was edited.
  expressApp.set('view cache', config.NODE_ENV !== 'development');

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.isProduction,
      crossOriginEmbedderPolicy: false,
      // Other sites still learn nothing of where a reader came from; on our own pages browsers
      // then send the real `Origin` with a form's POST ("no-referrer" makes it "null"), which the
      // readers' anonymous forms check (src/web/anonymous).
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.useStaticAssets(join(VIEWS_DIR, 'assets'), {
    prefix: '/assets',
    maxAge: config.isProduction ? '7d' : 0,
  });

  const cls = app.get(ClsService);
  app.use(new ClsMiddleware({ generateId: true, idGenerator: requestId }).use);
  app.use(requestLog(app.get(ROOT_LOGGER)));
  app.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.locals.platformUrl = config.platformOrigin;
    res.locals.assetVersion = ASSET_VERSION;
    next();
  });
  app.use(hostResolver(config, app.get(TenantsService), cls));
  // Bad input (a body the parser refuses, control characters) is refused here for every route.
  app.use(formBodyParser());
  app.use(inputGuard);
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const passport = configurePassport(app.get(UsersService));
  app.use(
    sessionOnDemand([
      sessionMiddleware(config, pool),
      sessionHostCheck,
      passport.initialize(),
      passport.session(),
    ]),
  );
  app.use(saveBeforeRedirect);
  app.use(currentMembershipMiddleware(app.get(MembershipsService)));
  app.use(csrfProtection);

  app.useGlobalInterceptors(new RefusedInputInterceptor(app.get(Reflector)));
  app.useGlobalPipes(formValidationPipe());
  app.useGlobalFilters(new HtmlExceptionFilter());
  await app.init();
  return app;
}
