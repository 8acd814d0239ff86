import { centsOf, eurosText } from '../../common/money';
import { t } from '../../i18n/i18n';
import { validateBody } from '../../web/forms/validate-body';
import type { CaregiverPremium, PremiumPeriod } from '../common/entities/caregiver-premium.entity';
import { PremiumDto } from './dto/premium.dto';
import type { PremiumInput } from './guide-local.service';

/**
 * The premium form's checks at once: when the municipality gives a premium, an amount above zero,
 * a period and how to apply are needed; when it does not, amount and period are left out.
 */
export async function parsePremiumForm(
  body: Record<string, unknown>,
): Promise<{ ok: true; input: PremiumInput } | { ok: false; errors: Record<string, string> }> {
  const valid = await validateBody(PremiumDto, body);
  if (!valid.ok) return valid;
  const { dto } = valid;
  const offered = dto.offered === 'ja';
  const errors: Record<string, string> = {};
  if (offered) {
    if (centsOf(dto.amount) === 0) errors.amount = t('guide.premium.error.amountMissing');
    if (dto.period === '') errors.period = t('guide.premium.error.period');
    if (dto.howToApply === '') errors.howToApply = t('guide.premium.error.howToApply');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      offered,
      amountCents: offered ? centsOf(dto.amount) : null,
      period: offered ? (dto.period as PremiumPeriod) : null,
      conditions: dto.conditions,
      howToApply: dto.howToApply,
    },
  };
}

/** The stored premium as the form's values (none yet: nothing chosen). */
export function premiumValues(premium: CaregiverPremium | null): Record<string, string> {
  if (!premium) return { offered: '', amount: '', period: '', conditions: '', howToApply: '' };
  return {
    offered: premium.offered ? 'ja' : 'nee',
    amount: premium.amountCents === null ? '' : eurosText(premium.amountCents),
    period: premium.period ?? '',
    conditions: premium.conditions,
    howToApply: premium.howToApply,
  };
}
