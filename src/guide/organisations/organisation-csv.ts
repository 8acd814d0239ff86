import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { validateBody } from '../../web/forms/validate-body';
import { t } from '../../i18n/i18n';
import { ORGANISATION_KINDS } from '../common/organisation-kinds';
import {
  ORGANISATION_FIELDS,
  OrganisationDto,
  type OrganisationField,
  type OrganisationInput,
} from './dto/organisation.dto';
import { nameKey } from './organisations.service';

/** At most this many organisations in one file (and 2 MB: MAX_IMPORT_BYTES). */
export const MAX_IMPORT_ROWS = 5_000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The columns as a spreadsheet names them (the export writes these too), in the form's order. */
export const CSV_HEADERS: Record<OrganisationField, string> = {
  name: 'naam',
  kind: 'soort',
  offer: 'aanbod',
  audience: 'voor wie',
  address: 'adres',
  postcode: 'postcode',
  town: 'gemeente',
  phone: 'telefoon',
  email: 'e-mail',
  website: 'website',
  openingHours: 'openingsuren',
  cost: 'kostprijs',
  accessibility: 'toegankelijkheid',
};
const REQUIRED: OrganisationField[] = ['name', 'kind', 'offer'];

/** A problem in one row (its number as the spreadsheet shows it: the header is row 1). */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

export type ParsedCsv =
  | { ok: true; rows: OrganisationInput[] }
  | { ok: false; fileError: string }
  | { ok: false; problems: RowProblem[]; rowCount: number };

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const FIELD_OF_HEADER = new Map<string, OrganisationField>([
  ...ORGANISATION_FIELDS.map((f): [string, OrganisationField] => [fold(CSV_HEADERS[f]), f]),
  ['email', 'email'],
  ['naam organisatie', 'name'],
]);
/** A kind by its key or by its label ("Dagopvang", "OCMW / Sociaal Huis"). */
const KIND_OF = new Map<string, string>(
  ORGANISATION_KINDS.flatMap((k): [string, string][] => [
    [fold(k.key), k.key],
    [fold(k.label), k.key],
  ]),
);
/** Spreadsheets run a cell that starts so as a formula (OWASP "CSV injection"). */
const FORMULA = /^[=+\-@\t\r]/;
/** How src/common/csv.ts writes such a cell: an apostrophe in front, so it shows as text. */
const ESCAPED_FORMULA = /^'[=+\-@\t\r]/;

/** `;` or `,`: whichever the header row uses more (Excel in Dutch writes `;`). */
function delimiterOf(text: string): ';' | ',' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

/**
 * A CSV file of organisations, checked as a whole before anything is stored: UTF-8 (a BOM is
 * fine; UTF-16 or another encoding is refused with how to save it in Excel), `;` or `,`, Dutch
 * column names (CSV_HEADERS), at most MAX_IMPORT_ROWS rows; then every row with the form's own
 * rules (OrganisationDto) plus: no formula cells (a phone may start with +32), no name twice.
 * Names the hub has already come from `existing` (folded name → the hub's spelling).
 */
export async function parseOrganisationCsv(
  file: Buffer,
  existing: (names: string[]) => Promise<Map<string, string>>,
): Promise<ParsedCsv> {
  if (file.length === 0) return { ok: false, fileError: t('guide.orgs.import.error.empty') };
  if ((file[0] === 0xff && file[1] === 0xfe) || (file[0] === 0xfe && file[1] === 0xff))
    return { ok: false, fileError: t('guide.orgs.import.error.utf16') };
  if (!isUtf8(file) || file.includes(0))
    return { ok: false, fileError: t('guide.orgs.import.error.encoding') };
  const text = file.toString('utf8').replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch {
    return { ok: false, fileError: t('guide.orgs.import.error.unreadable') };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, fileError: t('guide.orgs.import.error.empty') };
  const fields = header.map((cell) => FIELD_OF_HEADER.get(fold(cell)) ?? null);
  const unknown = header.filter((_cell, i) => fields[i] === null && header[i].trim() !== '');
  if (unknown.length > 0)
    return {
      ok: false,
      fileError: t('guide.orgs.import.error.unknownColumns', {
        columns: unknown.map((c) => `"${c.trim()}"`).join(', '),
      }),
    };
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  if (missing.length > 0)
    return {
      ok: false,
      fileError: t('guide.orgs.import.error.missingColumns', {
        columns: missing.map((f) => `"${CSV_HEADERS[f]}"`).join(', '),
      }),
    };
  const filled = body
    .map((cells, i) => ({ cells, line: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return { ok: false, fileError: t('guide.orgs.import.error.noRows') };
  if (filled.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      fileError: t('guide.orgs.import.error.tooMany', { max: MAX_IMPORT_ROWS, n: filled.length }),
    };

  const problems: RowProblem[] = [];
  const rows: { line: number; input: OrganisationInput }[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { cells, line } of filled) {
    const raw: Record<string, string> = {};
    const rowProblems: RowProblem[] = [];
    fields.forEach((field, i) => {
      if (!field) return;
      // A cell the export escaped ('=...) is text: read back without its apostrophe.
      const cell = cells[i] ?? '';
      const value = ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
      if (FORMULA.test(cell.trim()) && !(field === 'phone' && /^\+32/.test(cell.trim())))
        rowProblems.push({
          line,
          column: CSV_HEADERS[field],
          message: t('guide.orgs.import.error.formula'),
        });
      raw[field] = value;
    });
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== ''))
      rowProblems.push({ line, column: '', message: t('guide.orgs.import.error.extraCells') });
    if (raw.kind !== undefined) raw.kind = KIND_OF.get(fold(raw.kind)) ?? raw.kind;
    const valid = await validateBody(OrganisationDto, raw);
    if (!valid.ok)
      for (const [field, message] of Object.entries(valid.errors))
        rowProblems.push({
          line,
          column: CSV_HEADERS[field as OrganisationField] ?? field,
          message,
        });
    if (rowProblems.length === 0 && valid.ok) {
      const input = Object.fromEntries(
        ORGANISATION_FIELDS.map((f) => [f, valid.dto[f]]),
      ) as OrganisationInput;
      const key = nameKey(input.name);
      const first = firstLineOf.get(key);
      if (first !== undefined)
        rowProblems.push({
          line,
          column: CSV_HEADERS.name,
          message: t('guide.orgs.import.error.twice', { line: first }),
        });
      else {
        firstLineOf.set(key, line);
        rows.push({ line, input });
      }
    }
    problems.push(...rowProblems);
  }
  const known = await existing(rows.map((r) => r.input.name));
  for (const { line, input } of rows) {
    const name = known.get(nameKey(input.name));
    if (name !== undefined)
      problems.push({
        line,
        column: CSV_HEADERS.name,
        message: t('guide.orgs.import.error.exists', { name }),
      });
  }
  if (problems.length > 0)
    return {
      ok: false,
      problems: problems.sort((a, b) => a.line - b.line),
      rowCount: filled.length,
    };
  return { ok: true, rows: rows.map((r) => r.input) };
}
