/**
 * The data and chapters of a git ref (a branch, a tag, a commit), for the commands that compare
 * the working tree with it: `npm run diff` and `npm run validate -- --base`. data/ and content/
 * of the working directory's folder are extracted with `git archive` (plain git, no library):
 * this works on a shallow clone too, as long as the ref itself was fetched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The commit a ref names, or undefined. */
export function resolveCommit(cwd: string, ref: string): string | undefined {
  if (ref === '' || ref.startsWith('-')) return undefined;
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

function isShallow(cwd: string): boolean {
  try {
    return git(cwd, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  } catch {
    return false;
  }
}

/** Extracts data/ and content/ of the working directory's folder as they are at a commit. */
export function extractTree(cwd: string, commit: string, into: string): void {
  const prefix = git(cwd, ['rev-parse', '--show-prefix']).trim();
  const tree = `${commit}:${prefix}`;
  const present = ['data', 'content'].filter((p) => {
    try {
      git(cwd, ['cat-file', '-e', `${tree}${p}`]);
      return true;
    } catch {
      return false; // absent at that commit: that side has no data (or no chapters)
    }
  });
  if (present.length === 0) return;
  const archive = path.join(into, 'ref.tar');
  git(cwd, ['archive', '--format=tar', '-o', archive, tree, '--', ...present]);
  execFileSync('tar', ['-xf', archive, '-C', into]);
  rmSync(archive);
}

/**
 * Why a ref cannot be read, in French, for the editor; `command` names the command that needs
 * it (« npm run diff »), `example` shows it called with a ref.
 */
export function refProblem(cwd: string, ref: string, command: string, example: string): string | undefined {
  try {
    git(cwd, ['rev-parse', '--git-dir']);
  } catch {
    return `${cwd} n'est pas dans un dépôt git : ${command} compare l'arbre de travail à une référence git.`;
  }
  if (resolveCommit(cwd, ref)) return undefined;
  const shallow = isShallow(cwd)
    ? ` Ce clone est superficiel (git clone --depth, ou actions/checkout sans fetch-depth: 0) : récupérez d'abord la référence, par exemple git fetch origin ${ref.replace(/^origin\//, '')}.`
    : '';
  return `Référence git « ${ref} » introuvable : attendu une branche, une étiquette ou un commit de ce dépôt (exemple : ${example}).${shallow}`;
}

/** Runs `body` on data/ and content/ of `ref` extracted into a temporary folder, removed afterwards. */
export async function withRefTree<T>(cwd: string, ref: string, body: (root: string) => T | Promise<T>): Promise<T> {
  const commit = resolveCommit(cwd, ref);
  if (!commit) throw new Error(`unknown git ref ${ref}: call refProblem first`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'cep-ref-'));
  try {
    extractTree(cwd, commit, tmp);
    return await body(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
