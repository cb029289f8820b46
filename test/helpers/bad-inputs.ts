/**
 * The bad-input corpus (test/fixtures/bad-inputs/): each case is ONE change applied to a
 * throw-away copy of the fixture data (or content) roots (test/helpers/fixtures.ts: the real
 * reference lists and the fictional fixture reports), with the outcome the validator must give. This module
 * reads the cases and applies a change; test/unit/bad-inputs.test.ts asserts the outcomes.
 *
 * Released editions are frozen (data/reports/<slug>/<year>/editions.lock.json, src/data/editions.ts):
 * changing any file of one is an error of its own. So after the change, `prepareCase` re-seals the
 * copy's released editions (test/helpers/editions.ts), as a correct new edition would, and each
 * case stays about the one problem it describes; except the cases marked `"frozen": true`, which
 * are about the freezing itself and keep the lock as shipped.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, modify, parse } from 'jsonc-parser';
import { resealEditions } from './editions.ts';
import { fixtureRoots } from './fixtures.ts';

export const FIXTURES = path.resolve('test/fixtures/bad-inputs');

/** A text edit: `find` must occur exactly once (or at least once with `all`). */
export interface TextEdit {
  find: string;
  replace: string;
  all?: boolean;
}

/**
 * A step of a JSON path: a property, an array index, or `{ "name": … }` / `{ "id": … }` for the
 * element of an array with that name or id (a resource, a rule).
 */
export type JsonStep = string | number | { name: string } | { id: string };

/** A JSON edit, applied with jsonc-parser so that the rest of the file keeps its lines. */
export interface JsonEdit {
  path: JsonStep[];
  /** The new value; omitted with `remove`. */
  value?: unknown;
  remove?: true;
}

/** The one change a case makes to its file. */
export type Change =
  | { edits: TextEdit[] }
  | { json: JsonEdit[] }
  /** Full replacement (or creation) by the bytes of a file of test/fixtures/bad-inputs/. */
  | { fixture: string }
  /** Full replacement (or creation) by this text (UTF-8). */
  | { text: string }
  | { prepend: string }
  | { delete: true }
  /** Moves the file or folder to this path, relative to the same root. */
  | { rename: string }
  /** Copies the file or folder to this path, relative to the same root (a new edition folder). */
  | { copy: string }
  /** Makes the file (or folder) a symbolic link to this target, relative to the link's folder or absolute (/etc/hostname); an existing file is replaced. */
  | { symlink: string }
  /** Makes the file a named pipe (FIFO, by mkfifo); an existing file is replaced. */
  | { fifo: true };

/** An issue as the validator prints it, `file` relative to the copy's root. */
export interface ExpectedIssue {
  file: string;
  line: number;
  column: number;
  /**
   * Exact message; `{data}` and `{content}` stand for the copies of data/ and content/ as
   * messages show them.
   */
  message: string;
}

/** A row the validator must have read, when the input is accepted. */
export interface ReadCheck {
  /** `reference`, a report id (`<region>/<year>`: its latest edition) or an edition (`<region>/<year>/v<N>`). */
  in: string;
  resource: string;
  row: number;
  values: Record<string, unknown>;
  /** Number of rows of the table, when it matters. */
  rows?: number;
}

export type Outcome =
  | { accepted: false; errors: ExpectedIssue[] }
  | { accepted: true; read?: ReadCheck[] }
  /** The validator crashes instead of reporting (only as the current behaviour of a gap). */
  | { throws: string }
  /** MDX cases: the real build exits non-zero and prints this located message. */
  | { buildFails: ExpectedIssue };

export interface BadInput {
  id: string;
  /** What kind of problem: encoding, separator, header, cell, key, code, rule, descriptor, folder, file, edition… */
  class: string;
  description: string;
  /** Relative to data/ (the default) or content/. */
  root?: 'data' | 'content';
  file: string;
  change: Change;
  /**
   * The case is about a released edition being frozen: the copy's editions.lock.json is kept as
   * shipped (or as the change leaves it). Without it, the locks are re-sealed after the change.
   */
  frozen?: true;
  /** What the validator must do. */
  expected: Outcome;
  /**
   * A validator gap: the validator does not do what `expected` says (the test of `expected` is
   * written `it.fails`), and `current` pins what it does today.
   */
  gap?: { why: string; current: Outcome };
}

/** Every case: cases.json, then the cases-<theme>.json files (chapters, editions…) in name order. */
export function loadCases(): BadInput[] {
  const files = readdirSync(FIXTURES).filter((f) => /^cases(-[a-z-]+)?\.json$/.test(f)).sort();
  return files.flatMap((file) => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')).cases as BadInput[]);
}

/** The copies a case is checked on: its change applied, the editions re-sealed unless `frozen`. */
export interface Prepared {
  data: string;
  content: string;
}

/**
 * Copies the fixture roots, applies the case's change to the copy of its root, then re-seals the
 * copy's released editions against both copies, unless the case is about freezing (`frozen`).
 */
export function prepareCase(c: Pick<BadInput, 'id' | 'root' | 'file' | 'change' | 'frozen'>): Prepared {
  const prepared = fixtureRoots();
  applyChange(prepared[c.root ?? 'data'], c);
  if (!c.frozen) resealEditions(prepared.data, prepared.content);
  return prepared;
}

function resolveJsonPath(value: unknown, steps: JsonStep[]): (string | number)[] {
  const out: (string | number)[] = [];
  let node = value as Record<string | number, unknown> | undefined;
  for (const step of steps) {
    let key: string | number;
    if (typeof step === 'object') {
      const [prop, wanted] = Object.entries(step)[0]!;
      if (!Array.isArray(node)) throw new Error(`bad-input fixture: ${JSON.stringify(step)} applied to a non-array`);
      key = node.findIndex((item: Record<string, unknown>) => item?.[prop] === wanted);
      if (key < 0) throw new Error(`bad-input fixture: no element with ${prop} = ${String(wanted)}`);
    } else key = step;
    out.push(key);
    node = node?.[key] as typeof node;
  }
  return out;
}

const count = (text: string, find: string) => text.split(find).length - 1;

/** Applies a case's change to the copy `dir`; throws when the change would change nothing. */
export function applyChange(dir: string, c: Pick<BadInput, 'id' | 'file' | 'change'>): void {
  const target = path.join(dir, c.file);
  const change = c.change;
  const fail = (why: string): never => {
    throw new Error(`bad-input fixture « ${c.id} » (${c.file}) : ${why}`);
  };
  // A full replacement may also create a file (a stray file in a folder).
  if ('fixture' in change) return writeFileSync(target, readFileSync(path.join(FIXTURES, change.fixture)));
  if ('text' in change) return writeFileSync(target, change.text);
  if ('symlink' in change || 'fifo' in change) {
    rmSync(target, { recursive: true, force: true });
    if ('fifo' in change) return void execFileSync('mkfifo', [target]);
    return symlinkSync(change.symlink, target);
  }
  if (!existsSync(target)) fail('fichier ou dossier introuvable dans la copie');
  if ('delete' in change) return rmSync(target, { recursive: true });
  if ('rename' in change) return renameSync(target, path.join(dir, change.rename));
  if ('copy' in change) {
    if (existsSync(path.join(dir, change.copy))) fail(`« ${change.copy} » existe déjà dans la copie`);
    return cpSync(target, path.join(dir, change.copy), { recursive: true });
  }
  const before = readFileSync(target, 'utf8');
  let after = before;
  if ('prepend' in change) after = change.prepend + before;
  else if ('edits' in change) {
    for (const e of change.edits) {
      const n = count(after, e.find);
      if (n === 0 || (n > 1 && !e.all)) fail(`« ${e.find} » trouvé ${n} fois`);
      after = e.all ? after.replaceAll(e.find, e.replace) : after.replace(e.find, () => e.replace);
    }
  } else {
    for (const e of change.json) {
      const jsonPath = resolveJsonPath(parse(after), e.path);
      const edits = modify(after, jsonPath, e.remove ? undefined : e.value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
      after = applyEdits(after, edits);
    }
  }
  if (after === before) fail('aucun changement');
  writeFileSync(target, after);
}
