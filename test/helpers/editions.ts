/**
 * Released editions are frozen: data/reports/<slug>/<year>/editions.lock.json records the SHA-256
 * of each file of every released edition (src/data/editions.ts), and any later change to one of
 * them is an error. A test that breaks a copy of data/ (or content/) on purpose would therefore
 * get the frozen-edition error on top of the one it is about. `resealEditions` recomputes the
 * copy's locks as they are after the change (what a correct new edition would record), so that
 * each test stays about the one problem it makes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCK_FILE, readLock, sealEdition, writeLock, type Lock } from '../../src/data/editions.ts';
import type { DataIssue } from '../../src/data/issues.ts';
import { fixtureRoots } from './fixtures.ts';

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

/** A throw-away git repository holding the fixture roots (data/, content/), committed as the base. */
export interface FixtureRepo {
  repo: string;
  data: string;
  content: string;
  /** Runs git in the repository, as a test user. */
  git(...args: string[]): string;
}

export function fixtureRepo(): FixtureRepo {
  const repo = mkdtempSync(path.join(tmpdir(), 'cep-repo-'));
  const roots = fixtureRoots();
  for (const [name, dir] of Object.entries(roots)) {
    cpSync(dir, path.join(repo, name), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'base');
  return { repo, data: path.join(repo, 'data'), content: path.join(repo, 'content'), git };
}
