/**
 * npm run new-report -- <region-slug> <year>: creates the first edition (v1) of a report, its
 * data (one empty dataset per standard kind) and its chapters (the usual plan), to be filled.
 * Refuses (exit 2) when the report exists, the region is unknown or the year is not AAAA.
 */
import { displayPath } from '../src/data/paths.ts';
import { parseReportArgs, runCommand } from '../src/editor/editions.ts';
import { scaffoldReport } from '../src/editor/scaffold.ts';

const USAGE = 'Usage : npm run new-report -- <région> <année>, par exemple npm run new-report -- bretagne 2024';

runCommand(() => {
  const { slug, year } = parseReportArgs(process.argv.slice(2), USAGE);
  const { files, region } = scaffoldReport(slug, year);
  return [
    `Rapport ${slug}/${year} (${region.label}, code ${region.code}) créé : édition v1, en préparation.`,
    ...files.map((f) => `  ${displayPath(f)}`),
    '',
    'Ensuite :',
    '  1. remplacez chaque « À COMPLÉTER » (report.json, datapackage.json, chapitres) ;',
    "  2. remplissez les CSV avec les tableaux du rapport (npm run kind-schema -- <type> décrit leurs colonnes) ; un jeu de données que le rapport n'a pas : retirez sa ressource de datapackage.json, son fichier CSV et les composants qui le citent ;",
    `     un tableau propre au rapport : npm run add-dataset -- ${slug} ${year} <nom> <fichier.csv> (CONTRIBUTING.md, étape 5) ;`,
    '  3. npm run validate liste ce qui reste à compléter ;',
    `  4. npm run release -- ${slug} ${year} publie l'édition v1 quand tout est rempli.`,
  ];
});
