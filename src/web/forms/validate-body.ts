import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toFieldErrors, type FieldErrors } from './form-validation';
import { refusedFields } from '../input-guard';

/**
 * Validates a form body against a DTO like the global ValidationPipe does, but in the handler:
 * forms whose page needs more than `values` to render again (selects, radios, the café they are
 * about) pass that to `renderForm` themselves. Handlers take `@Body() body: Record<string, unknown>`,
 * which the global pipe leaves alone.
 */
export async function validateBody<T extends object>(
  cls: new () => T,
  body: unknown,
): Promise<{ ok: true; dto: T } | { ok: false; errors: FieldErrors }> {
  const dto = plainToInstance(cls, body ?? {});
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  // What the input guard refused (a control character, a field given twice) is invalid too.
  const refused = refusedFields(body);
  if (errors.length > 0 || refused)
    return { ok: false, errors: { ...toFieldErrors(errors), ...refused } };
  return { ok: true, dto };
}
