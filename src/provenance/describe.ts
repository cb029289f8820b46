/** How provenance pages show a figure, its row and its history to readers (French formats). */
import type { Catalog, Report, Resource } from '../data/catalog.ts';
import { labellerFor } from '../data/labels.ts';
import type { Cell, Row } from '../data/table.ts';
import type { NoticeView } from '../editions/revisions-view.ts';
import { MISSING } from '../format/number.ts';
import { isYearField } from '../tables/model.ts';
import type { HistoryEntry } from './history.ts';
import { editionChangesUrl } from './urls.ts';

export interface KeyPart {
  label: string;
  value: string;
}

/** A revision notice of an edition about the figure, its values in the figure's own format. */
export interface HistoryNotice {
  /** « correction d'erreur », as the notices are worded everywhere (revisions-view.ts). */
  type: string;
  before: string;
  after: string;
  reason: string;
  effect: string;
  /** The notice on its report's editions page. */
  url: string;
}

export interface ShownHistory {
  edition: string;
  date?: string;
  text: string;
  present: boolean;
  current: boolean;
  /** Differs from its value in the edition before (not said of the first, nor of an absent figure). */
  changed: boolean;
  /** That edition's notices about the figure (its value, or a cell its text reads). */
  notices: HistoryNotice[];
  /** Changed with no notice (an edition in preparation, or a released one whose notice is still to write). */
  unnoticed: boolean;
  /** The figure on that edition's provenance page. */
  url: string;
  /** What changed in that edition, on the editions page. */
  changesUrl: string;
}

/** How a page shows a figure's history. */
export interface HistoryFormat {
  /** An entry's value as that edition printed it; with `set`, as it would print it with that cell set to another value (a notice's old or new one). */
  text: (entry: HistoryEntry, set?: { field: string; value: Cell }) => string;
  /** The figure on an edition's provenance page. */
  urlIn: (edition: Report) => string;
  /** An edition's notices about the figure. */
  noticesIn: (edition: Report) => NoticeView[];
}

/** The figures of a dataset: its numeric fields that are not part of what designates a row. */
export function figureFields(resource: Resource): string[] {
  const key = resource.descriptor.schema.primaryKey ?? [];
  return resource.descriptor.schema.fields
    .filter((f) => (f.type === 'integer' || f.type === 'number') && !key.includes(f.name) && !isYearField(f.name))
    .map((f) => f.name);
}

/** The fields that designate a row, with their titles and the labels of their codes. */
export function rowCaption(catalog: Catalog, report: Report, resource: Resource, row: Row): KeyPart[] {
  const label = labellerFor(catalog, report, resource);
  const fields = resource.descriptor.schema.fields;
  return (resource.descriptor.schema.primaryKey ?? []).map((name) => {
    const value = row[name];
    const shown = isYearField(name) || typeof value === 'number' ? String(value) : label(name, value, row) || String(value ?? MISSING);
    return { label: fields.find((f) => f.name === name)?.title ?? name, value: shown };
  });
}

/** A notice beside the entries it is about: the old value as the edition before printed it, the new one as this edition does. */
function historyNotice(view: NoticeView, entry: HistoryEntry, before: HistoryEntry | undefined, format: HistoryFormat): HistoryNotice {
  const { figure, before: old, after } = view.notice;
  const field = 'dataset' in figure ? figure.field : 'value';
  return {
    type: view.type,
    before: format.text(before?.present ? before : entry, { field, value: old }),
    after: format.text(entry, { field, value: after }),
    reason: view.reason,
    effect: view.effect,
    url: view.url,
  };
}

/** The history as readers see it, each change with its revision notices. */
export function showHistory(entries: HistoryEntry[], format: HistoryFormat): ShownHistory[] {
  return entries.map((entry, i) => {
    const before = entries[i - 1];
    const changed = before !== undefined && entry.present && before.present && format.text(before) !== format.text(entry);
    const notices = i > 0 ? format.noticesIn(entry.edition).map((v) => historyNotice(v, entry, before, format)) : [];
    return {
      edition: `v${entry.edition.edition.number}`,
      changed,
      notices,
      unnoticed: changed && notices.length === 0,
      date: entry.edition.edition.date,
      text: entry.present ? format.text(entry) : 'absent de cette édition',
      present: entry.present,
      current: entry.current,
      url: format.urlIn(entry.edition),
      changesUrl: editionChangesUrl(entry.edition),
    };
  });
}

/** Whether the edition of the page revised the figure: a sentence, and the notices when it did. */
export interface CurrentRevision {
  text: string;
  notices: HistoryNotice[];
}

export function currentRevision(history: ShownHistory[]): CurrentRevision | undefined {
  const i = history.findIndex((h) => h.current);
  const entry = history[i];
  if (!entry) return undefined;
  const previous = history[i - 1];
  const said = (text: string) => ({ text, notices: [] });
  if (entry.notices.length > 0) return { text: `Révisée dans cette édition (${entry.edition}) :`, notices: entry.notices };
  if (!previous) return said(`Non révisée : l'édition ${entry.edition} est la première du rapport.`);
  if (entry.unnoticed) return said(`Modifiée dans cette édition (${entry.edition}) : changement sans avis de révision (${previous.text} dans l'édition ${previous.edition}).`);
  if (!previous.present) return said(`Nouvelle dans cette édition (${entry.edition}) : absente de l'édition ${previous.edition}.`);
  return said(`Non révisée dans cette édition (${entry.edition}) : même valeur que dans l'édition ${previous.edition}.`);
}
