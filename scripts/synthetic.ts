/**
 * npm run synthetic -- <out-dir> [count]: writes SYNTHETIC reports for scale tests, never under
 * data/ or content/.
 *
 *   <out-dir>/data/reference/              a full copy of data/reference
 *   <out-dir>/data/reports/<slug>/<year>/v1/   one report per (region, year): the 18 INSEE regions of
 *                                           territories.csv × 2015–2024, `count` of them (≤ 180)
 *   <out-dir>/content/glossaire.json        a copy of content/glossaire.json
 *   <out-dir>/content/reports/<slug>/<year>/v1/01-synthese.mdx   one short chapter per report
 *
 * Each report has the shape of a published one (templates(): the two released reports of the
 * catalog with the most datasets, alternately):
 * same descriptor and CSV columns, the template's region code swapped with the target's, years
 * shifted, and every figure redrawn from a deterministic pseudo-random generator seeded by the
 * region and year. The consistency rules are then satisfied by recomputing the cells they
 * check (totals, published rates, shares, equalities); a rule that cannot be satisfied that way
 * is dropped, and known-discrepancy annotations are removed (the synthetic figures agree). Every
 * report.json title starts with « [SYNTHÉTIQUE] ». Each is a released first edition (sealed in its
 * editions.lock.json), as most editions of a real repository are.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { inspectData, loadCatalog } from '../src/data/catalog.ts';
import { editionFolder, editionNumbers, sealEdition, writeLock } from '../src/data/editions.ts';
import type { Field, PackageDescriptor, ResourceDescriptor } from '../src/data/descriptors.ts';
import type { Rule, Selector, WhereValue } from '../src/data/rules-schema.ts';
import { matches } from '../src/data/rules.ts';

const ROOT = process.cwd();
export const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
interface Template {
  id: string;
  code: string;
  label: string;
  in_label: string;
  year: number;
}

/**
 * The reports synthetic ones take their shape from: the two released reports of the catalog with
 * the most datasets (a report in preparation may still be empty), whichever they are.
 */
export function templates(): Template[] {
  const released = loadCatalog()
    .reports.filter((r) => r.edition.released)
    .sort((a, b) => b.resources.size - a.resources.size || (a.id < b.id ? -1 : 1));
  if (released.length === 0) throw new Error('aucun rapport publié dans data/ : les rapports synthétiques prennent la forme des rapports publiés');
  return released.slice(0, 2).map((r) => ({ id: r.id, code: r.region.code, label: r.region.label, in_label: r.region.in_label, year: r.year }));
}
/** Integer fields that are identifiers, not figures: never redrawn. */
const YEAR_FIELDS = new Set(['year', 'from_year', 'to_year']);
const FIXED_FIELDS = new Set([...YEAR_FIELDS, 'level', 'rank', 'rank_published']);

interface Region {
  code: string;
  label: string;
  in_label: string;
  slug: string;
}

/** The (region, year) pairs in generation order: every region for 2015, then 2016, … */
export function plan(regions: Region[], count: number, models: Template[] = templates()): { region: Region; year: number; template: Template }[] {
  const all = YEARS.flatMap((year, y) => regions.map((region, r) => ({ region, year, template: models[(r + y) % models.length]! })));
  if (count > all.length) throw new Error(`au plus ${all.length} rapports synthétiques (${regions.length} régions × ${YEARS.length} années)`);
  return all.slice(0, count);
}

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Value = string | number | null;

interface Cell {
  value: Value;
  /** Decimals the figure is written with. */
  decimals: number;
}

interface Table {
  descriptor: ResourceDescriptor;
  header: string[];
  rows: Record<string, Cell>[];
}

const decimalsOf = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);
const roundTo = (x: number, decimals: number) => Math.round(x * 10 ** decimals + 1e-9) / 10 ** decimals;

function readTable(dir: string, descriptor: ResourceDescriptor): Table {
  const records = parse(readFileSync(path.join(dir, descriptor.path), 'utf8'), { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  const header = records[0]!;
  const types = new Map(descriptor.schema.fields.map((f) => [f.name, f.type]));
  const rows = records.slice(1).map((record) =>
    Object.fromEntries(
      header.map((name, i) => {
        const text = record[i] ?? '';
        const type = types.get(name);
        const value: Value = text === '' ? null : type === 'integer' || type === 'number' ? Number(text) : text;
        return [name, { value, decimals: decimalsOf(text) }];
      }),
    ),
  );
  return { descriptor, header, rows };
}

function writeTable(dir: string, table: Table): void {
  const text = (c: Cell) => (c.value === null ? '' : typeof c.value === 'number' ? c.value.toFixed(c.decimals) : c.value);
  writeFileSync(path.join(dir, table.descriptor.path), stringify([table.header, ...table.rows.map((row) => table.header.map((h) => text(row[h]!)))]));
}

// ---------------------------------------------------------------------------------------------
// Rules: the same semantics as src/data/rules.ts, with a repair step that rewrites the checked cell.

type Binding = Record<string, Value>;
interface Picked {
  cell: Cell;
  field: Field;
}

function select(tables: Map<string, Table>, s: Selector, binding: Binding): Picked[] {
  const table = tables.get(s.resource)!;
  const fields = Array.isArray(s.field) ? s.field : [s.field];
  const where = Object.entries(s.where ?? {});
  return table.rows
    .filter((row) => where.every(([f, expected]) => matches(row[f]?.value ?? null, expected, binding)))
    .flatMap((row) => fields.map((f) => ({ cell: row[f]!, field: table.descriptor.schema.fields.find((x) => x.name === f)! })));
}

function bindings(rule: Rule, tables: Map<string, Table>): Binding[] {
  if (!rule.forEach) return [{}];
  const seen = new Map<string, Binding>();
  for (const row of tables.get(rule.forEach.resource)!.rows) {
    const b = Object.fromEntries(rule.forEach.fields.map((f) => [f, row[f]?.value ?? null]));
    seen.set(JSON.stringify(b), b);
  }
  return [...seen.values()];
}

const total = (cells: Picked[]) => cells.reduce((s, c) => s + Number(c.cell.value), 0);

/** Writes `value` into a picked cell when its field allows it; false when it does not. */
function assign(p: Picked, value: number, decimals = p.cell.decimals): boolean {
  const c = p.field.constraints ?? {};
  const v = roundTo(value, decimals);
  if (p.field.type === 'integer' && !Number.isInteger(v)) return false;
  if ((c.minimum !== undefined && v < c.minimum) || (c.maximum !== undefined && v > c.maximum)) return false;
  p.cell.value = v;
  p.cell.decimals = p.field.type === 'integer' ? 0 : decimals;
  return true;
}

/** Cells that a ratio or a sum computes: a repair moves the other side of an equality instead. */
type Determined = Map<Cell, 'ratio' | 'sum'>;

/**
 * Rescales the parts that no other rule computes so that all parts add up to `target`, the
 * rounding residue on the largest one.
 */
function rescale(parts: Picked[], target: number, tolerance: number, determined: Determined): boolean {
  const free = parts.filter((p) => !determined.has(p.cell));
  const fixed = total(parts.filter((p) => determined.has(p.cell)));
  const sum = total(free);
  if (free.length === 0 || sum <= 0 || target - fixed < 0) return false;
  const before = free.map((p) => ({ ...p.cell }));
  for (const p of free) assign(p, (Number(p.cell.value) * (target - fixed)) / sum);
  const largest = free.reduce((a, p) => (Number(p.cell.value) > Number(a.cell.value) ? p : a));
  assign(largest, Number(largest.cell.value) + target - total(parts));
  if (Math.abs(total(parts) - target) <= tolerance + 1e-9) return true;
  free.forEach((p, i) => Object.assign(p.cell, before[i]));
  return false;
}

/**
 * Checks a rule for one binding, repairing a cell when `determined` is given.
 * Returns true when the rule holds (or cannot be checked: missing value), as src/data/rules.ts.
 */
function holds(rule: Rule, tables: Map<string, Table>, b: Binding, determined?: Determined): boolean {
  const pick = (s: Selector) => select(tables, s, b);
  const parts = 'parts' in rule ? pick(rule.parts) : [];
  if ('parts' in rule && parts.length === 0) return false;
  const value = 'value' in rule ? pick(rule.value) : [];
  if ('value' in rule && value.length !== 1) return false;
  const other = rule.type === 'equal' ? pick(rule.other) : [];
  if (rule.type === 'equal' && other.length !== 1) return false;
  const numerator = rule.type === 'ratio' ? pick(rule.numerator) : [];
  const denominator = rule.type === 'ratio' ? pick(rule.denominator) : [];
  if ([...value, ...other, ...parts, ...numerator, ...denominator].some((p) => p.cell.value === null)) return true;
  const tolerance = rule.tolerance ?? (rule.type === 'shares-100' ? 1 : 0);
  const close = (a: number, e: number) => Math.abs(a - e) <= tolerance + 1e-9;
  const v = value[0];
  switch (rule.type) {
    case 'sum': {
      const expected = total(parts);
      if (close(Number(v!.cell.value), expected)) return true;
      if (!determined) return false;
      // A total that a ratio computes stays; its parts move.
      if (determined.get(v!.cell) === 'ratio') return rescale(parts, Number(v!.cell.value), tolerance, determined);
      return assign(v!, expected, Math.max(v!.cell.decimals, ...parts.map((p) => p.cell.decimals)));
    }
    case 'equal': {
      const o = other[0]!;
      if (close(Number(v!.cell.value), Number(o.cell.value))) return true;
      if (!determined) return false;
      if (!determined.has(v!.cell)) return assign(v!, Number(o.cell.value), o.cell.decimals);
      return !determined.has(o.cell) && assign(o, Number(v!.cell.value), v!.cell.decimals);
    }
    case 'ratio': {
      if (numerator.length === 0 || denominator.length === 0) return false;
      const den = total(denominator);
      if (den === 0) return true;
      const expected = roundTo((total(numerator) / den) * rule.scale, rule.decimals);
      if (close(Number(v!.cell.value), expected)) return true;
      return !!determined && assign(v!, expected, rule.decimals);
    }
    case 'shares-100':
      return close(total(parts), 100) || (!!determined && rescale(parts, 100, tolerance, determined));
  }
}

/** Repairs until every rule holds or no repair helps; returns the rules that still fail. */
function satisfy(rules: Rule[], tables: Map<string, Table>): Set<string> {
  const determined: Determined = new Map();
  for (const type of ['sum', 'ratio'] as const)
    for (const rule of rules.filter((r) => r.type === type))
      for (const b of bindings(rule, tables)) {
        const picked = select(tables, (rule as { value: Selector }).value, b);
        if (picked.length === 1) determined.set(picked[0]!.cell, type);
      }
  for (let pass = 0; pass < 20; pass++) {
    let changed = false;
    for (const rule of rules)
      for (const b of bindings(rule, tables)) {
        if (holds(rule, tables, b)) continue;
        changed = holds(rule, tables, b, determined) || changed;
      }
    if (!changed) break;
  }
  return new Set(rules.filter((rule) => bindings(rule, tables).some((b) => !holds(rule, tables, b))).map((r) => r.id));
}

// ---------------------------------------------------------------------------------------------

/** Swaps two territory codes, shifts years, in a rule's `where` literals. */
function retargetWhere(where: Record<string, WhereValue> | undefined, swap: (code: string) => string, shift: number): void {
  if (!where) return;
  const mapOne = (key: string, v: string | number): string | number => {
    if (typeof v === 'string' && v.startsWith('$')) return v;
    if (key === 'territory' && typeof v === 'string') return swap(v);
    if (YEAR_FIELDS.has(key)) return Number(v) + shift;
    return v;
  };
  for (const [key, v] of Object.entries(where)) {
    if (typeof v === 'object' && 'in' in v) where[key] = { in: v.in.map((x) => mapOne(key, x)) };
    else if (typeof v === 'object' && 'not' in v) where[key] = { not: mapOne(key, v.not) };
    else where[key] = mapOne(key, v);
  }
}

interface Generated {
  id: string;
  template: string;
  rules: number;
  rulesDropped: string[];
}

function generateReport(dataOut: string, region: Region, year: number, template: Template): Generated {
  // The template's latest edition; each synthetic report is a first edition (sealed below).
  const templateDir = path.join(ROOT, 'data/reports', template.id);
  const source = path.join(templateDir, editionFolder(editionNumbers(templateDir).at(-1)!));
  const target = path.join(dataOut, 'reports', region.slug, String(year), 'v1');
  mkdirSync(target, { recursive: true });
  const shift = year - template.year;
  const swap = (code: string) => (code === template.code ? region.code : code === region.code ? template.code : code);
  const rand = random(hash(`${region.code}/${year}`));
  const factor = 0.5 + rand(); // the size of the region, for counts

  const pkg = JSON.parse(readFileSync(path.join(source, 'datapackage.json'), 'utf8')) as PackageDescriptor & { description?: string };
  // The phrase with its preposition first: « en … » may have to become « dans les … ».
  const relabel = (text: string) => text.replaceAll(template.in_label, region.in_label).replaceAll(template.label, region.label);
  pkg.name = `cep-synthetique-${region.slug}-${year}`;
  pkg.title = `[SYNTHÉTIQUE] ${relabel(pkg.title)}`;
  pkg.description = 'Données SYNTHÉTIQUES tirées au hasard pour les tests de passage à l’échelle : ne décrivent aucune région réelle, ne pas publier.';
  const rules = pkg.cep?.rules ?? [];
  const ruleFields = new Map<string, Set<string>>();
  const note = (resource: string, fields: string[]) => ruleFields.set(resource, new Set([...(ruleFields.get(resource) ?? []), ...fields]));
  for (const rule of rules) {
    delete rule.knownDiscrepancy;
    if (rule.forEach) note(rule.forEach.resource, rule.forEach.fields);
    for (const key of ['value', 'parts', 'other', 'numerator', 'denominator'] as const) {
      const s = (rule as unknown as Record<string, Selector | undefined>)[key];
      if (!s) continue;
      retargetWhere(s.where, swap, shift);
      note(s.resource, Object.keys(s.where ?? {}));
    }
  }

  const tables = new Map<string, Table>();
  pkg.resources.forEach((descriptor, i) => {
    descriptor.title = relabel(descriptor.title);
    if (descriptor.cep) {
      descriptor.cep.champ = relabel(descriptor.cep.champ);
      if (descriptor.cep.item) descriptor.cep.item = `${region.slug}-${year}-${i + 1}`;
    }
    const table = readTable(source, descriptor);
    const keep = new Set([...(descriptor.schema.primaryKey ?? []), ...(ruleFields.get(descriptor.name) ?? []), ...FIXED_FIELDS]);
    for (const row of table.rows)
      for (const field of descriptor.schema.fields) {
        const cell = row[field.name]!;
        if (cell.value === null) continue;
        if (field.name === 'territory' && typeof cell.value === 'string') cell.value = swap(cell.value);
        else if (YEAR_FIELDS.has(field.name) && typeof cell.value === 'number') cell.value += shift;
        else if (typeof cell.value === 'number' && !keep.has(field.name)) {
          // Counts scale with the region; rates and shares move around their template value.
          const noise = 1 + (rand() - 0.5) * 0.2;
          const drawn = field.type === 'integer' ? cell.value * factor * noise : cell.value * noise;
          const c = field.constraints ?? {};
          cell.value = roundTo(Math.min(c.maximum ?? Infinity, Math.max(c.minimum ?? -Infinity, drawn)), field.type === 'integer' ? 0 : cell.decimals);
        }
      }
    tables.set(descriptor.name, table);
  });

  const failing = satisfy(rules, tables);
  if (pkg.cep) pkg.cep.rules = rules.filter((r) => !failing.has(r.id));
  for (const table of tables.values()) writeTable(target, table);
  writeFileSync(path.join(target, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(
    path.join(target, 'report.json'),
    `${JSON.stringify(
      {
        region: region.code,
        year,
        title: `[SYNTHÉTIQUE] Rapport ${year} sur le CEP ${region.in_label} (données tirées au hasard)`,
        author: 'Générateur de données synthétiques (scripts/synthetic.ts)',
        publication: `Données synthétiques sur le modèle du rapport ${template.id}, ne pas publier`,
        edition: { number: 1, date: '2026-01-01', changes: 'Données synthétiques pour les mesures de performance : ne pas publier.' },
      },
      null,
      2,
    )}\n`,
  );
  return { id: `${region.slug}/${year}`, template: template.id, rules: rules.length - failing.size, rulesDropped: [...failing] };
}

function chapter(region: Region, year: number): string {
  return `---
title: "[SYNTHÉTIQUE] Synthèse"
summary: "Chapitre synthétique généré pour mesurer le passage à l'échelle : ses chiffres sont tirés au hasard et ne décrivent pas la région ${region.label}."
---

Ce rapport est **synthétique** : il a la forme d'un rapport réel, mais ses chiffres sont tirés
au hasard pour mesurer le temps de validation et de construction du site.

En ${year}, <Value indicator="cep-entries-total" /> personnes auraient commencé un CEP ${region.in_label},
dont <Value indicator="cep-entries-share" operator="france-travail" /> auprès de France Travail.

<DataTable dataset="cep_entries" />
`;
}

export interface SyntheticSet {
  dataDir: string;
  contentDir: string;
  reports: Generated[];
}

/** Writes `count` synthetic reports under `outDir` (data/ and content/); never under the project. */
export function generateSynthetic(outDir: string, count: number): SyntheticSet {
  const out = path.resolve(outDir);
  const within = (parent: string, child: string) => !path.relative(parent, child).startsWith('..');
  if (within(ROOT, out) || within(out, ROOT))
    throw new Error(`${out} : les données synthétiques vont dans un dossier temporaire hors du projet, jamais dans le projet`);
  if (existsSync(out) && readdirSync(out).some((f) => f !== 'data' && f !== 'content'))
    throw new Error(`${out} contient autre chose que des données synthétiques : choisissez un dossier vide`);
  const dataDir = path.join(out, 'data');
  const contentDir = path.join(out, 'content');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(path.join(dataDir, 'reports'), { recursive: true });
  mkdirSync(path.join(contentDir, 'reports'), { recursive: true });
  cpSync(path.join(ROOT, 'data/reference'), path.join(dataDir, 'reference'), { recursive: true });
  for (const file of ['glossaire.json', 'accessibilite.json']) cpSync(path.join(ROOT, 'content', file), path.join(contentDir, file));

  const territories = parse(readFileSync(path.join(ROOT, 'data/reference/territories.csv'), 'utf8'), { columns: true }) as (Region & { level: string })[];
  const regions = territories.filter((t) => t.level === 'region');
  const reports = plan(regions, count).map(({ region, year, template }) => {
    const generated = generateReport(dataDir, region, year, template);
    const dir = path.join(contentDir, 'reports', region.slug, String(year), 'v1');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '01-synthese.mdx'), chapter(region, year));
    // Released, as most editions are: validation then checks every file against the lock.
    const yearDir = path.join(dataDir, 'reports', region.slug, String(year));
    writeLock(yearDir, { v1: sealEdition(path.join(yearDir, 'v1'), dir) });
    return generated;
  });
  return { dataDir, contentDir, reports };
}

/** Validates a generated set with the real validator; throws with the first errors. */
export function checkSynthetic(set: SyntheticSet): void {
  const { catalog, issues } = inspectData(set.dataDir, set.contentDir);
  const errors = issues.filter((i) => i.severity === 'error');
  if (!catalog || errors.length > 0)
    throw new Error(`données synthétiques invalides (${errors.length} erreur(s)) :\n${errors.slice(0, 10).map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`).join('\n')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [outDir, countText = '180'] = process.argv.slice(2);
  if (!outDir) {
    console.error('Usage : npm run synthetic -- <dossier temporaire> [nombre de rapports, 180 au plus]');
    process.exit(1);
  }
  const set = generateSynthetic(outDir, Number(countText));
  checkSynthetic(set);
  const rules = set.reports.reduce((n, r) => n + r.rules, 0);
  const dropped = set.reports.reduce((n, r) => n + r.rulesDropped.length, 0);
  console.log(`${set.reports.length} rapport(s) SYNTHÉTIQUE(S) valides dans ${path.resolve(outDir)} (${rules} règles vérifiées, ${dropped} écartées)`);
  console.log(`CEP_DATA_DIR=${set.dataDir} CEP_CONTENT_DIR=${set.contentDir} npx astro build --outDir <dossier>`);
}
