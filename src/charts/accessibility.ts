/** Shared by the server and the browser, which redraws the chart: one image, named and described. */
export interface SvgAccessibility {
  /** id of the element that names the chart (its caption). */
  labelledBy: string;
  /** id of the element holding the text alternative. */
  describedBy: string;
}

export function decorate(svg: Element, a11y: SvgAccessibility): void {
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', a11y.labelledBy);
  svg.setAttribute('aria-describedby', a11y.describedBy);
}
