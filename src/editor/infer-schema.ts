/**
 * The Table Schema of a table as a spreadsheet exports it (npm run add-dataset): one field per
 * column, named after its heading, typed from every one of its cells, and the rows rewritten in
 * the house format (UTF-8, comma, point decimal, no thousands separator) so that the resource
 * needs no dialect. Numbers are read as `npm run import` reads them (« 12 479 », « 80,9 % »),
 * their decimals kept as written: the site publishes figures as the report prints them.
 */
import type { Field, ForeignKey } from '../data/descriptors.ts';
import { kinds } from '../data/kinds.ts';
import { normalize } from '../data/names.ts';
import { isMissing, readFrenchNumber, type SourceCell, type SourceTable } from './import.ts';
import { MARKER } from './to-fill.ts';

export interface InferredColumn {
  field: Field;
  /** The heading as the file had it. */
  heading: string;
  /** Some cells were written « 80,9 % »: the values are percents. */
  percent: boolean;
}

export interface InferredTable {
  columns: InferredColumn[];
  foreignKeys: ForeignKey[];
  /** The rows in the house format, one text per field (empty when missing). */
  rows: string[][];
}

const FIELD_NAME = /^[a-z][a-z0-9_]*$/;

/** « Nombre de lieux » → nombre_de_lieux; a heading that is already a field name stays as it is. */
export function fieldName(heading: string, column: number): string {
  if (FIELD_NAME.test(heading)) return heading;
  const slug = normalize(heading).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!slug) return `colonne_${column}`;
  return /^[a-z]/.test(slug) ? slug : `colonne_${slug}`;
}

/** The standard fields by name (territory, year, operator…): a free table that has one reuses it. */
const STANDARD = new Map<string, { field: Field; foreignKey?: ForeignKey }>();
for (const kind of Object.values(kinds))
  for (const field of kind.fields)
    if (!STANDARD.has(field.name))
      STANDARD.set(field.name, { field, foreignKey: kind.foreignKeys.find((fk) => fk.fields[0] === field.name) });

type Reading = { type: 'integer' | 'number'; percent: boolean; texts: string[] } | { type: 'string' };

/** Numbers if every cell that is not missing reads as one; codes with a leading zero (« 01 ») stay text. */
function readColumn(cells: SourceCell[]): Reading {
  const texts: string[] = [];
  let percent = false;
  let decimals = false;
  let values = 0;
  for (const { text } of cells) {
    if (isMissing(text)) {
      texts.push('');
      continue;
    }
    const reading = readFrenchNumber(text);
    if (reading.kind !== 'number' || /^[+\-\u2212]?0\d/.test(text.trim())) return { type: 'string' };
    texts.push(reading.text);
    percent ||= reading.percent;
    decimals ||= reading.text.includes('.');
    values++;
  }
  // A column with no value at all says nothing of its type: text is the safe guess.
  if (values === 0) return { type: 'string' };
  return { type: decimals ? 'number' : 'integer', percent, texts };
}

function titleOf(heading: string, name: string, percent: boolean, standard?: Field): string {
  if (standard?.title && heading === name) return standard.title;
  const title = heading === name || heading === '' ? `${MARKER} : intitulé de la colonne ${name} pour les lecteurs` : heading;
  // « (%) » in a title makes the components print « % » after the figure (docs/COMPONENTS.md).
  return percent && !title.includes('%') ? `${title} (%)` : title;
}

export function inferTable(source: SourceTable): InferredTable {
  const names = new Set<string>();
  const columns: InferredColumn[] = [];
  const foreignKeys: ForeignKey[] = [];
  const texts: string[][] = [];
  source.header.forEach((cell, i) => {
    let name = fieldName(cell.text, i + 1);
    for (let n = 2; names.has(name); n++) name = `${fieldName(cell.text, i + 1)}_${n}`;
    names.add(name);
    const cells = source.rows.map((r) => r.cells[i]!);
    const standard = STANDARD.get(name);
    // Codes (territory, operator…) are text whatever they look like: « 28 » is a region.
    const reading: Reading = standard?.field.type === 'string' ? { type: 'string' } : readColumn(cells);
    const percent = reading.type !== 'string' && reading.percent;
    const field: Field = { name, title: titleOf(cell.text, name, percent, standard?.field), type: reading.type };
    columns.push({ field, heading: cell.text, percent });
    texts.push(reading.type === 'string' ? cells.map((c) => c.text) : reading.texts);
    if (standard?.foreignKey && reading.type === standard.field.type) foreignKeys.push(standard.foreignKey);
  });
  const rows = source.rows.map((_, r) => texts.map((column) => column[r]!));
  return { columns, foreignKeys, rows };
}
