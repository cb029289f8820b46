/**
 * The order of the bars. Categories that have an order of their own (age bands, levels of
 * education or certification, years) keep it, as their reference list gives it; the others are
 * sorted by value, largest first, with catch-all categories (« Autres objectifs », « Non
 * renseigné », « Sans objet ») last whatever their size.
 */

/** Dimensions (data/reference/dimensions.csv) whose categories are ordered. */
const ORDERED_DIMENSIONS = new Set(['age', 'certification', 'education-level-1969', 'initial-education', 'year']);

export const isOrderedDimension = (dimension: unknown) => ORDERED_DIMENSIONS.has(String(dimension));

/** Codes of catch-all categories: « autres-objectifs » is one, « autre-organisme » (a channel) is not. */
const CATCH_ALL = /^(autres?|autres-[a-z]+s|non-renseigne|sans-objet|ne-sait-pas)$/;

/**
 * Category labels in drawing order: `ordered` keeps the order in which they first appear (the
 * rows follow the reference list); otherwise by total value over all panels, largest first.
 */
export function sortCategories<T>(rows: T[], label: (r: T) => string, value: (r: T) => number | null, ordered: boolean, code: (r: T) => unknown): string[] {
  const totals = new Map<string, number>();
  const catchAll = new Set<string>();
  for (const r of rows) {
    totals.set(label(r), (totals.get(label(r)) ?? 0) + (value(r) ?? 0));
    if (CATCH_ALL.test(String(code(r)))) catchAll.add(label(r));
  }
  const labels = [...totals.keys()];
  if (ordered) return labels;
  const last = (l: string) => (catchAll.has(l) ? 1 : 0);
  return labels.sort((a, b) => last(a) - last(b) || totals.get(b)! - totals.get(a)!);
}
