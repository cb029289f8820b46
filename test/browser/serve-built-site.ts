/**
 * Global setup of the browser tests: build the site as `npm run build` does, serve it with
 * `astro preview` on a free port, and hand its URL to the tests. `--ignore-lock`: Astro
 * otherwise refuses a second preview server of the same project (a developer's may be running).
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { serve } from '../../src/browser/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // A deployed site's address (obviously fictional unless one is configured), as the deployment
  // gives one: the PDFs link there, and test/browser/pdf.test.ts checks that they never link to
  // the local server they were printed from.
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CEP_SITE_URL: process.env.CEP_SITE_URL || 'https://rapports-cep.example' };
  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  // A free port: several checkouts (or a developer's preview) may run their tests at once.
  const served = await serve('dist');
  project.provide('baseUrl', served.url);
  return () => served.stop();
}
