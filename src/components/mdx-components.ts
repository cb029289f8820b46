import Category from './Category.astro';
import Chart from './Chart.astro';
import Data from './Data.astro';
import DataTable from './DataTable.astro';
import Discrepancy from './Discrepancy.astro';
import KeyFigure from './KeyFigure.astro';
import KeyFigures from './KeyFigures.astro';
import Stat from './Stat.astro';
import Value from './Value.astro';

/** The components chapters may use without importing them (docs/COMPONENTS.md). */
export const mdxComponents = { Category, Chart, Data, DataTable, Discrepancy, KeyFigure, KeyFigures, Stat, Value };
