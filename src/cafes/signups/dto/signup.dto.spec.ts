import { t } from '../../../i18n/i18n';
import { validateBody } from '../../../web/forms/validate-body';
import { SignupFormDto, signupFields, toSignupInput } from './signup.dto';

/** The form as the sign-up handler reads it: null when it answers with the "invalid" flash. */
async function read(body: Record<string, unknown>) {
  const checked = await validateBody(SignupFormDto, signupFields(body));
  return checked.ok ? toSignupInput(checked.dto) : null;
}

describe('the sign-up form (SignupFormDto), as the hand parser it replaced read it', () => {
  it('takes one digit from 0 to 5 companions; none sent is alone', async () => {
    for (const n of [0, 1, 2, 3, 4, 5])
      expect((await read({ companions: String(n) }))?.companions).toBe(n);
    expect((await read({}))?.companions).toBe(0);
  });

  it('refuses anything else the select cannot send', async () => {
    for (const companions of ['6', '9', '12', '05', ' 3', '3 ', '', '-1', '1.0', 'x', '１'])
      expect([companions, await read({ companions })]).toEqual([companions, null]);
  });

  it('counts a checkbox as ticked when sent with any value, and not when empty or absent', async () => {
    expect(await read({ respite: '1', transport: 'off' })).toEqual({
      companions: 0,
      needsRespite: true,
      needsTransport: true,
      needsOther: null,
    });
    expect(await read({ respite: '', transport: '' })).toMatchObject({
      needsRespite: false,
      needsTransport: false,
    });
  });

  it('keeps the other need trimmed to its first 500 characters; ticked without text says so', async () => {
    expect((await read({ otherNeed: '  Een rolstoelplaats  ' }))?.needsOther).toBe(
      'Een rolstoelplaats',
    );
    expect((await read({ otherNeed: 'é'.repeat(20_000) }))?.needsOther).toBe('é'.repeat(500));
    expect((await read({ other: '1', otherNeed: '   ' }))?.needsOther).toBe(
      t('signups.needs.otherUnspecified'),
    );
    expect((await read({ otherNeed: '   ' }))?.needsOther).toBeNull();
  });

  it('ignores fields the form does not have', async () => {
    expect(await read({ companions: '1', terug: '/elders', extra: 'x', 'list[]': ['a'] })).toEqual({
      companions: 1,
      needsRespite: false,
      needsTransport: false,
      needsOther: null,
    });
  });
});
