import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import hbs from 'hbs';
import type { HelperDelegate, TemplateDelegate } from 'handlebars';
import { VIEWS_DIR } from '../paths';

/**
 * Renders e-mails from views/emails: `<name>.hbs` inside `layout.hbs` for HTML and
 * `<name>.txt.hbs` for the plain-text part. Uses hbs's Handlebars so page helpers work here too.
 * Plain-text templates are not HTML-escaped (`{{name}}` stays `Jan & Els`, not `Jan &amp; Els`).
 */
@Injectable()
export class MailRenderer {
  private readonly cache = new Map<string, TemplateDelegate>();

  private async template(name: string): Promise<TemplateDelegate> {
    let compiled = this.cache.get(name);
    if (!compiled) {
      const source = await readFile(join(VIEWS_DIR, 'emails', `${name}.hbs`), 'utf8');
      compiled = hbs.handlebars.compile(source, { noEscape: name.endsWith('.txt') });
      this.cache.set(name, compiled);
    }
    return compiled;
  }

  async render(
    name: string,
    data: Record<string, unknown>,
  ): Promise<{ html: string; text: string }> {
    const body = (await this.template(name))(data);
    const html = (await this.template('layout'))({ ...data, body });
    const text = (await this.template(`${name}.txt`))(data);
    return { html, text };
  }
}

export type { HelperDelegate };
