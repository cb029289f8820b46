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
  // Plot names its mark groups (« bar », « rule »): inside an image they are not announced,
  // and a label on an element without a role is invalid ARIA. The text alternative says it all.
  for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
}
