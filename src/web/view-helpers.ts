import type Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { t } from '../i18n/i18n';
import type { NavItem } from './navigation';

export const TIME_ZONE = 'Europe/Brussels';

/** "dinsdag 2 december 2026, 14.00 uur" */
export function formatDateTime(value: Date | string): string {
  const dt = DateTime.fromJSDate(new Date(value)).setZone(TIME_ZONE).setLocale('nl-BE');
  return `${dt.toFormat('cccc d LLLL yyyy')}, ${dt.toFormat('HH.mm')} uur`;
}

/** "2 december 2026" */
export function formatDate(value: Date | string): string {
  return DateTime.fromJSDate(new Date(value))
    .setZone(TIME_ZONE)
    .setLocale('nl-BE')
    .toFormat('d LLLL yyyy');
}

/** Helpers shared by page and e-mail templates (both use hbs's Handlebars instance). */
export function registerViewHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
    t(key, options.hash),
  );
  // "057 34 66 00" → "tel:+3257346600"-style href: digits and a leading + only.
  handlebars.registerHelper(
    'telHref',
    (phone: string) => `tel:${String(phone ?? '').replace(/[^\d+]/g, '')}`,
  );
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  handlebars.registerHelper('dateTime', (value: Date | string) =>
    value ? formatDateTime(value) : '',
  );
  handlebars.registerHelper('date', (value: Date | string) => (value ? formatDate(value) : ''));
  // Plain text with blank lines → escaped paragraphs. Never use this on HTML input.
  handlebars.registerHelper('paragraphs', (text: string) => {
    const escape = handlebars.Utils.escapeExpression;
    const html = String(text ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
    return new handlebars.SafeString(html);
  });
  // The header's items this page's viewer may see (NavigationService puts them in the app's locals).
  handlebars.registerHelper(
    'navFor',
    (
      items: readonly NavItem[] | undefined,
      root: { tenant?: unknown; membership?: { role?: string } | null },
    ) =>
      (items ?? []).filter((item) =>
        item.audience === 'tenant'
          ? Boolean(root.tenant)
          : item.audience === 'platform'
            ? !root.tenant
            : item.audience === 'professional'
              ? root.membership?.role === 'professional'
              : Boolean(root.membership),
      ),
  );
  // errors: Record<field, message>; returns that field's message or ''
  handlebars.registerHelper(
    'fieldError',
    (errors: Record<string, string> | undefined, field: string) => errors?.[field] ?? '',
  );
}
