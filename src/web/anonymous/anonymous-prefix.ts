/**
 * Where readers' anonymous forms post (src/web/anonymous/anonymous-forms.ts): no CSRF check (the
 * signed token and the Origin are their proof) and no session, so no cookie.
 */
export const ANONYMOUS_FORMS_PREFIX = '/a/';
