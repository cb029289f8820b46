/**
 * Reads one CSV resource and checks it against its Table Schema: header, types, constraints,
 * primary key. Foreign keys need the other tables and are checked by the catalog.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Field, ResourceDescriptor } from './descriptors.ts';
import { displayPath } from './paths.ts';
import { quote, type DataIssue } from './issues.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Table {
  file: string;
  rows: Row[];
  /** Line of each row in the file, for messages about rows. */
  lines: number[];
  /** 1-based column of a field in the file's header. */
  columnOf(field: string): number;
}

const typeHints: Record<Field['type'], string> = {
  integer: 'un entier écrit avec des chiffres seuls (ex. 12479), sans espace ni séparateur de milliers',
  number: 'un nombre avec un point décimal (ex. 80.9), sans espace ni séparateur de milliers',
  date: 'une date AAAA-MM-JJ (ex. 2024-01-01)',
  boolean: 'true ou false',
  string: 'un texte',
};

/** Turns a cell into its typed value, or undefined when the text is not of the field's type. */
function cast(field: Field, text: string): Cell | undefined {
  switch (field.type) {
    case 'string':
      return text;
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
      const d = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text) ? text : undefined;
    }
  }
}

/** What was wrong with a cell, or undefined when it satisfies its field's constraints. */
function constraintProblem(field: Field, value: Cell): string | undefined {
  const c = field.constraints ?? {};
  if (value === null) return c.required ? 'valeur obligatoire manquante' : undefined;
  if (typeof value === 'number') {
    if (c.minimum !== undefined && value < c.minimum)
      return `valeur ${quote(String(value))} trop petite : minimum ${c.minimum}`;
    if (c.maximum !== undefined && value > c.maximum)
      return `valeur ${quote(String(value))} trop grande : maximum ${c.maximum}`;
  }
  if (c.enum && !c.enum.includes(value as string | number))
    return `valeur ${quote(String(value))} non autorisée : attendu ${c.enum.join(', ')}`;
  if (c.pattern && typeof value === 'string' && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value))
    return `valeur ${quote(value)} mal formée : motif attendu ${c.pattern}`;
  return undefined;
}

function decodeUtf8(bytes: Buffer, file: string, issues: DataIssue[]): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Locate the first undecodable line so that the editor can find the culprit character.
    const lines = bytes.toString('latin1').split('\n');
    let line = 1;
    for (let offset = 0; line <= lines.length; line++) {
      const length = Buffer.byteLength(lines[line - 1]!, 'latin1') + 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, offset + length));
      } catch {
        break;
      }
      offset += length;
    }
    issues.push({
      file,
      line,
      column: 1,
      severity: 'error',
      message:
        "le fichier n'est pas encodé en UTF-8 (caractères accentués illisibles) : depuis Excel, enregistrez-le au format « CSV UTF-8 »",
    });
    return undefined;
  }
}

export function readTable(absolute: string, resource: ResourceDescriptor, issues: DataIssue[]): Table | undefined {
  const file = displayPath(absolute);
  const error = (line: number, column: number, message: string) =>
    issues.push({ file, line, column, severity: 'error', message });
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    error(1, 1, `fichier introuvable (déclaré par la ressource ${quote(resource.name)})`);
    return undefined;
  }
  const text = decodeUtf8(bytes, file, issues);
  if (text === undefined) return undefined;

  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ends on (csv-parse's types ignore it).
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    error(err.lines ?? 1, 1, `CSV illisible : ${err.message}`);
    return undefined;
  }
  const fields = resource.schema.fields;
  const expected = fields.map((f) => f.name).join(',');
  if (records.length === 0) {
    error(1, 1, `fichier vide : la première ligne doit être l'en-tête ${expected}`);
    return undefined;
  }

  const header = records[0]!.record.map((h) => h.trim());
  if (header.length === 1 && header[0]!.includes(';')) {
    error(1, 1, `séparateur ${quote(';')} trouvé alors que la virgule est attendue : en-tête attendu ${expected}`);
    return undefined;
  }
  let headerOk = true;
  header.forEach((name, i) => {
    if (!fields.some((f) => f.name === name)) {
      error(1, i + 1, `colonne inconnue ${quote(name)} : en-tête attendu ${expected}`);
      headerOk = false;
    } else if (header.indexOf(name) !== i) {
      error(1, i + 1, `colonne ${quote(name)} en double`);
      headerOk = false;
    }
  });
  fields.forEach((f, i) => {
    if (!header.includes(f.name)) {
      error(1, Math.min(i + 1, header.length + 1), `colonne manquante ${quote(f.name)} : en-tête attendu ${expected}`);
      headerOk = false;
    }
  });
  if (!headerOk) return undefined;

  const columnOf = (name: string) => header.indexOf(name) + 1;
  const missingValues = resource.schema.missingValues ?? [''];
  const rows: Row[] = [];
  const lines: number[] = [];
  let valid = true;
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== header.length) {
      error(line, Math.min(record.length, header.length) + 1, `la ligne a ${record.length} cellule(s), l'en-tête en a ${header.length}`);
      valid = false;
      continue;
    }
    const row: Row = {};
    for (const f of fields) {
      const column = columnOf(f.name);
      const raw = record[column - 1]!;
      let value: Cell | undefined = missingValues.includes(raw) ? null : cast(f, raw);
      if (value === undefined) {
        error(line, column, `valeur ${quote(raw)} invalide pour ${quote(f.name)} : attendu ${typeHints[f.type]}`);
        valid = false;
        value = null;
      } else {
        const problem = constraintProblem(f, value);
        if (problem) {
          error(line, column, `${quote(f.name)} : ${problem}`);
          valid = false;
        }
      }
      row[f.name] = value;
    }
    rows.push(row);
    lines.push(line);
  }
  if (!valid) return undefined;

  const keyChecks = [
    ...fields.filter((f) => f.constraints?.unique).map((f) => [f.name]),
    ...(resource.schema.primaryKey ? [resource.schema.primaryKey] : []),
  ];
  for (const key of keyChecks) {
    const firstLine = new Map<string, number>();
    rows.forEach((row, i) => {
      const id = JSON.stringify(key.map((k) => row[k]));
      const seen = firstLine.get(id);
      if (seen !== undefined) {
        const shown = key.map((k) => `${k}=${String(row[k])}`).join(', ');
        error(lines[i]!, columnOf(key[0]!), `clé en double (${shown}) : déjà présente ligne ${seen}`);
        valid = false;
      } else firstLine.set(id, lines[i]!);
    });
  }
  return valid ? { file, rows, lines, columnOf } : undefined;
}
