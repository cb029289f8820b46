/**
 * A revision notice as readers see it: the figure by its labels (dataset title, row, column), the
 * values formatted as the diff shows them, the type and date in words, and its anchor on the
 * editions page (`/<region>/<year>/editions/#avis-v2-1`), stable because the file is only appended to.
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { frenchDate } from '../data/editions.ts';
import { labellerFor } from '../data/labels.ts';
import { href } from '../site/url.ts';
import { formatCell } from './markdown.ts';
import { editionNotices, sameFigure, UNSTATED } from './revisions.ts';
import { REVISION_TYPES, type FigureRef, type RevisionNotice } from './revisions-schema.ts';

export interface NoticeView {
  figure: RevisionNotice['figure'];
  /** The notice as written: its raw old and new values, for pages that print them in the figure's own format. */
  notice: RevisionNotice;
  /** The anchor on the editions page. */
  id: string;
  url: string;
  edition: number;
  type: string;
  /** « Dossiers PTP présentés et financés en 2023, Normandie » */
  what: string;
  /** « Normandie · 2023 » */
  row: string;
  /** « Taux d'acceptation publié (%) » */
  field: string;
  before: string;
  after: string;
  reason: string;
  effect: string;
  /** « 22 novembre 2026 », the release date of the edition; undefined while it is being prepared. */
  date?: string;
  recordedFrom?: string;
}

export const noticeAnchor = (edition: number, index: number) => `avis-v${edition}-${index + 1}`;

function figureText(catalog: Catalog, report: Report, notice: RevisionNotice): Pick<NoticeView, 'what' | 'row' | 'field'> {
  const { figure } = notice;
  if ('indicator' in figure) return { what: figure.indicator, row: Object.values(figure.dimensions).map(String).join(' · '), field: 'valeur' };
  const resource = report.resources.get(figure.dataset);
  if (!resource) return { what: figure.dataset, row: Object.values(figure.row).map(String).join(' · '), field: figure.field };
  const label = labellerFor(catalog, report, resource);
  return {
    what: resource.descriptor.title,
    row: Object.entries(figure.row).map(([f, v]) => label(f, v)).join(' · '),
    field: resource.descriptor.schema.fields.find((f) => f.name === figure.field)?.title ?? figure.field,
  };
}

// Asked by the edition's home, each chapter (on both of its addresses), the editions page and the diffs.
const views = new WeakMap<Catalog, Map<string, NoticeView[]>>();

/** The notices of the values this edition changed, as readers see them. */
export function noticeViews(catalog: Catalog, report: Report): NoticeView[] {
  const ofCatalog = views.get(catalog) ?? new Map<string, NoticeView[]>();
  views.set(catalog, ofCatalog);
  let found = ofCatalog.get(report.editionId);
  if (!found) ofCatalog.set(report.editionId, (found = buildViews(catalog, report)));
  return found;
}

/** This edition's notices about a figure: about any of the cells its text reads (a key figure's value and its caution). */
export function noticesAbout(catalog: Catalog, report: Report, figures: FigureRef[]): NoticeView[] {
  return noticeViews(catalog, report).filter((v) => figures.some((f) => sameFigure(v.figure, f)));
}

function buildViews(catalog: Catalog, report: Report): NoticeView[] {
  return editionNotices(report).map((n, i) => {
    const id = noticeAnchor(n.edition, i);
    const field = 'dataset' in n.figure ? n.figure.field : 'value';
    return {
      figure: n.figure,
      notice: n,
      id,
      url: href(`/${report.id}/editions/#${id}`),
      edition: n.edition,
      type: REVISION_TYPES[n.type],
      ...figureText(catalog, report, n),
      before: formatCell(field, n.before),
      after: formatCell(field, n.after),
      reason: n.reason ?? UNSTATED,
      effect: n.effect ?? UNSTATED,
      ...(report.edition.date ? { date: frenchDate(report.edition.date) } : {}),
      ...(n.recordedFrom ? { recordedFrom: n.recordedFrom } : {}),
    };
  });
}
