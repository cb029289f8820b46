/**
 * Only regular files and folders under data/ and content/. A symbolic link would let a file
 * outside the repository, or outside a frozen edition, be read and published as part of it
 * (the lock lists regular files only); a FIFO would block the reader; a device or a socket has
 * no place in a report. One walk, run by inspectData before any other reader, lists them
 * without following anything; while one is there, nothing else is read.
 */
import { existsSync, readdirSync, readlinkSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { quote, type DataIssue } from './issues.ts';
import { displayPath } from './paths.ts';

export interface IrregularEntry {
  /** Absolute path of the entry. */
  file: string;
  kind: 'symlink' | 'fifo' | 'socket' | 'device';
}

function kindOf(entry: Dirent): IrregularEntry['kind'] | undefined {
  if (entry.isFile() || entry.isDirectory()) return undefined;
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  return 'device';
}

/** Every entry below `root` that is neither a regular file nor a folder, in path order; links are not followed. */
export function irregularEntries(root: string): IrregularEntry[] {
  if (!existsSync(root)) return [];
  const found: IrregularEntry[] = [];
  const walk = (dir: string) => {
    // Dirent types come from the entry itself (lstat), never from what a link points to.
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      const kind = kindOf(entry);
      if (kind) found.push({ file, kind });
      else if (entry.isDirectory()) walk(file);
    }
  };
  walk(root);
  return found;
}

function message(entry: IrregularEntry): string {
  const why = 'data/ et content/ ne contiennent que des fichiers et des dossiers ordinaires';
  switch (entry.kind) {
    case 'symlink':
      return `lien symbolique vers ${quote(readlinkSync(entry.file))} : ${why}, rien n'y suit un lien ; remplacez le lien par le fichier lui-même (ou le dossier), copié à sa place`;
    case 'fifo':
      return `tube nommé (FIFO) : ${why} ; supprimez-le`;
    case 'socket':
      return `socket : ${why} ; supprimez-la`;
    case 'device':
      return `fichier de périphérique : ${why} ; supprimez-le`;
  }
}

/** The irregular entries of the roots, as located errors (line 1, column 1 of the entry). */
export function checkRegularFiles(roots: string[]): DataIssue[] {
  return roots.flatMap(irregularEntries).map((entry) => ({ file: displayPath(entry.file), line: 1, column: 1, severity: 'error', message: message(entry) }));
}
