import { spawn } from 'node:child_process';

/** One schemathesis run; every field is fixed by main.ts from its defaults or the environment. */
export interface SchemathesisRun {
  /** The `st` executable (schemathesis 4.x). */
  executable: string;
  /** The served document, e.g. http://127.0.0.1:41234/api/openapi.json */
  schemaUrl: string;
  token: string;
  /** The operations to test, as schemathesis names them: `POST /cases`. */
  operations: readonly string[];
  maxExamples: number;
  /** Requests in flight at once. */
  workers: number;
  seed: number;
  /** The whole run is stopped, and fails, after this long. */
  timeoutMs: number;
  /** Folder of the JUnit report. */
  reportDir: string;
}

/**
 * What the API must never do, whatever it is sent: answer 5xx, or answer a status, media type,
 * body or header the document does not promise. (positive_data_acceptance and the like are left
 * out: a valid request for a case id that does not exist rightly answers 404.)
 */
const checks = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance', 'response_headers_conformance'];

/** Runs `st run` against the served document; resolves to true when every check held. */
export function runSchemathesis(run: SchemathesisRun): Promise<boolean> {
  const args = [
    'run',
    run.schemaUrl,
    '--header',
    `Authorization: Bearer ${run.token}`,
    ...run.operations.flatMap((name) => ['--include-name', name]),
    '--checks',
    checks.join(','),
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(run.maxExamples),
    '--seed',
    String(run.seed),
    '--workers',
    String(run.workers),
    '--request-timeout',
    '10',
    '--continue-on-failure',
    '--no-color',
    '--report',
    'junit',
    '--report-dir',
    run.reportDir,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(run.executable, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => {
      process.stderr.write(`schemathesis did not finish within ${run.timeoutMs / 1000} s; stopping it\n`);
      child.kill('SIGTERM');
    }, run.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${run.executable} (pip install schemathesis==4.32.5): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
