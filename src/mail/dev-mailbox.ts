import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ROOT_DIR } from '../paths';

/** What the mailbox page shows of one message (kept beside the .eml as JSON). */
export interface DevMail {
  id: string;
  messageId: string;
  to: string;
  subject: string;
  /** ISO time the development transport wrote it. */
  date: string;
  text: string;
}

const ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{16}$/;

/** The development mailbox exists only outside production and only when no SMTP is configured. */
export function devMailboxEnabled(config: AppConfig): boolean {
  return !config.isProduction && !config.SMTP_URL;
}

/** MAIL_DIR, or `.data/mail` in the repository; relative paths are taken from the repository. */
export function mailDirectory(config: AppConfig): string {
  const dir = config.MAIL_DIR ?? join('.data', 'mail');
  return isAbsolute(dir) ? dir : join(ROOT_DIR, dir);
}

/**
 * The folder of .eml files that the development transport writes and /dev/mail reads. Each
 * message is `<id>.eml` (the raw message, openable in any mail program) plus `<id>.json`.
 */
@Injectable()
export class DevMailbox {
  readonly dir: string;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.dir = mailDirectory(config);
  }

  async store(raw: Buffer, mail: Omit<DevMail, 'id' | 'date'>): Promise<string> {
    const now = new Date();
    const id = `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(8).toString('hex')}`;
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, `${id}.eml`), raw);
    const meta: DevMail = { id, date: now.toISOString(), ...mail };
    // The JSON is what the list reads: write it last and atomically.
    const tmp = join(this.dir, `.${id}.json.tmp`);
    await writeFile(tmp, JSON.stringify(meta));
    await rename(tmp, join(this.dir, `${id}.json`));
    return id;
  }

  /** Newest first. */
  async list(limit = 200): Promise<DevMail[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const ids = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .filter((id) => ID_PATTERN.test(id))
      .sort()
      .reverse()
      .slice(0, limit);
    const mails = await Promise.all(ids.map((id) => this.read(id)));
    return mails.filter((m): m is DevMail => m !== null);
  }

  async read(id: string): Promise<DevMail | null> {
    if (!ID_PATTERN.test(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as DevMail;
    } catch {
      return null;
    }
  }

  async raw(id: string): Promise<Buffer | null> {
    if (!ID_PATTERN.test(id)) return null;
    try {
      return await readFile(join(this.dir, `${id}.eml`));
    } catch {
      return null;
    }
  }
}
