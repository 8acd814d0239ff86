import { Body, Controller, Get, NotFoundException, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { formatDateTime } from '../../web/view-helpers';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { renderForm } from '../../web/html-exception.filter';
import { ManageCafe } from '../hosting/cafe-access.guard';
import { MeetingsService, type MeetingInput } from './meetings.service';
import { MEETING_DONE, MEETING_REFUSALS } from './meeting-outcomes';
import { refusalErrors } from '../common/outcome';
import { MeetingDto } from './dto/meeting.dto';
import { validateBody } from '../../web/forms/validate-body';
import type { Meeting } from '../common/entities/meeting.entity';
import { instantToLocal, localToInstant } from '../../events/recurrence';

const MEETING_VIEW = 'cafes/meeting-form';
const MEETING_TITLE = 'Bijeenkomst aanpassen';

/**
 * What the core group (and tenant admins) do with a café's meetings: the overview, editing one
 * meeting, cancelling it and planning an extra one. Registered before the public controller, so
 * `/cafes/<slug>/beheer` is never read as a meeting key.
 */
@Controller('cafes')
export class CafeManageController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly meetings: MeetingsService,
  ) {}

  @Get(':slug/beheer')
  @ManageCafe()
  @Render('cafes/manage')
  async overview(@Req() req: Request) {
    const { cafe } = req.cafeAccess!;
    const meetings = await this.meetings.overview(this.ctx.tenantId, cafe.id);
    return { title: t('cafes.manage.title', { name: cafe.name }), meetings };
  }

  @Get(':slug/beheer/nieuwe-bijeenkomst')
  @ManageCafe()
  @FormPage()
  @Render(MEETING_VIEW)
  newMeeting(@Req() req: Request) {
    const { cafe } = req.cafeAccess!;
    const end = cafe.startTime.split(':').map(Number);
    const endMinutes = end[0] * 60 + end[1] + cafe.durationMinutes;
    return {
      title: t('cafes.meetingForm.newTitle'),
      isNew: true,
      values: {
        startTime: cafe.startTime,
        endTime: `${String(Math.floor(endMinutes / 60) % 24).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`,
        capacity: String(cafe.defaultCapacity),
      },
    };
  }

  @Post(':slug/beheer/nieuwe-bijeenkomst')
  @ManageCafe()
  @FormSubmit(MEETING_VIEW, () => t('cafes.meetingForm.newTitle'))
  async addMeeting(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { cafe } = req.cafeAccess!;
    const form = { view: MEETING_VIEW, title: t('cafes.meetingForm.newTitle') };
    const valid = await validateBody(MeetingDto, body);
    if (!valid.ok) return renderForm(req, res, form, valid.errors, { isNew: true });
    const parsed = meetingInput(valid.dto);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, { isNew: true });
    const added = await this.meetings.plan(this.ctx.tenantId, cafe, parsed.input);
    if (!added.ok) {
      const refusal = MEETING_REFUSALS[added.reason];
      return renderForm(req, res, form, refusalErrors(refusal), { isNew: true }, refusal.status);
    }
    const { meeting } = added;
    req.session.flash = t(MEETING_DONE.added, { date: formatDateTime(meeting.startsAt) });
    res.redirect(303, `/cafes/${cafe.slug}/${meeting.key}`);
  }

  @Get(':slug/:meeting/bewerken')
  @ManageCafe()
  @FormPage()
  @Render(MEETING_VIEW)
  editMeeting(@Req() req: Request) {
    const meeting = req.cafeAccess!.meeting!;
    return {
      title: t('cafes.meetingForm.editTitle', { date: formatDateTime(meeting.startsAt) }),
      values: meetingValues(meeting),
      notEditable: meeting.status === 'cancelled',
    };
  }

  @Post(':slug/:meeting/bewerken')
  @ManageCafe()
  @FormSubmit(MEETING_VIEW, MEETING_TITLE)
  async saveMeeting(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { cafe } = req.cafeAccess!;
    const meeting = req.cafeAccess!.meeting!;
    const form = {
      view: MEETING_VIEW,
      title: t('cafes.meetingForm.editTitle', { date: formatDateTime(meeting.startsAt) }),
    };
    const cancelled = MEETING_REFUSALS.cancelled;
    const refuseCancelled = () =>
      renderForm(req, res, form, refusalErrors(cancelled), {}, cancelled.status);
    if (meeting.status === 'cancelled') return refuseCancelled();
    const valid = await validateBody(MeetingDto, body);
    if (!valid.ok) return renderForm(req, res, form, valid.errors);
    const parsed = meetingInput(valid.dto);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors);
    // The service works from the meeting as stored now (cancelled in the meantime: refused).
    const outcome = await this.meetings.editMeeting(this.ctx.tenant, meeting, parsed.input);
    if (outcome === 'not-found') throw new NotFoundException();
    if (outcome === 'cancelled') return refuseCancelled();
    req.session.flash = t(MEETING_DONE.saved, {
      date: formatDateTime(parsed.input.startsAt),
    });
    res.redirect(303, `/cafes/${cafe.slug}/${meeting.key}`);
  }

  @Get(':slug/:meeting/annuleren')
  @ManageCafe()
  @FormPage()
  @Render('cafes/meeting-cancel')
  confirmCancel(@Req() req: Request) {
    const meeting = req.cafeAccess!.meeting!;
    return { title: t('cafes.cancel.title', { date: formatDateTime(meeting.startsAt) }) };
  }

  @Post(':slug/:meeting/annuleren')
  @ManageCafe()
  async cancel(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const meeting = req.cafeAccess!.meeting!;
    await this.meetings.cancelMeeting(this.ctx.tenant, meeting);
    req.session.flash = t(MEETING_DONE.cancelled, { date: formatDateTime(meeting.startsAt) });
    res.redirect(303, `/cafes/${cafe.slug}/beheer`);
  }
}

function meetingValues(m: Meeting): Record<string, string> {
  const start = instantToLocal(m.startsAt);
  return {
    theme: m.theme ?? '',
    speaker: m.speaker ?? '',
    speakerExpertise: m.speakerExpertise ?? '',
    description: m.description,
    date: start.date,
    startTime: start.time,
    endTime: instantToLocal(m.endsAt).time,
    capacity: String(m.capacity),
  };
}

function meetingInput(
  dto: MeetingDto,
): { ok: true; input: MeetingInput } | { ok: false; errors: Record<string, string> } {
  const startsAt = localToInstant(dto.date, dto.startTime);
  if (!startsAt)
    return { ok: false, errors: { date: 'Vul een bestaande datum in, zoals 2026-12-01.' } };
  let endsAt = localToInstant(dto.date, dto.endTime)!;
  if (!endsAt || endsAt <= startsAt)
    return { ok: false, errors: { endTime: 'Het einduur moet na het beginuur liggen.' } };
  endsAt = new Date(endsAt);
  return {
    ok: true,
    input: {
      theme: dto.theme || null,
      speaker: dto.speaker || null,
      speakerExpertise: dto.speakerExpertise || null,
      description: dto.description,
      startsAt,
      endsAt,
      capacity: dto.capacity,
    },
  };
}
