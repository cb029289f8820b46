/**
 * npm run new-version -- <region-slug> <year>: starts edition v(N+1) of a report as a copy of its
 * released edition vN, to correct or complete it. Refuses (exit 2) while vN is not released.
 */
import { newVersion, parseReportArgs, runCommand } from '../src/editor/editions.ts';

const USAGE = 'Usage : npm run new-version -- <région> <année>, par exemple npm run new-version -- bretagne 2024';

runCommand(() => {
  const { slug, year } = parseReportArgs(process.argv.slice(2), USAGE);
  return newVersion(slug, year);
});
