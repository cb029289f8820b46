/** A chart's SVG download: /<region>/<year>/v<N>/graphiques/<id>.svg (src/charts/chart-files.ts). */
import { chartFileRoute, chartRoutes } from '../../../../../charts/chart-routes.ts';

export const getStaticPaths = chartRoutes;
export const GET = chartFileRoute('svg');
