/** How provenance pages show a figure, its row and its history to readers (French formats). */
import type { Catalog, Report, Resource } from '../data/catalog.ts';
import { labellerFor } from '../data/labels.ts';
import type { Row } from '../data/table.ts';
import { MISSING } from '../format/number.ts';
import type { HistoryEntry } from './history.ts';
import { editionChangesUrl } from './urls.ts';

export interface KeyPart {
  label: string;
  value: string;
}

export interface ShownHistory {
  edition: string;
  date?: string;
  text: string;
  present: boolean;
  current: boolean;
  /** Differs from its value in the edition before (not said of the first, nor of an absent figure). */
  changed: boolean;
  /** The figure on that edition's provenance page. */
  url: string;
  /** What changed in that edition, on the editions page. */
  changesUrl: string;
}

const isYear = (field: string) => field === 'year' || field.endsWith('_year');

/** The figures of a dataset: its numeric fields that are not part of what designates a row. */
export function figureFields(resource: Resource): string[] {
  const key = resource.descriptor.schema.primaryKey ?? [];
  return resource.descriptor.schema.fields
    .filter((f) => (f.type === 'integer' || f.type === 'number') && !key.includes(f.name) && !isYear(f.name))
    .map((f) => f.name);
}

/** The fields that designate a row, with their titles and the labels of their codes. */
export function rowCaption(catalog: Catalog, report: Report, resource: Resource, row: Row): KeyPart[] {
  const label = labellerFor(catalog, report, resource);
  const fields = resource.descriptor.schema.fields;
  return (resource.descriptor.schema.primaryKey ?? []).map((name) => {
    const value = row[name];
    const shown = isYear(name) || typeof value === 'number' ? String(value) : label(name, value, row) || String(value ?? MISSING);
    return { label: fields.find((f) => f.name === name)?.title ?? name, value: shown };
  });
}

/** The history as readers see it; `format` shows an entry's value as that edition printed it. */
export function showHistory(entries: HistoryEntry[], format: (entry: HistoryEntry) => string, urlIn: (edition: Report) => string): ShownHistory[] {
  return entries.map((entry, i) => ({
    edition: `v${entry.edition.edition.number}`,
    changed: i > 0 && entry.present && entries[i - 1]!.present && format(entries[i - 1]!) !== format(entry),
    date: entry.edition.edition.date,
    text: entry.present ? format(entry) : 'absent de cette édition',
    present: entry.present,
    current: entry.current,
    url: urlIn(entry.edition),
    changesUrl: editionChangesUrl(entry.edition),
  }));
}
