import { table } from './text-table';
import type { PageBundle } from './web-bundles';
import type { InteractiveFigures } from './web-interactive';

export interface WebFigures {
  bundles: PageBundle[];
  modeler: InteractiveFigures;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Prints the web run: each page's download and the modeler's time to interactive against the aims. */
export function printWebReport({ bundles, modeler }: WebFigures): void {
  const lines = ['', 'web pages (production build, modeler/dist)', ''];
  lines.push(...table(['page', 'JS KB', 'JS gzip KB', 'CSS KB', 'CSS gzip KB'], bundles.map((bundle) => [bundle.page, kb(bundle.jsBytes), kb(bundle.jsGzipBytes), kb(bundle.cssBytes), kb(bundle.cssGzipBytes)])));
  lines.push('', `modeler time to interactive (licensing model drawn, properties panel shown): first ${modeler.firstMs} ms, then median ${modeler.medianMs} ms of ${modeler.samplesMs.join(', ')}`);
  const modelerJs = bundles.find((bundle) => bundle.page === 'modeler')?.jsGzipBytes ?? Number.NaN;
  lines.push('', 'aims:');
  lines.push(`  ${modelerJs <= 1.5 * 1024 * 1024 ? 'met ' : 'MISS'}  modeler JS gzipped <= 1536 KB: ${kb(modelerJs)} KB`);
  lines.push(`  ${modeler.medianMs <= 2000 ? 'met ' : 'MISS'}  modeler interactive <= 2000 ms: ${modeler.medianMs} ms`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
}
