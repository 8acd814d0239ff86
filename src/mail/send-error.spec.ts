import { classifySendError, logSafe } from './send-error';

describe('classifySendError', () => {
  it('treats a refused recipient or message (5xx) as permanent', () => {
    const rcpt = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <x@y.be> unknown"),
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' },
    );
    expect(classifySendError(rcpt)).toMatchObject({ permanent: true });
    expect(
      classifySendError(
        Object.assign(new Error('Message failed'), {
          code: 'EMESSAGE',
          responseCode: 554,
          command: 'DATA',
        }),
      ).permanent,
    ).toBe(true);
  });

  it('retries 4xx, connection and authentication errors', () => {
    expect(
      classifySendError(
        Object.assign(new Error('try again later'), {
          code: 'EMESSAGE',
          responseCode: 451,
          command: 'DATA',
        }),
      ).permanent,
    ).toBe(false);
    expect(
      classifySendError(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET', command: 'CONN' }),
      ).permanent,
    ).toBe(false);
    expect(
      classifySendError(
        Object.assign(new Error('Invalid login'), {
          code: 'EAUTH',
          responseCode: 535,
          command: 'AUTH PLAIN',
        }),
      ).permanent,
    ).toBe(false);
    expect(classifySendError('weird').permanent).toBe(false);
  });

  it('summarises with codes, and logs only codes', () => {
    const e = Object.assign(new Error('451 4.3.0 try again later'), {
      code: 'EMESSAGE',
      responseCode: 451,
      command: 'DATA',
    });
    expect(classifySendError(e).summary).toBe('EMESSAGE 451 on DATA: 451 4.3.0 try again later');
    expect(logSafe(e)).toBe('EMESSAGE 451 DATA');
  });
});
