/**
 * No English reaches an editor from a JSON file: every keyword that our JSON Schemas use
 * (descriptors, report.json, the lock, the indicator catalogue, content/essentiel.json, the
 * vendored Data Package profile) gives a French sentence that says what is expected.
 */
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ajv } from '../../src/data/json-file.ts';
import { describeAjvError } from '../../src/data/json-messages.ts';
// Imported for their schemas, compiled on the shared ajv instance.
import '../../src/data/descriptors.ts';
import '../../src/data/editions.ts';
import '../../src/indicators/catalogue.ts';
import '../../src/essentiel/file.ts';

const ENGLISH = /\b(must|should|property|properties|items?|match(es)?|allowed|equal|have|fewer|more|than|valid|format)\b/i;

/** Keywords that never fail by themselves: annotations, references, containers of subschemas. */
const SILENT = new Set(['$schema', '$id', 'id', '$defs', 'definitions', '$ref', '$comment', 'title', 'description', 'default', 'examples', 'properties', 'patternProperties', 'items', 'allOf', 'then', 'else', 'deprecated', 'readOnly', 'writeOnly']);
/** Dropped by checkAgainst: their branches' own errors say what is wrong (json-file.ts). */
const MERGED = new Set(['oneOf', 'anyOf', 'if']);

/** For each keyword that can fail: a schema using it and a value that breaks it. */
const samples: Record<string, [object, unknown]> = {
  type: [{ type: 'array' }, 'texte'],
  required: [{ required: ['title'] }, {}],
  additionalProperties: [{ properties: { a: {} }, additionalProperties: false }, { b: 1 }],
  enum: [{ enum: ['sum', 'ratio'] }, 'somme'],
  const: [{ const: 'v1' }, 'v2'],
  pattern: [{ pattern: '^[0-9]{2}$' }, '2'],
  format: [{ format: 'date' }, '2024-13-01'],
  minimum: [{ minimum: 2015 }, 2010],
  maximum: [{ maximum: 2100 }, 2200],
  exclusiveMinimum: [{ exclusiveMinimum: 0 }, 0],
  exclusiveMaximum: [{ exclusiveMaximum: 100 }, 100],
  multipleOf: [{ multipleOf: 2 }, 3],
  minLength: [{ minLength: 1 }, ''],
  maxLength: [{ maxLength: 3 }, 'abcdef'],
  minItems: [{ minItems: 1 }, []],
  maxItems: [{ maxItems: 1 }, [1, 2]],
  uniqueItems: [{ uniqueItems: true }, ['a', 'a']],
  minProperties: [{ minProperties: 1 }, {}],
  maxProperties: [{ maxProperties: 1 }, { a: 1, b: 2 }],
  propertyNames: [{ propertyNames: { pattern: '^[a-z]+$' } }, { A: 1 }],
  not: [{ not: { type: 'string' } }, 'texte'],
  contains: [{ contains: { type: 'number' } }, ['a']],
  dependencies: [{ dependencies: { a: ['b'] } }, { a: 1 }],
  additionalItems: [{ items: [{}], additionalItems: false }, [1, 2]],
};

/** Every keyword of every schema compiled so far, walking into their subschemas. */
function keywordsInUse(): Set<string> {
  const known = new Set(Object.keys((ajv as unknown as { RULES: { keywords: object } }).RULES.keywords));
  const found = new Set<string>();
  const walk = (schema: unknown): void => {
    if (Array.isArray(schema)) return schema.forEach(walk);
    if (!schema || typeof schema !== 'object') return;
    for (const [key, value] of Object.entries(schema)) {
      if (!known.has(key)) continue;
      found.add(key);
      if (['properties', 'patternProperties', 'definitions', '$defs', 'dependencies'].includes(key)) Object.values(value as object).forEach(walk);
      else walk(value);
    }
  };
  // ajv keeps every compiled schema in its cache: the test sees a schema added tomorrow too.
  for (const schema of (ajv as unknown as { _cache: Map<unknown, unknown> })._cache.keys()) walk(schema);
  return found;
}

function errorsOf(schema: object, value: unknown): ErrorObject[] {
  const validate = ajv.compile(schema);
  expect(validate(value), JSON.stringify(schema)).toBe(false);
  return validate.errors!;
}

describe('JSON Schema messages', () => {
  const inUse = keywordsInUse();

  it('has a failing sample for every keyword our schemas use', () => {
    expect(inUse.size).toBeGreaterThan(15);
    const missing = [...inUse].filter((k) => !SILENT.has(k) && !MERGED.has(k) && !samples[k]);
    expect(missing).toEqual([]);
  });

  for (const [keyword, [schema, value]] of Object.entries(samples))
    it(`${keyword}: a French sentence, no English`, () => {
      const messages = errorsOf(schema, value).filter((e) => e.keyword === keyword).map(describeAjvError);
      expect(messages.length, keyword).toBeGreaterThan(0);
      for (const message of messages) expect(message).not.toMatch(ENGLISH);
    });

  it('says what was found and what is expected for the frequent ones', () => {
    const say = (schema: object, value: unknown) => errorsOf(schema, value).map(describeAjvError)[0];
    expect(say({ properties: { year: { minimum: 2015 } } }, { year: 2010 })).toBe('« /year » : valeur « 2010 » trop petite : au moins 2015 attendu');
    expect(say({ properties: { title: { minLength: 1 } } }, { title: '' })).toBe('« /title » : texte vide : écrivez-le (au moins 1 caractère)');
    expect(say({ type: 'array' }, 'x')).toBe('un texte entre guillemets trouvé, une liste [ … ] attendu');
    expect(say({ properties: { date: { format: 'date' } } }, { date: '30/09/2024' })).toBe('« /date » : valeur « 30/09/2024 » mal formée : attendu une date AAAA-MM-JJ (ex. 2024-09-30)');
    expect(say({ properties: { a: {}, b: {} }, additionalProperties: false }, { c: 1 })).toBe('propriété inconnue « c » : attendu l’une de a, b ; corrigez son nom ou retirez-la');
  });
});
