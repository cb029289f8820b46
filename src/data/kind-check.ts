/**
 * What a standard dataset kind promises (kinds.ts): its fixed columns, and for beneficiary
 * profiles, categories taken from the nomenclature of their dimension.
 */
import type { Field, PackageDescriptor } from './descriptors.ts';
import type { JsonFile } from './json-file.ts';
import { quote, type DataIssue } from './issues.ts';
import { kinds } from './kinds.ts';
import type { Table } from './table.ts';

/**
 * The kind's bounds (a count at least 0, a share from 0 to 100…) hold for every report: a field
 * that drops or loosens one would let 189 % through the cell checker.
 */
function missingConstraints(declared: Field[], expected: Field[], kind: string): [(string | number)[], string][] {
  const problems: [(string | number)[], string][] = [];
  declared.forEach((field, f) => {
    const wanted = expected.find((e) => e.name === field.name)?.constraints ?? {};
    for (const [key, value] of Object.entries(wanted)) {
      const got = (field.constraints as Record<string, unknown> | undefined)?.[key];
      if (JSON.stringify(got) === JSON.stringify(value)) continue;
      problems.push([
        // At the loosened bound, or where the missing one belongs.
        ['schema', 'fields', f, ...(got !== undefined ? ['constraints', key] : field.constraints ? ['constraints'] : [])],
        `champ ${quote(field.name)} : contrainte "${key}": ${JSON.stringify(value)} attendue pour le type ${quote(kind)}${got === undefined ? '' : `, trouvé ${JSON.stringify(got)}`} ; rétablissez-la (npm run kind-schema -- ${kind})`,
      ]);
    }
  });
  return problems;
}

/** The resource's schema has exactly the kind's fields (names, types, order), key and foreign keys. */
export function checkKindSchemas(json: JsonFile, pkg: PackageDescriptor, issues: DataIssue[]): boolean {
  let ok = true;
  pkg.resources.forEach((resource, r) => {
    const kind = resource.cep?.kind;
    if (!kind || kind === 'free') return;
    const expected = kinds[kind];
    const signature = (fields: { name: string; type: string }[]) => fields.map((f) => `${f.name} (${f.type})`).join(', ');
    const problems: [(string | number)[], string][] = [];
    if (signature(resource.schema.fields) !== signature(expected.fields))
      problems.push([['schema', 'fields'], `champs attendus pour le type ${quote(kind)} : ${signature(expected.fields)} ; trouvés : ${signature(resource.schema.fields)} (npm run kind-schema -- ${kind})`]);
    if (JSON.stringify(resource.schema.primaryKey ?? []) !== JSON.stringify(expected.primaryKey))
      problems.push([['schema', 'primaryKey'], `clé primaire attendue pour le type ${quote(kind)} : ${expected.primaryKey.join(', ')}`]);
    problems.push(...missingConstraints(resource.schema.fields, expected.fields, kind));
    for (const fk of expected.foreignKeys) {
      const declared = (resource.schema.foreignKeys ?? []).some((d) => JSON.stringify(d) === JSON.stringify(fk));
      if (!declared) problems.push([['schema'], `clé étrangère attendue pour le type ${quote(kind)} : ${fk.fields.join(', ')} → ${fk.reference.resource}`]);
    }
    for (const [path, message] of problems) {
      issues.push({ file: json.file, ...json.locate(['resources', r, ...path]), severity: 'error', message: `ressource ${quote(resource.name)} : ${message}` });
      ok = false;
    }
  });
  return ok;
}

/**
 * Each category of a beneficiary profile belongs to its dimension's nomenclature: the reference
 * list that `dimensions` names, or, for a dimension the report defines, its `categories` resource.
 */
export function checkProfileCategories(
  pkg: PackageDescriptor,
  tables: Map<string, Table>,
  reference: Map<string, Table>,
  issues: DataIssue[],
): void {
  // Dimensions with a list take their categories from it; the others from the report's own.
  const lists = new Map((reference.get('dimensions')?.rows ?? []).filter((d) => d.list !== null).map((d) => [String(d.code), String(d.list)]));
  const own = new Map<string, Set<string>>();
  // A list of the report's own categories that could not be read has its own errors: its
  // dimensions are then not checked here, rather than reported unknown row after row.
  const ownUnreadable = pkg.resources.some((r) => r.cep?.kind === 'categories' && !tables.has(r.name));
  for (const resource of pkg.resources.filter((r) => r.cep?.kind === 'categories'))
    for (const row of tables.get(resource.name)?.rows ?? []) {
      const codes = own.get(String(row.dimension)) ?? new Set<string>();
      codes.add(String(row.code));
      own.set(String(row.dimension), codes);
    }
  /** undefined: unknown dimension; null: its list could not be read (its own errors say why). */
  const codesOf = (dimension: string): Set<string> | undefined | null => {
    const list = lists.get(dimension);
    if (!list) return own.get(dimension);
    const table = reference.get(list);
    return table ? new Set(table.rows.map((r) => String(r.code))) : null;
  };
  for (const resource of pkg.resources.filter((r) => r.cep?.kind === 'beneficiary-profile')) {
    const table = tables.get(resource.name);
    if (!table) continue;
    table.rows.forEach((row, i) => {
      const dimension = String(row.dimension);
      const codes = codesOf(dimension);
      const line = table.lines[i]!;
      if (codes === undefined && ownUnreadable) return;
      if (codes === undefined)
        issues.push({
          file: table.file, line, column: table.columnOf('dimension'), severity: 'error',
          message: `dimension ${quote(dimension)} inconnue : attendu une dimension du référentiel dimensions (${[...lists.keys()].join(', ')}) ou une dimension définie dans la ressource categories du rapport`,
        });
      else if (codes !== null && !codes.has(String(row.category)))
        issues.push({
          file: table.file, line, column: table.columnOf('category'), severity: 'error',
          message: `catégorie ${quote(String(row.category))} inconnue pour la dimension ${quote(dimension)} : attendu ${[...codes].join(', ')}`,
        });
      if (row.count === null && row.share === null)
        issues.push({ file: table.file, line, column: table.columnOf('count'), severity: 'error', message: 'ni effectif ni part : une ligne de profil donne au moins l\u2019un des deux' });
    });
  }
}

/** A unit that says the figure is a change (« % d'évolution »), which may be negative or past 100. */
const VARIATION_UNIT = /évolution|variation|hausse|baisse|augmentation|diminution/iu;

/**
 * A key figure in « % » (« % des bénéficiaires ») is a share: between 0 and 100. Its bounds
 * depend on its unit, which a Table Schema constraint cannot express; a change in % says so in
 * its unit (« % d'évolution ») and may be negative or exceed 100.
 */
export function checkKeyFigureBounds(pkg: PackageDescriptor, tables: Map<string, Table>, issues: DataIssue[]): void {
  for (const resource of pkg.resources.filter((r) => r.cep?.kind === 'key-figures')) {
    const table = tables.get(resource.name);
    if (!table) continue;
    table.rows.forEach((row, i) => {
      const unit = String(row.unit ?? '');
      if (typeof row.value !== 'number' || !unit.startsWith('%') || VARIATION_UNIT.test(unit)) return;
      if (row.value >= 0 && row.value <= 100) return;
      issues.push({
        file: table.file, line: table.lines[i]!, column: table.columnOf('value'), severity: 'error',
        message: `valeur ${quote(String(row.value))} hors de 0 à 100 pour l'unité ${quote(unit)} : une part se situe entre 0 et 100 ; corrigez la valeur, ou, si c'est une évolution, écrivez l'unité « % d'évolution »`,
      });
    });
  }
}
