/**
 * Reads one CSV resource and checks it against its Table Schema: encoding, separator, header,
 * every cell (cells.ts), unique and primary keys. Foreign keys and consistency rules need the
 * other tables: the catalog checks them.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ResourceDescriptor } from './descriptors.ts';
import { cast, constraintProblem, expectedText, type Cell } from './cells.ts';
import { displayPath } from './paths.ts';
import { quote, type DataIssue } from './issues.ts';

export type { Cell };
export type Row = Record<string, Cell>;

export interface Table {
  file: string;
  rows: Row[];
  /** Line of each row in the file, for messages about rows. */
  lines: number[];
  /** 1-based column of a field in the file's header. */
  columnOf(field: string): number;
}

const EXCEL_HINT = 'depuis Excel, enregistrez-le au format « CSV UTF-8 », ou déclarez "encoding": "windows-1252" dans la ressource';

const firstNonAsciiLine = (bytes: Buffer) => bytes.subarray(0, bytes.findIndex((b) => b >= 0x80)).toString('latin1').split('\n').length;

// One strict decoder for every file: building one per file costs more than decoding small ones.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer, encoding: string, file: string, issues: DataIssue[]): string | undefined {
  const label = encoding === 'utf-8-sig' ? 'utf-8' : encoding;
  if (label !== 'utf-8') {
    // A file saved in UTF-8 but declared Windows-1252 would be published with « Ã© » for « é ».
    if (bytes.some((b) => b >= 0x80)) {
      try {
        utf8.decode(bytes);
        issues.push({
          file,
          line: firstNonAsciiLine(bytes),
          column: 1,
          severity: 'error',
          message: `le fichier est encodé en UTF-8 alors que la ressource déclare "encoding": "${encoding}" (les accents seraient lus « Ã© ») : retirez cette déclaration, ou enregistrez le fichier en Windows-1252`,
        });
        return undefined;
      } catch {
        // not UTF-8: the declared encoding is the file's
      }
    }
    return new TextDecoder(label).decode(bytes);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    // Locate the first undecodable line so that the editor can find the culprit character.
    let offset = 0;
    let line = 1;
    for (const text of bytes.toString('latin1').split('\n')) {
      const length = Buffer.byteLength(text, 'latin1') + 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, offset + length));
      } catch {
        break;
      }
      offset += length;
      line++;
    }
    issues.push({ file, line, column: 1, severity: 'error', message: `le fichier n'est pas encodé en UTF-8 (caractères accentués illisibles) : ${EXCEL_HINT}` });
    return undefined;
  }
}

/**
 * Where a quote breaks the CSV: the quote that opens a cell and never closes (when `onLine` is
 * undefined), or the first quote in the middle of an unquoted cell of line `onLine`.
 */
function locateQuote(text: string, delimiter: string, quote: string, onLine?: number): { line: number; column: number } | undefined {
  let line = 1;
  let field = 1;
  let inQuotes = false;
  let fieldStart = true;
  let opened: { line: number; column: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === quote && text[i + 1] === quote) i++;
      else if (c === quote) inQuotes = false;
      else if (c === '\n') line++;
      continue;
    }
    if (c === quote && fieldStart) {
      inQuotes = true;
      opened = { line, column: field };
    } else if (c === quote && line === onLine) return { line, column: field };
    else if (c === delimiter || c === '\n') {
      if (c === '\n') line++;
      field = c === '\n' ? 1 : field + 1;
      fieldStart = true;
      continue;
    }
    fieldStart = false;
  }
  return inQuotes ? opened : undefined;
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** `allowEmpty`: a header-only file is an empty table (a dataset not filled yet in an edition in preparation). */
export function readTable(absolute: string, resource: ResourceDescriptor, issues: DataIssue[], { allowEmpty = false } = {}): Table | undefined {
  const file = displayPath(absolute);
  const error = (line: number, column: number, message: string) => issues.push({ file, line, column, severity: 'error', message });
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    error(1, 1, `fichier introuvable (déclaré par la ressource ${quote(resource.name)})`);
    return undefined;
  }
  const text = decode(bytes, resource.encoding ?? 'utf-8', file, issues);
  if (text === undefined) return undefined;

  const delimiter = resource.dialect?.delimiter ?? ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ends on (csv-parse's types ignore it).
    records = parse(text, {
      bom: true,
      delimiter,
      quote: resource.dialect?.quoteChar ?? '"',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string };
    const notClosed = err.code === 'CSV_QUOTE_NOT_CLOSED';
    const at = locateQuote(text, delimiter, resource.dialect?.quoteChar ?? '"', notClosed ? undefined : err.lines);
    if (at && notClosed) error(at.line, at.column, 'guillemet ouvert dans cette cellule et jamais fermé : le reste du fichier serait lu comme une seule cellule');
    else if (at) error(at.line, at.column, `guillemet au milieu d'une cellule : entourez la cellule de guillemets et doublez ceux du texte ("agences ""nord""")`);
    else error(err.lines ?? 1, 1, `CSV illisible : ${err.message}`);
    return undefined;
  }
  const fields = resource.schema.fields;
  const expected = fields.map((f) => f.name).join(delimiter);
  if (records.length === 0) {
    error(1, 1, `fichier vide : la première ligne doit être l'en-tête ${expected}`);
    return undefined;
  }

  // An edition in preparation may hold a dataset not filled yet (npm run new-report writes the
  // header alone): its header is checked, and npm run validate lists it as to fill.
  if (records.length === 1 && !allowEmpty) {
    error(1, 1, "aucune ligne de données après l'en-tête : un jeu de données publié a au moins une ligne");
    return undefined;
  }

  const header = records[0]!.record.map((h) => h.trim());
  if (header.length === 1 && fields.length > 1) {
    const other = [';', ',', '\t'].find((d) => d !== delimiter && header[0]!.includes(d));
    error(1, 1, other
      ? `séparateur ${quote(other === '\t' ? 'tabulation' : other)} trouvé alors que ${quote(delimiter)} est attendu : déclarez "dialect": { "delimiter": "${other === '\t' ? '\\t' : other}" } dans la ressource, ou enregistrez le fichier avec des virgules`
      : `une seule colonne lue : en-tête attendu ${expected}`);
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
    // csv-parse gives the line a record ends on; a quoted cell may span lines (LF, CR or CRLF).
    const line = info.lines - lineBreaks(record.join(''));
    if (record.length !== header.length) {
      error(line, Math.min(record.length, header.length) + 1, `la ligne a ${record.length} cellule(s), l'en-tête en a ${header.length}`);
      valid = false;
      continue;
    }
    const row: Row = {};
    for (const f of fields) {
      const column = columnOf(f.name);
      const raw = record[column - 1]!;
      const cellLine = line + lineBreaks(record.slice(0, column - 1).join(''));
      let value = missingValues.includes(raw) ? null : cast(f, raw);
      if (value === undefined) {
        error(cellLine, column, `valeur ${quote(raw)} invalide pour ${quote(f.name)} : attendu ${expectedText(f, raw)}`);
        valid = false;
        value = null;
      } else {
        const problem = constraintProblem(f, value);
        if (problem) {
          error(cellLine, column, `${quote(f.name)} : ${problem}`);
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
