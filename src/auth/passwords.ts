import * as argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

const OPTIONS = { type: argon2.argon2id } as const;
let dummyHash: Promise<string> | null = null;

/** argon2id hash. Never call this inside a database transaction (it takes tens of milliseconds). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/**
 * Checks a password against a stored hash. Without a hash (unknown e-mail, account without a
 * password) a dummy hash is verified anyway, so both answers take the same time.
 */
export async function verifyPassword(
  hash: string | null | undefined,
  password: string,
): Promise<boolean> {
  dummyHash ??= argon2.hash('geen-account-geen-wachtwoord', OPTIONS);
  const target = hash ?? (await dummyHash);
  try {
    const ok = await argon2.verify(target, password);
    return ok && Boolean(hash);
  } catch {
    return false;
  }
}
