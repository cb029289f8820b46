/** The provenance link of a figure rendered by a component, at its edition's permanent address. */
import type { Report, Resource } from '../data/catalog.ts';
import type { Row } from '../data/table.ts';
import type { IndicatorDefinition } from '../indicators/model.ts';
import { figureFields } from './describe.ts';
import { cellId, indicatorFigureId, rowId } from './figure-id.ts';
import { datasetProvenanceUrl, indicatorProvenanceUrl } from './urls.ts';

/** A dataset cell: its own anchor for a figure, its row's for a text cell (which has no history of its own). */
export function cellProvenance(report: Report, resource: Resource, row: Row, field: string): string {
  const anchor = figureFields(resource).includes(field) ? cellId(resource, row, field) : rowId(resource, row);
  return datasetProvenanceUrl(report, resource.descriptor.name, anchor);
}

export function indicatorProvenance(report: Report, indicator: IndicatorDefinition, row: Record<string, unknown>): string {
  return indicatorProvenanceUrl(report, indicator.id, indicatorFigureId(indicator, row));
}
