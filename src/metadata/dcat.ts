/**
 * The DCAT-AP catalogue of every dataset of every edition, /donnees/catalogue.jsonld, for
 * harvesting by data.gouv.fr: dcat:Catalog → dcat:Dataset (one per dataset and edition, with
 * dcat:version and dcat:previousVersion) → dcat:Distribution (its four files). The context is
 * inline, so that reading it needs no other document.
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { permanentUrl } from '../citation/citation.ts';
import { absoluteUrl } from '../site/deploy.ts';
import { VARIANTS } from '../data/published-files.ts';
import { coverageOf, type Coverage } from './coverage.ts';
import { LICENCE } from '../print/cover.ts';
import { dataFileUrl, datasetDistributions, type Distribution } from './distributions.ts';

const CATALOGUE_PATH = '/donnees/catalogue.jsonld';

const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'dct:issued': { '@type': 'xsd:date' },
  'dct:modified': { '@type': 'xsd:date' },
  'dcat:startDate': { '@type': 'xsd:date' },
  'dcat:endDate': { '@type': 'xsd:date' },
  'dcat:downloadURL': { '@type': '@id' },
  'dcat:accessURL': { '@type': '@id' },
  'dcat:landingPage': { '@type': '@id' },
  'dcat:previousVersion': { '@type': '@id' },
  'dct:license': { '@type': '@id' },
  'foaf:homepage': { '@type': '@id' },
} as const;

const datasetId = (report: Pick<Report, 'editionId'>, name: string) => `${dataFileUrl(report, '')}#${name}`;
const fr = (text: string) => ({ '@value': text, '@language': 'fr' });

function distribution(d: Distribution) {
  return {
    '@type': 'dcat:Distribution',
    'dct:title': fr(d.title),
    'dcat:downloadURL': d.url,
    'dcat:accessURL': d.url,
    'dcat:mediaType': d.mediaType,
    'dct:license': LICENCE.href,
  };
}

/** dct:spatial and dct:temporal, as far as the dataset's rows give them. */
function coverage({ years, territories }: Coverage) {
  return {
    ...(territories.length > 0 && { 'dct:spatial': territories.map((t) => ({ '@type': 'dct:Location', 'dct:identifier': t.code, 'dct:title': fr(t.label) })) }),
    ...(years && { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': `${years.first}-01-01`, 'dcat:endDate': `${years.last}-12-31` } }),
  };
}

function dataset(report: Report, name: string, previous: Report | undefined, territories: Catalog['territories']) {
  const resource = report.resources.get(name)!;
  const { descriptor } = resource;
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': report.meta.author };
  return {
    '@id': datasetId(report, name),
    '@type': 'dcat:Dataset',
    'dct:identifier': datasetId(report, name),
    'dct:title': fr(`${descriptor.title} (${report.region.label} ${report.year}, édition v${report.edition.number})`),
    'dct:description': fr(descriptor.cep?.champ ? `Champ : ${descriptor.cep.champ}` : `Tableau du rapport « ${report.meta.title} ».`),
    'dct:publisher': publisher,
    'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': report.meta.author },
    ...(report.edition.date && { 'dct:issued': report.edition.date, 'dct:modified': report.edition.date }),
    'dct:license': LICENCE.href,
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/FRA' },
    ...coverage(coverageOf([resource], territories)),
    'dcat:version': String(report.edition.number),
    ...(previous?.resources.has(name) && { 'dcat:previousVersion': datasetId(previous, name) }),
    'dcat:landingPage': permanentUrl(report),
    'dcat:distribution': datasetDistributions(report, name, VARIANTS).map(distribution),
  };
}

export function dcatCatalogue(catalog: Pick<Catalog, 'editions' | 'territories'>) {
  const previousOf = (report: Report) => catalog.editions.find((e) => e.id === report.id && e.edition.number === report.edition.number - 1);
  return {
    '@context': DCAT_CONTEXT,
    '@id': absoluteUrl(CATALOGUE_PATH),
    '@type': 'dcat:Catalog',
    'dct:title': fr('Rapports CEP : données des rapports sur le conseil en évolution professionnelle'),
    'dct:description': fr('Chaque tableau de chaque édition des rapports régionaux sur le CEP, en données ouvertes sous Licence Ouverte 2.0.'),
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': 'Rapports CEP' },
    'dct:license': LICENCE.href,
    'foaf:homepage': absoluteUrl('/'),
    'dcat:dataset': catalog.editions.flatMap((report) => [...report.resources.keys()].map((name) => dataset(report, name, previousOf(report), catalog.territories))),
  };
}
