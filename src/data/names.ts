/**
 * The names a report prints for an operator, from the data (never from code): the label of
 * each row of operators.csv and its `aliases`, and for the regional operator the holders of
 * its mission in the report's region (regional_operators.csv) and their `aliases`. Aliases
 * are pipe-separated (« France compétences|… »). `npm run import` reads these names as codes;
 * `checkOperatorNames` refuses a name that would stand for two codes.
 */
import type { Resource } from './catalog.ts';
import { quote, type DataIssue } from './issues.ts';
import { displayPath } from './paths.ts';
import type { Cell, Row } from './table.ts';

/** Compared without case, accents or spacing differences. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** The names of an `aliases` cell: « a|b » → [a, b]. */
export function aliasesOf(cell: Cell | undefined): string[] {
  if (typeof cell !== 'string') return [];
  return cell.split('|').map((a) => a.trim()).filter((a) => a !== '');
}

export interface OperatorName {
  name: string;
  code: string;
  /** The list and row it comes from, to locate a conflict. */
  list: 'operators' | 'regional_operators';
  row: number;
  field: 'label' | 'aliases' | 'holder';
}

export const REGIONAL_OPERATOR = 'operateur-regional';

/** Every name an operator may be printed under in a report of `region` (an INSEE code). */
export function operatorNames(operators: readonly Row[], regional: readonly Row[], region: string): OperatorName[] {
  const names: OperatorName[] = [];
  operators.forEach((r, row) => {
    const code = String(r.code);
    names.push({ name: String(r.label ?? code), code, list: 'operators', row, field: 'label' });
    for (const name of aliasesOf(r.aliases)) names.push({ name, code, list: 'operators', row, field: 'aliases' });
  });
  if (!operators.some((r) => r.code === REGIONAL_OPERATOR)) return names;
  regional.forEach((r, row) => {
    if (String(r.region) !== region) return;
    names.push({ name: String(r.holder), code: REGIONAL_OPERATOR, list: 'regional_operators', row, field: 'holder' });
    for (const name of aliasesOf(r.aliases)) names.push({ name, code: REGIONAL_OPERATOR, list: 'regional_operators', row, field: 'aliases' });
  });
  return names;
}

/**
 * A name that stands for two operators (« CIBC » as an alias of apec and the holder of a region)
 * would make the import guess: an error at the cell that adds the second meaning.
 */
export function checkOperatorNames(reference: Map<string, Resource>): DataIssue[] {
  const operators = reference.get('operators');
  const regional = reference.get('regional_operators');
  if (!operators) return [];
  const regions = [...new Set((regional?.table.rows ?? []).map((r) => String(r.region)))];
  const issues = new Map<string, DataIssue>();
  for (const region of ['', ...regions]) {
    const seen = new Map<string, OperatorName>();
    for (const n of operatorNames(operators.table.rows, regional?.table.rows ?? [], region)) {
      const first = seen.get(normalize(n.name));
      if (!first) seen.set(normalize(n.name), n);
      else if (first.code !== n.code) {
        const table = (n.list === 'operators' ? operators : regional!).table;
        const issue: DataIssue = {
          file: displayPath(table.file),
          line: table.lines[n.row]!,
          column: table.columnOf(n.field),
          severity: 'error',
          message: `nom ${quote(n.name)} déjà donné à l'opérateur ${quote(first.code)} (${first.list}.csv) : un nom imprimé ne peut désigner qu'un opérateur, sinon npm run import ne saurait lequel choisir ; retirez-le de l'une des deux lignes`,
        };
        issues.set(`${issue.file}:${issue.line}:${issue.column}:${n.name}`, issue);
      }
    }
  }
  return [...issues.values()];
}
