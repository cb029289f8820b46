/**
 * Figures link to their provenance page (static, works without JavaScript). With JavaScript,
 * activating a figure (click, Enter, Space) shows the same content in a native popover: the
 * provenance page is fetched once, and the figure's section is shown with the page's shared
 * parts (source, formula). Escape or « Fermer » closes it and gives focus back to the figure.
 */
const POPOVER_ID = 'provenance-popover';
const pages = new Map<string, Promise<Document>>();

function fetchPage(url: string): Promise<Document> {
  let page = pages.get(url);
  if (!page) {
    page = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    });
    pages.set(url, page);
  }
  return page;
}

/** A copy without ids: the page already has its own, and the popover's copies must not clash. */
function copyOf(element: Element): Element {
  const copy = element.cloneNode(true) as Element;
  for (const e of [copy, ...copy.querySelectorAll('[id]')]) e.removeAttribute('id');
  copy.querySelectorAll('[aria-labelledby]').forEach((e) => e.removeAttribute('aria-labelledby'));
  return copy;
}

/** The figure's own section, its row's heading when it is one figure of a row, then the shared parts. */
function provenanceContent(page: Document, anchor: string): Element[] {
  const target = page.getElementById(anchor);
  if (!target) return [];
  const row = target.closest('.provenance-row');
  const heading = row && row !== target ? row.querySelector('h3') : null;
  return [...(heading ? [heading] : []), target, ...page.querySelectorAll('[data-provenance-shared]')].map(copyOf);
}

function popover(): HTMLElement {
  const existing = document.getElementById(POPOVER_ID);
  if (existing) return existing;
  const box = document.createElement('div');
  box.id = POPOVER_ID;
  box.setAttribute('popover', 'auto');
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-labelledby', `${POPOVER_ID}-title`);
  box.innerHTML = `<div class="provenance-popover-head"><h2 id="${POPOVER_ID}-title" tabindex="-1"></h2><button type="button">Fermer</button></div><div class="provenance-popover-body" aria-live="polite"></div><p><a class="provenance-popover-page"></a></p>`;
  box.querySelector('button')!.addEventListener('click', () => box.hidePopover());
  document.body.append(box);
  return box;
}

let opener: HTMLAnchorElement | undefined;

async function open(link: HTMLAnchorElement): Promise<void> {
  const box = popover();
  const url = new URL(link.href);
  const anchor = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  const title = box.querySelector('h2')!;
  const body = box.querySelector('.provenance-popover-body')!;
  const full = box.querySelector<HTMLAnchorElement>('.provenance-popover-page')!;
  title.textContent = `Provenance du chiffre «\u00a0${link.textContent?.trim() ?? ''}\u00a0»`;
  full.href = link.href;
  full.textContent = 'Ouvrir la page de provenance';
  body.replaceChildren('Chargement…');
  box.dataset.ready = 'false';
  opener = link;
  if (!box.matches(':popover-open')) box.showPopover();
  title.focus();
  try {
    const content = provenanceContent(await fetchPage(url.href), anchor);
    body.replaceChildren(...(content.length ? content : ['Ce chiffre est introuvable sur sa page de provenance : suivez le lien ci-dessous.']));
  } catch {
    body.replaceChildren('La provenance n’a pas pu être chargée : suivez le lien ci-dessous.');
  }
  box.dataset.ready = 'true';
}

export function enhanceProvenanceLinks(root: ParentNode): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-provenance]:not([aria-haspopup])')) {
    link.setAttribute('aria-haspopup', 'dialog');
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      void open(link);
    });
    link.addEventListener('keydown', (event) => {
      if (event.key !== ' ') return;
      event.preventDefault();
      void open(link);
    });
  }
  const box = popover();
  if (box.dataset.enhanced) return;
  box.dataset.enhanced = 'true';
  box.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'closed') opener?.focus();
  });
}
