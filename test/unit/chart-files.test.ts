/**
 * Chart ids (src/charts/chart-id.ts, edition-charts.ts) and the chart files (frame.ts,
 * chart-files.ts), on the fixture reports: ids from props, stable and unique; the framed SVG
 * parses and carries title, Champ, Source, licence and edition; the PNG decodes at twice its size;
 * the CSV names each column once.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { chartFile, pngOf } from '../../src/charts/chart-files.ts';
import { chartModel } from '../../src/charts/chart-model.ts';
import { assignChartIds, chartKey, chartSlug } from '../../src/charts/chart-id.ts';
import { chartVariantProps, editionCharts } from '../../src/charts/edition-charts.ts';
import { framedSvg, LICENCE_LINE } from '../../src/charts/frame.ts';
import { inspectData } from '../../src/data/catalog.ts';
import { checkChapters, EDITION_PAGES, REPORT_PAGES } from '../../src/data/chapters-check.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

const roots = fixtureRoots();
const catalog = inspectData(roots.data, roots.content).catalog!;
const report = catalog.editions.find((e) => e.id === FIXTURE.id && e.edition.latest)!;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};
/** Every text of an SVG, as a reader of the file would find it. */
const svgTexts = (svg: string): string => {
  const texts: string[] = [];
  const collect = (node: unknown): void => {
    if (typeof node === 'string' || typeof node === 'number') texts.push(String(node));
    else if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') Object.entries(node).forEach(([k, v]) => (k.startsWith('@_') ? undefined : collect(v)));
  };
  collect(new XMLParser({ ignoreAttributes: true, preserveOrder: true }).parse(svg));
  return texts.join(' ');
};

describe('chart ids', () => {
  it('are readable slugs of what the chart draws, never of its position', () => {
    expect(chartSlug({ chart: 'profile-bars', dataset: 'annex_profile', where: { dimension: 'âge' }, title: 'Âge' })).toBe('annex-profile-age');
    expect(chartSlug({ chart: 'year-bars', dataset: 'files', field: 'files_total' })).toBe('files-files-total');
    expect(chartSlug({ chart: 'entries-by-operator', territories: ['FRM'] })).toBe('entries-by-operator-frm');
    expect(chartSlug({ indicator: 'count-series', population: 'ptp-files', by: 'year' })).toBe('count-series-year-ptp-files');
  });

  it('ignore the wording (lecture), and the order of props and of where keys', () => {
    expect(chartKey({ dataset: 'd', chart: 'c', where: { b: 1, a: 2 }, lecture: 'x' })).toBe(chartKey({ where: { a: 2, b: 1 }, chart: 'c', dataset: 'd' }));
  });

  it('disambiguate charts that differ but share a slug, whatever their order', () => {
    const a = { chart: 'profile-bars', dataset: 'd', where: { dimension: 'x-y' } };
    const b = { chart: 'profile-bars', dataset: 'd', where: { category: 'x', dimension: 'y' } };
    const c = { chart: 'profile-bars', dataset: 'e' };
    const forward = assignChartIds([a, b, c]);
    const backward = assignChartIds([c, b, a]);
    expect(forward.get(chartKey(a))).toMatch(/^d-x-y-[0-9a-f]{6}$/);
    expect(forward.get(chartKey(a))).not.toBe(forward.get(chartKey(b)));
    expect(forward.get(chartKey(c))).toBe('e');
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
  });

  it('give a chart with a territory switch one id per territory', () => {
    expect(chartVariantProps({ chart: 'entries-by-operator', territories: ['32', 'FRM'] })).toEqual([
      { chart: 'entries-by-operator', territories: ['32'] },
      { chart: 'entries-by-operator', territories: ['FRM'] },
    ]);
  });

  it('are unique within every edition and the same when listed again', () => {
    for (const edition of catalog.editions) {
      const ids = editionCharts(edition.editionId, roots.content).map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(editionCharts(edition.editionId, `${roots.content}/`).map((c) => c.id)).toEqual(ids);
    }
    expect(editionCharts(report.editionId, roots.content).map((c) => c.id)).toEqual(
      expect.arrayContaining([`entries-by-operator-${FIXTURE.code}`, 'entries-by-operator-frm', 'cep-entries-by-sex', 'cep-objectives']),
    );
  });
});

describe('chart files', () => {
  it('frame Plot’s SVG with its title, Champ, Source, licence and edition, wrapped inside the width', () => {
    const plot = '<svg width="640" height="200" viewBox="0 0 640 200"><rect width="10" height="10"/></svg>';
    const long = 'Un titre très long '.repeat(8).trim();
    const svg = framedSvg(plot, { title: long, champ: 'Champ fictif', sources: ['Source A', 'Source B'], citation: 'Source : Auteur fictif, Titre, édition v1' });
    expect(XMLValidator.validate(svg)).toBe(true);
    const texts = svgTexts(svg);
    for (const part of ['Champ : Champ fictif', 'Sources des données : Source A ; Source B', LICENCE_LINE, 'Auteur fictif']) expect(texts).toContain(part);
    expect(svg).toContain('<svg x="16"');
    expect((svg.match(/font-weight="bold"/g) ?? []).length).toBeGreaterThan(1);
  });

  it('keep every text inside the frame: the right margin of the image stays blank', () => {
    const plot = '<svg width="640" height="100" viewBox="0 0 640 100"></svg>';
    const wide = 'Part des projets fictifs de création ou de reprise parmi les dossiers fictifs, 2020-2023 '.repeat(3);
    const svg = framedSvg(plot, { title: wide, champ: wide, sources: [wide], citation: wide });
    const image = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
    const pixels = image.pixels; // a copy at each access
    const inked: number[] = [];
    for (let y = 0; y < image.height; y++)
      for (let x = image.width - 12; x < image.width; x++) if (pixels[(y * image.width + x) * 4]! < 250) inked.push(y);
    expect(inked).toEqual([]);
    // and the texts did reach the right half: the check above is not vacuous
    let reached = false;
    for (let y = 0; y < 40 && !reached; y++) for (let x = image.width / 2; x < image.width - 12; x++) if (pixels[(y * image.width + x) * 4]! < 128) reached = true;
    expect(reached).toBe(true);
  });

  it('write every chart of the fixture edition as SVG, PNG and CSV that open and say what they show', async () => {
    for (const chart of editionCharts(report.editionId, roots.content)) {
      const svg = String((await chartFile(catalog, report, chart.id, chart.props, 'svg')).body);
      expect(XMLValidator.validate(svg), chart.id).toBe(true);
      const texts = svgTexts(svg);
      expect(texts).toContain(`${report.meta.author}, ${report.meta.title}`);
      expect(texts).toContain(`v${report.edition.number}`);
      expect(texts).toContain('Licence Ouverte');
      expect(texts).toMatch(/Sources? des données : \S/);
      const png = (await chartFile(catalog, report, chart.id, chart.props, 'png')).body as Uint8Array;
      expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      const width = Number(/^<svg[^>]*width="(\d+)"/.exec(svg)![1]);
      expect(pngSize(png).width).toBe(width * 2);
      const csv = String((await chartFile(catalog, report, chart.id, chart.props, 'csv')).body);
      expect(csv.split('\r\n')[0]).toMatch(/_libelle/);
      expect(csv.trim().split('\r\n').length).toBeGreaterThan(1);
    }
  });

  it('give an indicator chart’s CSV each dimension once, a coded one beside its label, whatever its bars', async () => {
    for (const by of ['year', 'territory']) {
      const csv = (await chartModel(catalog, report, { indicator: 'count-series', population: 'ptp-files', by })).csv;
      const header = csv.split('\r\n')[0]!.split(',');
      expect(new Set(header).size, by).toBe(header.length);
      expect(header[0]).toBe(by);
      expect(header).toEqual(expect.arrayContaining(['population', 'population_libelle', 'territory', 'territory_libelle', 'year', 'numerator', 'value']));
      expect(header).not.toContain('year_libelle');
      expect(header.slice(-2)).toEqual(['numerator', 'value']);
    }
  });

  it('draw text with the system’s fonts (a PNG with text differs from the same without it)', () => {
    const frame = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="30"><rect width="100%" height="100%" fill="#fff"/><text x="5" y="20" font-size="14">${text}</text></svg>`;
    expect(Buffer.from(pngOf(frame('Champ'))).equals(Buffer.from(pngOf(frame(''))))).toBe(false);
  });
});

describe('the pages beside a chapter', () => {
  it('are the folders and pages of src/pages beside [chapter]', () => {
    const pages = (dir: string) =>
      readdirSync(path.resolve('src/pages/[region]/[year]', dir))
        .map((name) => name.replace(/\.(astro|ts)$/, ''))
        .filter((name) => !name.startsWith('[') && name !== 'index')
        .sort();
    expect(pages('[edition]')).toEqual([...EDITION_PAGES].sort());
    expect(pages('.')).toEqual([...REPORT_PAGES].sort());
  });

  it('are reserved chapter names', () => {
    for (const name of new Set([...EDITION_PAGES, ...REPORT_PAGES, 'v2'])) {
      const file = `99-${name}.mdx`;
      writeFileSync(path.join(roots.content, 'reports', report.editionId, file), '---\ntitle: Page\nsummary: Fictif\n---\n\nTexte.\n');
      const issues = checkChapters(catalog, roots.content).filter((i) => i.file.endsWith(file));
      expect(issues.map((i) => i.message)).toEqual([expect.stringContaining(`nom de chapitre réservé « ${name} »`)]);
      rmSync(path.join(roots.content, 'reports', report.editionId, file));
    }
  });
});
