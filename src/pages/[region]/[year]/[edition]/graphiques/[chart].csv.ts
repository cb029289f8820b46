/** A chart's CSV download: /<region>/<year>/v<N>/graphiques/<id>.csv (src/charts/chart-files.ts). */
import { chartFileRoute, chartRoutes } from '../../../../../charts/chart-routes.ts';

export const getStaticPaths = chartRoutes;
export const GET = chartFileRoute('csv');
