import { Body, Controller, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FormRateLimit } from '../auth/rate-limit';
import { t } from '../i18n/i18n';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { OnboardingRequestDto } from './dto/onboarding-request.dto';
import { ONBOARDING_LIMIT, OnboardingService } from './onboarding.service';

declare module 'express-session' {
  interface SessionData {
    /** What the confirmation page after an onboarding request repeats back. */
    onboardingSent?: { municipalityName: string; email: string };
  }
}

const FORM_TITLE = t('platform.request.title');

/** The public form "Start een Mantelzorghub in jouw gemeente" on the platform site. */
@Controller('_platform/aanvragen')
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get()
  @FormPage()
  @Render('platform/request')
  form(@Query('gemeente') gemeente: unknown) {
    // A link from the café finder names the municipality without a hub (`?gemeente=Veurne`).
    const municipalityName = typeof gemeente === 'string' ? gemeente.trim().slice(0, 100) : '';
    return { title: FORM_TITLE, values: municipalityName ? { municipalityName } : {} };
  }

  @Post()
  @FormRateLimit(ONBOARDING_LIMIT)
  @FormSubmit('platform/request', FORM_TITLE)
  async submit(
    @Body() body: OnboardingRequestDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const request = await this.onboarding.submit(body);
    req.session.onboardingSent = {
      municipalityName: request.municipalityName,
      email: request.email,
    };
    res.redirect(303, '/aanvragen/verstuurd');
  }

  @Get('verstuurd')
  @Render('platform/request-sent')
  sent(@Req() req: Request) {
    return { title: t('platform.request.sentTitle'), sent: req.session?.onboardingSent ?? null };
  }
}
