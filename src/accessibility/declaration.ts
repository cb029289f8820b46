/**
 * What the accessibility declaration states that no tool can measure, written once in
 * content/accessibilite.json: the RGAA 4.1 status, the audit it rests on, the date the
 * declaration was established, how to reach the publisher, and the non-conformities a manual
 * audit found. The law allows « partiellement » or « totalement conforme » only on an audit
 * (at least 50 % of the criteria met, or all of them): without one the site is « non conforme ».
 */
import path from 'node:path';
import { ajv, checkAgainst, readJsonFile } from '../data/json-file.ts';
import { DataValidationError, type DataIssue } from '../data/issues.ts';
import { contentDir } from '../data/paths.ts';

const DECLARATION_FILE = 'accessibilite.json';

export type ComplianceStatus = 'non conforme' | 'partiellement conforme' | 'totalement conforme';

export interface Audit {
  /** Day the audit's report was delivered, YYYY-MM-DD. */
  date: string;
  /** Who audited (a firm, a person), as the report names them. */
  auditor: string;
  /** Share of the applicable RGAA criteria met, in percent, as the audit gives it. */
  rate: number;
}

export interface Declaration {
  status: ComplianceStatus;
  /** Day the declaration was established, YYYY-MM-DD. */
  established: string;
  audit: Audit | null;
  /** Every channel is optional; none recorded means the publisher has not configured one yet. */
  contact: { email: string | null; form: string | null; postal: string | null };
  /** Non-conformities a manual audit found, one sentence each. */
  knownIssues: string[];
}

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const optionalText = { type: ['string', 'null'], minLength: 1 };
const validate = ajv.compile({
  type: 'object',
  additionalProperties: false,
  required: ['status', 'established', 'audit', 'contact', 'knownIssues'],
  properties: {
    status: { enum: ['non conforme', 'partiellement conforme', 'totalement conforme'] },
    established: date,
    audit: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['date', 'auditor', 'rate'],
          properties: { date, auditor: { type: 'string', minLength: 1 }, rate: { type: 'number', minimum: 0, maximum: 100 } },
        },
      ],
    },
    contact: {
      type: 'object',
      additionalProperties: false,
      required: ['email', 'form', 'postal'],
      properties: { email: { ...optionalText, format: 'email' }, form: { ...optionalText, pattern: '^https://' }, postal: optionalText },
    },
    knownIssues: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
});

/** The status the audit allows (RGAA 4.1): none or under 50 % → non conforme; 100 % → totalement. */
export function allowedStatus(audit: Audit | null): ComplianceStatus {
  if (!audit || audit.rate < 50) return 'non conforme';
  return audit.rate === 100 ? 'totalement conforme' : 'partiellement conforme';
}

/** The declaration and every problem of its file, located. */
export function inspectDeclaration(root = contentDir()): { declaration?: Declaration; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const json = readJsonFile(path.join(root, DECLARATION_FILE), issues);
  if (!json || !checkAgainst(json, validate, "déclaration d'accessibilité", issues)) return { issues };
  const declaration = json.value as Declaration;
  const allowed = allowedStatus(declaration.audit);
  if (declaration.status !== allowed)
    issues.push({
      file: json.file,
      ...json.locate(['status']),
      severity: 'error',
      message: declaration.audit
        ? `statut « ${declaration.status} » : un audit à ${declaration.audit.rate} % des critères permet « ${allowed} » ; corrigez le statut ou le taux`
        : `statut « ${declaration.status} » sans audit : sans audit RGAA le site est « non conforme » ; renseignez « audit » (date, auditeur, taux) ou remettez « non conforme »`,
    });
  return { declaration: issues.length === 0 ? declaration : undefined, issues };
}

let loaded: Declaration | undefined;

/** The declaration for the pages (read once per build); throws with every located problem. */
export function loadDeclaration(): Declaration {
  if (loaded) return loaded;
  const { declaration, issues } = inspectDeclaration();
  if (!declaration) throw new DataValidationError(issues);
  return (loaded = declaration);
}

/** Whether the publisher has recorded at least one way to reach them. */
export const hasContact = (d: Declaration) => Object.values(d.contact).some((v) => v !== null);
