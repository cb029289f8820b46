/**
 * npm run bench:scale [-- 10,60,180]: how validation and the site build scale with the number of
 * reports. For each size, SYNTHETIC reports are generated in a temporary folder
 * (scripts/synthetic.ts), then measured:
 *   - validation in-process: inspectData() on them, median of 3 runs;
 *   - validation as editors run it: `npx tsx scripts/validate.ts`, wall time and peak memory;
 *   - the site build: `npx astro build` (the plain Astro build: no Pagefind index and no PDF
 *     printing, which scripts/build.ts adds), wall time and peak memory.
 * Peak memory is the maximum resident set size of the largest process of the command, from
 * `/usr/bin/time -v` when present, otherwise from process.resourceUsage() in each Node process.
 * Writes benchmarks/scale.json and the « Scale » section of BENCHMARKS.md; deletes the synthetic
 * data when done.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { inspectData } from '../src/data/catalog.ts';
import { checkSynthetic, generateSynthetic } from './synthetic.ts';

const SIZES = (process.argv[2] ?? '10,60,180').split(',').map(Number);
/** Past this, a build is stopped and reported as such. */
const BUILD_LIMIT_S = 600;
/** Past this (¾ of the machine's memory) in one process, a command is stopped before it exhausts the machine. */
const MEMORY_LIMIT_KB = Math.round((os.totalmem() / 1024) * 0.75);
const TARGETS = { buildSeconds: 120, buildCores: 2, validateSeconds: 2, flatRatio: 1.25 };
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

interface Run {
  seconds: number;
  maxRssMB: number | null;
  status: number | null;
  /** Why the command was stopped before its end, if it was. */
  stopped: 'time' | 'memory' | null;
  output: string;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'cep-bench-'));
// Fallback for peak memory: every Node process of the command reports its own at exit.
const preload = path.join(work, 'maxrss.cjs');
writeFileSync(preload, "process.on('exit', () => { try { require('fs').writeSync(2, `\\nCEP_BENCH_MAXRSS ${process.resourceUsage().maxRSS}\\n`); } catch {} });\n");

/** The resident memory (kB) of each process of the tree under `root`. */
function treeRss(root: number): number[] {
  const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' }).stdout ?? '';
  const procs = ps.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of procs) if (tree.has(ppid) && !tree.has(pid)) grew = tree.add(pid) !== undefined;
  }
  return procs.filter(([pid]) => tree.has(pid)).map(([, , rss]) => rss);
}

/**
 * Runs `npx <args>` and measures it. The command is stopped (its own process group only) when it
 * runs longer than `timeoutS` or when one of its processes holds more than MEMORY_LIMIT_KB: a
 * build that would exhaust the machine's memory is reported as such, not run to the end.
 */
async function measure(args: string[], env: Record<string, string>, timeoutS: number): Promise<Run> {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' };
  if (!hasTime) fullEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require=${preload}`.trim();
  const command = hasTime ? [TIME, '-v', 'npx', ...args] : ['npx', ...args];
  const start = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env: fullEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let polledKb = 0;
  let stopped: Run['stopped'] = null;
  const poll = setInterval(() => {
    const largest = Math.max(0, ...treeRss(child.pid!));
    polledKb = Math.max(polledKb, largest);
    const over = largest > MEMORY_LIMIT_KB ? 'memory' : (performance.now() - start) / 1000 > timeoutS ? 'time' : null;
    if (over && !stopped) {
      stopped = over;
      process.kill(-child.pid!, 'SIGKILL');
    }
  }, 500);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearInterval(poll);
  const seconds = (performance.now() - start) / 1000;
  const kb = stopped
    ? polledKb
    : hasTime
      ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1] ?? NaN)
      : Math.max(...[...output.matchAll(/CEP_BENCH_MAXRSS (\d+)/g)].map((m) => Number(m[1])));
  return { seconds, maxRssMB: Number.isFinite(kb) && kb > 0 ? Math.round(kb / 1024) : null, status, stopped, output };
}

function filesUnder(dir: string): { files: number; pages: number; bytes: number } {
  let files = 0;
  let pages = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name === 'index.html') pages++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, pages, bytes };
}

/** Syncs Astro's content store with the project's own chapters (content/). */
function syncContentStore(): void {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.CEP_CONTENT_DIR;
  delete env.CEP_DATA_DIR;
  spawnSync('npx', ['astro', 'sync'], { env, encoding: 'utf8' });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface SizeResult {
  reports: number;
  rulesChecked: number;
  rulesDropped: number;
  generateSeconds: number;
  validateInProcessSeconds: number[];
  validateInProcessMedianSeconds: number;
  validateCliSeconds: number;
  validateCliMaxRssMB: number | null;
  buildSeconds: number | null;
  buildMaxRssMB: number | null;
  /** The build was stopped before its end: too long, or about to exhaust the memory. */
  buildStopped: 'time' | 'memory' | null;
  buildStoppedAfterSeconds: number | null;
  buildFailed: string | null;
  /** Load average (1 min) just before the build: other work on the machine slows it down. */
  loadBeforeBuild: number;
  buildAttempts: number;
  pages: number | null;
  files: number | null;
  outputMB: number | null;
}

const results: SizeResult[] = [];
try {
  for (const n of SIZES) {
    console.error(`\n— ${n} rapports synthétiques`);
    let t = performance.now();
    const set = generateSynthetic(path.join(work, `n${n}`), n);
    const generateSeconds = (performance.now() - t) / 1000;
    checkSynthetic(set);

    const inProcess: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const { catalog } = inspectData(set.dataDir, set.contentDir);
      inProcess.push((performance.now() - t) / 1000);
      if (catalog?.reports.length !== n) throw new Error(`inspectData : ${catalog?.reports.length ?? 0} rapport(s) lus au lieu de ${n}`);
    }
    console.error(`  inspectData : ${inProcess.map((s) => round(s)).join(' / ')} s`);

    const cli = await measure(['tsx', 'scripts/validate.ts'], { CEP_DATA_DIR: set.dataDir, CEP_CONTENT_DIR: set.contentDir }, 300);
    if (cli.status !== 0) throw new Error(`scripts/validate.ts a échoué :\n${cli.output.slice(-2000)}`);
    console.error(`  validate.ts : ${round(cli.seconds)} s, ${cli.maxRssMB} Mo`);

    const outDir = path.join(work, `dist-${n}`);
    // A failed build is tried again (3 attempts, 30 s apart): another build running at the same
    // time on the project (they share .astro/), or src/ being edited, can make one fail.
    // Astro's content store (node_modules/.astro) outlives a build and reuses an entry whose text
    // has not changed, with its old file path: synced back to the project's own chapters, every
    // build starts from the same store, without the chapters of a previous size.
    syncContentStore();
    const loadBeforeBuild = round(os.loadavg()[0]!, 2);
    let build = await measure(['astro', 'build', '--outDir', outDir], { CEP_DATA_DIR: set.dataDir, CEP_CONTENT_DIR: set.contentDir }, BUILD_LIMIT_S);
    let attempts = 1;
    while (build.status !== 0 && !build.stopped && attempts < 3) {
      console.error(`  astro build a échoué (${build.output.trim().split('\n').filter((l) => !/^\t/.test(l)).slice(-2).join(' | ')}) : nouvel essai dans 30 s`);
      rmSync(outDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      build = await measure(['astro', 'build', '--outDir', outDir], { CEP_DATA_DIR: set.dataDir, CEP_CONTENT_DIR: set.contentDir }, BUILD_LIMIT_S);
      attempts++;
    }
    const built = build.status === 0 && existsSync(outDir) ? filesUnder(outDir) : null;
    const failed = build.stopped || build.status === 0 ? null : build.output.trim().split('\n').filter((l) => !/npm warn|^\t/.test(l)).slice(-5).join(' | ');
    const stoppedText = build.stopped === 'time' ? `arrêté après ${BUILD_LIMIT_S} s` : build.stopped === 'memory' ? `arrêté après ${round(build.seconds)} s : un processus dépassait ${Math.round(MEMORY_LIMIT_KB / 1024 / 1024)} Gio` : null;
    console.error(`  astro build : ${stoppedText ?? `${round(build.seconds)} s, ${build.maxRssMB} Mo`}${failed ? ` — ÉCHEC : ${failed}` : ''}`);
    rmSync(outDir, { recursive: true, force: true });

    results.push({
      reports: n,
      rulesChecked: set.reports.reduce((s, r) => s + r.rules, 0),
      rulesDropped: set.reports.reduce((s, r) => s + r.rulesDropped.length, 0),
      generateSeconds: round(generateSeconds),
      validateInProcessSeconds: inProcess.map((s) => round(s, 3)),
      validateInProcessMedianSeconds: round(median(inProcess), 3),
      validateCliSeconds: round(cli.seconds),
      validateCliMaxRssMB: cli.maxRssMB,
      buildSeconds: build.stopped || failed ? null : round(build.seconds),
      buildMaxRssMB: failed ? null : build.maxRssMB,
      buildStopped: build.stopped,
      buildStoppedAfterSeconds: build.stopped ? round(build.seconds) : null,
      buildFailed: failed,
      loadBeforeBuild,
      buildAttempts: attempts,
      pages: built?.pages ?? null,
      files: built?.files ?? null,
      outputMB: built ? round(built.bytes / 1024 / 1024, 1) : null,
    });
    if (build.stopped) {
      console.error(`  build de ${n} rapports arrêté : tailles suivantes non mesurées`);
      break;
    }
  }
} finally {
  // The synthetic sets are kept until here: a stale store entry may still point into one.
  syncContentStore();
  rmSync(work, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Derived figures and targets.

const first = results[0];
const last = results[results.length - 1];
const mid = results.length > 2 ? results[1] : undefined;
const perReport = (r: SizeResult) => ({
  reports: r.reports,
  buildSeconds: r.buildSeconds === null ? null : round(r.buildSeconds / r.reports, 3),
  validateInProcessMs: round((r.validateInProcessMedianSeconds / r.reports) * 1000, 1),
  validateCliMs: round((r.validateCliSeconds / r.reports) * 1000, 1),
});
/** Extra time per extra report between two sizes: the fixed start-up cost cancels out. */
const marginal = (a: SizeResult, b: SizeResult, pick: (r: SizeResult) => number | null) => {
  const x = pick(a);
  const y = pick(b);
  return x === null || y === null ? null : round((y - x) / (b.reports - a.reports), 4);
};
const marginals = [
  ...(first && mid ? [[first, mid] as const] : []),
  ...(mid && last ? [[mid, last] as const] : first && last && first !== last ? [[first, last] as const] : []),
].map(([a, b]) => ({
  from: a.reports,
  to: b.reports,
  buildSecondsPerReport: marginal(a, b, (r) => r.buildSeconds),
  validateInProcessMsPerReport: (() => {
    const m = marginal(a, b, (r) => r.validateInProcessMedianSeconds);
    return m === null ? null : round(m * 1000, 1);
  })(),
  validateCliMsPerReport: (() => {
    const m = marginal(a, b, (r) => r.validateCliSeconds);
    return m === null ? null : round(m * 1000, 1);
  })(),
}));

const cores = os.availableParallelism();
const at180 = results.find((r) => r.reports === 180);
const flat = (key: 'buildSecondsPerReport' | 'validateInProcessMsPerReport' | 'validateCliMsPerReport') => {
  if (marginals.length < 2) return null;
  const [a, b] = [marginals[0]![key], marginals[marginals.length - 1]![key]];
  return a === null || b === null ? null : { first: a, last: b, ratio: round(b / a, 2), pass: b <= a * TARGETS.flatRatio };
};
const targets = [
  {
    target: `180 rapports construits en ≤ ${TARGETS.buildSeconds} s sur ${TARGETS.buildCores} cœurs (astro build)`,
    measured: at180
      ? at180.buildStopped === 'time'
        ? `arrêté après ${BUILD_LIMIT_S} s`
        : at180.buildStopped === 'memory'
          ? `arrêté après ${at180.buildStoppedAfterSeconds} s : plus de ${at180.buildMaxRssMB} Mo de mémoire (limite de la mesure ${Math.round(MEMORY_LIMIT_KB / 1024)} Mo)`
          : at180.buildSeconds === null
            ? 'échec du build'
            : `${at180.buildSeconds} s sur ${cores} cœur(s)`
      : 'non mesuré',
    pass: at180?.buildSeconds != null ? at180.buildSeconds <= TARGETS.buildSeconds : false,
  },
  {
    target: `180 rapports validés en ≤ ${TARGETS.validateSeconds} s (inspectData, en processus)`,
    measured: at180 ? `${at180.validateInProcessMedianSeconds} s` : 'non mesuré',
    pass: at180 ? at180.validateInProcessMedianSeconds <= TARGETS.validateSeconds : false,
  },
  {
    target: `180 rapports validés en ≤ ${TARGETS.validateSeconds} s (npm run validate, démarrage compris)`,
    measured: at180 ? `${at180.validateCliSeconds} s` : 'non mesuré',
    pass: at180 ? at180.validateCliSeconds <= TARGETS.validateSeconds : false,
  },
  ...(['buildSecondsPerReport', 'validateInProcessMsPerReport', 'validateCliMsPerReport'] as const).map((key) => {
    const f = flat(key);
    const label = { buildSecondsPerReport: 'build (s)', validateInProcessMsPerReport: 'inspectData (ms)', validateCliMsPerReport: 'npm run validate (ms)' }[key];
    return {
      target: `coût marginal par rapport stable de ${first?.reports} à ${last?.reports} : ${label}, ${marginals[marginals.length - 1]?.from}→${last?.reports} ≤ ${TARGETS.flatRatio} × ${first?.reports}→${marginals[0]?.to}`,
      measured: f ? `${f.first} puis ${f.last} (× ${f.ratio})` : 'non mesuré',
      pass: f?.pass ?? false,
    };
  }),
];

const machine = {
  date: new Date().toISOString(),
  cores,
  memoryGB: round(os.totalmem() / 1024 ** 3, 1),
  cpu: os.cpus()[0]?.model ?? 'inconnu',
  node: spawnSync('npx', ['node', '--version'], { encoding: 'utf8' }).stdout.trim() || process.version,
  peakMemory: hasTime ? '/usr/bin/time -v (taille résidente maximale du plus gros processus de la commande)' : 'process.resourceUsage().maxRSS de chaque processus Node (le plus grand)',
};
mkdirSync('benchmarks', { recursive: true });
writeFileSync('benchmarks/scale.json', `${JSON.stringify({ machine, targets, results, perReport: results.map(perReport), marginals }, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------
// Table and BENCHMARKS.md.

const cell = (x: number | string | null | undefined) => (x === null || x === undefined ? '—' : String(x));
const rows = results.map((r) => {
  const p = perReport(r);
  return [
    r.reports,
    `${r.rulesChecked} (−${r.rulesDropped})`,
    r.validateInProcessMedianSeconds,
    p.validateInProcessMs,
    r.validateCliSeconds,
    r.validateCliMaxRssMB,
    r.buildStopped ? `arrêté (${r.buildStopped === 'time' ? 'durée' : 'mémoire'}) après ${r.buildStoppedAfterSeconds}` : r.buildFailed ? 'échec' : r.buildSeconds,
    p.buildSeconds,
    r.buildStopped === 'memory' ? `> ${r.buildMaxRssMB}` : r.buildMaxRssMB,
    r.pages,
    r.files,
    r.loadBeforeBuild,
  ].map(cell);
});
const header = ['rapports', 'règles vérifiées (écartées)', 'inspectData (s)', 'par rapport (ms)', 'npm run validate (s)', 'pic mémoire validate (Mo)', 'astro build (s)', 'par rapport (s)', 'pic mémoire build (Mo)', 'pages', 'fichiers', 'charge avant build'];
const markdownTable = (head: string[], body: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

console.log(`\n${markdownTable(header, rows)}\n`);
for (const t of targets) console.log(`${t.pass ? 'OK   ' : 'ÉCHEC'} ${t.target} : ${t.measured}`);

const section = `<!-- scale:start -->
## Scale (passage à l'échelle)

Mesuré le ${machine.date.slice(0, 10)} par \`npm run bench:scale\` (scripts/bench-scale.ts) sur une machine à
**${machine.cores} cœurs** (${machine.cpu}) et **${machine.memoryGB} Gio** de mémoire, Node ${machine.node}.

Les rapports sont SYNTHÉTIQUES (scripts/synthetic.ts) : la forme des deux rapports publiés qui ont le plus de
jeux de données (mêmes descripteurs, colonnes et règles), un par (région, année) sur les
18 régions × 2015–2024, avec des chiffres pseudo-aléatoires rendus cohérents avec les règles (les quelques
règles impossibles à tenir sont écartées, colonne « règles »), et un court chapitre chacun avec un \`<Value>\`
et un \`<DataTable>\`. Ils vivent dans un dossier temporaire, supprimé après la mesure.

- **inspectData** : le validateur dans le processus (médiane de 3 passes, schémas JSON déjà compilés).
- **npm run validate** : \`CEP_DATA_DIR=… CEP_CONTENT_DIR=… npx tsx scripts/validate.ts\`, temps écoulé, démarrage
  de Node et tsx compris (avec ce que le script vérifie en plus des données, les chapitres par exemple).
- **astro build** : \`CEP_DATA_DIR=… CEP_CONTENT_DIR=… npx astro build --outDir <tmp>\`, le build Astro seul :
  **sans** l'index Pagefind ni l'impression des PDF qu'ajoute \`npm run build\` (scripts/build.ts).
- Pic mémoire : ${machine.peakMemory}.
- Charge avant build : charge moyenne de la machine sur 1 min juste avant le build (au-dessus de 0,5, d'autres
  travaux tournaient en même temps et ralentissent la mesure).

${markdownTable(header, rows)}

Coût marginal (temps en plus par rapport en plus entre deux tailles, ce qui retire le coût fixe de démarrage) :

${markdownTable(
  ['de → à', 'astro build (s / rapport)', 'inspectData (ms / rapport)', 'npm run validate (ms / rapport)'],
  marginals.map((m) => [`${m.from} → ${m.to}`, cell(m.buildSecondsPerReport), cell(m.validateInProcessMsPerReport), cell(m.validateCliMsPerReport)]),
)}

Objectifs :

${markdownTable(['', 'objectif', 'mesuré'], targets.map((t) => [t.pass ? 'atteint' : '**non atteint**', t.target, t.measured]))}
${results.some((r) => r.buildStopped === 'time') ? `\nUn build de plus de ${BUILD_LIMIT_S} s a été arrêté ; les tailles suivantes n'ont pas été mesurées.\n` : ''}${results.some((r) => r.buildStopped === 'memory') ? `\nUn build a été arrêté quand l'un de ses processus a dépassé ${Math.round(MEMORY_LIMIT_KB / 1024)} Mo (¾ de la mémoire de la machine) ; les tailles suivantes n'ont pas été mesurées.\n` : ''}${results.some((r) => r.buildFailed) ? `\nÉchecs du build : ${results.filter((r) => r.buildFailed).map((r) => `${r.reports} rapports : ${r.buildFailed}`).join(' ; ')}\n` : ''}
${results.some((r) => r.buildAttempts > 1) ? `\nBuild relancé après un échec (src/ modifié ou autre build en cours au même moment) : ${results.filter((r) => r.buildAttempts > 1).map((r) => `${r.reports} rapports, ${r.buildAttempts} essais`).join(' ; ')} ; le temps donné est celui de l'essai réussi.\n` : ''}
Chiffres bruts : [benchmarks/scale.json](benchmarks/scale.json).
<!-- scale:end -->`;

const file = 'BENCHMARKS.md';
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const updated = previous.includes('<!-- scale:start -->')
  ? previous.replace(/<!-- scale:start -->[\s\S]*<!-- scale:end -->/, () => section)
  : `${previous.trimEnd()}\n\n${section}\n`;
writeFileSync(file, updated);
console.log(`\nbenchmarks/scale.json et ${file} écrits.`);
