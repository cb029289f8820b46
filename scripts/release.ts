/**
 * npm run release -- <region-slug> <year> [--date AAAA-MM-JJ]: publishes the report's last
 * edition: refuses (exit 2) if it is already released, if the data does not validate or if
 * anything remains to fill; otherwise writes its date (today by default) into report.json and
 * seals its files into editions.lock.json.
 */
import { parseReportArgs, releaseEdition, runCommand } from '../src/editor/editions.ts';

const USAGE = 'Usage : npm run release -- <région> <année> [--date AAAA-MM-JJ], par exemple npm run release -- bretagne 2024';

runCommand(() => {
  const { slug, year, options } = parseReportArgs(process.argv.slice(2), USAGE, ['date']);
  return releaseEdition(slug, year, { date: options.date });
});
