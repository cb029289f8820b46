import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inspectData } from '../../src/data/catalog.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { copyOfData, shown } from '../helpers/data-copy.ts';
import { FIXTURE } from '../helpers/fixtures.ts';

// The fixture report's latest edition (v2) is the one whose reader notes are checked.
const LATEST = `reports/${FIXTURE.id}/v2/datapackage.json`;
const OLDER = `reports/${FIXTURE.id}/v1/datapackage.json`;

/** `file:line:column` of the n-th occurrence of `text` in a file, as validate prints it. */
function at(file: string, text: string, occurrence = 0): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  let seen = 0;
  for (const [i, line] of lines.entries())
    for (let column = line.indexOf(text); column !== -1; column = line.indexOf(text, column + 1))
      if (seen++ === occurrence) return `${shown(file)}:${i + 1}:${column + 1}`;
  throw new Error(`${text} absent de ${file}`);
}

function noteWarnings(change: (pkg: any) => void, file = LATEST) {
  const data = copyOfData();
  const written = data.editJson(file, change);
  const { issues } = inspectData(data.dir, data.content);
  const warnings = issues.filter((i) => i.severity === 'warning' && i.message.startsWith('note pour les lecteurs')).map(formatIssue);
  return { warnings, written, errors: issues.filter((i) => i.severity === 'error').map(formatIssue) };
}

const entries = (pkg: any) => pkg.resources.find((r: { name: string }) => r.name === 'cep_entries').cep;

describe('reader notes', () => {
  it('warn, at the identifier, about a dataset, a quoted column or a rule named in a reader note', () => {
    const { warnings, written, errors } = noteWarnings((pkg) => {
      pkg.resources.find((r: { name: string }) => r.name === 'reception_points').cep.notes = ['La phrase publiée est conservée.'];
      entries(pkg).notes = ['Voir aussi ptp_files.', 'La colonne « operator » vaut « ensemble ».'];
      pkg.cep.rules[0].id = 'regle-des-totaux';
      entries(pkg).notes.push('Écart signalé par la règle regle-des-totaux.');
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`^${at(written, 'ptp_files.')}: avertissement : note pour les lecteurs de « cep_entries » : « ptp_files » est le nom d'un jeu de données ; son titre est « .+ »\\. .*"technicalNotes"`)),
      expect.stringMatching(new RegExp(`^${at(written, 'operator »')}: avertissement : note pour les lecteurs de « cep_entries » : « operator » est le nom d'une colonne de « .+ », intitulée « .+ »`)),
      expect.stringMatching(new RegExp(`^${at(written, 'regle-des-totaux.')}: avertissement : note pour les lecteurs de « cep_entries » : « regle-des-totaux » est l'identifiant d'une règle de cohérence`)),
    ]);
  });

  it('accept identifiers in technical notes, and plain French words that happen to be column names', () => {
    const { warnings } = noteWarnings((pkg) => {
      pkg.resources.find((r: { name: string }) => r.name === 'reception_points').cep.notes = [];
      entries(pkg).notes = ['Les entrées par opérateur sont celles du tableau « Entrées en CEP ».', 'Le territory et le year ne sont pas entre guillemets.'];
      entries(pkg).technicalNotes = ['La colonne « operator » vaut « ensemble » pour le total ; voir ptp_files.'];
    });
    expect(warnings).toEqual([]);
  });

  it('leave the superseded editions alone: their notes are frozen', () => {
    const { warnings } = noteWarnings((pkg) => {
      entries(pkg).notes = ['Voir aussi ptp_files.'];
    }, OLDER);
    expect(warnings.filter((w) => w.includes('/v1/'))).toEqual([]);
  });
});
