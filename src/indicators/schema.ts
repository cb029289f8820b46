/** The JSON Schema of an indicator catalogue file (data/indicators/*.json). */
import { datasetKinds } from '../data/kinds.ts';

const identifier = '^[a-z0-9]+(-[a-z0-9]+)*$';
const sqlName = '^[a-z][a-z0-9_]*$';
const sql = {
  description: 'La requête SQL (DuckDB), en une chaîne ou une ligne par élément',
  oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string' } }],
};

const yearField = { type: 'string', pattern: sqlName };
const breakDeclaration = {
  type: 'object',
  required: ['id', 'year', 'cause', 'label', 'explanation'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: identifier },
    year: { type: 'integer', minimum: 1900, maximum: 2100 },
    cause: { enum: ['source', 'definition'] },
    label: { type: 'string', minLength: 1 },
    explanation: { type: 'string', minLength: 1 },
  },
};
const breakReference = {
  description: 'Une rupture de série déclarée dans le catalogue (son id), limitée aux lignes dont les dimensions valent `where`',
  oneOf: [
    { type: 'string', pattern: identifier },
    {
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: identifier },
        where: {
          type: 'object',
          propertyNames: { pattern: sqlName },
          additionalProperties: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }] },
        },
      },
    },
  ],
};
const compares = {
  description: 'Les deux années que compare une variation : deux dimensions (from, to), ou une dimension et le nombre d\'années avant elle',
  oneOf: [
    { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: yearField, to: yearField } },
    { type: 'object', required: ['to', 'yearsBefore'], additionalProperties: false, properties: { to: yearField, yearsBefore: { type: 'integer', minimum: 1 } } },
  ],
};

export const catalogueSchema = {
  type: 'object',
  required: ['family', 'indicators'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    family: { type: 'string', minLength: 1 },
    views: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'description', 'sql'],
        additionalProperties: false,
        properties: { name: { type: 'string', pattern: sqlName }, description: { type: 'string', minLength: 1 }, sql },
      },
    },
    breaks: { type: 'array', items: breakDeclaration },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'unit', 'definition', 'definitionVersion', 'reads', 'dimensions', 'sql'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: identifier },
          label: { type: 'string', minLength: 1 },
          unit: { enum: ['count', 'percent', 'variation', 'points', 'index'] },
          decimals: { type: 'integer', minimum: 0, maximum: 3 },
          definition: { type: 'string', minLength: 1 },
          reads: { type: 'array', minItems: 1, items: { enum: datasetKinds.filter((k) => k !== 'free') } },
          dimensions: { type: 'array', items: { type: 'string', pattern: sqlName } },
          published: {
            type: 'object',
            required: ['field'],
            additionalProperties: false,
            properties: { field: { type: 'string', pattern: sqlName }, decimals: { type: 'integer', minimum: 0, maximum: 3 } },
          },
          definitionVersion: { type: 'integer', minimum: 1 },
          breaks: { type: 'array', items: breakReference },
          compares,
          sql,
        },
      },
    },
  },
} as const;
