#!/usr/bin/env node
// Everything `npm start` or `npm test` needs on this machine, made ready before they run (npm's
// prestart and pretest hooks; .ci/run too): the system packages of the embedded servers (and,
// for the tests, Chromium), installed with apt-get when running as root on Debian/Ubuntu; the npm
// packages when node_modules is missing or differs from package-lock.json, with patches/ applied;
// FerretDB built once.
// What it cannot install it names, all in one paragraph, and exits 1. No dependencies: it runs
// before node_modules exists.
//
//   node scripts/setup.mjs start|test
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] === 'test' ? 'test' : 'start';
const env = process.env;

/** An executable on PATH (or at one of `paths`), like a shell's `command -v`. */
function found(name, paths = []) {
  return [...paths, ...(env.PATH ?? '').split(delimiter).map((dir) => join(dir, name))].some((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const hasPostgres = () =>
  Boolean(env.PG_BIN) ||
  (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((version) => existsSync(join('/usr/lib/postgresql', version, 'bin', 'initdb')))) ||
  (found('postgres') && found('initdb'));
/** The embedded store is FerretDB on PostgreSQL unless a MongoDB is configured or installed. */
const needsFerretdb = !env.MONGODB_URI && !found('mongod') && !env.FERRETDB_BIN;

/**
 * The system packages (Debian names) govflow's servers and suites use; `optional` ones only make
 * things nicer (the CJK font: legible Chinese in the browser suites' screenshots).
 */
const packages = [
  { name: 'redis-server', wanted: !env.REDIS_URL, present: () => found('redis-server'), why: 'the local Redis, or set REDIS_URL' },
  { name: 'postgresql', wanted: needsFerretdb, present: hasPostgres, why: "the embedded store's PostgreSQL, or set MONGODB_URI or put mongod on PATH" },
  { name: 'patch', wanted: needsFerretdb, present: () => found('patch'), why: 'building FerretDB' },
  { name: 'chromium', wanted: purpose === 'test', present: () => existsSync('/usr/bin/chromium'), why: 'the browser suites (at /usr/bin/chromium)' },
  { name: 'python3-venv', wanted: purpose === 'test', optional: true, present: () => spawnSync('python3', ['-c', 'import ensurepip, venv']).status === 0, why: "schemathesis's virtualenv in CI (.ci/run)" },
  { name: 'fonts-wqy-microhei', wanted: purpose === 'test', optional: true, present: () => existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'), why: 'Chinese text in screenshots' },
];

/** Installs the missing system packages as root with apt-get; returns those left missing. */
function installSystemPackages() {
  const missing = packages.filter((item) => item.wanted && !item.present());
  if (missing.length === 0 || process.getuid?.() !== 0 || !found('apt-get')) return missing;
  const names = missing.map((item) => item.name);
  console.error(`setup: installing ${names.join(' ')}…`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
  execFileSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv });
  return [];
}

/** What the project cannot install: Node itself, and Go to build FerretDB. */
function unmetPrerequisites() {
  const unmet = [];
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) unmet.push(`Node 20.19 or newer (this is ${process.versions.node})`);
  const ferretdbBuilt = existsSync(join(root, '.govflow', 'bin', 'ferretdb'));
  if (needsFerretdb && !found('go') && !ferretdbBuilt) unmet.push('Go 1.22+ to build FerretDB once (https://go.dev/dl/), or MONGODB_URI set to a running MongoDB');
  return unmet;
}

/** npm's own record of what it installed (node_modules/.package-lock.json) against package-lock.json. */
function packagesStale() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  const wanted = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
  const have = JSON.parse(readFileSync(installed, 'utf8')).packages;
  return Object.entries(wanted).some(([path, entry]) => path !== '' && (have[path] ? !entry.link && have[path].version !== entry.version : !entry.optional));
}

const unmet = unmetPrerequisites();
const left = installSystemPackages();
const needed = left.filter((item) => !item.optional);
if (unmet.length > 0 || needed.length > 0) {
  const names = needed.map((item) => item.name);
  console.error(
    `govflow cannot set itself up for \`npm ${purpose}\` on this machine. It needs ` +
      [...unmet, ...needed.map((item) => `${item.name} for ${item.why}`)].join('; ') +
      '.' +
      (names.length > 0 ? ` Install the packages as root (Debian/Ubuntu: \`sudo apt-get install ${names.join(' ')}\`; running this as root does it by itself)` : '') +
      (unmet.length > 0 ? `${names.length > 0 ? ', and' : ' Install'} what else is named` : '') +
      ', then run it again.',
  );
  process.exit(1);
}
for (const item of left) console.error(`setup: not installed (optional): ${item.name}, ${item.why}`);
if (packagesStale()) {
  console.error('setup: installing npm packages (npm ci)…');
  // the npm running this hook, else the one on PATH; its postinstall applies patches/
  const [npm, npmArgs] = env.npm_execpath ? [process.execPath, [env.npm_execpath]] : ['npm', []];
  try {
    execFileSync(npm, [...npmArgs, 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  } catch {
    process.exit(1); // npm has said why
  }
} else {
  // patches/ mends dependencies where upstream has not yet: applied on packages already there, so a
  // patch added after the last install takes effect
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'patch-package', 'index.js'), '--error-on-fail'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    process.exit(1); // patch-package has said which patch failed
  }
}
if (needsFerretdb) {
  try {
    execFileSync('bash', [join(root, 'scripts', 'install-ferretdb.sh')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    process.exit(1); // the script has said why
  }
}
