/**
 * npm run build: validate the data, build the site into a temporary folder, and only when
 * everything succeeded replace dist/. A failed build publishes nothing and leaves the
 * previous dist/ untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const outDir = path.resolve(process.argv[2] ?? 'dist');
const staging = `${outDir}.staging`;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nÉchec de « ${[command, ...args].join(' ')} » : ${outDir} n'a pas été modifié.`);
    process.exit(result.status ?? 1);
  }
}

rmSync(staging, { recursive: true, force: true });
run('tsx', ['scripts/validate.ts']);
run('astro', ['build', '--outDir', staging]);
if (existsSync(outDir)) rmSync(outDir, { recursive: true });
renameSync(staging, outDir);
console.log(`Site construit dans ${outDir}`);
