import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { isUtf8 } from 'node:buffer';
import { unescape } from 'node:querystring';
import express, { type NextFunction, type Request, type Response } from 'express';
import { t } from '../i18n/i18n';
import { FORM_VIEW, type FieldErrors, type FormViewMeta } from './forms/form-validation';

/**
 * Input that must never reach a handler, refused in one place for every route:
 * - a form body the parser refuses (too large: 413, a charset it cannot read: 415, broken: 400);
 * - NUL and the other C0 control characters (PostgreSQL refuses NUL in text with error 22021,
 *   the rest is never typed by a person): anywhere in the path or the query, and in form fields
 *   except tab, newline and carriage return (text areas);
 * - %-escapes that are not UTF-8 (a lone UTF-16 surrogate, a character cut in half): the parsers
 *   would silently store U+FFFD in their place;
 * - a form field given twice (an array where every handler expects one string).
 * A path or query is answered at once with a 400 page. A form body is marked on the request and
 * the RefusedInputInterceptor answers before the handler runs: the form again, with the error at
 * the field and what was typed, when the route names its form (`@FormSubmit`), else a 400 page.
 */

/** Field names → message; '' for the form as a whole (the body could not be read). */
export interface RefusedInput {
  status: number;
  errors: FieldErrors;
  /** The parser refused the body: it holds no CSRF token to check (no handler runs anyway). */
  bodyUnread?: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    refusedInput?: RefusedInput;
    /** Form fields whose %-escapes are not UTF-8 (seen by the parser's `verify`). */
    brokenTextFields?: string[];
  }
}

/**
 * Sum of a form's own field limits, with room: the longest form is a legal page (50,000
 * characters); one character takes at most 6 bytes encoded (`%C3%A9`, or 12 for the two halves of
 * an emoji), so 1 MB lets every over-long field reach its own "too long" message with the input
 * kept, and only a body larger than any form gets the 413 answer.
 */
export const FORM_BODY_LIMIT = '1mb';

// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Tab, newline and carriage return are allowed in form fields (text areas). */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS_GLOBAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A value without the control characters the guard refuses (to show typed input again). */
export const withoutControls = (value: string) => value.replace(CONTROLS_GLOBAL, '');

const PARSER_MESSAGES: Record<number, string> = {
  413: 'input.tooLarge',
  415: 'input.unsupported',
};

/** The Dutch message for a body a parser refused with `status` (too large, unreadable, ...). */
export const parserRefusalMessage = (status: number): string =>
  t(PARSER_MESSAGES[status] ?? 'input.unreadable');

/** The urlencoded form parser for POSTs; its 4xx errors become a refused input, never a 500. */
export function formBodyParser(): express.RequestHandler {
  const parse = express.urlencoded({
    extended: false,
    limit: FORM_BODY_LIMIT,
    verify: (req: Request, _res, raw) => {
      const broken = brokenTextIn(raw.toString('latin1'));
      if (broken.length > 0) req.brokenTextFields = broken;
    },
  });
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    parse(req, res, (err?: unknown) => {
      const status = httpStatusOf(err);
      if (!err) return next();
      if (status === null || status >= 500) return next(err);
      // The rest of the body stays unread; the connection is closed after the answer.
      req.body = {};
      req.refusedInput = {
        status,
        errors: { '': parserRefusalMessage(status) },
        bodyUnread: true,
      };
      next();
    });
  };
}

/** The names in an urlencoded string (`a=1&b=%ED%A0%80`) whose name or value is not UTF-8. */
export function brokenTextIn(encoded: string): string[] {
  const broken: string[] = [];
  for (const pair of encoded.split('&')) {
    if (!/[%\u0080-\uffff]/.test(pair)) continue; // plain ASCII: nothing to decode
    const at = pair.indexOf('=');
    const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    if (!isText(name) || !isText(value)) broken.push(unescape(name));
  }
  return broken;
}

/** Whether a form-encoded string stands for UTF-8 text (decodeURIComponent is the fast path). */
function isText(s: string): boolean {
  if (!/[\u0080-\uffff]/.test(s)) {
    try {
      decodeURIComponent(s);
      return true;
    } catch {
      // A lone `%` is kept as it is by the parser; look at the bytes.
    }
  }
  return isUtf8(percentBytes(s));
}

/** The bytes a form-encoded string stands for (`%C3%A9` → 0xC3 0xA9, `+` → space). */
function percentBytes(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.charCodeAt(i) === 0x25 ? s.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(s[i] === '+' ? 0x20 : s.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** The HTTP status an error carries (http-errors from the parsers, Express's own), or null. */
export function httpStatusOf(err: unknown): number | null {
  if (!err || typeof err !== 'object') return null;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 600 ? value : null;
}

function hasControl(value: unknown, pattern: RegExp): boolean {
  if (typeof value === 'string') return pattern.test(value);
  if (Array.isArray(value)) return value.some((v) => hasControl(v, pattern));
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => pattern.test(k) || hasControl(v, pattern));
  return false;
}

/** After the body parser: refuses the path, the query or form fields as described above. */
export function inputGuard(req: Request, res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    path = '\u0000'; // a broken %-escape cannot be read either
  }
  const query = req.originalUrl.includes('?')
    ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
    : '';
  if (CONTROL.test(path) || hasControl(req.query, CONTROL) || brokenTextIn(query).length > 0) {
    res.status(400).render('errors/error', {
      title: t('input.refused.title'),
      message: t('input.address'),
    });
    return;
  }
  if (!req.refusedInput) {
    const errors: FieldErrors = { ...fieldErrors(req.body) };
    for (const field of req.brokenTextFields ?? [])
      errors[withoutControls(field)] ??= t('input.brokenText');
    if (Object.keys(errors).length > 0) req.refusedInput = { status: 400, errors };
  }
  next();
}

/**
 * An error per form field that cannot be taken as typed, or null: a refused control character,
 * or a field given twice (no form sends one name twice; one that needs a list names its field
 * `name[]`). In a multipart body a U+FFFD is what a lone surrogate or cut bytes became: busboy
 * decodes with replacement and has no hook to see the bytes, and browsers never send it there.
 */
function fieldErrors(body: unknown, multipart = false): FieldErrors | null {
  if (!body || typeof body !== 'object') return null;
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
    const name = withoutControls(field);
    if (hasControl(field, CONTROL) || hasControl(value, CONTROL_IN_TEXT))
      errors[name] = t('input.control');
    else if (Array.isArray(value) && !field.endsWith('[]')) errors[name] = t('input.twice');
    else if (multipart && typeof value === 'string' && value.includes('\ufffd'))
      errors[name] = t('input.brokenText');
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/**
 * `FileInterceptor` for upload forms: multer reads a multipart body only in the route's own
 * interceptor, after the input guard, so its text fields get the same checks here, before the
 * handler.
 */
export function CheckedFileInterceptor(
  field: string,
  options?: MulterOptions,
): Type<NestInterceptor> {
  const Multer = FileInterceptor(field, options);
  @Injectable()
  class CheckedUpload implements NestInterceptor {
    private readonly multer = new Multer();

    intercept(context: ExecutionContext, next: CallHandler) {
      return this.multer.intercept(context, {
        handle: () => {
          const errors = fieldErrors(context.switchToHttp().getRequest<Request>().body, true);
          if (errors) throw new RefusedInputException({ status: 400, errors });
          return next.handle();
        },
      });
    }
  }
  return CheckedUpload;
}

const OWN_FORM = 'mzh:validates-own-form';
const refusedInBody = new WeakMap<object, FieldErrors>();

/**
 * On a POST handler that renders its form itself (it needs more than `values` to show it again)
 * and validates the body first thing with `validateBody`: refused fields reach that validation as
 * field errors instead of a 400 page. Only for handlers that read no field before validating.
 */
export const ValidatesOwnForm = () => SetMetadata(OWN_FORM, true);

/** The fields the input guard refused in this body (for `validateBody`), or null. */
export function refusedFields(body: unknown): FieldErrors | null {
  return body && typeof body === 'object' ? (refusedInBody.get(body) ?? null) : null;
}

/** Refused input, answered by the exception filter (the form again, or a page with the status). */
export class RefusedInputException extends HttpException {
  constructor(readonly refused: RefusedInput) {
    super(Object.values(refused.errors)[0] ?? t('input.unreadable'), refused.status);
  }
}

/**
 * Global: runs before every handler (after guards, so a page that needs a login still sends
 * people to log in) and stops a request whose input was refused, naming the form when the route
 * has one so it is rendered again.
 */
@Injectable()
export class RefusedInputInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest<Request & { formView?: FormViewMeta }>();
    if (!req.refusedInput) return next.handle();
    const { errors, bodyUnread } = req.refusedInput;
    if (!bodyUnread && this.reflector.get<boolean>(OWN_FORM, context.getHandler())) {
      refusedInBody.set(req.body as object, errors);
      return next.handle();
    }
    const form = this.reflector.get<FormViewMeta | undefined>(FORM_VIEW, context.getHandler());
    if (form) req.formView = form;
    throw new RefusedInputException(req.refusedInput);
  }
}
