import type { Viewer } from './viewer';
import { mayView, visibleAudiences } from './audience';

const member = (role: Viewer['role'], staff = false): Viewer => ({ id: 'm', role, staff });

describe('visibleAudiences', () => {
  it.each([
    ['anonymous', null, ['caregiver']],
    ['caregiver', member('caregiver'), ['caregiver']],
    ['caregiver with the staff flag', member('caregiver', true), ['caregiver', 'staff']],
    ['professional', member('professional'), ['caregiver', 'professional']],
    [
      'professional with the staff flag',
      member('professional', true),
      ['caregiver', 'professional', 'staff'],
    ],
    ['tenant admin', member('tenant_admin'), ['caregiver', 'professional', 'staff']],
  ])('%s sees %j', (_who, viewer, expected) => {
    expect(visibleAudiences(viewer)).toEqual(expected);
  });

  it('shows a course when one of its audiences is visible', () => {
    expect(mayView(null, ['professional', 'caregiver'])).toBe(true);
    expect(mayView(null, ['staff'])).toBe(false);
    expect(mayView(member('caregiver'), ['professional'])).toBe(false);
    expect(mayView(member('professional'), ['professional'])).toBe(true);
    expect(mayView(member('caregiver', true), ['staff'])).toBe(true);
    expect(mayView(member('tenant_admin'), ['staff'])).toBe(true);
  });
});
