import { describe, expect, it } from 'vitest';
import { findReport, loadCatalog } from '../../src/data/catalog.ts';
import type { Cell } from '../../src/data/table.ts';
import { runIndicator } from '../../src/engine/node.ts';
import { formatPercent } from '../../src/format/number.ts';

// Figures read in the seed reports (shared/seeds), line numbers of the text files in comments:
// the transcription must keep them exactly.
const catalog = loadCatalog();

function cell(reportId: string, resource: string, where: Record<string, string | number>, field: string): Cell {
  const table = findReport(catalog, reportId).resources.get(resource)?.table;
  if (!table) throw new Error(`${reportId}: no resource ${resource}`);
  const rows = table.rows.filter((r) => Object.entries(where).every(([k, v]) => String(r[k]) === String(v)));
  if (rows.length !== 1) throw new Error(`${reportId}/${resource} ${JSON.stringify(where)}: ${rows.length} rows`);
  return rows[0]![field] ?? null;
}

describe('Normandie 2023, figures of the seed', () => {
  const N = 'normandie/2023';

  it('recourse: 147 693 entries / 1 495 850 employed actives = 9,9 % (lines 1303–1315)', async () => {
    expect(cell(N, 'reference_population', { population: 'employed-actives' }, 'value')).toBe(1495850);
    expect(cell(N, 'reference_population', { population: 'actives-15-64' }, 'value')).toBe(2014939);
    const [{ value: entries }] = (await runIndicator(findReport(catalog, N), 'cep-entries-total', { territory: '28', year: 2023 })) as [{ value: number }];
    expect(entries).toBe(147693);
    expect(formatPercent((100 * entries) / 1495850)).toBe('9,9\u00a0%');
    expect(cell(N, 'recourse_rates', { territory: '28' }, 'recourse_rate_published')).toBe(9.9);
    expect(cell(N, 'recourse_rates', { territory: '93' }, 'recourse_rate_published')).toBe(12.4);
  });

  it('démission-reconversion 2020–2023: accepted, refused, total and rate (lines 2471–2477)', () => {
    const years = [2020, 2021, 2022, 2023];
    const column = (field: string) => years.map((year) => cell(N, 'resignation_files', { territory: '28', year }, field));
    expect(column('files_accepted')).toEqual([454, 753, 977, 1119]);
    expect(column('files_refused')).toEqual([20, 17, 12, 28]);
    expect(column('files_total')).toEqual([474, 770, 989, 1147]);
    expect(column('acceptance_rate_published')).toEqual([95, 98, 99, 98]);
  });

  it('PTP 2023: 1 265 files, 964 funded (lines 2123–2125); 565 with a CEP (line 2938)', () => {
    expect(cell(N, 'ptp_files', { territory: '28', year: 2023 }, 'files')).toBe(1265);
    expect(cell(N, 'ptp_files', { territory: '28', year: 2023 }, 'files_funded')).toBe(964);
    expect(cell(N, 'ptp_files_interregional', { territory: '28', year: 2023 }, 'files_with_cep')).toBe(565);
  });

  it('profiles, objectives and operators’ own figures', () => {
    expect(cell(N, 'cep_entries_by_sex', { operator: 'operateur-regional', category: 'F' }, 'share')).toBe(62); // line 1421
    expect(cell(N, 'cep_objectives', { operator: 'cap-emploi', category: 'trouver-emploi' }, 'share')).toBe(94); // lines 1570–1572
    expect(cell(N, 'cep_objectives', { operator: 'operateur-regional', category: 'changer-metier' }, 'share')).toBe(54);
    expect(cell(N, 'ptp_target_occupations', { rank: 1 }, 'occupation')).toBe("Soins d'hygiène, de confort du patient"); // line 2416
    expect(cell(N, 'operator_key_figures', { value: 17177 }, 'operator')).toBe('missions-locales'); // line 1888
  });
});

describe('Occitanie 2020, figures of the seed', () => {
  const O = 'occitanie/2020';

  it('entries by operator: 210 476 = 5 900 + 34 511 + 151 345 + 8 508 + 10 212 (section VI)', async () => {
    const counts = ['apec', 'missions-locales', 'france-travail', 'cap-emploi', 'operateur-regional'].map((operator) => cell(O, 'cep_entries', { operator }, 'entries'));
    expect(counts).toEqual([5900, 34511, 151345, 8508, 10212]);
    expect(cell(O, 'cep_entries', { operator: 'ensemble' }, 'entries')).toBe(210476);
    const [{ value }] = (await runIndicator(findReport(catalog, O), 'cep-entries-total', { territory: '76', year: 2020 })) as [{ value: number }];
    expect(value).toBe(210476);
  });

  it('annex 4 (2019): 204 982 beneficiaries = 10 % of 2 030 162 salaried jobs (lines 2065–2067)', () => {
    const total = findReport(catalog, O)
      .resources.get('annex4_beneficiaries_by_sector')!
      .table.rows.filter((r) => r.operator === 'ensemble')
      .reduce((s, r) => s + Number(r.count), 0);
    expect(total).toBe(204982);
    expect(cell(O, 'annex4_salaried_employment_total', { population: 'salaried-employment' }, 'value')).toBe(2030162);
    expect(Math.round((100 * total) / 2030162)).toBe(10);
    expect(cell(O, 'annex4_beneficiaries_by_sector', { operator: 'france-travail', category: 'N' }, 'count')).toBe(28110);
  });

  it('annex 5: CIBC 64 % women, mean age 21 at the Missions locales, 91 % « CDD » as printed (lines 2085–2130)', () => {
    expect(cell(O, 'annex5_profile', { operator: 'operateur-regional', dimension: 'sex', category: 'F' }, 'share')).toBe(64);
    expect(cell(O, 'annex5_profile', { operator: 'apec', dimension: 'age', category: '16-25' }, 'share')).toBe(10);
    expect(cell(O, 'annex5_mean_age', { operator: 'missions-locales' }, 'mean_age')).toBe(21);
    expect(cell(O, 'annex5_profile', { operator: 'operateur-regional', category: 'cdd' }, 'share')).toBe(91);
    expect(findReport(catalog, O).discrepancies.map((d) => d.rule)).toContain('profil-cibc-cdi-texte-annexe5');
  });
});
