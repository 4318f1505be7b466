import type { Page } from 'playwright-core';

/** The bpmn-js services the tests drive through `window.govflowModeler` (adding shapes only: properties go through the panel). */
interface ModelerHandle {
  get(name: string): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- bpmn-js services in the page
}
declare global {
  interface Window {
    govflowModeler?: ModelerHandle;
  }
}

/** Adds a user task into the flow `flowId` (its source → the new task → its target) and answers the task's id. */
export function addUserTaskOnFlow(page: Page, flowId: string): Promise<string> {
  return page.evaluate((id) => {
    const modeler = window.govflowModeler as ModelerHandle;
    const registry = modeler.get('elementRegistry');
    const modeling = modeler.get('modeling');
    const flow = registry.get(id);
    const target = flow.target;
    const task = modeling.createShape({ type: 'bpmn:UserTask' }, { x: target.x - 20, y: target.y + 170 }, flow.parent);
    modeling.reconnectEnd(flow, task, { x: task.x + task.width / 2, y: task.y });
    modeling.connect(task, target);
    modeler.get('selection').select(task);
    return task.id as string;
  }, flowId);
}

export async function openLicensingModel(page: Page): Promise<void> {
  await page.waitForSelector('table.process-table tbody tr[data-key="licensing-general"]');
  expect(await page.locator('table.process-table tbody tr').count()).toBeGreaterThanOrEqual(2);
  await page.click('tr[data-key="licensing-general"] a.edit');
  await page.waitForSelector('.modeler-canvas .djs-element');
  await page.waitForFunction(() => window.govflowModeler !== undefined);
  expect(await page.locator('.modeler-canvas .djs-element').count()).toBeGreaterThan(10);
}

/** Types into a properties panel entry and lets its debounce pass. */
export async function fillEntry(page: Page, entryId: string, value: string): Promise<void> {
  await page.fill(`[data-entry-id="${entryId}"] input, [data-entry-id="${entryId}"] textarea`, value);
  await page.waitForTimeout(600);
}

