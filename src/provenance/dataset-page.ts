/**
 * What the provenance page of a dataset shows for one edition: where the dataset comes from
 * (source publication, place in it, Champ, Source, files) and, row by row, each figure with its
 * stable anchor and its value in every edition.
 */
import type { Catalog, Report, Resource } from '../data/catalog.ts';
import { MISSING } from '../format/number.ts';
import { folderFile } from '../data/published-files.ts';
import { dataUrl } from '../components/report-context.ts';
import { inventoryItems } from '../data/inventory.ts';
import { cellId, rowId, rowKeyFields } from './figure-id.ts';
import { cellHistory } from './history.ts';
import { exploreRowUrl } from './explore-row.ts';
import { figureText, figureTextFields } from '../tables/model.ts';
import { noticesAbout } from '../editions/revisions-view.ts';
import type { Row } from '../data/table.ts';
import { figureFields, rowCaption, showHistory, type KeyPart, type ShownHistory } from './describe.ts';
import { datasetProvenanceUrl } from './urls.ts';

export interface FigureProvenance {
  id: string;
  /** What the figure counts: the field's title. */
  title: string;
  text: string;
  /** The raw value, as the figure's own element carries it on chapter pages (`value`, `data-value`). */
  value: string;
  history: ShownHistory[];
}

export interface RowProvenance {
  id: string;
  caption: KeyPart[];
  /** The explorer filtered on this row (latest edition only: the explorer holds no other). */
  explore?: string;
  figures: FigureProvenance[];
}

export interface SourceDescription {
  /** The report the figures were transcribed from, and its edition as its publisher names it. */
  publication: string;
  /** Where in it: the inventory item the dataset transcribes, as docs/inventory.json describes it. */
  place?: string;
  sources: string[];
  champ: string;
}

export interface DatasetProvenance extends SourceDescription {
  name: string;
  title: string;
  csv: string;
  rows: RowProvenance[];
}

/** The source publication and the place in it, for a dataset of an edition. */
export function sourceOf(report: Report, resource: Resource): SourceDescription {
  const { title, author, publication } = report.meta;
  const item = resource.descriptor.cep?.item;
  const place = item ? inventoryItems().find((i) => i.id === item)?.title : undefined;
  return {
    publication: `${author}, ${title} (${publication})`,
    place: place ? `${place} — « ${resource.descriptor.title} »` : `« ${resource.descriptor.title} »`,
    sources: (resource.descriptor.sources ?? []).map((s) => s.title),
    champ: resource.descriptor.cep?.champ ?? '',
  };
}

/** One figure of a row: its text, and its history with the notices about it (its cell, or a cell its text reads). */
function figureProvenance(catalog: Catalog, report: Report, resource: Resource, row: Row, field: string): FigureProvenance {
  const name = resource.descriptor.name;
  const id = cellId(resource, row, field);
  const key = rowKeyFields(resource, row);
  const figures = figureTextFields(resource, field).map((f) => ({ dataset: name, row: key, field: f }));
  return {
    id,
    title: resource.descriptor.schema.fields.find((f) => f.name === field)?.title ?? field,
    text: figureText(resource, row, field),
    value: String(row[field] ?? ''),
    history: showHistory(cellHistory(catalog, report, resource, row, field), {
      text: (h, set) => (h.row ? figureText(h.edition.resources.get(name)!, set ? { ...h.row, [set.field]: set.value } : h.row, field) : MISSING),
      urlIn: (e) => datasetProvenanceUrl(e, name, id),
      noticesIn: (e) => noticesAbout(catalog, e, figures),
    }),
  };
}

export function datasetProvenance(catalog: Catalog, report: Report, resource: Resource): DatasetProvenance {
  const name = resource.descriptor.name;
  const rows = resource.table.rows.map((row) => ({
    id: rowId(resource, row),
    caption: rowCaption(catalog, report, resource, row),
    explore: exploreRowUrl(catalog, report, resource, row),
    figures: figureFields(resource).map((field) => figureProvenance(catalog, report, resource, row, field)),
  }));
  return { name, title: resource.descriptor.title ?? name, csv: dataUrl(report, folderFile(name, 'labelled')), rows, ...sourceOf(report, resource) };
}
