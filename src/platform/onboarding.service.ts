import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../auth/users.service';
import { AppConfig } from '../config/app-config';
import { MailService } from '../mail/mail.service';
import type { OnboardingRequestDto } from './dto/onboarding-request.dto';
import { OnboardingRequest } from './entities/onboarding-request.entity';

/**
 * Submissions (valid or not) per IP address per 15 minutes (the `form` limit of
 * src/auth/rate-limit.ts): enough for someone who mistypes, too few to mail-bomb the platform admins.
 */
export const ONBOARDING_LIMIT = 8;

/**
 * "Start een Mantelzorghub in jouw gemeente": stores the request and mails every platform admin
 * (platform outbox, one row per admin, in the same transaction as the request).
 */
@Injectable()
export class OnboardingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async submit(input: OnboardingRequestDto): Promise<OnboardingRequest> {
    const request = await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(OnboardingRequest);
      const saved = await repo.save(
        repo.create({
          municipalityName: input.municipalityName,
          contactName: input.contactName,
          contactRole: input.contactRole,
          email: input.email.toLowerCase(),
          phone: input.phone ?? '',
          message: input.message ?? '',
          status: 'new',
        }),
      );
      const admins = await this.users.platformAdmins(em);
      const subject = `Nieuwe aanvraag: een Mantelzorghub voor ${saved.municipalityName}`;
      for (const admin of admins) {
        await this.mail.queuePlatformMail(em, {
          key: `onboarding:${saved.id}:${admin.id}`,
          to: admin.email,
          subject,
          template: 'onboarding-request',
          data: {
            subject,
            request: saved,
            url: `${this.config.platformOrigin}/beheer/aanvragen/${saved.id}`,
            reason: 'Je krijgt deze e-mail omdat je beheerder bent van het Mantelzorghub-platform.',
          },
        });
      }
      return saved;
    });
    // After commit; a Redis hiccup only delays the mail (the sweep sends what is pending).
    await this.mail.dispatch(null);
    return request;
  }
}
