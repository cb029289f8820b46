/**
 * npm run release -- <region-slug> <year> [--date AAAA-MM-JJ]: publishes the report's last
 * edition: refuses (exit 2) if it is already released, if the data or the indicators do not
 * validate or if anything remains to fill; otherwise writes its date (today by default) into
 * report.json, seals its files into editions.lock.json and its computed indicator values into
 * indicators.lock.json.
 */
import { loadCatalog } from '../src/data/catalog.ts';
import { errorsOf, EditorError, parseReportArgs, releaseEdition, runCommand, validateAll } from '../src/editor/editions.ts';
import { formatIssue } from '../src/data/issues.ts';
import { checkIndicators, snapshotReleased } from '../src/indicators/check.ts';

const USAGE = 'Usage : npm run release -- <région> <année> [--date AAAA-MM-JJ], par exemple npm run release -- bretagne 2024';

let args: ReturnType<typeof parseReportArgs> | undefined;
runCommand(() => {
  args = parseReportArgs(process.argv.slice(2), USAGE, ['date']);
  return [];
});
if (args) {
  const { slug, year, options } = args;
  const { catalog } = validateAll();
  const indicatorErrors = catalog ? errorsOf(await checkIndicators(catalog)) : [];
  let released = false;
  runCommand(() => {
    if (indicatorErrors.length > 0)
      throw new EditorError(`l'édition de ${slug}/${year} ne peut pas être publiée : les indicateurs ne sont pas valides (${indicatorErrors.length} erreur(s))`, [
        ...indicatorErrors.map(formatIssue),
        `Corrigez puis relancez npm run release -- ${slug} ${year} (npm run validate donne la même liste).`,
      ]);
    const lines = releaseEdition(slug, year, { date: options.date });
    released = true;
    return lines;
  });
  if (released) {
    const written = await snapshotReleased(loadCatalog(), undefined);
    for (const edition of written) console.log(`Valeurs calculées des indicateurs de ${edition} figées dans indicators.lock.json (à enregistrer avec l'édition).`);
  }
}
