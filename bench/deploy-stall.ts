import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../api';
import type { LocalServices } from '../scripts/services';
import { openGovflowSession } from './govflow-session';
import { progress } from './progress';
import { table } from './text-table';

/** One upload while small requests run beside it: what the upload answered and what the others waited. */
export interface StallFigures {
  upload: string;
  status: number;
  uploadMs: number;
  requests: number;
  /** Small requests that failed outright (a connection reset by a server too stalled to keep it). */
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The API process's event-loop delay while the upload ran (perf_hooks.monitorEventLoopDelay). */
  loopP99Ms: number;
  loopMaxMs: number;
}

const probeClients = 4;
const probePauseMs = 20;

/** A model of `steps` plain tasks in a row: twice as many elements, all valid. */
function chain(id: string, steps: number): string {
  const tasks = Array.from({ length: steps }, (_, n) => `<task id="t${n}"/><sequenceFlow id="f${n}" sourceRef="${n === 0 ? 's' : `t${n - 1}`}" targetRef="t${n}"/>`);
  return definitions(id, `<startEvent id="s"/>${tasks.join('')}<sequenceFlow id="fe" sourceRef="t${steps - 1}" targetRef="e"/><endEvent id="e"/>`);
}

/** A model of `count` tasks connected to nothing, as a careless or hostile upload is: parsing it is all the work. */
function scattered(id: string, count: number): string {
  return definitions(id, Array.from({ length: count }, (_, n) => `<task id="t${n}"/>`).join(''));
}

function definitions(id: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="${id}-definitions" targetNamespace="http://example.org/bench"><process id="${id}" isExecutable="true">${body}</process></definitions>`;
}

/**
 * `bench deploy`: how long small API requests (GET /healthz, GET /api/definitions) wait while a
 * designer uploads a large model — 50 000 unconnected tasks (refused), then 8 000 elements in a
 * row (deployed) — against a server in this process, with the event-loop delay of that process.
 */
export async function measureDeployStall(services: LocalServices): Promise<StallFigures[]> {
  const session = await openGovflowSession(services, 'deploy');
  const password = randomBytes(12).toString('hex');
  await session.govflow.users.add({ username: 'bench-designer', password, roles: ['designer'] });
  const server = createServer(createApp(session.govflow, { jwtSecret: randomBytes(32).toString('hex') }).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const token = (await (await fetch(`${url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-designer', password }) })).json()) as { token: string };
    const auth = { authorization: `Bearer ${token.token}` };
    const uploads: Array<[string, string]> = [
      ['50 000 unconnected tasks (1.0 MB)', scattered('scattered', 50_000)],
      ['8 000 elements in a row (0.3 MB)', chain('row', 4_000)],
    ];
    const figures: StallFigures[] = [];
    for (const [label, xml] of uploads) {
      progress(`deploy: uploading ${label} while ${probeClients} clients ask small questions`);
      figures.push(await underUpload(url, auth, label, xml));
    }
    return figures;
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await session.close();
  }
}

async function underUpload(url: string, auth: Record<string, string>, label: string, xml: string): Promise<StallFigures> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const latencies: number[] = [];
  let failed = 0;
  let uploading = true;
  const probe = async (client: number) => {
    for (let n = 0; uploading; n += 1) {
      const started = performance.now();
      const answered = await fetch(n % 2 === client % 2 ? `${url}/healthz` : `${url}/api/definitions`, { headers: auth }).then(
        (response) => response.arrayBuffer().then(() => true),
        () => false,
      );
      if (answered) latencies.push(performance.now() - started);
      else failed += 1;
      await new Promise((resolve) => setTimeout(resolve, probePauseMs));
    }
  };
  loop.enable();
  const probes = Array.from({ length: probeClients }, (_, client) => probe(client));
  const started = performance.now();
  const answer = await fetch(`${url}/api/definitions`, { method: 'POST', headers: { ...auth, 'content-type': 'application/xml' }, body: xml });
  await answer.arrayBuffer();
  const uploadMs = performance.now() - started;
  uploading = false;
  await Promise.all(probes);
  loop.disable();
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0;
  return { upload: label, status: answer.status, uploadMs, requests: latencies.length, failed, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: latencies.at(-1) ?? 0, loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6 };
}

/** The stall figures as a table on stdout. */
export function printStallReport(figures: StallFigures[]): void {
  const ms = (value: number) => value.toFixed(0);
  const lines = table(
    ['upload', 'answer', 'upload ms', 'requests', 'failed', 'p50 ms', 'p99 ms', 'max ms', 'loop p99 ms', 'loop max ms'],
    figures.map((row) => [row.upload, String(row.status), ms(row.uploadMs), String(row.requests), String(row.failed), ms(row.p50Ms), ms(row.p99Ms), ms(row.maxMs), ms(row.loopP99Ms), ms(row.loopMaxMs)]),
  );
  process.stdout.write(`\nSmall requests while a large model is uploaded (${probeClients} clients, ${probePauseMs} ms apart)\n${lines.join('\n')}\n`);
}
