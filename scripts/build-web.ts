import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { projectRoot } from './services';

/** The web application's pages: each an entry bundled on its own, so a page loads only what it uses. */
export const webPages = [
  { name: 'index', entry: 'pages/home/home-page.ts', title: 'govflow' },
  { name: 'modeler', entry: 'pages/modeler/modeler-page.ts', title: 'govflow · 流程设计' },
  { name: 'inbox', entry: 'pages/inbox/inbox-page.ts', title: 'govflow · 待办' },
  { name: 'case', entry: 'pages/case/case-page.ts', title: 'govflow · 办件' },
  { name: 'supervision', entry: 'pages/supervision/supervision-page.ts', title: 'govflow · 电子监察' },
  { name: 'progress', entry: 'pages/progress/progress-page.ts', title: 'govflow · 办件进度查询' },
  { name: 'hall', entry: 'pages/hall/hall-page.ts', title: 'govflow · 网上办事大厅' },
  { name: 'approval-sheet', entry: 'pages/sheet/approval-sheet-page.ts', title: 'govflow · 审批单' },
] as const;

const webRoot = join(projectRoot, 'modeler');
export const webDist = join(webRoot, 'dist');

/** Bundles every page into modeler/dist (minified, with its CSS and fonts) and writes one HTML file per page. */
export async function buildWeb(): Promise<Metafile> {
  rmSync(webDist, { recursive: true, force: true });
  mkdirSync(webDist, { recursive: true });
  const result = await build({
    absWorkingDir: webRoot,
    entryPoints: Object.fromEntries(webPages.map((page) => [page.name, join('src', page.entry)])),
    outdir: 'dist/assets',
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'esm',
    splitting: true,
    target: ['chrome120', 'firefox120', 'safari16'],
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
    metafile: true,
    logLevel: 'warning',
  });
  for (const page of webPages) writeFileSync(join(webDist, `${page.name}.html`), html(page));
  writeFileSync(join(webDist, 'bundle-meta.json'), JSON.stringify(result.metafile));
  return result.metafile;
}

function html(page: (typeof webPages)[number]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${page.title}</title>
  <link rel="stylesheet" href="assets/${page.name}.css">
</head>
<body>
  <div id="app"></div>
  <script type="module" src="assets/${page.name}.js"></script>
</body>
</html>
`;
}

if (require.main === module) {
  buildWeb().then(
    () => console.log(`web pages built into ${webDist}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
