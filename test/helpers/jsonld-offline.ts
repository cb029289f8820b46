/**
 * JSON-LD checked offline: no document is fetched from the internet; schema.org's context is
 * replaced by a local one. Safe mode makes jsonld fail on any term it would drop or leave relative.
 */
import jsonld from 'jsonld';

const LOCAL_CONTEXTS: Record<string, object> = {
  'https://schema.org': { '@context': { '@vocab': 'https://schema.org/' } },
};

const documentLoader = async (url: string) => {
  const document = LOCAL_CONTEXTS[url.replace(/\/$/, '')];
  if (!document) throw new Error(`${url}: document outside the local contexts, not fetched (offline)`);
  return { contextUrl: undefined, documentUrl: url, document };
};

export const NAMESPACES = [
  'https://schema.org/',
  'http://www.w3.org/ns/dcat#',
  'http://purl.org/dc/terms/',
  'http://xmlns.com/foaf/0.1/',
  'http://www.w3.org/2006/vcard/ns#',
];
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** The predicates and types of a JSON-LD document, as IRIs, after a safe expansion and conversion to RDF. */
export async function vocabularyOf(doc: object): Promise<{ predicates: Set<string>; types: Set<string>; quads: number }> {
  const options = { documentLoader, safe: true } as unknown as jsonld.Options.Expand;
  const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, options);
  const quads = (await jsonld.toRDF(expanded as jsonld.JsonLdDocument, { ...options, format: undefined } as jsonld.Options.ToRdf)) as unknown as {
    predicate: { value: string };
    object: { value: string };
  }[];
  const predicates = new Set(quads.map((q) => q.predicate.value).filter((p) => p !== RDF_TYPE));
  const types = new Set(quads.filter((q) => q.predicate.value === RDF_TYPE).map((q) => q.object.value));
  return { predicates, types, quads: quads.length };
}

export const outsideNamespaces = (iris: Iterable<string>) => [...iris].filter((iri) => !NAMESPACES.some((ns) => iri.startsWith(ns)));
