/**
 * The Atom feed of editions, /editions.atom: one entry per released edition, a first edition
 * announcing the report, a later one its erratum or changes (the edition's `changes` text).
 */
import { Feed } from 'feed';
import type { Catalog, Report } from '../data/catalog.ts';
import { isErratum } from '../editions/wording.ts';
import { absoluteUrl } from '../site/deploy.ts';
import { permanentUrl } from '../citation/citation.ts';
import { LICENCE } from '../print/cover.ts';

export const FEED_PATH = '/editions.atom';
export const FEED_TITLE = 'Rapports CEP : nouvelles éditions';

function entryTitle(report: Report): string {
  const what = report.edition.number === 1 ? 'nouveau rapport' : isErratum(report.edition) ? 'erratum' : 'nouvelle édition';
  // « erratum » is said once: editionName would add « (erratum) » to the edition's name.
  return `${report.region.label} ${report.year} : ${what} (édition v${report.edition.number})`;
}

/** Released editions, newest first (by date, then number). */
function releasedEditions(catalog: Pick<Catalog, 'editions'>): Report[] {
  return catalog.editions
    .filter((e) => e.edition.released && e.edition.date)
    .sort((a, b) => b.edition.date!.localeCompare(a.edition.date!) || b.edition.number - a.edition.number);
}

/** What the feed announces, newest first, as the home page's « Nouveautés » lists it too. */
export function editionNews(catalog: Pick<Catalog, 'editions'>): { report: Report; title: string }[] {
  return releasedEditions(catalog).map((report) => ({ report, title: entryTitle(report) }));
}

export function editionsFeed(catalog: Pick<Catalog, 'editions'>): string {
  const editions = releasedEditions(catalog);
  const feed = new Feed({
    id: absoluteUrl('/'),
    title: FEED_TITLE,
    description: 'Chaque rapport publié sur le conseil en évolution professionnelle, et chacune de ses nouvelles éditions (errata, corrections).',
    link: absoluteUrl('/'),
    language: 'fr',
    updated: editions[0] ? new Date(`${editions[0].edition.date}T00:00:00Z`) : undefined,
    feedLinks: { atom: absoluteUrl(FEED_PATH) },
    copyright: LICENCE.text,
    generator: false,
  });
  for (const report of editions) {
    const date = new Date(`${report.edition.date}T00:00:00Z`);
    feed.addItem({
      id: permanentUrl(report),
      title: entryTitle(report),
      link: permanentUrl(report),
      date,
      published: date,
      description: report.edition.changes,
      author: [{ name: report.meta.author }],
    });
  }
  return feed.atom1();
}
