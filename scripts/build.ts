/**
 * npm run build: validate the data, build the site into a staging folder, index it for search
 * (Pagefind), print each report to PDF (Chromium), and only when all of that succeeded replace
 * dist/. A failed build publishes nothing and leaves the previous dist/ untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { printReports } from './pdf.ts';

const outDir = path.resolve(process.argv[2] ?? 'dist');
const staging = `${outDir}.staging`;
// Astro reads BASE_URL from the environment over its own `base` (CEP_BASE_PATH): never pass one on
// (vitest, for one, sets it).
const { BASE_URL: _inherited, ...inherited } = process.env;
const env = { ...inherited, ASTRO_TELEMETRY_DISABLED: '1' };

function fail(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\n${message} : ${outDir} n'a pas été modifié.`);
  process.exit(1);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) fail(`Échec de « ${[command, ...args].join(' ')} »`);
}

rmSync(staging, { recursive: true, force: true });
run('tsx', ['scripts/validate.ts']);
run('astro', ['build', '--outDir', staging]);
run('pagefind', ['--site', staging, '--quiet']);
try {
  await printReports(staging);
} catch (error) {
  fail(`Impression des PDF impossible (${(error as Error).message}) ; Chromium est-il installé (apt-get install chromium) ?`);
}
if (existsSync(outDir)) rmSync(outDir, { recursive: true });
renameSync(staging, outDir);
console.log(`Site construit dans ${outDir}`);
