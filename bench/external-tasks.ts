import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../api';
import { ExternalTaskClient } from '../api/client/external-task-client';
import { systemActor } from '../engine';
import type { LocalServices } from '../scripts/services';
import { projectRoot } from '../scripts/services';
import { openGovflowSession } from './govflow-session';
import { progress } from './progress';
import { summariseLatency, type LatencySummary } from './stats';
import { table } from './text-table';

/** What `npm run bench -- external` measures: tasks per second through fetch-and-lock and complete, and each call's latency. */
export interface ExternalFigures {
  workers: number;
  tasks: number;
  completed: number;
  seconds: number;
  tasksPerSecond: number;
  fetch: LatencySummary;
  complete: LatencySummary;
  /** Lock attempts a worker lost to another (the fetch passed over the task). */
  emptyFetches: number;
}

const bureau = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:govflow="http://govflow.org/schema/1.0/bpmn" id="bench-credit-definitions" targetNamespace="http://govflow.org/bench">
  <bpmn:process id="bench-credit" name="信用核查（基准）" isExecutable="true">
    <bpmn:startEvent id="applied"><bpmn:outgoing>toCheck</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="toCheck" sourceRef="applied" targetRef="check" />
    <bpmn:serviceTask id="check" name="信用核查" govflow:topic="bench-credit"><bpmn:incoming>toCheck</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="toEnd" sourceRef="check" targetRef="done" />
    <bpmn:endEvent id="done"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

/**
 * `tasks` cases waiting on one topic, then `workers` reference workers (api/client) over HTTP,
 * each fetching up to 5 at a time and completing them, until every task is done or the budget
 * is spent.
 */
export async function measureExternalTasks(services: LocalServices, plan: { tasks: number; workers: number; budgetMs: number }): Promise<ExternalFigures> {
  const session = await openGovflowSession(services, 'external');
  const { govflow } = session;
  const server = createServer(createApp(govflow, { jwtSecret: randomBytes(32).toString('hex'), webRoot: join(projectRoot, 'modeler', 'dist') }).callback());
  try {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await govflow.definitions.deploy(bureau, systemActor);
    const applicant = { username: 'bench-applicant', roles: ['applicant' as const], department: null, groups: [] };
    progress(`external: ${plan.tasks} cases waiting on one topic`);
    for (let index = 0; index < plan.tasks; index++) await govflow.cases.start({ processKey: 'bench-credit', title: `基准 ${index}`, data: { company: `公司 ${index}` } }, applicant);
    const { clientSecret } = await govflow.clients.issue({ clientId: 'bench-bureau', topics: ['bench-credit'] }, systemActor);
    progress(`external: ${plan.workers} workers fetch and complete (budget ${plan.budgetMs / 1000} s)`);
    const fetches: number[] = [];
    const completions: number[] = [];
    let emptyFetches = 0;
    const started = Date.now();
    const until = started + plan.budgetMs;
    const work = async (worker: number) => {
      const client = new ExternalTaskClient({ baseUrl, clientId: 'bench-bureau', clientSecret });
      while (completions.length < plan.tasks && Date.now() < until) {
        const fetchedAt = performance.now();
        const tasks = await client.fetchAndLock({ workerId: `bench-${worker}`, topics: [{ name: 'bench-credit', lockMs: 60_000 }], max: 5, waitMs: 500 });
        fetches.push(performance.now() - fetchedAt);
        if (tasks.length === 0) emptyFetches += 1;
        for (const task of tasks) {
          const completedAt = performance.now();
          await client.complete(task.id, `bench-${worker}`, { score: 80 });
          completions.push(performance.now() - completedAt);
        }
      }
    };
    await Promise.all(Array.from({ length: plan.workers }, (_, worker) => work(worker)));
    const seconds = (Date.now() - started) / 1000;
    return { workers: plan.workers, tasks: plan.tasks, completed: completions.length, seconds, tasksPerSecond: completions.length / seconds, fetch: summariseLatency(fetches), complete: summariseLatency(completions), emptyFetches };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await session.close();
  }
}

export function printExternalReport(figures: ExternalFigures): void {
  const lines = [
    '',
    `External tasks: ${figures.completed} of ${figures.tasks} done by ${figures.workers} workers in ${figures.seconds.toFixed(1)} s — ${figures.tasksPerSecond.toFixed(1)} tasks/s (${figures.emptyFetches} fetches found nothing)`,
    ...table(
      ['call', 'count', 'p50 ms', 'p99 ms', 'max ms'],
      [
        ['fetch-and-lock', String(figures.fetch.count), figures.fetch.p50.toFixed(1), figures.fetch.p99.toFixed(1), figures.fetch.max.toFixed(1)],
        ['complete', String(figures.complete.count), figures.complete.p50.toFixed(1), figures.complete.p99.toFixed(1), figures.complete.max.toFixed(1)],
      ],
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
