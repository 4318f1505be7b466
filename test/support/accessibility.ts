import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser build, evaluated in the page through the debugging protocol (the page's CSP admits no injected script tag). */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * The page's structure, which axe rates only moderate but a screen reader user needs: one main
 * landmark holding the content, every part of the page in a landmark, and a first-level heading.
 */
const structureRules = ['landmark-one-main', 'landmark-no-duplicate-main', 'region', 'page-has-heading-one'];

/**
 * What axe-core finds serious or critical on the page as it is now (WCAG 2.1 A and AA rules and
 * axe's best practices), any break of the structure rules, and more than one `h1`.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (structure) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    const found = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || structure.includes(violation.id))
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
    const headings = [...document.querySelectorAll('h1')].filter((heading) => heading.getClientRects().length > 0);
    if (headings.length > 1) found.push({ id: 'one-h1', impact: 'moderate', help: 'A page has one first-level heading', targets: headings.map((heading) => heading.textContent ?? '') });
    return found;
  }, structureRules);
}
