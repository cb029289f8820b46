/**
 * A figure's history on its provenance page, with the revision notices about it (issue 15): the
 * fixture's v2 corrected one published rate, which its revisions.json explains; copies of the
 * fixtures drop that notice, or open a v3 that changes a key figure's caution, or note an indicator
 * value. Values are obviously fake.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { inspectData, type Catalog } from '../../src/data/catalog.ts';
import { REVISIONS_FILE } from '../../src/data/editions.ts';
import { newVersion } from '../../src/editor/editions.ts';
import { indicatorRows } from '../../src/engine/node.ts';
import { loadIndicators } from '../../src/indicators/catalogue.ts';
import { datasetProvenance } from '../../src/provenance/dataset-page.ts';
import { currentRevision, type ShownHistory } from '../../src/provenance/describe.ts';
import { indicatorProvenance } from '../../src/provenance/indicator-page.ts';
import { FIXTURE, fixtureRoots, removeFixtureRoots, replaceIn, type Roots } from '../helpers/fixtures.ts';

const made: Roots[] = [];
afterAll(() => made.forEach(removeFixtureRoots));
// The notices are read from the data root of the environment (src/data/paths.ts).
afterEach(() => delete process.env.CEP_DATA_DIR);

/** A fresh copy of the fixtures, edited, and its catalog; its notices are the ones read. */
function fixtures(edit: (year: (...p: string[]) => string, roots: Roots) => void = () => {}): Catalog {
  const roots = fixtureRoots();
  made.push(roots);
  edit((...p) => path.join(roots.data, 'reports', FIXTURE.slug, String(FIXTURE.year), ...p), roots);
  process.env.CEP_DATA_DIR = roots.data;
  return inspectData(roots.data, roots.content).catalog!;
}

const editionOf = (catalog: Catalog, n: number) => catalog.editions.find((e) => e.id === FIXTURE.id && e.edition.number === n)!;

function historyOf(catalog: Catalog, edition: number, dataset: string, rowId: string, field: string): ShownHistory[] {
  const page = datasetProvenance(catalog, editionOf(catalog, edition), editionOf(catalog, edition).resources.get(dataset)!);
  const figure = page.rows.find((r) => r.id === rowId)!.figures.find((f) => f.id === `${rowId}--${field.replaceAll('_', '-')}`)!;
  return figure.history;
}

const REASON = '[FIXTURE DE TEST] Raison fictive : le taux imprimé contredit les effectifs.';
const EFFECT = '[FIXTURE DE TEST] Effet fictif : aucune conclusion ne change.';

describe('the history of a revised figure', () => {
  it('shows, in the edition that changed it, its notice: type in words, old and new values as the figure prints them, reason, effect, link', () => {
    const history = historyOf(fixtures(), 2, 'ptp_files', '32-2023', 'funded_rate_published');
    expect(history.map((h) => [h.edition, h.text, h.changed, h.unnoticed, h.notices.length])).toEqual([
      ['v1', '75\u00a0%', false, false, 0],
      ['v2', '70\u00a0%', true, false, 1],
    ]);
    expect(history[1]!.notices[0]).toEqual({
      type: "correction d'erreur",
      before: '75\u00a0%',
      after: '70\u00a0%',
      reason: REASON,
      effect: EFFECT,
      url: `/${FIXTURE.id}/editions/#avis-v2-1`,
    });
  });

  it('says in the figure’s entry whether the edition of the page revised it', () => {
    const catalog = fixtures();
    const revised = currentRevision(historyOf(catalog, 2, 'ptp_files', '32-2023', 'funded_rate_published'))!;
    expect(revised.text).toBe('Révisée dans cette édition (v2) :');
    expect(revised.notices.map((n) => [n.type, n.before, n.after])).toEqual([["correction d'erreur", '75\u00a0%', '70\u00a0%']]);
    expect(currentRevision(historyOf(catalog, 2, 'ptp_files', '32-2023', 'files'))).toEqual({ text: "Non révisée dans cette édition (v2) : même valeur que dans l'édition v1.", notices: [] });
    // The first edition's page: not revised there, but its history shows the later notice.
    const first = historyOf(catalog, 1, 'ptp_files', '32-2023', 'funded_rate_published');
    expect(currentRevision(first)!.text).toBe("Non révisée : l'édition v1 est la première du rapport.");
    expect(first[1]!.notices.map((n) => n.reason)).toEqual([REASON]);
  });

  it('says « changement sans avis de révision » where a value changed with no notice', () => {
    const catalog = fixtures((year) => writeFileSync(year(REVISIONS_FILE), '{ "notices": [] }\n'));
    const history = historyOf(catalog, 2, 'ptp_files', '32-2023', 'funded_rate_published');
    expect(history.map((h) => [h.changed, h.unnoticed, h.notices.length])).toEqual([[false, false, 0], [true, true, 0]]);
    expect(currentRevision(history)!.text).toBe("Modifiée dans cette édition (v2) : changement sans avis de révision (75\u00a0% dans l'édition v1).");
  });

  it('joins to a key figure the notice about its caution, which its text prints', () => {
    const catalog = fixtures((year, roots) => {
      newVersion(FIXTURE.slug, String(FIXTURE.year), roots);
      replaceIn(year('v3', 'key_figures.csv'), '40,% des bénéficiaires,environ,', '40,% des bénéficiaires,,');
      const notices = JSON.parse(readFileSync(year(REVISIONS_FILE), 'utf8'));
      const figure = { dataset: 'key_figures', row: { id: 'ptp-age-30-39' }, field: 'qualifier' };
      notices.notices.push({ edition: 3, type: 'methode', figure, before: 'environ', after: null, reason: '[FIXTURE DE TEST] raison', effect: '[FIXTURE DE TEST] effet' });
      writeFileSync(year(REVISIONS_FILE), JSON.stringify(notices));
    });
    const history = historyOf(catalog, 3, 'key_figures', 'ptp-age-30-39', 'value');
    expect(history[2]!.notices.map((n) => [n.type, n.before, n.after, n.url])).toEqual([
      ['changement de méthode', 'environ 40\u00a0% des bénéficiaires', '40\u00a0% des bénéficiaires', `/${FIXTURE.id}/editions/#avis-v3-1`],
    ]);
    expect(history[2]!.unnoticed).toBe(false);
  });

  it('shows the notice about an indicator value on its indicator’s page', async () => {
    const probe = fixtures();
    const indicators = loadIndicators().indicators;
    const given = await Promise.all(indicators.map(async (i) => (await indicatorRows(editionOf(probe, 2), i))[0]));
    const n = given.findIndex((row) => row && typeof row.value === 'number');
    const [indicator, row] = [indicators[n]!, given[n]!];
    const dimensions = Object.fromEntries(indicator.dimensions.map((d) => [d, row[d] ?? null]));
    const catalog = fixtures((year) => {
      const notices = JSON.parse(readFileSync(year(REVISIONS_FILE), 'utf8'));
      notices.notices.push({ edition: 2, type: 'revision', figure: { indicator: indicator.id, dimensions }, before: 1, after: row.value, reason: '[FIXTURE DE TEST] raison', effect: null, recordedFrom: '[FIXTURE DE TEST]' });
      writeFileSync(year(REVISIONS_FILE), JSON.stringify(notices));
    });
    const page = await indicatorProvenance(catalog, editionOf(catalog, 2), indicator);
    const result = page.results.find((r) => r.value === String(row.value) && r.history[1]!.notices.length > 0)!;
    expect(result.history[1]!.notices.map((x) => [x.type, x.after === result.text, x.reason, x.effect])).toEqual([["révision programmée", true, '[FIXTURE DE TEST] raison', "non précisé dans l'édition"]]);
  });
});
