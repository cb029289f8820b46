import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedStatus, inspectDeclaration } from '../../src/accessibility/declaration.ts';
import { formatIssue } from '../../src/data/issues.ts';

const valid = {
  status: 'non conforme',
  established: '2000-01-01',
  audit: null,
  contact: { email: null, form: null, postal: null },
  knownIssues: [],
};

function inspectText(json: unknown) {
  const root = mkdtempSync(path.join(tmpdir(), 'cep-accessibilite-'));
  writeFileSync(path.join(root, 'accessibilite.json'), JSON.stringify(json, null, 2));
  return inspectDeclaration(root);
}
const messages = (json: unknown) => inspectText(json).issues.map(formatIssue).map((m) => m.replace(/^.*accessibilite\.json:/, ''));

describe('the accessibility declaration file', () => {
  it('the shipped file has no problem', () => {
    expect(inspectDeclaration().issues.map(formatIssue)).toEqual([]);
  });

  it('allows a status by the audit only: none or under 50 % → non conforme, 100 % → totalement', () => {
    expect(allowedStatus(null)).toBe('non conforme');
    expect(allowedStatus({ date: '2000-01-01', auditor: 'Auditeur fictif', rate: 49.9 })).toBe('non conforme');
    expect(allowedStatus({ date: '2000-01-01', auditor: 'Auditeur fictif', rate: 50 })).toBe('partiellement conforme');
    expect(allowedStatus({ date: '2000-01-01', auditor: 'Auditeur fictif', rate: 100 })).toBe('totalement conforme');
  });

  it('refuses a better status than the audit allows, located on the status, saying what to do', () => {
    expect(messages({ ...valid, status: 'partiellement conforme' })).toEqual([
      '2:13: statut « partiellement conforme » sans audit : sans audit RGAA le site est « non conforme » ; renseignez « audit » (date, auditeur, taux) ou remettez « non conforme »',
    ]);
    const audit = { date: '2000-01-01', auditor: 'Auditeur fictif', rate: 75 };
    expect(messages({ ...valid, status: 'totalement conforme', audit })).toEqual([
      '2:13: statut « totalement conforme » : un audit à 75 % des critères permet « partiellement conforme » ; corrigez le statut ou le taux',
    ]);
    expect(inspectText({ ...valid, status: 'partiellement conforme', audit }).declaration?.status).toBe('partiellement conforme');
  });

  it('refuses an unknown status, a malformed contact and an unknown key', () => {
    const found = messages({ ...valid, status: 'conforme', contact: { email: 'pas une adresse', form: 'http://exemple.invalid', postal: null }, extra: 1 });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/status|statut/);
    expect(found.join('\n')).toContain('pas une adresse');
    expect(found.join('\n')).toContain('http://exemple.invalid');
    expect(found.join('\n')).toContain('extra');
  });

  it('keeps the contact the publisher records', () => {
    const contact = { email: 'accessibilite@exemple.invalid', form: null, postal: null };
    expect(inspectText({ ...valid, contact }).declaration?.contact).toEqual(contact);
  });
});
