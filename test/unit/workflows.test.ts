/**
 * The GitHub workflows (.github/workflows/) against the rest of the repository: the npm scripts
 * they call exist, CI runs README's test command, validates, builds, posts the data diff and keeps
 * the preview; deploy builds with the base path and publishes dist/ on Pages. GitHub runs these
 * files only once pushed, so what can break them here is checked here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findChromium } from '../../src/browser/chromium.ts';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string> | string;
  environment?: { name: string; url?: string } | string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean | string };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

function loadWorkflow(file: string): Workflow {
  const doc = parseDocument(read(file), { uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return doc.toJS() as Workflow;
}

const ci = loadWorkflow('.github/workflows/ci.yml');
const deploy = loadWorkflow('.github/workflows/deploy.yml');
const workflows = { 'ci.yml': ci, 'deploy.yml': deploy };
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string } };

const allSteps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow) => allSteps(w).flatMap((s) => (s.run ? [s.run] : []));

/** The npm scripts a shell text calls: `npm run [flags] <name>`, and the `npm test` / `npm start` shorthands. */
function npmScripts(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\bnpm\s+(?:run|run-script|rum|urn)((?:\s+-[\w-]+(?:=\S+)?)*)\s+([^\s;&|>"'`]+)/g)) names.push(m[2]!);
  for (const m of text.matchAll(/\bnpm\s+(test|start|stop|restart|t|tst)\b/g)) names.push(m[1] === 't' || m[1] === 'tst' ? 'test' : m[1]!);
  return names;
}

/** The index of the one step matching, in a job's steps; fails when none or several match. */
function stepIndex(steps: Step[], what: string, match: (s: Step) => boolean): number {
  const found = steps.flatMap((s, i) => (match(s) ? [i] : []));
  expect(found, `one step that ${what}`).toHaveLength(1);
  return found[0]!;
}
const runsExactly = (command: string) => (s: Step) => s.run?.trim() === command;
const runsScript = (name: string) => (s: Step) => !!s.run && npmScripts(s.run).includes(name);
const usesAction = (action: string) => (s: Step) => !!s.uses && s.uses.split('@')[0] === action;

/**
 * A small evaluator of GitHub expressions (`${{ … }}`): literals, context paths, `||`, `&&`,
 * `==`, `!=`, `!`, parentheses and format(). Enough to check what a default gives.
 */
function evaluate(expression: string, context: Record<string, unknown>): unknown {
  const m = /^\$\{\{(.*)\}\}$/s.exec(expression.trim());
  if (!m) return expression;
  const tokens = m[1]!.match(/'(?:[^']|'')*'|\|\||&&|==|!=|[(),!]|[\w.-]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++]!;
  const truthy = (v: unknown) => v !== '' && v !== 0 && v !== false && v !== null && v !== undefined;
  const primary = (): unknown => {
    const t = next();
    if (t === '(') {
      const v = or();
      expect(next()).toBe(')');
      return v;
    }
    if (t === '!') return !truthy(primary());
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (/^-?\d/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (t === 'format' && peek() === '(') {
      next();
      const args: unknown[] = [or()];
      while (peek() === ',') {
        next();
        args.push(or());
      }
      expect(next()).toBe(')');
      return String(args[0]).replace(/\{(\d+)\}/g, (_, n: string) => String(args[Number(n) + 1] ?? ''));
    }
    expect(t, 'a context path').toMatch(/^[A-Za-z_][\w-]*(\.[\w-]+)*$/);
    return t.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), context) ?? '';
  };
  const equality = (): unknown => {
    let v = primary();
    while (peek() === '==' || peek() === '!=') {
      const op = next();
      const w = primary();
      v = op === '==' ? String(v).toLowerCase() === String(w).toLowerCase() : String(v).toLowerCase() !== String(w).toLowerCase();
    }
    return v;
  };
  const and = (): unknown => {
    let v = equality();
    while (peek() === '&&') {
      next();
      const w = equality();
      v = truthy(v) ? w : v;
    }
    return v;
  };
  const or = (): unknown => {
    let v = and();
    while (peek() === '||') {
      next();
      const w = and();
      v = truthy(v) ? v : w;
    }
    return v;
  };
  const value = or();
  expect(i, `the whole expression ${expression} was read`).toBe(tokens.length);
  return value;
}

describe('workflow expression evaluator (used below)', () => {
  it('reads literals, paths, || and format() as GitHub does', () => {
    const ctx = { vars: { A: '' }, steps: { s: { outputs: { p: '/x' } } } };
    expect(evaluate("${{ vars.A || format('{0}/', steps.s.outputs.p) }}", ctx)).toBe('/x/');
    expect(evaluate("${{ vars.A || 'd' }}", { vars: { A: 'set' } })).toBe('set');
    expect(evaluate("${{ vars.B == 'x' && 'y' || 'z' }}", { vars: { B: 'X' } })).toBe('y');
  });
});

describe.each(Object.entries(workflows))('%s', (file, w) => {
  it('calls only npm scripts that package.json defines', () => {
    const called = runs(w).flatMap(npmScripts);
    expect(called.length).toBeGreaterThan(0);
    for (const name of called) expect(Object.keys(pkg.scripts), `npm run ${name} in ${file}`).toContain(name);
  });

  it('calls npm scripts whose files exist (scripts/diff.ts: the data diff)', () => {
    for (const name of new Set(runs(w).flatMap(npmScripts))) {
      const command = pkg.scripts[name] ?? '';
      for (const m of command.matchAll(/\b(?:tsx|node)\s+(\S+\.[cm]?[jt]s)\b/g))
        expect(existsSync(path.join(root, m[1]!)), `${m[1]} (npm run ${name} in ${file})`).toBe(true);
    }
  });

  it('installs with npm install, never npm ci', () => {
    for (const job of Object.values(w.jobs)) {
      if (!job.steps.some((s) => s.run && npmScripts(s.run).length > 0)) continue;
      const install = stepIndex(job.steps, 'runs npm install', (s) => !!s.run && /^npm install(\s|$)/.test(s.run.trim()));
      const firstScript = job.steps.findIndex((s) => s.run && npmScripts(s.run).length > 0);
      expect(install).toBeLessThan(firstScript);
    }
    for (const run of runs(w)) expect(run).not.toMatch(/\bnpm\s+(ci|clean-install|install-clean)\b/);
  });

  it("sets up the Node major of package.json's engines, with the npm cache", () => {
    const major = /\d+/.exec(pkg.engines.node)![0];
    const setups = allSteps(w).filter(usesAction('actions/setup-node'));
    expect(setups.length).toBeGreaterThan(0);
    for (const s of setups) {
      expect(String(s.with?.['node-version'])).toBe(major);
      expect(s.with?.cache).toBe('npm');
    }
  });

  it('pins every action to a major version (or a commit)', () => {
    for (const s of allSteps(w)) if (s.uses) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@(v\d+|[0-9a-f]{40})$/);
  });

  it('disables Astro telemetry for the whole workflow', () => {
    expect(w.env?.ASTRO_TELEMETRY_DISABLED).toBe('1');
  });

  it('installs Chromium where src/browser/chromium.ts looks for it, before the steps that print or test', () => {
    // The launcher takes CHROMIUM_PATH over the usual paths.
    expect(findChromium({ env: { CHROMIUM_PATH: '/ci/chrome' }, exists: () => true })).toBe('/ci/chrome');
    for (const job of Object.values(w.jobs)) {
      const needsBrowser = job.steps.findIndex((s) => runsScript('test')(s) || runsScript('build')(s));
      if (needsBrowser < 0) continue;
      const chromium = stepIndex(job.steps, 'installs Chromium and sets CHROMIUM_PATH', (s) => !!s.run && /CHROMIUM_PATH=.*>>\s*"?\$GITHUB_ENV"?/.test(s.run));
      expect(job.steps[chromium]!.run).toMatch(/playwright-core install --with-deps\b.*\bchromium\b/);
      expect(chromium).toBeLessThan(needsBrowser);
    }
  });
});

describe('ci.yml', () => {
  const job = Object.values(ci.jobs);
  const steps = job[0]!.steps;

  it('runs on pull requests, not on pushes', () => {
    expect(Object.keys(ci.on)).toContain('pull_request');
    expect(ci.on.pull_request?.branches).toBeUndefined();
    expect(ci.on).not.toHaveProperty('push');
    expect(job).toHaveLength(1);
  });

  it('reads the repository only, and cancels the older run of the same pull request', () => {
    expect(ci.permissions).toEqual({ contents: 'read' });
    for (const j of job) expect(j.permissions ?? {}).toEqual(expect.not.objectContaining({ contents: 'write' }));
    expect(ci.concurrency?.group).toContain('${{ github.event.pull_request.number }}');
    expect(ci.concurrency?.['cancel-in-progress']).toBe(true);
  });

  it('checks out the full history, so that the base branch is there for the diff', () => {
    const checkout = steps[stepIndex(steps, 'checks out', usesAction('actions/checkout'))]!;
    expect(checkout.with?.['fetch-depth']).toBe(0);
  });

  it("runs README's test command, after validate and before build", () => {
    const readme = read('README.md');
    const block = /whole test suite[^\n]*\n+```sh\n([^`]+)```/.exec(readme);
    expect(block, 'README gives the test command in a ```sh block after « whole test suite »').not.toBeNull();
    const commands = block![1]!.trim().split(/\s*&&\s*/);
    expect(commands[0]).toBe('npm install');
    const testCommand = commands.at(-1)!;
    const install = stepIndex(steps, `runs ${commands[0]}`, (s) => !!s.run && s.run.trim().startsWith(commands[0]!));
    const validate = stepIndex(steps, 'runs npm run validate', runsScript('validate'));
    const test = stepIndex(steps, `runs ${testCommand}`, runsExactly(testCommand));
    const build = stepIndex(steps, 'runs npm run build', runsExactly('npm run build'));
    expect(install).toBeLessThan(validate);
    expect(validate).toBeLessThan(test);
    expect(test).toBeLessThan(build);
  });

  it('validates with --base origin/<base branch>: released editions of the base stay as they are', () => {
    const step = steps[stepIndex(steps, 'runs npm run validate', runsScript('validate'))]!;
    const m = /^npm\s+run\s+validate\s+--\s+--base\s+"?origin\/([^\s"]+)"?$/.exec(step.run!.trim());
    expect(m, step.run).not.toBeNull();
    const ref = m![1]!.startsWith('$') ? step.env?.[m![1]!.replace(/^\$\{?|\}$/g, '')] : m![1];
    expect(ref).toBe('${{ github.base_ref }}');
  });

  it('writes the data diff against origin/<base branch> into the job summary, after the build', () => {
    const index = stepIndex(steps, 'runs npm run diff', runsScript('diff'));
    const step = steps[index]!;
    const m = /\bnpm\s+run\s+(?:--silent\s+|-s\s+)?diff\s+--\s+"?origin\/([^\s">]+)"?\s*>>\s*"?\$GITHUB_STEP_SUMMARY"?\s*$/.exec(step.run!.trim());
    expect(m, step.run).not.toBeNull();
    // The base branch, straight from the expression or through the step's environment.
    const ref = m![1]!.startsWith('$') ? step.env?.[m![1]!.replace(/^\$\{?|\}$/g, '')] : m![1];
    expect(ref).toBe('${{ github.base_ref }}');
    // npm's own banner (« > cep-rapports@… diff ») would land in the summary without --silent.
    expect(step.run).toMatch(/npm\s+run\s+(--silent|-s)\s+diff\b/);
    expect(index).toBeGreaterThan(stepIndex(steps, 'runs npm run build', runsExactly('npm run build')));
  });

  it('uploads dist/ as a preview artifact kept a limited time, after the build', () => {
    const index = stepIndex(steps, 'uploads an artifact', usesAction('actions/upload-artifact'));
    const upload = steps[index]!;
    expect(String(upload.with?.path).replace(/\/$/, '')).toBe('dist');
    const retention = Number(upload.with?.['retention-days']);
    expect(retention).toBeGreaterThanOrEqual(1);
    expect(retention).toBeLessThanOrEqual(90);
    expect(upload.with?.['if-no-files-found']).toBe('error');
    expect(index).toBeGreaterThan(stepIndex(steps, 'runs npm run build', runsExactly('npm run build')));
  });

});

describe('deploy.yml', () => {
  const build = deploy.jobs.build!;
  const publish = Object.entries(deploy.jobs).find(([, j]) => j.steps.some(usesAction('actions/deploy-pages')));

  it('runs on pushes to main and by hand, never on pull requests', () => {
    expect(deploy.on.push?.branches).toEqual(['main']);
    expect(Object.keys(deploy.on)).toContain('workflow_dispatch');
    expect(deploy.on).not.toHaveProperty('pull_request');
    expect(deploy.on).not.toHaveProperty('pull_request_target');
  });

  it('deploys one at a time and never cancels a deployment under way', () => {
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds with npm run build (which validates), with CEP_BASE_PATH and CEP_SITE_URL from the repository variables', () => {
    const steps = build.steps;
    const index = stepIndex(steps, 'runs npm run build', runsScript('build'));
    const env = steps[index]!.env ?? {};
    expect(env.CEP_BASE_PATH).toMatch(/\bvars\.CEP_BASE_PATH\b/);
    expect(env.CEP_SITE_URL).toMatch(/\bvars\.CEP_SITE_URL\b/);
    // The build validates first: a broken main publishes nothing.
    expect(read('scripts/build.ts')).toMatch(/run\('tsx', \['scripts\/validate\.ts'\]\)/);
    // astro.config.mjs reads both, through src/site/deploy.ts.
    const config = read('astro.config.mjs');
    expect(config).toMatch(/\bbase: basePath\(\)/);
    expect(config).toMatch(/\bsite: siteUrl\(\)/);
    const deploy = read('src/site/deploy.ts');
    expect(deploy).toMatch(/process\.env\.CEP_BASE_PATH/);
    expect(deploy).toMatch(/process\.env\.CEP_SITE_URL/);
  });

  it('takes the variables when set, and otherwise the Pages site: /<repository>/ for a project site, / for a custom domain', () => {
    const steps = build.steps;
    const env = steps[stepIndex(steps, 'runs npm run build', runsScript('build'))]!.env!;
    const pages = (basePath: string, origin: string) => ({ steps: { pages: { outputs: { base_path: basePath, origin } } }, github: { repository: 'dreets/cep-rapports', repository_owner: 'dreets' } });
    const project = { vars: {}, ...pages('/cep-rapports', 'https://dreets.github.io') };
    expect(evaluate(env.CEP_BASE_PATH!, project)).toBe('/cep-rapports/');
    expect(evaluate(env.CEP_SITE_URL!, project)).toBe('https://dreets.github.io');
    const custom = { vars: {}, ...pages('', 'https://rapports-cep.example.fr') };
    expect(evaluate(env.CEP_BASE_PATH!, custom)).toBe('/');
    expect(evaluate(env.CEP_SITE_URL!, custom)).toBe('https://rapports-cep.example.fr');
    const set = { vars: { CEP_BASE_PATH: '/rapports/', CEP_SITE_URL: 'https://x.example' }, ...pages('/cep-rapports', 'https://dreets.github.io') };
    expect(evaluate(env.CEP_BASE_PATH!, set)).toBe('/rapports/');
    expect(evaluate(env.CEP_SITE_URL!, set)).toBe('https://x.example');
    // The Pages outputs used come from configure-pages, run before the build.
    const configure = stepIndex(steps, 'configures Pages', usesAction('actions/configure-pages'));
    expect(steps[configure]!.id).toBe('pages');
    expect(configure).toBeLessThan(stepIndex(steps, 'runs npm run build', runsScript('build')));
  });

  it('uploads dist/ as the Pages artifact after the build, and deploys it in the github-pages environment', () => {
    const steps = build.steps;
    const upload = stepIndex(steps, 'uploads the Pages artifact', usesAction('actions/upload-pages-artifact'));
    expect(String(steps[upload]!.with?.path).replace(/\/$/, '')).toBe('dist');
    expect(upload).toBeGreaterThan(stepIndex(steps, 'runs npm run build', runsScript('build')));
    expect(publish, 'a job runs actions/deploy-pages').toBeDefined();
    const [name, job] = publish!;
    expect(name).not.toBe('build');
    expect([job.needs].flat()).toContain('build');
    expect(job.environment).toMatchObject({ name: 'github-pages' });
    expect(job.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('refuses to publish an edition in preparation: validate --released runs before the build', () => {
    const steps = build.steps;
    const check = stepIndex(steps, 'runs npm run validate -- --released', runsExactly('npm run validate -- --released'));
    expect(check).toBeLessThan(stepIndex(steps, 'runs npm run build', runsScript('build')));
  });

  it('grants write access only to the deploying job', () => {
    expect(deploy.permissions).toEqual({ contents: 'read' });
    expect(JSON.stringify(build.permissions ?? {})).not.toContain('write');
  });
});

describe('.github/pull_request_template.md', () => {
  it('names only npm scripts that package.json defines', () => {
    const called = npmScripts(read('.github/pull_request_template.md'));
    expect(called).toEqual(expect.arrayContaining(['validate', 'release']));
    for (const name of called) expect(Object.keys(pkg.scripts)).toContain(name);
  });
});
