import { FETCH_ERROR_CODES, type FetchErrorCode } from './fetch-contract';

/**
 * The plain-Dutch message an admin sees for each way a refresh can fail. The feeds part shows
 * them (its strings spread `FETCH_ERROR_STRINGS`); the key of a code is `FETCH_ERROR_MESSAGE_KEYS[code]`.
 */
export const FETCH_ERROR_MESSAGE_KEYS = Object.fromEntries(
  FETCH_ERROR_CODES.map((code) => [code, `news.feeds.error.${code}`]),
) as { readonly [C in FetchErrorCode]: `news.feeds.error.${C}` };

export const FETCH_ERROR_STRINGS = {
  'news.feeds.error.invalid_url':
    'Dit is geen geldig webadres. Het begint met https:// of http://.',
  'news.feeds.error.refused_scheme':
    'Dit adres is niet toegelaten. Alleen adressen die beginnen met https:// of http:// kunnen.',
  'news.feeds.error.refused_address':
    'Dit adres is niet toegelaten. Het wijst naar een intern netwerk, niet naar een openbare website.',
  'news.feeds.error.unreachable':
    'De website is niet bereikbaar. Controleer het adres, of probeer later opnieuw.',
  'news.feeds.error.timeout': 'De website antwoordde niet binnen 20 seconden.',
  'news.feeds.error.too_many_redirects':
    'De website stuurt ons te vaak door naar een ander adres (meer dan 3 keer).',
  'news.feeds.error.too_large': 'De feed is te groot (meer dan 5 MB).',
  'news.feeds.error.rate_limited':
    'De website vraagt om later terug te komen. We proberen het later opnieuw.',
  'news.feeds.error.http_status': 'De website gaf een foutmelding in plaats van de feed.',
  'news.feeds.error.not_a_feed': 'Dit is geen RSS- of Atom-feed.',
} as const satisfies { [C in FetchErrorCode as `news.feeds.error.${C}`]: string };
