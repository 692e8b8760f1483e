/**
 * The layering, enforced: the packages depend on each other without cycles, only @havenkit/collect
 * imports @kubernetes/client-node, @havenkit/model imports no other havenkit package, every import
 * of a havenkit package is a declared dependency, and no module graph inside a package has a cycle
 * (type-only imports included: a type cycle is a design cycle too). Imports are read with the
 * TypeScript compiler's own pre-processor, dynamic import() included.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packagesDir = join(root, 'packages');
const SCOPE = '@havenkit/';
const CLIENT_NODE = '@kubernetes/client-node';

interface PackageInfo {
  /** Directory name under packages/, e.g. "checker". */
  readonly dir: string;
  readonly name: string;
  readonly dependencies: readonly string[];
  /** Source modules (tests excluded) → the specifiers each imports. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** Specifiers of the static imports that load a module at run time (type-only imports are erased). */
function valueImportsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return [];
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier)) return [];
    if (ts.isExportDeclaration(statement)) return statement.isTypeOnly ? [] : [specifier.text];
    const clause = statement.importClause;
    if (clause === undefined) return [specifier.text];
    if (clause.isTypeOnly) return [];
    const named = clause.namedBindings;
    const onlyTypes =
      clause.name === undefined &&
      named !== undefined &&
      ts.isNamedImports(named) &&
      named.elements.length > 0 &&
      named.elements.every((e) => e.isTypeOnly);
    return onlyTypes ? [] : [specifier.text];
  });
}

const packages: PackageInfo[] = readdirSync(packagesDir)
  .filter((dir) => statSync(join(packagesDir, dir, 'package.json'), { throwIfNoEntry: false }))
  .sort()
  .map((dir) => {
    const pjson = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
    };
    const files = sourceFiles(join(packagesDir, dir, 'src'));
    return {
      dir,
      name: pjson.name,
      dependencies: Object.keys(pjson.dependencies ?? {}),
      imports: new Map(files.map((f) => [f, importsOf(f)])),
    };
  });

const byName = new Map(packages.map((p) => [p.name, p]));
const ourDependencies = (p: PackageInfo) => p.dependencies.filter((d) => d.startsWith(SCOPE));
const packageOf = (specifier: string) => specifier.split('/').slice(0, 2).join('/');

/** The first cycle found in a directed graph, as a path that ends where it starts. */
function findCycle(
  nodes: readonly string[],
  edges: (node: string) => readonly string[],
): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges(node)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of nodes) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the package graph', () => {
  it('has the five packages of the layout', () => {
    expect(packages.map((p) => p.name)).toEqual([
      '@havenkit/checker',
      '@havenkit/cli',
      '@havenkit/collect',
      '@havenkit/constructs',
      '@havenkit/model',
    ]);
  });

  it('has no cycle between packages', () => {
    const cycle = findCycle(
      packages.map((p) => p.name),
      (name) => ourDependencies(byName.get(name)!),
    );
    expect(cycle).toBeUndefined();
  });

  it('lets @havenkit/model depend on no other havenkit package', () => {
    expect(ourDependencies(byName.get('@havenkit/model')!)).toEqual([]);
  });

  it.each(packages.map((p) => [p.name, p] as const))(
    '%s imports only the havenkit packages it declares',
    (_name, pkg) => {
      const undeclared = [...pkg.imports].flatMap(([file, specifiers]) =>
        specifiers
          .filter((s) => s.startsWith(SCOPE) && !pkg.dependencies.includes(packageOf(s)))
          .map((s) => `${relative(root, file)}: ${s}`),
      );
      expect(undeclared).toEqual([]);
    },
  );

  it.each(packages.map((p) => [p.name, p] as const))(
    '%s imports @kubernetes/client-node only if it is @havenkit/collect',
    (name, pkg) => {
      const importers = [...pkg.imports]
        .filter(([, specifiers]) =>
          specifiers.some((s) => s === CLIENT_NODE || s.startsWith(`${CLIENT_NODE}/`)),
        )
        .map(([file]) => relative(root, file));
      expect(importers.length > 0).toBe(name === '@havenkit/collect');
      expect(pkg.dependencies.includes(CLIENT_NODE)).toBe(name === '@havenkit/collect');
    },
  );

  it('loads @havenkit/collect only with import(), in the CLI', () => {
    // A static import would put client-node (most of a cold start) in every command's start-up;
    // type-only imports are erased and cost nothing.
    const loaders = packages.flatMap((pkg) =>
      pkg.dir === 'collect'
        ? []
        : [...pkg.imports.keys()]
            .filter((file) => valueImportsOf(file).includes('@havenkit/collect'))
            .map((file) => relative(root, file)),
    );
    expect(loaders).toEqual([]);
  });
  it.each(packages.map((p) => [p.name, p] as const))(
    '%s has no import cycle between its modules',
    (_n, pkg) => {
      const resolveRelative = (from: string, specifier: string): string | undefined => {
        if (!specifier.startsWith('.')) return undefined;
        const target = resolve(dirname(from), specifier).replace(/\.js$/, '.ts');
        return pkg.imports.has(target) ? target : undefined;
      };
      const cycle = findCycle([...pkg.imports.keys()], (file) =>
        (pkg.imports.get(file) ?? []).flatMap((s) => resolveRelative(file, s) ?? []),
      );
      expect(cycle?.map((f) => relative(root, f))).toBeUndefined();
    },
  );
});
