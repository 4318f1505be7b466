import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApi } from '../support/test-govflow';

/** A compatibility fixture: a model written by the team the way another tool writes it. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

/** A minimal executable process around `body` (flow nodes and flows), for the refusal cases. */
export function processWith(body: string, extra = '', definitionsAttributes = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:govflow="http://govflow.org/schema/1.0/bpmn" id="refused-definitions" targetNamespace="http://example.org/compat/refused" ${definitionsAttributes}>
  ${extra}
  <process id="refused" name="Refused" isExecutable="true">${body}</process>
</definitions>`;
}

/** Deploys as the designer; the answer as it is. */
export function deploy(api: TestApi, xml: string) {
  return api.call('designer', 'POST', '/api/definitions', xml, { 'content-type': 'application/xml' });
}

/** Starts a case as the applicant and answers its id. */
export async function startCase(api: TestApi, processKey: string, data: Record<string, unknown> = {}): Promise<string> {
  const started = await api.call('applicant', 'POST', '/api/cases', { processKey, title: `${processKey} 案件`, data });
  expect(started.status).toBe(201);
  return started.body.id;
}

/** The open steps of a case, by step id, as the supervision office sees them. */
export async function openSteps(api: TestApi, caseId: string): Promise<Array<{ stepId: string; taskId: string; assignee: string | null }>> {
  const view = await api.call('supervisor', 'GET', `/api/cases/${caseId}`);
  expect(view.status).toBe(200);
  return view.body.currentSteps;
}

/** The task of `stepId` in `user`'s inbox (held or claimable), as the inbox lists it. */
export async function inboxTask(api: TestApi, user: string, caseId: string, stepId: string) {
  for (const scope of ['mine', 'claimable']) {
    const page = await api.call(user, 'GET', `/api/tasks?scope=${scope}&limit=100`);
    const task = page.body.items.find((item: { caseId: string; stepId: string }) => item.caseId === caseId && item.stepId === stepId);
    if (task) return task;
  }
  throw new Error(`${user} has no task of step ${stepId} of case ${caseId} in the inbox`);
}

/** Completes the step of the case from `user`'s inbox; expects success and answers the body. */
export async function completeFromInbox(api: TestApi, user: string, caseId: string, stepId: string, body: Record<string, unknown> = {}) {
  const task = await inboxTask(api, user, caseId, stepId);
  const done = await api.call(user, 'POST', `/api/tasks/${task.id}/complete`, body);
  expect({ status: done.status, body: done.body }).toMatchObject({ status: 200 });
  return done.body;
}

/** The case's status as the supervision office reads it. */
export async function caseStatus(api: TestApi, caseId: string): Promise<string> {
  return (await api.call('supervisor', 'GET', `/api/cases/${caseId}`)).body.status;
}
