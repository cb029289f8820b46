/** A chart's PNG download: /<region>/<year>/v<N>/graphiques/<id>.png (src/charts/chart-files.ts). */
import { chartFileRoute, chartRoutes } from '../../../../../charts/chart-routes.ts';

export const getStaticPaths = chartRoutes;
export const GET = chartFileRoute('png');
