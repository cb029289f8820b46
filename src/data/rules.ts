/**
 * Evaluates the consistency rules a package declares (`cep.rules`, docs/DATA.md): totals equal
 * the sum of their parts, shares add up to 100, published rates equal numerator / denominator,
 * the same quantity agrees across tables. A rule that fails is an error, unless it carries a
 * `knownDiscrepancy`: the source itself disagrees, and readers are told why.
 */
import type { PackageDescriptor } from './descriptors.ts';
import type { JsonFile } from './json-file.ts';
import { quote, type DataIssue } from './issues.ts';
import type { Rule, Selector, WhereValue } from './rules-schema.ts';
import type { Cell, Table } from './table.ts';

/** A discrepancy of the source, recorded in the data: shown to readers next to the figures. */
export interface KnownDiscrepancy {
  rule: string;
  description: string;
  explanation: string;
  /** The datasets whose figures the rule compares. */
  resources: string[];
  /** What the check found, case by case. */
  findings: string[];
  /** The cells compared where the check failed: a view of some rows shows only its own. */
  cells: { file: string; line: number }[];
}

interface Located {
  value: Cell;
  file: string;
  line: number;
  column: number;
}

type Binding = Record<string, Cell>;

// Module-level helpers rather than closures: `matches` runs for every rule, case, row and condition.
function resolve(v: string | number, binding: Binding): Cell | undefined {
  return typeof v === 'string' && v.startsWith('$') ? binding[v.slice(1)] : v;
}

function same(a: Cell, b: Cell | undefined): boolean {
  return b !== undefined && String(a) === String(b);
}

/** Whether a cell satisfies one `where` condition of a selector, `$name` read from the binding. */
export function matches(cell: Cell, expected: WhereValue, binding: Binding): boolean {
  if (typeof expected === 'object' && 'not' in expected) return !same(cell, resolve(expected.not, binding));
  if (typeof expected === 'object' && 'in' in expected) {
    for (const v of expected.in) if (same(cell, resolve(v, binding))) return true;
    return false;
  }
  return same(cell, resolve(expected, binding));
}

const fieldsOf = (s: Selector) => (Array.isArray(s.field) ? s.field : [s.field]);

function select(tables: Map<string, Table>, selector: Selector, binding: Binding): Located[] {
  const table = tables.get(selector.resource)!;
  const where = Object.entries(selector.where ?? {});
  const fields = fieldsOf(selector);
  const picked: Located[] = [];
  // Plain loops: this runs for every rule, case and row, the validator's inner loop.
  rows: for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    for (const [field, expected] of where) if (!matches(row[field] ?? null, expected, binding)) continue rows;
    for (const field of fields) picked.push({ value: row[field] ?? null, file: table.file, line: table.lines[i]!, column: table.columnOf(field) });
  }
  return picked;
}

const selectorsOf = (rule: Rule): [string, Selector][] =>
  (['value', 'parts', 'other', 'numerator', 'denominator'] as const)
    .filter((k) => k in rule)
    .map((k) => [k, (rule as unknown as Record<string, Selector>)[k]!]);

/** Checks that every resource and field a rule names exists, before evaluating anything. */
function wellFormed(rule: Rule, r: number, json: JsonFile, tables: Map<string, Table>, pkg: PackageDescriptor, issues: DataIssue[]): boolean {
  const problems: [(string | number)[], string][] = [];
  const fieldNames = (name: string) => pkg.resources.find((res) => res.name === name)?.schema.fields.map((f) => f.name);
  const check = (path: (string | number)[], resource: string, fields: string[]) => {
    const known = fieldNames(resource);
    if (!known) problems.push([[...path, 'resource'], `ressource ${quote(resource)} inconnue dans ce paquet`]);
    else if (!tables.has(resource)) problems.push([[...path, 'resource'], `ressource ${quote(resource)} illisible (voir les erreurs de ce fichier)`]);
    else for (const f of fields) if (!known.includes(f)) problems.push([path, `champ ${quote(f)} inconnu dans ${quote(resource)} : attendu ${known.join(', ')}`]);
  };
  if (rule.forEach) check(['forEach'], rule.forEach.resource, rule.forEach.fields);
  for (const [key, s] of selectorsOf(rule)) check([key], s.resource, [...fieldsOf(s), ...Object.keys(s.where ?? {})]);
  for (const [path, message] of problems)
    issues.push({ file: json.file, ...json.locate(['cep', 'rules', r, ...path]), severity: 'error', message: `règle ${quote(rule.id)} : ${message}` });
  return problems.length === 0;
}

function bindings(rule: Rule, tables: Map<string, Table>): Binding[] {
  if (!rule.forEach) return [{}];
  const seen = new Map<string, Binding>();
  for (const row of tables.get(rule.forEach.resource)!.rows) {
    const b = Object.fromEntries(rule.forEach.fields.map((f) => [f, row[f] ?? null]));
    seen.set(JSON.stringify(b), b);
  }
  return [...seen.values()];
}

const sum = (cells: Located[]) => cells.reduce((s, c) => s + Number(c.value), 0);
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals + 1e-9) / 10 ** decimals;
const show = (x: number) => String(Number(x.toFixed(6)));

/** Evaluates one rule for one binding: undefined when it holds or cannot be checked. */
function evaluate(rule: Rule, tables: Map<string, Table>, b: Binding): { at: Located; cells: Located[]; message: string } | string | undefined {
  const pick = (s: Selector) => select(tables, s, b);
  const one = (name: string, s: Selector): Located | string => {
    const cells = pick(s);
    return cells.length === 1 ? cells[0]! : `la sélection ${quote(name)} désigne ${cells.length} cellule(s) dans ${quote(s.resource)}, une seule attendue`;
  };
  const parts = 'parts' in rule ? pick(rule.parts) : [];
  if ('parts' in rule && parts.length === 0) return `la sélection ${quote('parts')} ne désigne aucune cellule dans ${quote(rule.parts.resource)}`;
  const value = 'value' in rule ? one('value', rule.value) : undefined;
  if (typeof value === 'string') return value;
  const other = rule.type === 'equal' ? one('other', rule.other) : undefined;
  if (typeof other === 'string') return other;
  const numerator = rule.type === 'ratio' ? pick(rule.numerator) : [];
  const denominator = rule.type === 'ratio' ? pick(rule.denominator) : [];
  // Missing stays missing: a rule that needs an empty cell is not checked for this case.
  if ([value, other, ...parts, ...numerator, ...denominator].some((c) => c && c.value === null)) return undefined;

  const tolerance = rule.tolerance ?? (rule.type === 'shares-100' ? 1 : 0);
  const differs = (a: number, e: number) => Math.abs(a - e) > tolerance + 1e-9;
  switch (rule.type) {
    case 'sum': {
      const v = Number(value!.value);
      const expected = sum(parts);
      return differs(v, expected) ? { at: value!, cells: [value!, ...parts], message: `${show(v)} publié, somme des parties ${show(expected)} (écart ${show(v - expected)})` } : undefined;
    }
    case 'equal': {
      const v = Number(value!.value);
      const o = Number(other!.value);
      return differs(v, o)
        ? { at: value!, cells: [value!, other!], message: `${show(v)} ici, ${show(o)} dans ${quote(rule.other.resource)} (${other!.file}:${other!.line}) (écart ${show(v - o)})` }
        : undefined;
    }
    case 'ratio': {
      if (numerator.length === 0 || denominator.length === 0) return `numérateur ou dénominateur vide`;
      const v = Number(value!.value);
      const den = sum(denominator);
      if (den === 0) return undefined;
      const exact = (sum(numerator) / den) * rule.scale;
      const expected = round(exact, rule.decimals);
      return differs(v, expected)
        ? { at: value!, cells: [value!, ...numerator, ...denominator], message: `${show(v)} publié, ${show(sum(numerator))} / ${show(den)} × ${rule.scale} = ${show(round(exact, rule.decimals + 2))}, soit ${show(expected)} arrondi` }
        : undefined;
    }
    case 'shares-100': {
      const total = sum(parts);
      return differs(total, 100) ? { at: parts[0]!, cells: parts, message: `les parts totalisent ${show(total)} % au lieu de 100 % (tolérance ${show(tolerance)})` } : undefined;
    }
  }
}

export function checkRules(
  json: JsonFile,
  pkg: PackageDescriptor,
  tables: Map<string, Table>,
  issues: DataIssue[],
): KnownDiscrepancy[] {
  const known: KnownDiscrepancy[] = [];
  const ids = new Set<string>();
  (pkg.cep?.rules ?? []).forEach((rule, r) => {
    const at = () => json.locate(['cep', 'rules', r]);
    if (ids.has(rule.id)) {
      issues.push({ file: json.file, ...at(), severity: 'error', message: `règle ${quote(rule.id)} en double` });
      return;
    }
    ids.add(rule.id);
    if (!wellFormed(rule, r, json, tables, pkg, issues)) return;
    // A dataset not filled yet (edition in preparation, listed as to fill): nothing to compare.
    const read = [...(rule.forEach ? [rule.forEach.resource] : []), ...selectorsOf(rule).map(([, s]) => s.resource)];
    if (read.some((name) => tables.get(name)!.rows.length === 0)) return;
    const findings: string[] = [];
    const cells: { file: string; line: number }[] = [];
    for (const b of bindings(rule, tables)) {
      const result = evaluate(rule, tables, b);
      if (result === undefined) continue;
      const where = Object.keys(b).length ? ` [${Object.entries(b).map(([k, v]) => `${k}=${String(v)}`).join(', ')}]` : '';
      if (typeof result === 'string') {
        issues.push({ file: json.file, ...at(), severity: 'error', message: `règle ${quote(rule.id)}${where} : ${result}` });
        continue;
      }
      findings.push(`${result.message}${where}`);
      cells.push(...result.cells.map(({ file, line }) => ({ file, line })));
      issues.push({
        file: result.at.file,
        line: result.at.line,
        column: result.at.column,
        severity: rule.knownDiscrepancy ? 'warning' : 'error',
        message: `règle ${quote(rule.id)}${where} (${rule.description}) : ${result.message}${rule.knownDiscrepancy ? ` — écart connu : ${rule.knownDiscrepancy}` : ''}`,
      });
    }
    if (rule.knownDiscrepancy && findings.length === 0)
      issues.push({ file: json.file, ...at(), severity: 'error', message: `règle ${quote(rule.id)} : vérifiée sur toutes les données, l'annotation knownDiscrepancy n'a plus lieu d'être` });
    if (rule.knownDiscrepancy && findings.length > 0)
      known.push({
        rule: rule.id,
        description: rule.description,
        explanation: rule.knownDiscrepancy,
        resources: [...new Set(selectorsOf(rule).map(([, s]) => s.resource))],
        findings,
        cells,
      });
  });
  return known;
}
