/**
 * Editions of a report. Each edition is a pair of folders, data/reports/<slug>/<year>/v<N>/ and
 * content/reports/<slug>/<year>/v<N>/. Releasing an edition freezes it: editions.lock.json,
 * beside the v<N> folders, records the SHA-256 of each of its files (text files with their line
 * endings normalised to LF), and any later change to one of them is an error. Corrections are
 * made in a new edition.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ajv, checkAgainst, readJsonFile } from './json-file.ts';
import { type DataIssue } from './issues.ts';
import { displayPath } from './paths.ts';

export const LOCK_FILE = 'editions.lock.json';
/** The computed indicator values of the released editions (src/indicators/snapshot.ts). */
export const SNAPSHOT_FILE = 'indicators.lock.json';
/** A report's revision notices, beside its editions' folders (src/editions/revisions-schema.ts). */
export const REVISIONS_FILE = 'revisions.json';
export const EDITION_FOLDER = /^v([1-9]\d*)$/;

/** Per released edition (`v1`), the SHA-256 of each file, keyed `data/<file>` or `content/<file>`. */
export type Lock = Record<string, Record<string, string>>;

const validateLock = ajv.compile({
  type: 'object',
  propertyNames: { pattern: EDITION_FOLDER.source },
  additionalProperties: {
    type: 'object',
    propertyNames: { pattern: '^(data|content)/[^/]+$' },
    additionalProperties: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
});

export function editionFolder(number: number): string {
  return `v${number}`;
}

/** The edition numbers of a report, in order: its folders v1, v2… (none if the folder is missing). */
export function editionNumbers(yearDir: string): number[] {
  if (!existsSync(yearDir)) return [];
  return readdirSync(yearDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && EDITION_FOLDER.test(e.name))
    .map((e) => Number(e.name.slice(1)))
    .sort((a, b) => a - b);
}

/** The lock of a report (its year folder), or an empty one; issues when it cannot be read. */
export function readLock(yearDir: string, issues: DataIssue[]): Lock | undefined {
  const file = path.join(yearDir, LOCK_FILE);
  if (!existsSync(file)) return {};
  const json = readJsonFile(file, issues);
  if (!json || !checkAgainst(json, validateLock, LOCK_FILE, issues)) return undefined;
  return json.value as Lock;
}

export function writeLock(yearDir: string, lock: Lock): void {
  const sorted = Object.fromEntries(
    Object.entries(lock).sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1))),
  );
  writeFileSync(path.join(yearDir, LOCK_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** The files of an edition, keyed as in the lock, with their paths; hidden files (.DS_Store) are not part of it. */
export function editionFiles(dataEditionDir: string, contentEditionDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [prefix, dir] of [['data', dataEditionDir], ['content', contentEditionDir]] as const) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)))
      if (entry.isFile() && !entry.name.startsWith('.')) files.set(`${prefix}/${entry.name}`, path.join(dir, entry.name));
  }
  return files;
}

/** Files compared as text: their line endings do not count (a CRLF checkout is the same edition). */
const TEXT_FILE = /\.(csv|tsv|json|geojson|mdx|md|txt|yml|yaml|xml|svg|html)$/i;

export const isTextFile = (file: string): boolean => TEXT_FILE.test(file);

/** A file's bytes as the lock sees them: a text file with CRLF line endings read as LF. */
export function normalisedBytes(file: string, bytes: Buffer = readFileSync(file)): Buffer {
  if (!isTextFile(file) || !bytes.includes(0x0d)) return bytes;
  // Byte-level, so that a Windows-1252 or Latin-1 file is not decoded.
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (!(bytes[i] === 0x0d && bytes[i + 1] === 0x0a)) out[n++] = bytes[i]!;
  return out.subarray(0, n);
}

/** SHA-256 of a file as the lock records it: text files over LF-normalised bytes, others over their bytes. */
export function sha256(file: string, bytes?: Buffer): string {
  return createHash('sha256').update(normalisedBytes(file, bytes)).digest('hex');
}

/** What the lock records for an edition as its files are now. */
export function sealEdition(dataEditionDir: string, contentEditionDir: string): Record<string, string> {
  return Object.fromEntries([...editionFiles(dataEditionDir, contentEditionDir)].map(([key, file]) => [key, sha256(file)]));
}

/**
 * A released edition's files against its lock: every changed, removed or added file is an error
 * that says which edition is frozen and how to correct it instead.
 */
export function checkFrozen(
  report: { slug: string; year: string; number: number; date?: string },
  sealed: Record<string, string>,
  dataEditionDir: string,
  contentEditionDir: string,
  issues: DataIssue[],
): void {
  const current = editionFiles(dataEditionDir, contentEditionDir);
  const dirOf = (key: string) => (key.startsWith('data/') ? dataEditionDir : contentEditionDir);
  const fileOf = (key: string) => current.get(key) ?? path.join(dirOf(key), key.slice(key.indexOf('/') + 1));
  const when = report.date ? ` le ${frenchDate(report.date)}` : '';
  const frozen = `l'édition v${report.number} du rapport ${report.slug}/${report.year} est figée depuis sa publication${when}`;
  const instead = `les corrections se font dans une nouvelle édition : npm run new-version -- ${report.slug} ${report.year} (voir CONTRIBUTING.md)`;
  const problem = (key: string, what: string, undo: string) => {
    const file = displayPath(fileOf(key));
    issues.push({ file, line: 1, column: 1, severity: 'error', message: `${frozen} : ce fichier ${what}. ${undo.replace('{file}', file)} ; ${instead}` });
  };
  for (const [key, hash] of Object.entries(sealed)) {
    const file = current.get(key);
    // Editors working in GitHub's web interface have no git command: the file of main is the same.
    if (!file) problem(key, 'a été supprimé', "Rétablissez-le (git checkout -- {file}, ou reprenez-le tel qu'il est sur la branche main)");
    else if (sha256(file) !== hash) problem(key, 'a été modifié', "Annulez la modification (git checkout -- {file}, ou reprenez le fichier tel qu'il est sur la branche main)");
  }
  for (const key of current.keys())
    if (!(key in sealed)) problem(key, 'a été ajouté après la publication', 'Retirez-le');
}

/** « publiée le 22 novembre 2026 », or « en préparation » before its release. */
export function releaseText(edition: { date?: string }): string {
  return edition.date ? `publiée le ${frenchDate(edition.date)}` : 'en préparation';
}

/** « édition v2 du 22 novembre 2026 », or « édition v2 en préparation ». */
export function editionText(edition: { number: number; date?: string }): string {
  return `édition v${edition.number}${edition.date ? ` du ${frenchDate(edition.date)}` : ' en préparation'}`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 22 novembre 2026 » from 2026-11-22. */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[m! - 1]} ${y}`;
}
