/**
 * Global setup of the browser tests: build the site as `npm run build` does, serve it with
 * `astro preview` on a port of its own, and hand its URL to the tests. `--ignore-lock`: Astro
 * otherwise refuses a second preview server of the same project (a developer's may be running).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

const PORT = 4329;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function waitFor(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], { env, detached: true, stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${PORT}`;
  await waitFor(`${baseUrl}/`, Date.now() + 30_000);
  project.provide('baseUrl', baseUrl);
  return () => process.kill(-server.pid!, 'SIGTERM');
}
