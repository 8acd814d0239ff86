import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { VIEWS_DIR } from '../paths';

/** A week: browsers ask for the icon on every page, and it changes about never. */
export const FAVICON_MAX_AGE_S = 7 * 24 * 3600;

/**
 * /favicon.ico on every host (platform, hubs, unknown hosts: the host resolver lets it through),
 * so no page logs a 404 for it. The file is made by scripts/make-favicon.js.
 */
@Controller()
export class FaviconController {
  private readonly icon = readFileSync(join(VIEWS_DIR, 'assets', 'favicon.ico'));

  @Get('favicon.ico')
  favicon(@Res() res: Response): void {
    res
      .type('image/x-icon')
      .set('Cache-Control', `public, max-age=${FAVICON_MAX_AGE_S}`)
      .send(this.icon);
  }
}
