import { hasTranslation, registerStrings } from '../../i18n/i18n';
import { CAFE_DONE, CAFE_REFUSALS } from '../admin/cafe-outcomes';
import { HOST_DONE, HOST_REFUSALS } from '../hosting/host-outcomes';
import { cafesNl } from '../i18n/nl';
import { MEETING_DONE, MEETING_REFUSALS } from '../meetings/meeting-outcomes';
import { WISH_DONE, WISH_REFUSALS } from '../wishes/wish-outcomes';
import type { Refusal } from './outcome';

const REFUSALS: Record<string, Record<string, Refusal>> = {
  CAFE_REFUSALS,
  HOST_REFUSALS,
  MEETING_REFUSALS,
  WISH_REFUSALS,
};
const DONE: Record<string, Record<string, string>> = {
  CAFE_DONE,
  HOST_DONE,
  MEETING_DONE,
  WISH_DONE,
};

describe('the café outcome tables', () => {
  beforeAll(() => registerStrings('cafes', { nl: cafesNl }));

  it('give every refusal an error status, and a message unless it is a page of its own', () => {
    for (const [table, rows] of Object.entries(REFUSALS))
      for (const [reason, refusal] of Object.entries(rows)) {
        expect([table, reason, refusal.status >= 400 && refusal.status < 500]).toEqual([
          table,
          reason,
          true,
        ]);
        if (refusal.status !== 404)
          expect([table, reason, !!(refusal.key || refusal.text)]).toEqual([table, reason, true]);
      }
  });

  it('name only messages that have a text', () => {
    const keys = [
      ...Object.values(REFUSALS).flatMap((rows) => Object.values(rows).map((r) => r.key)),
      ...Object.values(DONE).flatMap((rows) => Object.values(rows)),
    ].filter((key): key is string => !!key);
    expect(keys.filter((key) => !hasTranslation(key))).toEqual([]);
  });
});
