/**
 * The errors of the chapters' components list the valid choices (docs/COMPONENTS.md): on a
 * report scaffolded by new-report in a throw-away copy of data/reference and filled with
 * OBVIOUSLY FAKE values, a chapter with a wrong dataset, field, selector or rule is located
 * and each message says what exists.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRow } from '../../src/components/select-row.ts';
import { inspectData, type Catalog, type Resource } from '../../src/data/catalog.ts';
import { choices } from '../../src/data/choices.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { displayPath } from '../../src/data/paths.ts';
import type { Row } from '../../src/data/table.ts';
import { chapterErrors } from '../helpers/chapter-errors.ts';
import { scaffoldReport } from '../../src/editor/scaffold.ts';
import type { Roots } from '../../src/editor/to-fill.ts';

let sandbox: string;
let roots: Roots;
let catalog: Catalog;
const edition = (top: 'data' | 'content', file: string) => path.join(roots[top], 'reports/bretagne/2024/v1', file);

beforeAll(() => {
  sandbox = mkdtempSync(path.join(tmpdir(), 'cep-chapter-errors-'));
  roots = { data: path.join(sandbox, 'data'), content: path.join(sandbox, 'content') };
  cpSync(path.resolve('data/reference'), path.join(roots.data, 'reference'), { recursive: true });
  scaffoldReport('bretagne', '2024', roots);
  // Obviously fake figures.
  writeFileSync(edition('data', 'ptp_files.csv'), 'territory,year,files,files_funded,files_with_cep,funded_rate_published,cep_rate_published\n53,2024,1111,,,,\nFRM,2024,2222,,,,\n');
  writeFileSync(
    edition('data', 'key_figures.csv'),
    'id,territory,year,operator,population,label,value,unit,qualifier,source\nfaux-un,53,2024,,,Chiffre de test,1,personnes,,Test\nfaux-deux,53,2024,,,Chiffre de test,2,personnes,,Test\n',
  );
  const { catalog: loaded, issues } = inspectData(roots.data, roots.content);
  expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
  catalog = loaded!;
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const errorsOf = (...lines: string[]) => chapterErrors(catalog, roots.content, edition('content', ''), lines);

const csv = (name: string) => displayPath(edition('data', `${name}.csv`));

describe('chapter errors list the valid choices', () => {
  it('an unknown dataset lists the edition’s datasets', () => {
    expect(errorsOf('<DataTable dataset="ptp_file" />')).toEqual([
      '6:1: Jeu de données « ptp_file » inconnu dans le rapport bretagne/2024 ; attendu un des jeux de données de l\'édition bretagne/2024/v1 : reference_population, cep_entries, categories, cep_entries_profile, ptp_files, resignation_files, key_figures',
    ]);
  });

  it('an unknown field lists the dataset’s fields', () => {
    expect(errorsOf('Texte <Data dataset="ptp_files" field="file" territory="53" />.')).toEqual([
      '6:7: <Data dataset="ptp_files">: champ « file » inconnu ; attendu un des champs du jeu de données « ptp_files » : territory, year, files, files_funded, files_with_cep, funded_rate_published, cep_rate_published',
    ]);
  });

  it('a selector that finds no row lists, for each key, the values present and the CSV', () => {
    expect(errorsOf('<Data dataset="ptp_files" field="files" territory="28" year={2024} />')).toEqual([
      `6:1: <Data dataset="ptp_files" territory="28" year="2024">: aucune ligne trouvée dans bretagne/2024, une seule attendue ; valeurs présentes dans ${csv('ptp_files')} : territory (« 28 » absent) : 53, FRM ; year : 2024`,
    ]);
  });

  it('a selector that finds several rows says which fields tell them apart', () => {
    expect(errorsOf('<Data dataset="ptp_files" field="files" year={2024} />')).toEqual([
      '6:1: <Data dataset="ptp_files" year="2024">: 2 lignes trouvées dans bretagne/2024, une seule attendue ; ajoutez un attribut qui les distingue : territory (53, FRM), ou files (1111, 2222)',
    ]);
  });

  it('an unknown selector key lists the dataset’s fields', () => {
    expect(errorsOf('<Data dataset="ptp_files" field="files" region="53" />')).toEqual([
      '6:1: <Data dataset="ptp_files">: attribut « region » inconnu ; attendu un des champs du jeu de données « ptp_files » : territory, year, files, files_funded, files_with_cep, funded_rate_published, cep_rate_published',
    ]);
  });

  it('a key figure: an unknown id lists the ids, a dataset of another kind the key-figures datasets', () => {
    expect(errorsOf('<KeyFigure dataset="key_figures" id="faux-trois" />', '', '<KeyFigure dataset="ptp_files" id="faux-un" />')).toEqual([
      `6:1: <KeyFigure dataset="key_figures" id="faux-trois">: aucune ligne trouvée dans bretagne/2024, une seule attendue ; valeurs présentes dans ${csv('key_figures')} : id (« faux-trois » absent) : faux-un, faux-deux`,
      '8:1: <KeyFigure dataset="ptp_files">: le jeu de données n\'est pas de type key-figures ; attendu un des jeux de données de type key-figures de l\'édition bretagne/2024/v1 : key_figures',
    ]);
  });

  it('an unknown <Discrepancy rule> says which rules record a known discrepancy (here: none)', () => {
    expect(errorsOf('<Discrepancy rule="ecart-inconnu" />')).toEqual([
      '6:1: <Discrepancy rule="ecart-inconnu">: aucun écart connu de ce nom dans bretagne/2024 ; l\'édition bretagne/2024/v1 n\'a aucun écart connu (une règle de cep.rules avec "knownDiscrepancy", dans datapackage.json)',
    ]);
  });
});

describe('selectRow and the cap on listed values', () => {
  const rows: Row[] = Array.from({ length: 15 }, (_, i) => ({ code: `c${i + 1}`, value: i }));
  const resource: Resource = {
    descriptor: { name: 'essai', title: 'Essai', path: 'essai.csv', schema: { fields: [{ name: 'code', type: 'string' }, { name: 'value', type: 'integer' }] } },
    table: { file: path.resolve('essai.csv'), rows, lines: rows.map((_, i) => i + 2), columnOf: () => 1 },
  };

  it('shows the first 12 values, then « … » and how many there are', () => {
    expect(() => selectRow('Data', 'test/2000', resource, { code: 'c99' })).toThrow(
      '<Data dataset="essai" code="c99">: aucune ligne trouvée dans test/2000, une seule attendue ; valeurs présentes dans essai.csv : code (« c99 » absent) : c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, … (15 en tout)',
    );
    expect(selectRow('Data', 'test/2000', resource, { code: 'c3' })).toEqual({ code: 'c3', value: 2 });
    expect(choices([])).toBe('(aucun)');
  });
});
