/**
 * The released editions' figures stay as published: their files are frozen by the edition lock,
 * and what the site computes from them by their snapshot (indicators.lock.json, written by
 * npm run release). Golden values live with the data, not here: these tests hold for any report.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectData, loadCatalog } from '../../src/data/catalog.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { checkIndicators } from '../../src/indicators/check.ts';
import { readSnapshot, SNAPSHOT_FILE } from '../../src/indicators/snapshot.ts';

const catalog = loadCatalog();
const released = catalog.editions.filter((e) => e.edition.released);

describe('released editions against their frozen values', () => {
  it('every released edition has its snapshot, and every indicator still gives its values', async () => {
    for (const e of released) expect(readSnapshot(path.resolve('data/reports', e.id))[`v${e.edition.number}`], e.editionId).toBeDefined();
    expect((await checkIndicators(catalog)).filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
  });

  it.skipIf(released.length === 0)('a change of SQL that moves a released figure fails validation, naming the edition and the indicator', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cep-golden-'));
    cpSync(path.resolve('data'), root, { recursive: true });
    const edition = released[0]!;
    // Which indicators the edition has values for, and one to break among them (a share: × 1,01).
    const frozen = readSnapshot(path.join(root, 'reports', edition.id))[`v${edition.edition.number}`]!;
    const id = Object.keys(frozen).find((k) => frozen[k]!.some((r) => typeof r.value === 'number' && r.value !== 0))!;
    const file = ['entries', 'ptp', 'resignation', 'profiles', 'series'].map((f) => path.join(root, 'indicators', `${f}.json`)).find((f) => readFileSync(f, 'utf8').includes(`"id": "${id}"`))!;
    const catalogue = JSON.parse(readFileSync(file, 'utf8'));
    const indicator = catalogue.indicators.find((i: { id: string }) => i.id === id);
    indicator.sql = `SELECT * REPLACE (value * 1.01 AS value) FROM (${(indicator.sql as string[]).join('\n')})`;
    writeFileSync(file, JSON.stringify(catalogue, null, 2));
    const { catalog: copy } = inspectData(root, path.resolve('content'));
    const issues = (await checkIndicators(copy!, root)).map(formatIssue);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.join('\n')).toContain(`${SNAPSHOT_FILE}:1:1: l'édition publiée v${edition.edition.number} de ${edition.id} affichait ${id} (`);
    expect(issues.join('\n')).toContain(`; une édition publiée ne change pas : rétablissez la requête de l'indicateur « ${id} »`);
  });
});
