import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '..', '..');
const apiTypes = join(root, 'engine', 'api-types.ts');

/** The modules a file imports or re-exports from, as written. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName);
}

function resolved(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  throw new Error(`${relative(root, from)} imports ${specifier}, which is not a file`);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : []));
}

/**
 * One module of the API's answer shapes, read by the engine that builds the answers and the
 * pages that show them (engine/api-types.ts): nothing it reaches may need Node or a package, so
 * the pages' bundle takes it as it is, and the pages declare no answer shape of their own.
 */
describe('the API types module', () => {
  it('reaches only modules of its own that import nothing from Node or a package', () => {
    const seen = new Set<string>();
    const foreign: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) visit(resolved(file, specifier));
        else foreign.push(`${relative(root, file)} → ${specifier}`);
      }
    };
    visit(apiTypes);
    expect(foreign).toEqual([]);
    // it does reach the shapes it names: the views and records
    expect([...seen].map((file) => relative(root, file))).toEqual(expect.arrayContaining(['engine/records/index.ts', 'engine/supervision/notice-view.ts', 'engine/definitions/definition-views.ts']));
  });

  it('is where the pages take every answer type the engine defines from', () => {
    const strays = filesUnder(join(root, 'modeler', 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:import|export) type \{[^}]*\} from '((?:\.\.\/)+engine\/[^']+)'/g)].map((match) => resolved(file, match[1])).filter((target) => target !== apiTypes).map((target) => `${relative(root, file)} → ${relative(root, target)}`),
    );
    expect(strays).toEqual([]);
  });
});
