/**
 * A problem found in the data, located for the editor who must fix it.
 * Printed as `file:line:column: message`, the form editors and CI annotations understand.
 */
export interface DataIssue {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 1 when the problem concerns the whole line or file. */
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatIssue(issue: DataIssue): string {
  const prefix = issue.severity === 'warning' ? 'avertissement : ' : '';
  return `${issue.file}:${issue.line}:${issue.column}: ${prefix}${issue.message}`;
}

/** Thrown when the data cannot be published: the build must stop and print every issue. */
export class DataValidationError extends Error {
  constructor(readonly issues: DataIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(
      `Données invalides : ${errors.length} erreur(s).\n` + errors.map(formatIssue).join('\n'),
    );
    this.name = 'DataValidationError';
  }
}

/** Quotes a value the way messages show it: « 12 479 ». */
export function quote(value: string): string {
  return `« ${value} »`;
}
