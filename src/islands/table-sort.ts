/**
 * Sortable columns for tables marked data-sortable: each header becomes a button; a click sorts
 * the body by that column (numbers by their raw value), a second click reverses. Totals stay
 * in the footer. Without JavaScript the table keeps the order of the source.
 */
export function enhanceSortableTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const body = table.tBodies[0];
    const headers = [...table.tHead!.rows[0]!.cells];
    if (!body) continue;
    headers.forEach((th, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        for (const other of headers) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const key = (row: HTMLTableRowElement) => {
          const cell = row.cells[column]!;
          const raw = cell.dataset.value ?? cell.textContent ?? '';
          return raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
        };
        const rows = [...body.rows].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr');
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
}
