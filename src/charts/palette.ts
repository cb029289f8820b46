/**
 * The one palette of the charts: every mark takes its colour from here, so that all figures
 * of a report look alike. Text follows the page's colour (`currentColor`), which keeps its
 * contrast in print and in the browser's forced colours.
 */
export const palette = {
  /** Bars: the accent blue of the site (contrast 7:1 on white). */
  bar: '#1d5b87',
  text: 'currentColor',
  rule: 'currentColor',
} as const;
