/**
 * What an edition publishes for download (src/engine/downloads.ts): the names of its files, the
 * CSV with labels beside codes and its French Excel variant, and the ZIP of them all with its
 * French guide, identical byte for byte when the edition is built again.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findReport, inspectData, type Catalog, type Resource } from '../../src/data/catalog.ts';
import { labelledCsv } from '../../src/data/publish.ts';
import { archiveName, downloadName, folderFile, README_FILE, VARIANTS } from '../../src/data/published-files.ts';
import { writeEditionFiles } from '../../src/engine/downloads.ts';
import { formatSize } from '../../src/format/size.ts';
import { FIXTURE, fixtureRoots, REGIONAL_HOLDER } from '../helpers/fixtures.ts';

const load = (): Catalog => {
  const roots = fixtureRoots();
  return inspectData(roots.data, roots.content).catalog!;
};
const catalog = load();
const report = findReport(catalog, FIXTURE.id);
const entries = report.resources.get('cep_entries')!;
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

describe('download names', () => {
  it('say the report, the edition, the dataset and the variant', () => {
    const edition = `${FIXTURE.slug}-${FIXTURE.year}-v${report.edition.number}`;
    expect(VARIANTS.map((v) => downloadName(report, 'cep_entries_by_sex', v))).toEqual([
      `${edition}-cep-entries-by-sex-libelles.csv`,
      `${edition}-cep-entries-by-sex-excel.csv`,
      `${edition}-cep-entries-by-sex.parquet`,
      `${edition}-cep-entries-by-sex.csv`,
    ]);
    expect(archiveName(report)).toBe(`${edition}-donnees.zip`);
  });

  it('keep the Data Package’s file name for the plain CSV, and never meet another dataset’s name', () => {
    expect(VARIANTS.map((v) => folderFile('cep_entries', v))).toEqual(['cep_entries-libelles.csv', 'cep_entries-excel.csv', 'cep_entries.parquet', 'cep_entries.csv']);
  });
});

describe('the CSV with labels beside codes', () => {
  it('puts a <field>_libelle column right after each coded column, labelled as the pages show them', () => {
    const [header, ...rows] = lines(labelledCsv(catalog, report, entries));
    expect(header).toBe('territory,territory_libelle,year,operator,operator_libelle,entries,share_published,reported_gap');
    expect(rows).toContain(`${FIXTURE.code},${FIXTURE.label},2023,operateur-regional,${REGIONAL_HOLDER},3000,10,`);
    expect(rows).toHaveLength(entries.table.rows.length);
  });

  it('for Excel: byte order mark, semicolons, decimal commas, CRLF, a missing value left empty', () => {
    const csv = labelledCsv(catalog, report, entries, { excel: true });
    expect(csv.startsWith('\uFEFFterritory;territory_libelle;year;')).toBe(true);
    expect(csv).toContain(`\r\n${FIXTURE.code};${FIXTURE.label};2023;france-travail;`);
    expect(csv).toMatch(/;20000;66,7;\r\n/);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('still neutralises a text a spreadsheet would run as a formula, in a code and in its label', () => {
    const hostile: Resource = { ...entries, table: { ...entries.table, rows: [{ ...entries.table.rows[0]!, operator: '=HYPERLINK("x")' }] } };
    for (const excel of [false, true]) {
      const [, row] = lines(labelledCsv(catalog, report, hostile, { excel }));
      expect(row!.match(/'=HYPERLINK/g), row).toHaveLength(2);
    }
  });
});

describe('the archive of an edition', () => {
  const files = writeEditionFiles(catalog, report);
  const unzipped = async () => {
    const all = await files;
    const zip = all.find((f) => f.file === archiveName(report))!.body as Uint8Array;
    return unzipSync(zip);
  };

  it('holds the guide, datapackage.json, every file the Data Package lists, and each dataset’s other variants', async () => {
    const zip = await unzipped();
    const pkg = JSON.parse(strFromU8(zip['datapackage.json']!)) as { resources: { path: string }[] };
    const variants = [...report.resources.keys()].flatMap((name) => VARIANTS.map((v) => folderFile(name, v)));
    expect(Object.keys(zip).sort()).toEqual([README_FILE, 'datapackage.json', ...new Set([...pkg.resources.map((r) => r.path), ...variants])].sort());
    // The same bytes as the files served one by one.
    const served = (await files).filter((f) => f.file !== archiveName(report));
    for (const { file, body } of served) expect(zip[file], file).toEqual(typeof body === 'string' ? new TextEncoder().encode(body) : body);
    expect(strFromU8(zip['cep_entries.parquet']!.slice(0, 4))).toBe('PAR1');
  });

  it('has a French guide: each file’s title, rows and columns, the licence, how to cite the edition, its changes', async () => {
    const readme = strFromU8((await unzipped())[README_FILE]!);
    expect(readme).toContain(`# ${report.meta.title}`);
    expect(readme).toContain(report.edition.changes);
    expect(readme).toContain('Licence Ouverte / Open Licence 2.0');
    expect(readme).toContain(`${report.meta.author}, «\u00a0${report.meta.title}\u00a0», édition v${report.edition.number} du `);
    expect(readme).toMatch(new RegExp(`https?://[^ ]+/${report.editionId}/\n`));
    expect(readme).toContain(`### ${entries.descriptor.title}`);
    expect(readme).toContain(`${entries.table.rows.length}\u00a0lignes`);
    for (const f of entries.descriptor.schema.fields) expect(readme).toContain(`- \`${f.name}\``);
    expect(readme).toContain('`operator_libelle`');
    expect(readme).toContain(`Unité\u00a0: ${entries.descriptor.cep!.unit}`);
  });

  it('is identical byte for byte when the edition is built again from a fresh copy of the data', async () => {
    const rebuilt = load();
    const again = findReport(rebuilt, FIXTURE.id);
    const first = (await files).find((f) => f.file === archiveName(report))!.body;
    const second = (await writeEditionFiles(rebuilt, again)).find((f) => f.file === archiveName(again))!.body;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // Dated by the edition's release, not by the clock (a ZIP's time has a 2 s grain: two builds in a row would agree anyway).
    const date = new DataView((first as Uint8Array).buffer, (first as Uint8Array).byteOffset).getUint16(12, true);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(`${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)}`).toBe(report.edition.date);
  });
});

describe('file sizes', () => {
  it('read as French readers write them, short enough to sit beside a link', () => {
    expect([1, 80, 335, 1400, 12_345, 1_234_567].map(formatSize)).toEqual(['1\u00a0octet', '80\u00a0octets', '0,3\u00a0ko', '1,4\u00a0ko', '12\u00a0ko', '1,2\u00a0Mo']);
  });
});
