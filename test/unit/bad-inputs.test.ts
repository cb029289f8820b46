/**
 * The bad-input corpus: test/fixtures/bad-inputs/cases*.json list malformed inputs, each ONE
 * change to a throw-away copy of data/ (or content/), with the outcome the validator must give:
 * refused with these exact `file:line:column: message` errors (and no catalog), or accepted and
 * read as stated. The MDX cases (`buildFails`) go through the real build (scripts/build.ts).
 * After the change the copy's released editions are re-sealed, except in the cases about
 * freezing (`frozen`): see test/helpers/bad-inputs.ts.
 *
 * A case with a `gap` is one the validator does not handle as it should yet: `current` pins what
 * it does today (a plain test), `expected` is what it must do (an `it.fails` test). When the
 * validator is fixed, the `current` test fails and the `it.fails` one passes unexpectedly: move
 * `expected` to what the fix prints, drop the `gap`, and both turn into one plain test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReport, inspectData, type Catalog } from '../../src/data/catalog.ts';
import { formatIssue, type DataIssue } from '../../src/data/issues.ts';
import { FIXTURES, loadCases, prepareCase, type BadInput, type Outcome } from '../helpers/bad-inputs.ts';
import { shown } from '../helpers/data-copy.ts';

const cases = loadCases();
// Checked by the validator (inspectData on the copies), or by the real build (the MDX cases).
const isBuildCase = (c: BadInput) => 'buildFails' in c.expected;
const dataCases = cases.filter((c) => !isBuildCase(c));
const mdxCases = cases.filter(isBuildCase);

interface Inspected {
  /** The copies of data/ and content/ as messages show them. */
  data: string;
  content: string;
  catalog?: Catalog;
  errors: string[];
  thrown?: Error;
}

/** Each case is applied and inspected once, even when a gap asserts it twice. */
const inspected = new Map<string, Inspected>();
function inspect(c: BadInput): Inspected {
  let result = inspected.get(c.id);
  if (!result) {
    const dirs = prepareCase(c);
    const copies = { data: shown(dirs.data), content: shown(dirs.content) };
    try {
      const { catalog, issues } = inspectData(dirs.data, dirs.content);
      result = { ...copies, catalog, errors: issues.filter((i: DataIssue) => i.severity === 'error').map(formatIssue) };
    } catch (e) {
      result = { ...copies, errors: [], thrown: e as Error };
    }
    for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
    inspected.set(c.id, result);
  }
  return result;
}

function assertOutcome(c: BadInput, outcome: Outcome): void {
  const { data, content, catalog, errors, thrown } = inspect(c);
  const root = c.root === 'content' ? content : data;
  const placeholders = (message: string) => message.replaceAll('{data}', data).replaceAll('{content}', content);
  if ('throws' in outcome) {
    expect(thrown?.message).toBe(placeholders(outcome.throws));
    return;
  }
  if (thrown) throw thrown;
  if ('buildFails' in outcome) throw new Error('buildFails: MDX cases only');
  if (!outcome.accepted) {
    expect(errors).toEqual(outcome.errors.map((e) => `${root}/${e.file}:${e.line}:${e.column}: ${placeholders(e.message)}`));
    expect(catalog, 'validation must refuse the data').toBeUndefined();
    return;
  }
  expect(errors).toEqual([]);
  expect(catalog, 'validation must accept the data').toBeDefined();
  for (const check of outcome.read ?? []) {
    const resources = check.in === 'reference' ? catalog!.reference : findReport(catalog!, check.in).resources;
    const rows = resources.get(check.resource)!.table.rows;
    if (check.rows !== undefined) expect(rows).toHaveLength(check.rows);
    expect(rows[check.row]).toMatchObject(check.values);
  }
}

describe('the bad-input corpus', () => {
  it('has at least 40 distinct cases, each with a unique id and a distinct change', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => JSON.stringify([c.root, c.file, c.change]))).size).toBe(cases.length);
    for (const c of cases) if ('fixture' in c.change) expect(existsSync(path.join(FIXTURES, c.change.fixture)), c.id).toBe(true);
  });
});

describe('malformed data is refused with a located message, or read as stated', () => {
  for (const c of dataCases) {
    if (!c.gap) {
      it(`${c.id} [${c.class}] ${c.description}`, () => assertOutcome(c, c.expected));
      continue;
    }
    it(`${c.id} [${c.class}] ${c.description} — today`, () => assertOutcome(c, c.gap!.current));
    // Validator gap, to be fixed in src/data/: see `gap.why` in cases.json.
    it.fails(`${c.id} — validator gap: ${c.gap.why}`, () => assertOutcome(c, c.expected));
  }
});

// The real build on a copy of content/ where one chapter is broken (and on a copy of data/ whose
// editions are re-sealed against it): it must fail with the component's message, located in the
// chapter, and leave the previous site untouched. About 5 s each, run one after the other (astro
// builds share .astro/ and the content store).
describe('a broken chapter stops the real build', () => {
  const builds = new Map<string, { status: number | null; output: string; previous: string; root: string; data: string }>();
  function build(c: BadInput) {
    let result = builds.get(c.id);
    if (!result) {
      const { data, content } = prepareCase(c);
      const outDir = mkdtempSync(path.join(tmpdir(), 'cep-dist-'));
      writeFileSync(path.join(outDir, 'index.html'), 'previous site');
      const run = spawnSync('npx', ['tsx', 'scripts/build.ts', outDir], {
        env: { ...process.env, CEP_DATA_DIR: data, CEP_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
      });
      result = { status: run.status, output: run.stdout + run.stderr, previous: readFileSync(path.join(outDir, 'index.html'), 'utf8'), root: shown(content), data: shown(data) };
      builds.set(c.id, result);
      // The copies stay: Astro's content store may reuse their paths in a later build.
      rmSync(outDir, { recursive: true, force: true });
    }
    return result;
  }
  const assertBuild = (c: BadInput, outcome: Outcome) => {
    if (!('buildFails' in outcome)) throw new Error(`${c.id}: a build case expects buildFails`);
    const { status, output, previous, root, data } = build(c);
    const e = outcome.buildFails;
    expect(status).not.toBe(0);
    expect(output).toContain(`${root}/${e.file}:${e.line}:${e.column}: ${e.message.replaceAll('{data}', data)}`);
    expect(previous).toBe('previous site');
  };
  for (const c of mdxCases) {
    it(`${c.id} [${c.class}] ${c.description}${c.gap ? ' — today' : ''}`, () => assertBuild(c, c.gap ? c.gap.current : c.expected));
    if (c.gap) it.fails(`${c.id} — validator gap: ${c.gap.why}`, () => assertBuild(c, c.expected));
  }
});
