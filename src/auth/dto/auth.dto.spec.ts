import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldErrors } from '../../web/forms/form-validation';
import { MESSAGES, RegisterDto } from './auth.dto';

function errorsOf(body: Record<string, unknown>) {
  return toFieldErrors(
    validateSync(plainToInstance(RegisterDto, body), {
      whitelist: true,
      forbidNonWhitelisted: true,
    }),
  );
}

describe('RegisterDto', () => {
  it('names each missing field in Dutch', () => {
    expect(errorsOf({})).toEqual({
      displayName: MESSAGES.nameEmpty,
      email: MESSAGES.emailEmpty,
      consent: MESSAGES.consent,
    });
  });

  it('says what is wrong with a filled-in field', () => {
    expect(errorsOf({ displayName: 'An', email: 'an@', password: 'kort', consent: 'ja' })).toEqual({
      email: MESSAGES.emailInvalid,
      password: MESSAGES.passwordShort,
    });
  });

  it('accepts an empty password (login by e-mailed link) and trims the e-mail', () => {
    const dto = plainToInstance(RegisterDto, {
      displayName: ' An ',
      email: ' An@Example.be ',
      password: '',
      consent: 'ja',
    });
    expect(validateSync(dto)).toEqual([]);
    expect(dto.email).toBe('An@Example.be');
    expect(dto.displayName).toBe('An');
  });
});
