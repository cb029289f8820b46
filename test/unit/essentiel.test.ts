import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReport, inspectData } from '../../src/data/catalog.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { inspectEssentiel, parts } from '../../src/essentiel/file.ts';
import { builtinsOf, essentielOf, MAX_POINTS } from '../../src/essentiel/points.ts';
import { loadIndicators } from '../../src/indicators/catalogue.ts';
import { FIXTURE, fixtureRoots, SECOND } from '../helpers/fixtures.ts';

const catalogue = loadIndicators();

function inspectText(json: unknown) {
  const root = mkdtempSync(path.join(tmpdir(), 'cep-essentiel-'));
  writeFileSync(path.join(root, 'essentiel.json'), JSON.stringify(json, null, 2));
  return inspectEssentiel(catalogue, root).issues.map(formatIssue).map((m) => m.replace(/^.*essentiel\.json:/, ''));
}

describe("« L'essentiel » of the report homes", () => {
  it('cuts a sentence at its placeholders', () => {
    expect(parts('En {année}, {n} entrées chez {opérateur:apec} en {région}.')).toEqual([
      { text: 'En ' }, { builtin: 'année' }, { text: ', ' }, { value: 'n' }, { text: ' entrées chez ' }, { operator: 'apec' }, { text: ' en ' }, { builtin: 'région' }, { text: '.' },
    ]);
    expect(parts('{n} entrées {en région}.')).toEqual([{ value: 'n' }, { text: ' entrées ' }, { builtin: 'en région' }, { text: '.' }]);
  });

  it('places the region with its own preposition: {en région}, never « en {région} »', () => {
    const roots = fixtureRoots();
    const report = findReport(inspectData(roots.data, roots.content).catalog!, FIXTURE.id);
    expect(builtinsOf(report)).toEqual({ région: FIXTURE.label, 'en région': FIXTURE.inLabel, année: String(FIXTURE.year) });
    const messages = inspectText({ points: [{ id: 'a', text: '{n} entrées en {région}.', values: { n: { indicator: 'cep-entries-total' } } }] });
    expect(messages).toEqual([expect.stringMatching(/^5:\d+: « en \{région\} » : la préposition dépend de la région .* écrivez \{en région\}/)]);
  });

  it('the shipped file has no problem', () => {
    expect(inspectEssentiel(catalogue).issues.map(formatIssue)).toEqual([]);
  });

  it('locates every problem of the file, with what is expected', () => {
    const messages = inspectText({
      points: [
        { id: 'a', text: '{n} et {m}.', values: { n: { indicator: 'pas-un-indicateur' }, o: { indicator: 'cep-entries-share', operateur: 'apec' } } },
        { id: 'a', text: 'Rien.', values: {} },
      ],
    });
    expect(messages).toEqual([
      expect.stringMatching(/^5:\d+: \{m\} ne désigne aucune valeur du point « a » ; attendu une de n, o/),
      expect.stringMatching(/^8:\d+: indicateur « pas-un-indicateur » inconnu ; attendu un de .*cep-entries-total/),
      expect.stringMatching(/^10:\d+: valeur « o » jamais citée dans la phrase/),
      expect.stringMatching(/^12:\d+: « operateur » n'est pas une dimension de l'indicateur « cep-entries-share » ; attendu territory, year, operator/),
      expect.stringMatching(/^17:\d+: point « a » déjà défini/),
    ]);
  });

  it('keeps only the points whose every figure the report gives, at most six', async () => {
    const roots = fixtureRoots();
    const catalog = inspectData(roots.data, roots.content).catalog!;
    const withPtp = (await essentielOf(findReport(catalog, FIXTURE.id))).map((p) => p.id);
    const entriesOnly = (await essentielOf(findReport(catalog, SECOND.id))).map((p) => p.id);
    expect(withPtp).toContain('ptp');
    expect(withPtp.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(entriesOnly).toContain('entrees');
    expect(entriesOnly).not.toContain('ptp');
  });
});
