/**
 * The indicator catalogue: data/indicators/*.json, one file per family. Each file is read with
 * its positions kept, checked against its JSON Schema (schema.ts) and for what a schema cannot
 * say (unique ids, published fields of the kinds read); the SQL itself is checked by DuckDB
 * (sql-check.ts). Every problem is a located DataIssue, like every other data file.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kinds } from '../data/kinds.ts';
import { ajv, checkAgainst, readJsonFile, type JsonFile } from '../data/json-file.ts';
import { DataValidationError, quote, type DataIssue } from '../data/issues.ts';
import { dataDir, displayPath } from '../data/paths.ts';
import { catalogueSchema } from './schema.ts';
import { defaultDecimals, type AppliedBreak, type Compares, type IndicatorCatalogue, type IndicatorDefinition, type SeriesBreak, type SharedView, type Unit } from './model.ts';

export const INDICATORS_FOLDER = 'indicators';
const validateCatalogueFile = ajv.compile(catalogueSchema);

interface RawIndicator {
  id: string;
  label: string;
  unit: Unit;
  decimals?: number;
  definition: string;
  reads: IndicatorDefinition['reads'];
  dimensions: string[];
  published?: { field: string; decimals?: number };
  definitionVersion?: number;
  breaks?: (string | { id: string; where?: Record<string, string | string[]> })[];
  compares?: Compares;
  sql: string | string[];
}

interface RawFile {
  family: string;
  views?: { name: string; description: string; sql: string | string[] }[];
  breaks?: SeriesBreak[];
  indicators: RawIndicator[];
}

const joinSql = (sql: string | string[]) => (Array.isArray(sql) ? sql.join('\n') : sql);

/** Where each indicator and view was declared: for the SQL check's messages. */
export interface Located {
  json: JsonFile;
  path: (string | number)[];
}

export interface InspectedCatalogue {
  catalogue: IndicatorCatalogue;
  locations: Map<string, Located>;
}

export function inspectIndicators(root: string = dataDir(), issues: DataIssue[] = []): InspectedCatalogue {
  const dir = path.join(root, INDICATORS_FOLDER);
  const catalogue: IndicatorCatalogue = { indicators: [], views: [], breaks: [] };
  const locations = new Map<string, Located>();
  if (!existsSync(dir)) {
    issues.push({ file: displayPath(dir), line: 1, column: 1, severity: 'error', message: 'dossier du catalogue des indicateurs introuvable : un fichier JSON par famille d\'indicateurs (voir docs/INDICATORS.md)' });
    return { catalogue, locations };
  }
  const pending: { json: JsonFile; index: number; raw: RawIndicator }[] = [];
  for (const name of readdirSync(dir).filter((f) => !f.startsWith('.')).sort()) {
    const absolute = path.join(dir, name);
    if (!name.endsWith('.json')) {
      if (!name.endsWith('.md'))
        issues.push({ file: displayPath(absolute), line: 1, column: 1, severity: 'error', message: 'fichier inattendu : le catalogue des indicateurs ne contient que des fichiers .json (un par famille)' });
      continue;
    }
    const json = readJsonFile(absolute, issues);
    if (!json || !checkAgainst(json, validateCatalogueFile, 'catalogue des indicateurs', issues)) continue;
    const raw = json.value as RawFile;
    (raw.views ?? []).forEach((v, i) => {
      if (catalogue.views.some((x) => x.name === v.name) || locations.has(`view:${v.name}`))
        issues.push({ file: json.file, ...json.locate(['views', i, 'name']), severity: 'error', message: `vue ${quote(v.name)} déjà définie : chaque vue a un nom unique dans data/indicators` });
      const view: SharedView = { name: v.name, description: v.description, sql: joinSql(v.sql) };
      catalogue.views.push(view);
      locations.set(`view:${v.name}`, { json, path: ['views', i] });
    });
    (raw.breaks ?? []).forEach((b, i) => {
      if (locations.has(`break:${b.id}`))
        issues.push({ file: json.file, ...json.locate(['breaks', i, 'id']), severity: 'error', message: `rupture de série ${quote(b.id)} déjà déclarée : chaque rupture a un identifiant unique dans data/indicators` });
      else catalogue.breaks.push(b);
      locations.set(`break:${b.id}`, { json, path: ['breaks', i] });
    });
    raw.indicators.forEach((r, i) => {
      const at = (...p: (string | number)[]) => ({ file: json.file, ...json.locate(['indicators', i, ...p]), severity: 'error' as const });
      if (locations.has(r.id)) {
        issues.push({ ...at('id'), message: `indicateur ${quote(r.id)} déjà défini dans ${locations.get(r.id)!.json.file} : chaque indicateur a un identifiant unique` });
        return;
      }
      if (r.published && !r.reads.some((k) => kinds[k].fields.some((f) => f.name === r.published!.field)))
        issues.push({
          ...at('published', 'field'),
          message: `champ publié ${quote(r.published.field)} absent des jeux de données lus (${r.reads.join(', ')}) : attendu un de ${[...new Set(r.reads.flatMap((k) => kinds[k].fields.map((f) => f.name)))].join(', ')}`,
        });
      const { sql, decimals, definitionVersion, breaks: _breaks, ...rest } = r;
      const indicator = { ...rest, decimals: decimals ?? defaultDecimals[r.unit], definitionVersion: definitionVersion ?? 1, breaks: [] as AppliedBreak[], sql: joinSql(sql), family: raw.family, file: json.file };
      catalogue.indicators.push(indicator);
      locations.set(r.id, { json, path: ['indicators', i] });
      pending.push({ json, index: i, raw: r });
    });
  }
  for (const { json, index, raw } of pending) resolveBreaks(catalogue, findIndicator(catalogue.indicators, raw.id), raw, (...p) => ({ file: json.file, ...json.locate(['indicators', index, ...p]) }), issues);
  if (catalogue.indicators.length === 0 && !issues.some((i) => i.severity === 'error'))
    issues.push({ file: displayPath(dir), line: 1, column: 1, severity: 'error', message: 'aucun indicateur défini dans data/indicators' });
  return { catalogue, locations };
}

type Locate = (...p: (string | number)[]) => { file: string; line: number; column: number };

/**
 * An indicator's breaks, resolved from the catalogue's declarations, and what a schema cannot
 * check: known breaks, dimensions in `where` and `compares`, a definition version that counts
 * the definition changes.
 */
function resolveBreaks(catalogue: IndicatorCatalogue, indicator: IndicatorDefinition, raw: RawIndicator, at: Locate, issues: DataIssue[]): void {
  const error = (message: string, ...p: (string | number)[]) => issues.push({ ...at(...p), severity: 'error', message });
  const dimensionsText = indicator.dimensions.join(', ') || 'aucune';
  (raw.breaks ?? []).forEach((ref, k) => {
    const { id, where = {} } = typeof ref === 'string' ? { id: ref } : ref;
    const declared = catalogue.breaks.find((b) => b.id === id);
    if (!declared) return error(`rupture de série ${quote(id)} inconnue : attendu une des ruptures déclarées (« breaks » d'un fichier de data/indicators) : ${catalogue.breaks.map((b) => b.id).join(', ') || 'aucune'}`, 'breaks', k);
    for (const d of Object.keys(where))
      if (!indicator.dimensions.includes(d)) error(`dimension ${quote(d)} inconnue dans « where » : attendu une des dimensions de l'indicateur (${dimensionsText})`, 'breaks', k, 'where', d);
    const applied: AppliedBreak = { ...declared, where: Object.fromEntries(Object.entries(where).map(([d, v]) => [d, [v].flat()])) };
    indicator.breaks.push(applied);
  });
  if (!indicator.dimensions.includes('year') && !raw.compares && indicator.breaks.length)
    error(`une rupture de série demande une dimension d'année (year) ou « compares » : l'indicateur a ${dimensionsText}`, 'breaks');
  for (const [key, field] of Object.entries(raw.compares ?? {}))
    if (typeof field === 'string' && !indicator.dimensions.includes(field)) error(`« compares.${key} » : ${quote(field)} n'est pas une dimension de l'indicateur (${dimensionsText})`, 'compares', key);
  const changes = new Set(indicator.breaks.filter((b) => b.cause === 'definition').map((b) => b.id)).size;
  if (indicator.definitionVersion < 1 + changes)
    error(`version de définition ${indicator.definitionVersion} : l'indicateur a ${changes} changement(s) de définition déclaré(s) (ruptures « definition »), sa version est donc au moins ${1 + changes}`, raw.definitionVersion === undefined ? 'id' : 'definitionVersion');
}

let loaded: IndicatorCatalogue | undefined;

/** The catalogue of the data folder, loaded once per process; throws on any problem. */
export function loadIndicators(): IndicatorCatalogue {
  if (loaded) return loaded;
  const issues: DataIssue[] = [];
  const { catalogue } = inspectIndicators(dataDir(), issues);
  if (issues.some((i) => i.severity === 'error')) throw new DataValidationError(issues);
  return (loaded = catalogue);
}

/** One indicator; an unknown id names the valid ones. */
export function findIndicator(indicators: readonly IndicatorDefinition[], id: string): IndicatorDefinition {
  const found = indicators.find((i) => i.id === id);
  if (!found) throw new Error(`indicateur inconnu ${quote(id)} : attendu un de ${indicators.map((i) => i.id).join(', ')} (data/indicators)`);
  return found;
}

export const getIndicator = (id: string): IndicatorDefinition => findIndicator(loadIndicators().indicators, id);
