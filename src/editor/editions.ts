/**
 * What the editor commands (new-report, new-version, release) share: their arguments, the
 * folders of a report and of its editions, the regions, the full validation, and how a refusal
 * is told to the editor.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { inspectData, type Catalog } from '../data/catalog.ts';
import { checkChapters } from '../data/chapters-check.ts';
import { editionFolder, editionNumbers, frenchDate, LOCK_FILE, readLock, sealEdition, writeLock, type Lock } from '../data/editions.ts';
import { formatIssue, quote, type DataIssue } from '../data/issues.ts';
import { contentDir, dataDir, displayPath } from '../data/paths.ts';
import { checkRevisions, isMissingNotice } from '../editions/revisions-check.ts';
import { revisionsPath } from '../editions/revisions.ts';
import { MARKER, toFillInEdition, type Roots } from './to-fill.ts';
import { ArgumentError, readArguments } from './arguments.ts';

export { MARKER, type Roots };

/** A command that refuses to act: its French message, then the lines that explain it. */
export class EditorError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'EditorError';
  }
}

export const defaultRoots = (): Roots => ({ data: dataDir(), content: contentDir() });

export interface Region {
  code: string;
  label: string;
  slug: string;
}

/** The regions of data/reference/territories.csv: their slugs name the report folders. */
export function regions(roots: Roots = defaultRoots()): Region[] {
  const file = path.join(roots.data, 'reference', 'territories.csv');
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.filter((r) => r.level === 'region').map((r) => ({ code: r.code!, label: r.label!, slug: r.slug! }));
}

export interface ReportArgs {
  slug: string;
  year: string;
  /** `--name value` options the command allows. */
  options: Record<string, string>;
}

/** `<region-slug> <year> [--option value]`; a wrong call is refused with the usage line. */
export function parseReportArgs(argv: string[], usage: string, allowed: string[] = []): ReportArgs {
  let parsed;
  try {
    parsed = readArguments(argv, Object.fromEntries(allowed.map((name) => [name, { type: 'string' as const }])));
  } catch (error) {
    if (error instanceof ArgumentError) throw new EditorError(error.message, [usage]);
    throw error;
  }
  if (parsed.positionals.length !== 2) throw new EditorError('attendu une région et une année', [usage]);
  const options = Object.fromEntries(Object.entries(parsed.values).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { slug: parsed.positionals[0]!, year: parsed.positionals[1]!, options };
}

/** The report's region must be a region of territories.csv, named by its slug. */
export function checkRegion(slug: string, roots: Roots): Region {
  const known = regions(roots);
  const region = known.find((r) => r.slug === slug);
  if (!region)
    throw new EditorError(`région ${quote(slug)} inconnue`, [
      `Régions connues (colonne slug de data/reference/territories.csv) : ${known.map((r) => r.slug).join(', ')}`,
    ]);
  return region;
}

/** AAAA, within the years report.json accepts. */
export function checkYear(year: string): number {
  if (!/^\d{4}$/.test(year)) throw new EditorError(`année ${quote(year)} invalide : attendu l'année observée sur quatre chiffres (AAAA), par exemple 2024`);
  const n = Number(year);
  if (n < 2015 || n > 2100) throw new EditorError(`année ${year} hors de la période des rapports (2015 à 2100)`);
  return n;
}

export interface ReportFolders {
  /** data/reports/<slug>/<year>/: the editions' data and editions.lock.json. */
  dataYear: string;
  /** content/reports/<slug>/<year>/: the editions' chapters. */
  contentYear: string;
  edition(number: number): { data: string; content: string };
}

export function reportFolders(slug: string, year: string, roots: Roots = defaultRoots()): ReportFolders {
  const dataYear = path.join(roots.data, 'reports', slug, year);
  const contentYear = path.join(roots.content, 'reports', slug, year);
  return {
    dataYear,
    contentYear,
    edition: (n) => ({ data: path.join(dataYear, editionFolder(n)), content: path.join(contentYear, editionFolder(n)) }),
  };
}

/** The report's folder must exist and hold at least one edition; returns the last one's number. */
export function lastEdition(slug: string, year: string, folders: ReportFolders): number {
  const numbers = editionNumbers(folders.dataYear);
  if (numbers.length === 0)
    throw new EditorError(`aucun rapport ${slug}/${year} : pas d'édition dans ${displayPath(folders.dataYear)}`, [
      `Pour le créer : npm run new-report -- ${slug} ${year}`,
    ]);
  return numbers.at(-1)!;
}

/** What `npm run validate` checks: the data, then the chapters and the revision notices against it. */
export function validateAll(roots: Roots = defaultRoots()): { catalog?: Catalog; issues: DataIssue[] } {
  const inspected = inspectData(roots.data, roots.content);
  const { catalog } = inspected;
  const issues = catalog ? [...inspected.issues, ...checkChapters(catalog, roots.content), ...checkRevisions(catalog, roots.data)] : inspected.issues;
  return { catalog, issues };
}

export const errorsOf = (issues: DataIssue[]) => issues.filter((i) => i.severity === 'error');

/** The site paths of an edition: its permanent one, and the report's, which shows its latest edition. */
export function editionUrls(slug: string, year: string, number: number): { permanent: string; latest: string } {
  return { permanent: `/${slug}/${year}/${editionFolder(number)}/`, latest: `/${slug}/${year}/` };
}

/**
 * Runs a command's body: its lines on stdout; a refusal on stderr, in French, with exit code 2
 * (1 stays the validator's « invalid data »).
 */
export function runCommand(body: () => string[]): void {
  try {
    for (const line of body()) console.log(line);
  } catch (error) {
    if (!(error instanceof EditorError)) throw error;
    console.error(`Refusé : ${error.message}`);
    for (const line of error.details) console.error(line);
    process.exitCode = 2;
  }
}

/** The lock of a report, or a refusal with the reasons it cannot be read. */
function lockOf(folders: ReportFolders): Lock {
  const issues: DataIssue[] = [];
  const lock = readLock(folders.dataYear, issues);
  if (!lock) throw new EditorError(`${LOCK_FILE} illisible`, issues.map(formatIssue));
  return lock;
}

/** report.json edited in place: only the values change, the rest of the file keeps its lines. */
function editJson(file: string, edits: [(string | number)[], unknown][]): void {
  const formattingOptions: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
  let text = readFileSync(file, 'utf8');
  for (const [where, value] of edits)
    text = applyEdits(text, modify(text, where, value, {
      formattingOptions,
      // A new edition.date goes right after edition.number, where a reader looks for it.
      getInsertionIndex: (properties) => properties.indexOf('number') + 1,
    }));
  writeFileSync(file, text);
}

/**
 * npm run new-version: edition v(N+1) as a copy of the released vN, with its changelog entry to
 * write and no date. Returns what to tell the editor.
 */
export function newVersion(slug: string, year: string, roots: Roots = defaultRoots()): string[] {
  checkRegion(slug, roots);
  checkYear(year);
  const folders = reportFolders(slug, year, roots);
  const last = lastEdition(slug, year, folders);
  if (!(editionFolder(last) in lockOf(folders)))
    throw new EditorError(`l'édition v${last} de ${slug}/${year} n'est pas encore publiée : corrigez-la directement, une nouvelle édition ne part que d'une édition publiée`, [
      `Pour publier l'édition v${last} : npm run release -- ${slug} ${year}`,
    ]);
  const from = folders.edition(last);
  const to = folders.edition(last + 1);
  for (const dir of [to.data, to.content])
    if (existsSync(dir)) throw new EditorError(`le dossier ${displayPath(dir)} existe déjà : retirez-le (il n'appartient à aucune édition) puis relancez la commande`);
  // Hidden files (.DS_Store) are no part of an edition.
  const visible = (source: string) => !path.basename(source).startsWith('.');
  cpSync(from.data, to.data, { recursive: true, filter: visible });
  if (existsSync(from.content)) cpSync(from.content, to.content, { recursive: true, filter: visible });
  editJson(path.join(to.data, 'report.json'), [
    [['edition', 'number'], last + 1],
    [['edition', 'date'], undefined],
    [['edition', 'changes'], `${MARKER} : ce que corrige ou ajoute cette édition`],
  ]);
  const n = last + 1;
  return [
    `Édition v${n} de ${slug}/${year} créée, copie de l'édition v${last} publiée :`,
    `  ${displayPath(to.data)}/`,
    `  ${displayPath(to.content)}/`,
    '',
    'Ensuite :',
    `  1. faites les corrections dans ces dossiers v${n} ; l'édition v${last} reste figée et en ligne à ${editionUrls(slug, year, last).permanent} ;`,
    `  2. décrivez-les pour les lecteurs dans ${displayPath(path.join(to.data, 'report.json'))}, edition.changes (« ${MARKER} » pour l'instant) ;`,
    `  3. pour chaque valeur modifiée, écrivez son avis de révision dans ${displayPath(revisionsPath(`${slug}/${year}`, roots.data))} ;`,
    '  4. npm run validate liste ce qui reste à compléter et les valeurs modifiées sans avis ;',
    `  5. npm run release -- ${slug} ${year} publie l'édition v${n}.`,
  ];
}

/** Today in France, AAAA-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function checkDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(Date.UTC(y!, m! - 1, d!)).toISOString().slice(0, 10) === date;
  if (!real) throw new EditorError(`date ${quote(date)} invalide : attendu AAAA-MM-JJ, par exemple 2025-03-31`);
  return date;
}

/**
 * npm run release: the last edition, if it validates and nothing remains to fill, gets its date
 * and is sealed into the lock (after the date is written: report.json is one of its files).
 */
export function releaseEdition(slug: string, year: string, options: { date?: string } = {}, roots: Roots = defaultRoots()): string[] {
  checkRegion(slug, roots);
  checkYear(year);
  const date = checkDate(options.date ?? today());
  const folders = reportFolders(slug, year, roots);
  const n = lastEdition(slug, year, folders);
  const lock = lockOf(folders);
  if (editionFolder(n) in lock)
    throw new EditorError(`l'édition v${n} de ${slug}/${year} est déjà publiée et figée`, [
      `Pour la corriger ou la compléter : npm run new-version -- ${slug} ${year}`,
    ]);
  const errors = errorsOf(validateAll(roots).issues);
  const toFill = toFillInEdition(slug, year, n, roots);
  if (errors.length > 0 || toFill.length > 0) {
    const unnoticed = errors.filter(isMissingNotice).length;
    const invalid = errors.length - unnoticed;
    const reasons = [
      ...(invalid ? [`les données ne sont pas valides (${invalid} erreur(s))`] : []),
      ...(unnoticed ? [`${unnoticed} valeur(s) modifiée(s) depuis l'édition v${n - 1} n'ont pas d'avis de révision (à écrire dans ${displayPath(revisionsPath(`${slug}/${year}`, roots.data))})`] : []),
      ...(toFill.length ? [`il reste ${toFill.length} élément(s) à compléter`] : []),
    ];
    throw new EditorError(`l'édition v${n} de ${slug}/${year} ne peut pas être publiée : ${reasons.join(' et ')}`, [
      ...[...errors, ...toFill].map(formatIssue),
      `Corrigez puis relancez npm run release -- ${slug} ${year} (npm run validate donne la même liste).`,
    ]);
  }
  const dirs = folders.edition(n);
  editJson(path.join(dirs.data, 'report.json'), [[['edition', 'date'], date]]);
  lock[editionFolder(n)] = sealEdition(dirs.data, dirs.content);
  writeLock(folders.dataYear, lock);
  const urls = editionUrls(slug, year, n);
  return [
    `Édition v${n} de ${slug}/${year} publiée le ${frenchDate(date)} : ses fichiers sont figés (${displayPath(path.join(folders.dataYear, LOCK_FILE))}).`,
    'Ses adresses sur le site, une fois construit (npm run build) :',
    `  ${urls.permanent} (cette édition, pour toujours)`,
    `  ${urls.latest} (le rapport, qui montre sa dernière édition)`,
    `Enregistrez report.json et ${LOCK_FILE} avec les fichiers de l'édition. Une correction ultérieure se fera dans une nouvelle édition : npm run new-version -- ${slug} ${year}.`,
  ];
}
