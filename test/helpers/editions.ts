/**
 * Released editions are frozen: data/reports/<slug>/<year>/editions.lock.json records the SHA-256
 * of each file of every released edition (src/data/editions.ts), and any later change to one of
 * them is an error. A test that breaks a copy of data/ (or content/) on purpose would therefore
 * get the frozen-edition error on top of the one it is about. `resealEditions` recomputes the
 * copy's locks as they are after the change (what a correct new edition would record), so that
 * each test stays about the one problem it makes.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LOCK_FILE, readLock, sealEdition, writeLock, type Lock } from '../../src/data/editions.ts';
import type { DataIssue } from '../../src/data/issues.ts';

const folders = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];

/**
 * Re-seals every released edition (every edition the lock lists) of every report under
 * `dataRoot/reports`, against its chapters under `contentRoot/reports`. A lock that cannot be
 * read (a case about the lock itself) is left as it is.
 */
export function resealEditions(dataRoot: string, contentRoot: string): void {
  const reports = path.join(dataRoot, 'reports');
  for (const slug of folders(reports))
    for (const year of folders(path.join(reports, slug))) {
      const yearDir = path.join(reports, slug, year);
      if (!existsSync(path.join(yearDir, LOCK_FILE))) continue;
      const ignored: DataIssue[] = [];
      const lock = readLock(yearDir, ignored);
      if (!lock) continue;
      const chapters = path.join(contentRoot, 'reports', slug, year);
      const sealed: Lock = {};
      for (const edition of Object.keys(lock)) sealed[edition] = sealEdition(path.join(yearDir, edition), path.join(chapters, edition));
      writeLock(yearDir, sealed);
    }
}
