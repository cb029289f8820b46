/**
 * What a new region or year may need added to the reference lists (data/reference/), told as
 * warnings: the data stays valid, but the site would print a generic name where the report
 * names someone.
 */
import path from 'node:path';
import type { Resource } from './catalog.ts';
import { quote, type DataIssue } from './issues.ts';
import { readJsonFile } from './json-file.ts';
import { regionalOperatorHolder } from './labels.ts';

/**
 * The regional operator (`operateur-regional`) is named after its holder in the region and year
 * (regional_operators.csv); without a row, readers see « Opérateur régional ». Located at the
 * `region` of the edition's report.json, which is what the editor has open.
 */
export function checkRegionalOperator(
  editionDir: string,
  region: { code: string; label: string },
  year: number,
  reference: Map<string, Resource>,
  issues: DataIssue[],
): void {
  const list = reference.get('regional_operators');
  // An unreadable list has its own errors.
  if (!list || regionalOperatorHolder(list.table.rows, region.code, year)) return;
  const json = readJsonFile(path.join(editionDir, 'report.json'), []);
  if (!json) return;
  issues.push({
    file: json.file,
    ...json.locate(['region']),
    severity: 'warning',
    message:
      `aucun titulaire de l'opérateur régional du CEP pour ${region.label} (${region.code}) au 31 décembre ${year} dans ${list.table.file} : ` +
      `le site affichera ${quote('Opérateur régional')} au lieu de son nom. Ajoutez à ce fichier une ligne ` +
      `${region.code},<titulaire>,<en vigueur du AAAA-MM-JJ>,<au AAAA-MM-JJ, ou vide si le marché court encore>,<où le rapport le nomme>,<autres noms imprimés, séparés par |, ou vide> ` +
      `(CONTRIBUTING.md, « Les listes de référence »)`,
  });
}
