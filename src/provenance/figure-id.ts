/**
 * Stable names for the figures of an edition, computed from what a figure is (never from where it
 * stands on a page): a dataset cell is its dataset, its row's primary key and its field; an
 * indicator's result is the indicator and the row's dimensions. The same figure keeps its name in
 * every edition, so that `…/v1/provenance/…#id` and `…/v2/provenance/…#id` are the same figure.
 * The dataset or indicator names the provenance page (urls.ts), the id the figure in it: short,
 * since every figure of a chapter page carries its link.
 */
import type { Row } from '../data/table.ts';
import type { Resource } from '../data/catalog.ts';
import type { IndicatorDefinition } from '../indicators/model.ts';

/** Lower case ASCII, words joined by « - »: a value as it can stand in a URL fragment. */
export function slugPart(value: unknown): string {
  const text = String(value ?? 'nd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return text || 'nd';
}

/** A dataset's name in URLs (« ptp_files » → « ptp-files »). */
export const datasetSlug = (dataset: string) => slugPart(dataset);

/** The fields of the row's primary key, in the schema's order (every dataset declares one; all fields otherwise). */
function keyFields(resource: Resource): string[] {
  const key = resource.descriptor.schema.primaryKey;
  return key ? (Array.isArray(key) ? key : [key]) : resource.descriptor.schema.fields.map((f) => f.name);
}

/** The row's primary key values, in the schema's order. */
export function rowKey(resource: Resource, row: Row): unknown[] {
  return keyFields(resource).map((f) => row[f]);
}

/** The row's primary key by field, as revision notices name a row (`{ territory: "28", year: 2023 }`). */
export function rowKeyFields(resource: Resource, row: Row): Row {
  return Object.fromEntries(keyFields(resource).map((f) => [f, row[f] ?? null]));
}

/** A dataset row, on its dataset's page: « 28-2023 » (slugs never hold « -- »: row and cell ids cannot meet). */
export function rowId(resource: Resource, row: Row): string {
  return rowKey(resource, row).map(slugPart).join('-') || 'ligne';
}

/** One cell of a dataset, on its dataset's page: « 28-2023--files ». */
export function cellId(resource: Resource, row: Row, field: string): string {
  return `${rowId(resource, row)}--${slugPart(field)}`;
}

/** One result row of an indicator, on its indicator's page, by its dimensions in the indicator's order: « 28-2023 ». */
export function indicatorFigureId(indicator: Pick<IndicatorDefinition, 'dimensions'>, row: Record<string, unknown>): string {
  return indicator.dimensions.map((d) => slugPart(row[d])).join('-') || 'resultat';
}
