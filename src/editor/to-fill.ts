/**
 * What remains to fill before an edition can be released: every `À COMPLÉTER` placeholder left
 * in its report.json, datapackage.json and chapters, and every dataset with no row yet. Listed
 * by `npm run validate` as warnings, located like every other issue; `npm run release` refuses
 * while the list is not empty. Released editions are frozen, so only editions in preparation
 * are looked at.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResourceDescriptor } from '../data/descriptors.ts';
import { editionFolder, editionNumbers, readLock } from '../data/editions.ts';
import { quote, type DataIssue } from '../data/issues.ts';
import { readJsonFile } from '../data/json-file.ts';
import { contentDir, dataDir, displayPath } from '../data/paths.ts';
import { readTable } from '../data/table.ts';

/** The placeholder an editor replaces: exactly this text, in JSON values and in chapters. */
export const MARKER = 'À COMPLÉTER';

/** Where the data and the chapters are (CEP_DATA_DIR, CEP_CONTENT_DIR by default). */
export interface Roots {
  data: string;
  content: string;
}

export interface EditionToFill {
  slug: string;
  year: string;
  number: number;
  issues: DataIssue[];
}

const folders = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort()
    : [];

/** Every edition in preparation (not in its report's lock), with what remains to fill in it. */
export function findToFill(roots: Roots = { data: dataDir(), content: contentDir() }): EditionToFill[] {
  const found: EditionToFill[] = [];
  const reports = path.join(roots.data, 'reports');
  for (const slug of folders(reports))
    for (const year of folders(path.join(reports, slug))) {
      const dataYear = path.join(reports, slug, year);
      // An unreadable lock has its own error: which editions are released is then unknown.
      const lock = readLock(dataYear, []);
      if (!lock) continue;
      for (const number of editionNumbers(dataYear))
        if (!(editionFolder(number) in lock)) found.push({ slug, year, number, issues: toFillInEdition(slug, year, number, roots) });
    }
  return found;
}

/** What remains to fill in one edition, in file order. */
export function toFillInEdition(slug: string, year: string, number: number, roots: Roots = { data: dataDir(), content: contentDir() }): DataIssue[] {
  const dirs = {
    data: path.join(roots.data, 'reports', slug, year, editionFolder(number)),
    content: path.join(roots.content, 'reports', slug, year, editionFolder(number)),
  };
  const issues: DataIssue[] = [];
  issues.push(...jsonMarkers(path.join(dirs.data, 'report.json'), (p) => `à compléter : ${jsonPath(p)}`));
  issues.push(
    ...jsonMarkers(path.join(dirs.data, 'datapackage.json'), (p, value) => {
      const resources = (value as { resources?: { name?: unknown }[] }).resources;
      if (p[0] === 'resources' && typeof p[1] === 'number' && typeof resources?.[p[1]]?.name === 'string')
        return `à compléter : ${jsonPath(p.slice(2))} de la ressource ${quote(resources[p[1]]!.name as string)}`;
      return `à compléter : ${jsonPath(p)}`;
    }),
  );
  issues.push(...emptyDatasets(dirs.data));
  for (const file of existsSync(dirs.content) ? readdirSync(dirs.content).filter((f) => f.endsWith('.mdx')).sort() : [])
    issues.push(...chapterMarkers(path.join(dirs.content, file)));
  return issues;
}

/** « Il reste 3 élément(s) à compléter avant de publier l'édition v1 de bretagne/2024 » */
export function remainingLine(edition: EditionToFill): string {
  return `Il reste ${edition.issues.length} élément(s) à compléter avant de publier l'édition ${editionFolder(edition.number)} de ${edition.slug}/${edition.year}`;
}

/** `edition.changes`, `sources[0].title`. */
function jsonPath(p: (string | number)[]): string {
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const warning = (file: string, line: number, column: number, message: string): DataIssue => ({ file, line, column, severity: 'warning', message });

/** Each marker in a string value of a JSON file, at its own line and column. */
function jsonMarkers(absolute: string, describe: (p: (string | number)[], value: unknown) => string): DataIssue[] {
  // A file that cannot be read or parsed has its own error in the validation.
  if (!existsSync(absolute)) return [];
  // Most files have no marker left: only those are parsed (with positions, which costs).
  if (!readFileSync(absolute, 'utf8').includes(MARKER)) return [];
  const json = readJsonFile(absolute, []);
  if (!json) return [];
  const lines = readFileSync(absolute, 'utf8').replace(/^\ufeff/, '').split('\n');
  const found: DataIssue[] = [];
  const walk = (value: unknown, p: (string | number)[]) => {
    if (typeof value === 'string') {
      if (!value.includes(MARKER)) return;
      // JSON strings hold no line break: the markers are on the line where the value starts.
      const at = json.locate(p);
      const text = lines[at.line - 1] ?? '';
      for (let i = text.indexOf(MARKER, at.column - 1); i !== -1; i = text.indexOf(MARKER, i + MARKER.length))
        found.push(warning(json.file, at.line, i + 1, describe(p, json.value)));
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...p, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...p, k]);
  };
  walk(json.value, []);
  return found;
}

/** The datasets of an edition whose CSV has its header and no row. */
function emptyDatasets(dataEdition: string): DataIssue[] {
  const file = path.join(dataEdition, 'datapackage.json');
  if (!existsSync(file)) return [];
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch {
    return []; // its own error in the validation
  }
  const resources = (value as { resources?: unknown } | undefined)?.resources;
  if (!Array.isArray(resources)) return [];
  const found: DataIssue[] = [];
  for (const resource of resources as ResourceDescriptor[]) {
    // Only what the descriptor's checks accept: a plain file name beside it, a list of fields.
    if (typeof resource?.path !== 'string' || !/^[a-z0-9][a-z0-9_-]*\.csv$/.test(resource.path) || !Array.isArray(resource.schema?.fields)) continue;
    const csv = path.join(dataEdition, resource.path);
    if (!existsSync(csv)) continue;
    // A file with a second line has rows: no need to parse it again (the validation did).
    if (readFileSync(csv, 'latin1').trim().includes('\n')) continue;
    const table = readTable(csv, resource, [], { allowEmpty: true });
    if (table && table.rows.length === 0)
      found.push(
        warning(
          displayPath(csv),
          1,
          1,
          `jeu de données à remplir : aucune ligne sous l'en-tête ; ajoutez les lignes du rapport, ou retirez la ressource ${quote(String(resource.name))} de datapackage.json si le rapport n'a pas ces données`,
        ),
      );
  }
  return found;
}

/** Each marker of a chapter, named after its front matter key or as the chapter's text. */
function chapterMarkers(absolute: string): DataIssue[] {
  const lines = readFileSync(absolute, 'utf8').split('\n');
  const file = displayPath(absolute);
  const frontMatterEnd = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  const found: DataIssue[] = [];
  lines.forEach((text, i) => {
    const key = i > 0 && i < frontMatterEnd ? /^([A-Za-z_][\w-]*)\s*:/.exec(text)?.[1] : undefined;
    for (let c = text.indexOf(MARKER); c !== -1; c = text.indexOf(MARKER, c + MARKER.length))
      found.push(warning(file, i + 1, c + 1, key ? `à compléter : ${key} du chapitre` : 'à compléter : texte du chapitre'));
  });
  return found;
}
