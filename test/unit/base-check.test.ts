/**
 * Released editions are append-only against the base branch (src/editions/base-check.ts): on a
 * throw-away git repository holding the fixture reports (test/helpers/editions.ts, committed as
 * the base), each attack of the issue is made in the working tree, and `validate --base` must
 * refuse it, located, even where the lock alone agrees with itself (re-hashed, deleted and
 * released again). Also: hashes over LF-normalised text, and the shallow clone.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectData } from '../../src/data/catalog.ts';
import { readLock, sealEdition, sha256 } from '../../src/data/editions.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { displayPath } from '../../src/data/paths.ts';
import { checkAgainstBase, type BaseIssue } from '../../src/editions/base-check.ts';
import { newVersion, releaseEdition } from '../../src/editor/editions.ts';
import { fixtureRepo, resealEditions, type FixtureRepo } from '../helpers/editions.ts';
import { FIXTURE, SECOND } from '../helpers/fixtures.ts';

const ROOT = process.cwd();
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repo(): FixtureRepo {
  const r = fixtureRepo();
  made.push(r.repo);
  return r;
}

async function baseIssues(r: FixtureRepo, ref = 'HEAD'): Promise<BaseIssue[]> {
  const result = await checkAgainstBase(ref, { data: r.data, content: r.content }, r.repo);
  if ('problem' in result) throw new Error(result.problem);
  return result.issues;
}

/** `file:line:column [change]`, the file relative to the repository. */
const located = (r: FixtureRepo, issues: BaseIssue[]) => issues.map((i) => `${path.relative(r.repo, i.file)}:${i.line}:${i.column} [${i.change}]`);

function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`no change made to ${file}`);
  writeFileSync(file, after);
}

const A = `reports/${FIXTURE.id}`;
const B = `reports/${SECOND.id}`;

describe('validate --base: released editions of the base are append-only', () => {
  it('accepts the working tree as it is on the base, and a new edition opened beside', async () => {
    const r = repo();
    expect(await baseIssues(r)).toEqual([]);
    newVersion(SECOND.slug, String(SECOND.year), { data: r.data, content: r.content });
    expect(await baseIssues(r)).toEqual([]);
  });

  it('refuses a frozen file edited with the lock re-hashed, which validation alone accepts', async () => {
    const r = repo();
    const file = path.join(r.data, A, 'v1/reception_points.csv');
    edit(file, (t) => t.replace('Ville C) et une permanence', 'Ville C) et deux permanences'));
    resealEditions(r.data, r.content);
    const { catalog } = inspectData(r.data, r.content);
    expect(catalog, 'the re-hashed lock agrees with itself').toBeDefined();
    const issues = await baseIssues(r);
    expect(located(r, issues)).toEqual([`data/${A}/editions.lock.json:11:34 [verrou modifié]`, `data/${A}/v1/reception_points.csv:2:1 [modifié]`]);
    expect(formatIssue(issues[1]!)).toBe(
      `${displayPath(file)}:2:1: ce fichier de l'édition v1 de ${FIXTURE.id}, publiée le 15 janvier 2026 sur HEAD, a changé : une édition publiée ne change jamais, même avec editions.lock.json recalculé. Reprenez-le tel qu'il est sur HEAD (git checkout HEAD -- ${displayPath(file)}) ; les corrections se font dans une nouvelle édition : npm run new-version -- ${FIXTURE.slug} ${FIXTURE.year} (voir CONTRIBUTING.md)`,
    );
    expect(issues[0]!.message).toMatch(/^« data\/reception_points\.csv » a changé dans l'entrée de l'édition v1 \(les empreintes\), figée sur HEAD : /);
  });

  it('refuses a deleted lock, and a lock deleted then the edition released again with another date', async () => {
    const r = repo();
    const lock = path.join(r.data, B, 'editions.lock.json');
    rmSync(lock);
    expect(located(r, await baseIssues(r))).toEqual([`data/${B}/editions.lock.json:1:1 [verrou supprimé]`]);
    const report = path.join(r.data, B, 'v1/report.json');
    edit(report, (t) => t.replace(/\s*"date": "[^"]+",/, ''));
    releaseEdition(SECOND.slug, String(SECOND.year), { date: '2026-12-24' }, { data: r.data, content: r.content });
    expect(readLock(path.dirname(lock), [])).toHaveProperty('v1');
    expect(inspectData(r.data, r.content).catalog, 'released again, the lock agrees with itself').toBeDefined();
    const issues = await baseIssues(r);
    expect(located(r, issues)).toEqual([`data/${B}/editions.lock.json:6:25 [verrou modifié]`, `data/${B}/v1/report.json:9:13 [numéro réutilisé]`]);
    expect(issues[1]!.message).toMatch(/^l'édition v1 de corse\/2020, publiée le 15 janvier 2026 sur HEAD, est remplacée par une autre édition v1 datée du 24 décembre 2026 : un numéro d'édition publiée ne sert qu'une fois\./);
  });

  it('refuses a rewritten frozen chapter, located at its first changed line, and a deleted or added one', async () => {
    const r = repo();
    const chapters = path.join(r.content, A, 'v1');
    edit(path.join(chapters, '02-profils.mdx'), (t) => t.replace('<DataTable dataset="cep_objectives" />\n', 'Un paragraphe réécrit.\n'));
    const lines = readFileSync(path.join(chapters, '02-profils.mdx'), 'utf8').split('\n').length - 1;
    rmSync(path.join(chapters, '03-projet-de-transition-professionnelle.mdx'));
    writeFileSync(path.join(chapters, '04-annexe.mdx'), '---\ntitle: Annexe\nsummary: Ajoutée.\n---\n\nAjoutée après la publication.\n');
    expect(located(r, await baseIssues(r))).toEqual([
      `content/${A}/v1/02-profils.mdx:${lines}:1 [modifié]`,
      `content/${A}/v1/03-projet-de-transition-professionnelle.mdx:1:1 [supprimé]`,
      `content/${A}/v1/04-annexe.mdx:1:1 [ajouté]`,
    ]);
  });

  it('refuses a reused edition number: the released v2 replaced by another v2, released and sealed', async () => {
    const r = repo();
    for (const top of [r.data, r.content]) {
      rmSync(path.join(top, A, 'v2'), { recursive: true });
      cpSync(path.join(top, A, 'v1'), path.join(top, A, 'v2'), { recursive: true });
    }
    edit(path.join(r.data, A, 'v2/report.json'), (t) => t.replace('"number": 1', '"number": 2').replace(/"date": "[^"]+"/, '"date": "2026-12-24"'));
    resealEditions(r.data, r.content);
    const issues = await baseIssues(r);
    expect(issues.filter((i) => i.change === 'numéro réutilisé').map((i) => `${path.relative(r.repo, i.file)}:${i.line}`)).toEqual([`data/${A}/v2/report.json:9`]);
    expect(issues.some((i) => i.change === 'verrou modifié' && i.edition === `${FIXTURE.id}/v2`)).toBe(true);
    expect(issues.some((i) => i.change === 'modifié' && i.file.endsWith('v2/ptp_files.csv'))).toBe(true);
  });

  it('refuses a released edition folder that disappeared, once, not file by file', async () => {
    const r = repo();
    rmSync(path.join(r.content, A, 'v2'), { recursive: true });
    expect(located(r, await baseIssues(r))).toEqual([`content/${A}/v2:1:1 [dossier supprimé]`]);
  });

  it('refuses a symlink in a frozen content folder and in data/ pointing outside the repository (and validation refuses both)', async () => {
    const r = repo();
    const chapter = path.join(r.content, A, 'v1/04-lien.mdx');
    symlinkSync('../v2/01-recours-au-cep.mdx', chapter);
    const csv = path.join(r.data, B, 'v1/key_figures.csv');
    rmSync(csv);
    symlinkSync('/etc/hostname', csv);
    expect(located(r, await baseIssues(r))).toEqual([`data/${B}/v1/key_figures.csv:1:1 [remplacé par un lien]`, `content/${A}/v1/04-lien.mdx:1:1 [ajouté]`]);
    const { catalog, issues } = inspectData(r.data, r.content);
    expect(catalog).toBeUndefined();
    expect(issues.map((i) => `${path.relative(r.repo, i.file)}:${i.line}:${i.column}`)).toEqual([`data/${B}/v1/key_figures.csv:1:1`, `content/${A}/v1/04-lien.mdx:1:1`]);
    expect(issues[0]!.message).toBe(
      "lien symbolique vers « /etc/hostname » : data/ et content/ ne contiennent que des fichiers et des dossiers ordinaires, rien n'y suit un lien ; remplacez le lien par le fichier lui-même (ou le dossier), copié à sa place",
    );
  });

  it('refuses a changed snapshot of a released edition (indicators.lock.json)', async () => {
    const r = repo();
    const snapshot = path.join(r.data, B, 'indicators.lock.json');
    writeFileSync(snapshot, `${JSON.stringify({ v1: { 'cep-entries-total': [{ territory: SECOND.code, year: 2020, value: 1 }] } }, null, 2)}\n`);
    r.git('add', '-A');
    r.git('commit', '--quiet', '-m', 'snapshot');
    writeFileSync(snapshot, `${JSON.stringify({ v1: { 'cep-entries-total': [{ territory: SECOND.code, year: 2020, value: 2 }] } }, null, 2)}\n`);
    expect(located(r, await baseIssues(r))).toEqual([`data/${B}/indicators.lock.json:3:26 [valeurs figées modifiées]`]);
  });
});

describe('hashes over LF-normalised text', () => {
  it('a CRLF checkout of a released edition still matches its lock and its base', async () => {
    const r = repo();
    for (const dir of [path.join(r.data, A, 'v1'), path.join(r.content, A, 'v1')])
      for (const f of readdirSync(dir)) edit(path.join(dir, f), (t) => t.replace(/\n/g, '\r\n'));
    const lock = readLock(path.join(r.data, A), [])!;
    expect(sealEdition(path.join(r.data, A, 'v1'), path.join(r.content, A, 'v1'))).toEqual(lock.v1);
    expect(await baseIssues(r)).toEqual([]);
  });

  it('binary files stay bytes: a CR LF in a non-text file counts', () => {
    const r = repo();
    const file = (name: string, bytes: string) => {
      writeFileSync(path.join(r.repo, name), bytes);
      return sha256(path.join(r.repo, name));
    };
    expect(file('a.csv', 'x\r\ny\r\n')).toBe(file('b.csv', 'x\ny\n'));
    expect(file('a.png', 'x\r\ny\r\n')).not.toBe(file('b.png', 'x\ny\n'));
  });
});

describe('npm run validate -- --base <ref> (CLI)', () => {
  const validate = (cwd: string, ...args: string[]) => {
    const { CEP_DATA_DIR: _data, CEP_CONTENT_DIR: _content, ...env } = process.env;
    const run = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/validate.ts'), ...args], { cwd, env, encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  };

  it('exits 1 with the located errors when a released edition changed', () => {
    const r = repo();
    edit(path.join(r.content, B, 'v1/01-synthese.mdx'), (t) => t.replace('ont commencé un CEP', 'ont engagé un CEP'));
    resealEditions(r.data, r.content);
    const result = validate(r.repo, '--base', 'main');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(new RegExp(`^content/${B}/v1/01-synthese\\.mdx:\\d+:1: ce fichier de l'édition v1 de ${SECOND.id}, publiée le 15 janvier 2026 sur main, a changé`, 'm'));
  });

  // The front-matter `slug` itself is refused by the chapter check (src/chapters/source-check.ts).
  it('refuses a chapter of a later edition whose front matter takes the identity of a released one', () => {
    const r = repo();
    newVersion(SECOND.slug, String(SECOND.year), { data: r.data, content: r.content });
    const chapter = `content/${B}/v2/02-annexe.mdx`;
    edit(path.join(r.repo, chapter), (t) => t.replace('---\n', `---\nslug: ${SECOND.id}/v1/03-annexe-ajoutee\n`));
    const result = validate(r.repo, '--base', 'main');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(new RegExp(`^${chapter.replaceAll('.', '\\.')}:\\d+:1: .*retirez slug`, 'm'));
  });

  it('a missing ref is a French error, exit 2; on a shallow clone, it says how to fetch it', async () => {
    const r = repo();
    const shallow = path.join(r.repo, '..', `${path.basename(r.repo)}-shallow`);
    made.push(shallow);
    spawnSync('git', ['clone', '--quiet', '--depth', '1', `file://${r.repo}`, shallow]);
    const result = await checkAgainstBase('origin/autre', { data: path.join(shallow, 'data'), content: path.join(shallow, 'content') }, shallow);
    expect(result).toEqual({
      problem:
        "Référence git « origin/autre » introuvable : attendu une branche, une étiquette ou un commit de ce dépôt (exemple : npm run validate -- --base origin/main). Ce clone est superficiel (git clone --depth, ou actions/checkout sans fetch-depth: 0) : récupérez d'abord la référence, par exemple git fetch origin autre.",
    });
    // The ref that the shallow clone has works.
    expect(await checkAgainstBase('origin/main', { data: path.join(shallow, 'data'), content: path.join(shallow, 'content') }, shallow)).toEqual({ issues: [] });
    const cli = validate(r.repo, '--base', 'pas-une-branche');
    expect(cli.status).toBe(2);
    expect(cli.output).toMatch(/^Référence git « pas-une-branche » introuvable/);
  });
});
