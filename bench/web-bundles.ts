import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { webDist, webPages } from '../scripts/build-web';

/** What one page downloads: its entry and every chunk it imports (also those loaded on demand, like the modeler's editor), JavaScript and CSS, raw and gzipped. */
export interface PageBundle {
  page: string;
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
}

/** Reads the production build's metafile and sizes each page's JavaScript (entry + imported chunks) and CSS. */
export function pageBundles(): PageBundle[] {
  const meta = JSON.parse(readFileSync(join(webDist, 'bundle-meta.json'), 'utf8')) as Metafile;
  return webPages.map(({ name }) => {
    const js = [...jsFiles(meta, `dist/assets/${name}.js`)];
    const css = Object.keys(meta.outputs).filter((file) => file === `dist/assets/${name}.css`);
    return { page: name, ...sizes('js', js), ...sizes('css', css) } as PageBundle;
  });
}

/** The entry output and, recursively, the chunks it imports, statically or on demand. */
function jsFiles(meta: Metafile, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !meta.outputs[entry]) return seen;
  seen.add(entry);
  for (const imported of meta.outputs[entry].imports) if (imported.kind === 'import-statement' || imported.kind === 'dynamic-import') jsFiles(meta, imported.path, seen);
  return seen;
}

function sizes(kind: 'js' | 'css', files: string[]): Record<string, number> {
  const contents = files.map((file) => readFileSync(join(webDist, '..', file)));
  const raw = contents.reduce((sum, content) => sum + content.length, 0);
  const gzip = contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0);
  return { [`${kind}Bytes`]: raw, [`${kind}GzipBytes`]: gzip };
}
