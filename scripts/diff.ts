/**
 * npm run diff -- <git-ref>: what the working tree changes in the data and the chapters since
 * <git-ref> (a branch, a tag, a commit), as Markdown on stdout, for a pull request comment or a
 * GitHub job summary (`npm run diff -- origin/main >> "$GITHUB_STEP_SUMMARY"`).
 *
 * data/ and content/ as they are at <git-ref> are extracted (git archive) into a temporary
 * folder; the after side is the working tree, or CEP_DATA_DIR / CEP_CONTENT_DIR. Both are
 * loaded and checked like `npm run validate` does, then compared (src/editions/compare.ts).
 * A side that does not validate is reported in the Markdown (exit 0); an unknown ref exits 2.
 * Any change to an edition released on <git-ref> (src/editions/base-check.ts) is flagged first.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataIssue } from '../src/data/issues.ts';
import { contentDir, dataDir } from '../src/data/paths.ts';
import { compareCatalogs, loadSnapshot, type Snapshot } from '../src/editions/compare.ts';
import { compareWithBase } from '../src/editions/base-check.ts';
import { refProblem, withRefTree } from '../src/editions/git-ref.ts';
import { renderMarkdown, type MarkdownOptions } from '../src/editions/markdown.ts';

export interface DiffOptions {
  /** The git ref of the before side. */
  ref: string;
  /** Where git runs and paths are shown from (default: the working directory). */
  cwd?: string;
  /** The after side (default: CEP_DATA_DIR / CEP_CONTENT_DIR when set, else data/ and content/ of `cwd`). */
  dataRoot?: string;
  contentRoot?: string;
  /** Limits of the Markdown (default: markdown.ts's). */
  markdown?: Pick<MarkdownOptions, 'maxDatasetRows' | 'maxRows'>;
}

export interface DiffResult {
  /** 0: compared (or a side does not validate, said in the Markdown); 2: unknown ref. */
  exitCode: 0 | 2;
  /** The Markdown (exit 0) or the error message (exit 2). */
  output: string;
}

/** A file as messages show it (displayPath), relative to the repository at `cwd`. */
function repoPath(file: string, cwd: string): string {
  const absolute = path.resolve(file);
  return path.relative(cwd, absolute).split(path.sep).join('/');
}

/** Issues with their files shown from `root` (the temporary copy as if it were the repository). */
function relocate(snapshot: Snapshot, root: string): Snapshot {
  const prefix = `${root}${path.sep}`;
  const strip = (s: string) => s.split(prefix).join('').split(path.sep).join('/');
  const issues = snapshot.issues.map((i): DataIssue => ({ ...i, file: path.isAbsolute(i.file) && i.file.startsWith(prefix) ? strip(i.file) : i.file, message: i.message.split(prefix).join('') }));
  return { ...snapshot, issues };
}

export async function runDiff(options: DiffOptions): Promise<DiffResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const ref = options.ref;
  const problem = refProblem(cwd, ref, 'npm run diff', 'npm run diff -- origin/main');
  if (problem) return { exitCode: 2, output: `${problem}\n` };
  return withRefTree(cwd, ref, async (tmp) => {
    const base = { data: path.join(tmp, 'data'), content: path.join(tmp, 'content') };
    const before = relocate(loadSnapshot(base.data, base.content), tmp);
    const dataRoot = options.dataRoot ?? (process.env.CEP_DATA_DIR ? dataDir() : path.join(cwd, 'data'));
    const contentRoot = options.contentRoot ?? (process.env.CEP_CONTENT_DIR ? contentDir() : path.join(cwd, 'content'));
    const after = relocate(loadSnapshot(dataRoot, contentRoot), cwd);
    // Changes to editions released on the ref: flagged at the top of the summary.
    const frozen = compareWithBase(base, { data: dataRoot, content: contentRoot }, ref).map((i) => ({ file: repoPath(i.file, cwd), change: i.change, edition: i.edition }));
    const diff = await compareCatalogs(before, after);
    return { exitCode: 0, output: renderMarkdown(diff, { ...options.markdown, before: `\`${ref}\``, after: "l'arbre de travail", frozen }) };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const ref = process.argv[2];
  if (!ref) {
    process.stderr.write('Usage : npm run diff -- <référence git> (exemple : npm run diff -- origin/main)\n');
    process.exit(2);
  }
  const { exitCode, output } = await runDiff({ ref });
  // Written before exiting, so that a pipe gets all of it; DuckDB does not keep the process alive.
  (exitCode === 0 ? process.stdout : process.stderr).write(output, () => process.exit(exitCode));
}
