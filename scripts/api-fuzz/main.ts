import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roles } from '../../engine';
import { projectRoot, startLocalServices } from '../services';
import { startFuzzServer } from './fuzz-server';
import { runSchemathesis } from './schemathesis';

/** Where .ci/run installs schemathesis, in a virtualenv of its own. */
const ciSchemathesis = join(projectRoot, '.govflow', 'schemathesis', 'bin', 'st');

/**
 * `npm run fuzz` and CI: schemathesis against /api/openapi.json as every role, on a fresh store
 * with the demo data (fuzz-server.ts says why one store serves every role) on local services (or
 * MONGODB_URI / REDIS_URL). Exits 1 when any role saw a server error or an answer the document does
 * not describe; JUnit reports in test-output/api-fuzz. Bounded and reproducible: GOVFLOW_FUZZ_EXAMPLES
 * per operation in the fuzzing phase (default 10; the coverage phase adds its boundary cases),
 * GOVFLOW_FUZZ_WORKERS in parallel (default 1: hypothesis in threads trips CPython 3.11's "AST constructor
 * recursion depth mismatch"), GOVFLOW_FUZZ_SEED (default 11), GOVFLOW_FUZZ_TIMEOUT
 * seconds per role (default 120), GOVFLOW_FUZZ_ROLES to fuzz only some (default all), SCHEMATHESIS the `st` to run (default: .ci/run's, else `st` on PATH).
 */
async function main(): Promise<number> {
  const settings = {
    executable: process.env.SCHEMATHESIS ?? (existsSync(ciSchemathesis) ? ciSchemathesis : 'st'),
    maxExamples: positive('GOVFLOW_FUZZ_EXAMPLES', 10),
    workers: positive('GOVFLOW_FUZZ_WORKERS', 1),
    seed: positive('GOVFLOW_FUZZ_SEED', 11),
    timeoutMs: positive('GOVFLOW_FUZZ_TIMEOUT', 120) * 1000,
  };
  const only = process.env.GOVFLOW_FUZZ_ROLES?.split(',');
  const fuzzed = roles.filter((name) => !only || only.includes(name));
  const dataDir = mkdtempSync(join(tmpdir(), 'govflow-fuzz-'));
  const services = await startLocalServices({ dataDir, persistRedis: false });
  const failed: string[] = [];
  try {
    const started = Date.now();
    const server = await startFuzzServer(services, fuzzed);
    process.stdout.write(`a fresh store with the demo data in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    try {
      const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
      for (const role of fuzzed) {
        const operations = operationsOf(document, role);
        process.stdout.write(`\n── schemathesis as ${role}: ${operations.length} operations (seed ${settings.seed}, at most ${settings.maxExamples} examples each)\n`);
        const reportDir = join(projectRoot, 'test-output', 'api-fuzz', role);
        const run = { ...settings, schemaUrl: `${server.url}/api/openapi.json`, token: server.tokens.get(role) as string, operations, reportDir };
        if (!(await runSchemathesis(run))) failed.push(role);
      }
    } finally {
      await server.close();
    }
  } finally {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(failed.length === 0 ? '\nschemathesis: every role passed\n' : `\nschemathesis failed as ${failed.join(', ')}\n`);
  return failed.length === 0 ? 0 : 1;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { 'x-roles'?: string[] }>>;
}

/**
 * The operations a role may call, and the public ones: any other answers the role 403 before it
 * reads its input (routeMiddleware authorises first), so fuzzing it as that role finds nothing new.
 */
function operationsOf(document: OpenApiDocument, role: string): string[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, operation]) => operation['x-roles'] === undefined || operation['x-roles'].includes(role))
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, not ${process.env[name]}`);
  return value;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`api fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
