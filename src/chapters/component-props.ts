/**
 * The props of the chapters' components that name something of the data (a chart, dataset,
 * field, row, indicator, territory, rule, category), checked against the catalog before the
 * build, in the words the component itself would use when the site is built. Each check throws
 * an Error whose message the caller locates at the component in the chapter.
 */
import { charts, getChart } from '../charts/index.ts';
import { datasetCharts } from '../charts/dataset-charts.ts';
import { selectRow } from '../components/select-row.ts';
import { categoryLabel } from '../data/categories.ts';
import { findResource, type Catalog, type Report, type Resource } from '../data/catalog.ts';
import { datasetChoices, discrepancyChoices, fieldChoices, keyFiguresChoices, selectorChoices } from '../data/choices.ts';
import { quote } from '../data/issues.ts';
import { getIndicator } from '../indicators/catalogue.ts';
import { variationRefusal } from '../indicators/breaks.ts';
import { checkSelectors, withDefaults } from '../indicators/select.ts';
import type { Literal } from './literals.ts';

type Props = Record<string, Literal>;

/** The scalar props but these: the ones that select a row or fix a dimension. */
const selectorsOf = (props: Props, own: string[]) =>
  Object.fromEntries(Object.entries(props).filter(([k, v]) => !own.includes(k) && (typeof v === 'string' || typeof v === 'number'))) as Record<string, string | number>;

function required(component: string, props: Props, name: string, what: string): string {
  const value = props[name];
  if (typeof value !== 'string' || value === '') throw new Error(`<${component}> : attribut ${name}="…" attendu (${what})`);
  return value;
}

function checkField(component: string, resource: Resource, field: Literal | undefined): void {
  if (typeof field === 'string' && !resource.descriptor.schema.fields.some((f) => f.name === field))
    throw new Error(`<${component} dataset="${resource.descriptor.name}">: champ ${quote(field)} inconnu ; attendu un des ${fieldChoices(resource)}`);
}

function checkIndicatorChart(catalog: Catalog, props: Props): void {
  if (typeof props.chart === 'string' && !charts[props.chart])
    throw new Error(`<Chart chart="${props.chart}"> : graphique inconnu ; attendu chart="${Object.keys(charts).join('", "')}", ou chart="${Object.keys(datasetCharts).join('" ou "')}" avec dataset="…" (docs/COMPONENTS.md)`);
  const preset = typeof props.chart === 'string' ? getChart(props.chart) : undefined;
  const indicator = getIndicator(preset?.indicator ?? required('Chart', props, 'indicator', `un indicateur de data/indicators, ou chart="${Object.keys(charts).join('", "')}", ou dataset="…" avec chart="${Object.keys(datasetCharts).join('" ou "')}" ; voir docs/COMPONENTS.md`));
  const what = `<Chart ${preset ? `chart="${preset.id}"` : `indicator="${indicator.id}"`}>`;
  checkSelectors(indicator, selectorsOf(props, ['chart', 'indicator', 'by', 'territories', 'lecture', 'title']), what);
  if (typeof props.by === 'string' && !indicator.dimensions.includes(props.by))
    throw new Error(`${what} : by=« ${props.by} » n'est pas une dimension de l'indicateur ; attendu ${indicator.dimensions.join(', ')}`);
  for (const code of Array.isArray(props.territories) ? props.territories : [])
    if (!catalog.territories.has(String(code)))
      throw new Error(`${what} : territoire « ${code} » inconnu ; attendu un code de data/reference/territories.csv (${[...catalog.territories.keys()].join(', ')})`);
}

function checkDatasetChart(props: Props, resource: Resource): void {
  const chart = typeof props.chart === 'string' ? props.chart : '';
  if (!datasetCharts[chart]) throw new Error(`<Chart chart="${chart}">: graphique inconnu ; attendu entries-by-operator, ${Object.keys(datasetCharts).join(', ')}`);
  checkField('Chart', resource, props.field);
  const where = props.where && typeof props.where === 'object' && !Array.isArray(props.where) ? props.where : {};
  const fields = resource.descriptor.schema.fields;
  const unknown = Object.keys(where).find((k) => !fields.some((f) => f.name === k));
  if (unknown) throw new Error(`<Chart dataset="${resource.descriptor.name}">: clé ${quote(unknown)} de where inconnue ; attendu un des ${fieldChoices(resource)}`);
  if (!resource.table.rows.some((r) => Object.entries(where).every(([k, v]) => String(r[k]) === String(v))))
    throw new Error(`<Chart dataset="${resource.descriptor.name}">: aucune ligne ne correspond à ${JSON.stringify(where)} ; ${selectorChoices(resource, where)}`);
}

function checkRowComponent(component: 'Data' | 'KeyFigure', report: Report, props: Props, resource: Resource): void {
  const where = selectorsOf(props, ['dataset', 'field', 'format', 'unit', 'qualifier']);
  if (component === 'KeyFigure' && resource.descriptor.cep?.kind !== 'key-figures')
    throw new Error(`<KeyFigure dataset="${props.dataset}">: le jeu de données n'est pas de type key-figures ; attendu un des ${keyFiguresChoices(report)}`);
  selectRow(component, report.id, resource, component === 'KeyFigure' ? { id: where.id } : where);
  if (component === 'Data') checkField('Data', resource, props.field);
}

/** Throws the component's own message when a prop names something the edition does not have. */
export function checkComponentProps(catalog: Catalog, report: Report, component: string, props: Props): void {
  const dataset = () => findResource(report, required(component, props, 'dataset', datasetChoices(report)));
  switch (component) {
    case 'Value': {
      const indicator = getIndicator(required('Value', props, 'indicator', 'un indicateur de data/indicators'));
      const what = `<Value indicator="${indicator.id}">`;
      const selection = selectorsOf(props, ['indicator']);
      checkSelectors(indicator, selection, what);
      // A variation across a series break is refused here, where the editor can see why.
      const refused = variationRefusal(indicator, withDefaults(indicator, selection, report));
      if (refused) throw new Error(`${what} : valeur non calculée. ${refused}`);
      return;
    }
    case 'Chart':
      return typeof props.dataset === 'string' ? checkDatasetChart(props, dataset()) : checkIndicatorChart(catalog, props);
    case 'DataTable':
      dataset();
      return;
    case 'Data':
    case 'KeyFigure':
      return checkRowComponent(component, report, props, dataset());
    case 'Discrepancy': {
      const rule = required('Discrepancy', props, 'rule', discrepancyChoices(report));
      if (!report.discrepancies.some((d) => d.rule === rule)) throw new Error(`<Discrepancy rule="${rule}">: aucun écart connu de ce nom dans ${report.id} ; ${discrepancyChoices(report)}`);
      return;
    }
    case 'Category':
      categoryLabel(catalog, report, required('Category', props, 'dimension', 'une dimension de data/reference/dimensions.csv'), String(props.code ?? ''));
      return;
    default:
  }
}
