/**
 * Released editions are append-only against the base branch. The lock (editions.lock.json) only
 * agrees with itself: edit a frozen file and re-hash the lock, or delete the lock and release
 * again, and validation alone passes. So `npm run validate -- --base <ref>` (the pull-request
 * job) compares every edition released on the base (listed in the base's lock) with the working
 * tree, by content: its files (added, removed, changed, replaced by a link), its folders, its
 * lock entries and its snapshot of computed values (indicators.lock.json) must be the base's.
 * `npm run diff` flags the same changes at the top of its summary.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EDITION_FOLDER, frenchDate, isTextFile, LOCK_FILE, normalisedBytes, SNAPSHOT_FILE } from '../data/editions.ts';
import type { DataIssue } from '../data/issues.ts';
import { readJsonFile, type JsonFile } from '../data/json-file.ts';
import { displayPath } from '../data/paths.ts';
import { refProblem, withRefTree } from './git-ref.ts';

export interface Roots {
  data: string;
  content: string;
}

/** What happened to a file of a released edition, as the diff's warning lists it. */
export type FrozenChange = 'modifié' | 'supprimé' | 'ajouté' | 'remplacé par un lien' | 'dossier supprimé' | 'numéro réutilisé' | 'date retirée' | 'verrou modifié' | 'verrou supprimé' | 'valeurs figées modifiées';

export interface BaseIssue extends DataIssue {
  change: FrozenChange;
  /** `<slug>/<year>/v<N>`, or `<slug>/<year>` for the whole report's lock. */
  edition: string;
}

const folders = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : []);

const lstat = (file: string) => lstatSync(file, { throwIfNoEntry: false });

/** A JSON file of the base, or undefined when it is missing or broken (the base's own problem). */
function baseJson(file: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Every file below a folder, by relative path (forward slashes), hidden ones apart; `regular` false for a link, a FIFO… */
function filesBelow(dir: string): Map<string, { file: string; regular: boolean }> {
  const out = new Map<string, { file: string; regular: boolean }>();
  const walk = (at: string, rel: string) => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const file = path.join(at, e.name);
      const key = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(file, key);
      else out.set(key, { file, regular: e.isFile() });
    }
  };
  if (lstat(dir)?.isDirectory()) walk(dir, '');
  return out;
}

/** The first line where two texts differ (1 when they are not text). */
function firstDifferentLine(file: string, before: Buffer, after: Buffer): number {
  if (!isTextFile(file)) return 1;
  const a = before.toString('utf8').split('\n');
  const b = after.toString('utf8').split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return Math.min(i + 1, Math.max(1, b.length - (b.at(-1) === '' ? 1 : 0)));
}

interface EditionContext {
  ref: string;
  slug: string;
  year: string;
  number: number;
  /** The edition's release date on the base. */
  date?: string;
  issues: BaseIssue[];
}

const instead = (c: EditionContext) => `les corrections se font dans une nouvelle édition : npm run new-version -- ${c.slug} ${c.year} (voir CONTRIBUTING.md)`;
const released = (c: EditionContext) => `l'édition v${c.number} de ${c.slug}/${c.year}, publiée${c.date ? ` le ${frenchDate(c.date)}` : ''} sur ${c.ref}`;

function push(c: EditionContext, file: string, at: { line: number; column: number }, change: FrozenChange, message: string): void {
  c.issues.push({ file: displayPath(file), ...at, severity: 'error', change, edition: `${c.slug}/${c.year}/v${c.number}`, message });
}

/** report.json of a released edition whose date moved: the number was reused, or the release undone. */
function checkReleaseDate(c: EditionContext, baseFile: string, workFile: string, workDirs: string[]): boolean {
  const before = (baseJson(baseFile)?.edition as { date?: string } | undefined)?.date;
  const json = readJsonFile(workFile, []);
  const after = ((json?.value as { edition?: { date?: unknown } } | undefined)?.edition)?.date;
  if (!before || !json || after === before) return false;
  const restore = `git checkout ${c.ref} -- ${workDirs.map(displayPath).join(' ')}`;
  if (typeof after === 'string') {
    const message = `${released(c)}, est remplacée par une autre édition v${c.number} datée du ${frenchDate(after)} : un numéro d'édition publiée ne sert qu'une fois. Rétablissez l'édition v${c.number} (${restore}) et publiez la nouvelle sous le numéro suivant : npm run new-version -- ${c.slug} ${c.year}`;
    push(c, workFile, json.locate(['edition', 'date']), 'numéro réutilisé', message);
  } else {
    const message = `la date de publication de ${released(c)}, a été retirée : une édition publiée le reste. Rétablissez-la (${restore}) ; ${instead(c)}`;
    push(c, workFile, json.locate(['edition']), 'date retirée', message);
  }
  return true;
}

/** One folder of a released edition (its data or its chapters) against the base's. */
function compareFolder(c: EditionContext, baseDir: string, workDir: string, workDirs: string[]): void {
  const base = filesBelow(baseDir);
  if (base.size > 0 && !lstat(workDir)?.isDirectory()) {
    push(c, workDir, { line: 1, column: 1 }, 'dossier supprimé', `le dossier de ${released(c)}, a disparu : rétablissez-le (git checkout ${c.ref} -- ${displayPath(workDir)}) ; ${instead(c)}`);
    return;
  }
  const work = filesBelow(workDir);
  for (const [key, { file: baseFile }] of base) {
    const file = path.join(workDir, ...key.split('/'));
    const current = work.get(key);
    const checkout = `git checkout ${c.ref} -- ${displayPath(file)}`;
    if (!current) push(c, file, { line: 1, column: 1 }, 'supprimé', `ce fichier de ${released(c)}, a été supprimé : rétablissez-le (${checkout}) ; ${instead(c)}`);
    else if (!current.regular)
      push(c, file, { line: 1, column: 1 }, 'remplacé par un lien', `ce fichier de ${released(c)}, a été remplacé par un lien symbolique ou un fichier spécial : rétablissez le fichier (${checkout}) ; ${instead(c)}`);
    else {
      const before = normalisedBytes(baseFile);
      const after = normalisedBytes(file);
      if (before.equals(after)) continue;
      if (key === 'report.json' && checkReleaseDate(c, baseFile, file, workDirs)) continue;
      const message = `ce fichier de ${released(c)}, a changé : une édition publiée ne change jamais, même avec ${LOCK_FILE} recalculé. Reprenez-le tel qu'il est sur ${c.ref} (${checkout}) ; ${instead(c)}`;
      push(c, file, { line: firstDifferentLine(key, before, after), column: 1 }, 'modifié', message);
    }
  }
  for (const [key, { file }] of work)
    if (!base.has(key)) push(c, file, { line: 1, column: 1 }, 'ajouté', `ce fichier a été ajouté à ${released(c)}, sans lui : retirez-le ; ${instead(c)}`);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The entries of the base's lock (or snapshot) against the working one: each released edition's
 * entry must be there, unchanged; `what` says what the file freezes, in messages.
 */
function compareEntries(
  report: { ref: string; slug: string; year: string; issues: BaseIssue[] },
  base: Record<string, unknown>,
  workFile: string,
  changes: { changed: FrozenChange; deleted: FrozenChange },
  what: string,
): void {
  const id = `${report.slug}/${report.year}`;
  const restore = `git checkout ${report.ref} -- ${displayPath(workFile)}`;
  const add = (at: { line: number; column: number }, edition: string, message: string, change = changes.changed) =>
    report.issues.push({ file: displayPath(workFile), ...at, severity: 'error', change, edition: edition ? `${id}/${edition}` : id, message });
  if (!lstat(workFile)?.isFile()) {
    add({ line: 1, column: 1 }, '', `${path.basename(workFile)} a été supprimé alors que ${report.ref} y fige ${what} des éditions ${Object.keys(base).join(', ')} de ${id} : rétablissez-le (${restore}) ; une édition publiée ne se republie pas`, changes.deleted);
    return;
  }
  const json: JsonFile | undefined = readJsonFile(workFile, []);
  if (!json) return; // unreadable: validation says where
  const work = (json.value ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [edition, entry] of Object.entries(base)) {
    const current = work[edition];
    if (current === undefined) {
      add({ line: 1, column: 1 }, edition, `l'édition ${edition} de ${id}, figée sur ${report.ref}, a été retirée de ${path.basename(workFile)} : rétablissez son entrée telle qu'elle est sur ${report.ref} (${restore})`);
      continue;
    }
    const keys = new Set([...Object.keys(entry as object), ...Object.keys(current)]);
    for (const key of keys) {
      const before = (entry as Record<string, unknown>)[key];
      if (same(before, current[key])) continue;
      const at = current[key] === undefined ? json.locate([edition]) : json.locate([edition, key]);
      const how = before === undefined ? 'a été ajouté à' : current[key] === undefined ? 'a été retiré de' : 'a changé dans';
      add(at, edition, `« ${key} » ${how} l'entrée de l'édition ${edition} (${what}), figée sur ${report.ref} : une édition publiée ne change jamais ; rétablissez ${path.basename(workFile)} tel qu'il est sur ${report.ref} (${restore}) puis, s'il le faut, publiez la nouvelle édition (npm run release -- ${report.slug} ${report.year})`);
    }
  }
}

/**
 * Every edition released on the base (the trees of `base`, extracted from the ref) against the
 * working trees: an error for each difference, located in the working tree.
 */
export function compareWithBase(base: Roots, work: Roots, ref: string): BaseIssue[] {
  const issues: BaseIssue[] = [];
  const reports = path.join(base.data, 'reports');
  for (const slug of folders(reports))
    for (const year of folders(path.join(reports, slug))) {
      const baseYear = path.join(reports, slug, year);
      const lock = baseJson(path.join(baseYear, LOCK_FILE));
      if (!lock) continue; // nothing released on the base
      const workYear = path.join(work.data, 'reports', slug, year);
      const report = { ref, slug, year, issues };
      compareEntries(report, lock, path.join(workYear, LOCK_FILE), { changed: 'verrou modifié', deleted: 'verrou supprimé' }, 'les empreintes');
      const snapshot = baseJson(path.join(baseYear, SNAPSHOT_FILE));
      if (snapshot) compareEntries(report, snapshot, path.join(workYear, SNAPSHOT_FILE), { changed: 'valeurs figées modifiées', deleted: 'valeurs figées modifiées' }, 'les valeurs calculées');
      for (const edition of Object.keys(lock).filter((e) => EDITION_FOLDER.test(e))) {
        const number = Number(edition.slice(1));
        const date = (baseJson(path.join(baseYear, edition, 'report.json'))?.edition as { date?: string } | undefined)?.date;
        const c: EditionContext = { ref, slug, year, number, date, issues };
        const dirs = { data: path.join(workYear, edition), content: path.join(work.content, 'reports', slug, year, edition) };
        const workDirs = [dirs.data, dirs.content];
        compareFolder(c, path.join(baseYear, edition), dirs.data, workDirs);
        compareFolder(c, path.join(base.content, 'reports', slug, year, edition), dirs.content, workDirs);
      }
    }
  return issues;
}

/**
 * `npm run validate -- --base <ref>`: the released editions of `ref` against the working trees
 * (data/ and content/ of the repository at `cwd` on the base side); `problem` when the ref
 * cannot be read (unknown, not fetched in a shallow clone, no repository).
 */
export async function checkAgainstBase(ref: string, work: Roots, cwd = process.cwd()): Promise<{ problem: string } | { issues: BaseIssue[] }> {
  const problem = refProblem(cwd, ref, 'npm run validate -- --base', 'npm run validate -- --base origin/main');
  if (problem) return { problem };
  const issues = await withRefTree(cwd, ref, (root) => compareWithBase({ data: path.join(root, 'data'), content: path.join(root, 'content') }, work, ref));
  return { issues };
}
