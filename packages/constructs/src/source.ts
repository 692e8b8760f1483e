import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { aliasBombMessage, aliasExpansion } from '@havenkit/model';
import type { Construct } from 'constructs';
import { HavenApp } from './app.js';
import { HavenkitInputError } from './errors.js';
import type { ProviderProfile } from './profiles/profile.js';
import type { ApplicationProps } from './spec/types.js';
import { validateApplication } from './spec/validate.js';

/** What a TypeScript/JavaScript app module may build: given a scope and the provider, add charts. */
export type AppFactory = (
  scope: Construct,
  context: { readonly profile: ProviderProfile; readonly namespace?: string },
) => void;

/** An application definition from a file: builds its charts into a cdk8s App for one provider. */
export interface AppDefinition {
  /** The file it came from (for error messages). */
  readonly source: string;
  readonly build: AppFactory;
}

const YAML_EXT = new Set(['.yaml', '.yml']);
const MODULE_EXT = new Set(['.ts', '.mts', '.js', '.mjs']);

function fromProps(props: ApplicationProps, source: string): AppDefinition {
  return {
    source,
    build: (scope, { profile, namespace }) => {
      new HavenApp(scope, props.name, { ...props, profile, source, ...(namespace ? { namespace } : {}) });
    },
  };
}

/** Reads a YAML application file (`kind: Application`), validated. */
export function loadApplicationYaml(file: string): ApplicationProps {
  let doc: unknown;
  try {
    doc = yaml.load(readFileSync(file, 'utf8'), { filename: file });
    const bomb = aliasExpansion(doc);
    if (bomb !== undefined) throw new Error(aliasBombMessage(bomb));
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? '';
    throw new HavenkitInputError(
      `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `invalid YAML: ${message}`}`,
    );
  }
  return validateApplication(doc, file);
}

/**
 * Module hooks (run by Node's loader, off the main thread on Node 20) that run `.ts`/`.mts` files
 * transpiled by the supplier's own `typescript` package: no types checked, the supplier's
 * tsconfig.json honoured for emit options, output always an ES module. Relative imports written
 * for TypeScript (`./lib.js` for `lib.ts`, or `./lib`) resolve to the `.ts` file.
 */
const TS_HOOKS = `
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
let ts;
const configs = new Map();
export async function initialize(data) {
  const mod = await import(data.typescript);
  ts = mod.default ?? mod;
}
const isTs = (url) => url.startsWith('file:') && /\\.m?ts$/.test(new URL(url).pathname);
function options(file) {
  const dir = dirname(file);
  if (configs.has(dir)) return configs.get(dir);
  let compilerOptions = {};
  const config = ts.findConfigFile(dir, ts.sys.fileExists);
  if (config) {
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(config, ts.sys.readFile).config ?? {}, ts.sys, dirname(config));
    compilerOptions = parsed.options;
  }
  // Emit options are the project's; module resolution is Node's (the hooks below), output ESM.
  const { moduleResolution: _r, customConditions: _c, paths: _p, ...emit } = compilerOptions;
  const result = { ...emit, module: ts.ModuleKind.ESNext, noEmit: false, declaration: false, composite: false, sourceMap: false, inlineSourceMap: true, inlineSources: true };
  configs.set(dir, result);
  return result;
}
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
    if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !relative || !context.parentURL || !isTs(context.parentURL)) throw err;
    const stem = specifier.replace(/\\.(m?)js$/, '.$1ts');
    for (const candidate of stem === specifier ? [specifier + '.ts', specifier + '/index.ts'] : [stem]) {
      try {
        return await next(candidate, context);
      } catch {}
    }
    throw err;
  }
}
export async function load(url, context, next) {
  if (!isTs(url)) return next(url, context);
  if (typeof ts?.transpileModule !== 'function')
    throw new Error("the typescript package of the app's project (" + ts?.version + ") has no transpileModule API: install tsx or typescript 5/6, or compile the app to .js");
  const file = fileURLToPath(url);
  const out = ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, compilerOptions: options(file), reportDiagnostics: true });
  const error = out.diagnostics?.find((d) => d.file && d.category === ts.DiagnosticCategory.Error);
  if (error) {
    const where = error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start) : undefined;
    throw new Error(file + (where ? ':' + (where.line + 1) + ':' + (where.character + 1) : '') + ': ' + ts.flattenDiagnosticMessageText(error.messageText, ' '));
  }
  return { format: 'module', source: out.outputText, shortCircuit: true };
}
`;

/** Node's codes for "this Node does not run TypeScript itself" (Node 20; 22 before 22.18). */
const NO_NATIVE_TYPESCRIPT = new Set([
  'ERR_UNKNOWN_FILE_EXTENSION',
  'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING',
]);
/**
 * Failures of Node's own type stripping that the project's TypeScript handles: `import './lib.js'`
 * of a `lib.ts` (TypeScript's NodeNext style), and syntax stripping cannot erase (enums, …).
 */
const STRIPPING_LIMITS = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX']);
const isTypeScript = (file: string): boolean => /\.m?ts$/.test(file);
const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';

let hooksFor: string | undefined;

/** Resolves `id` the way the app file's own imports do (its project's node_modules), or undefined. */
function resolveFrom(file: string, id: string): string | undefined {
  try {
    return createRequire(file).resolve(id);
  } catch {
    return undefined;
  }
}

/**
 * A `.ts` app that Node cannot run itself (no type stripping: Node 20, 22 before 22.18; or beyond
 * what stripping does): run it with the supplier's own tools, found from the app file's directory,
 * never havenkit's: tsx when the project has it (its full loader, tsconfig paths included), else
 * the project's `typescript` (transpiled by module hooks). Without either: one line saying what
 * to do.
 */
async function importTypeScript(
  file: string,
  url: string,
  nativeError: unknown,
): Promise<Record<string, unknown>> {
  const absolute = resolve(file);
  const tsx = resolveFrom(absolute, 'tsx/esm/api');
  if (tsx !== undefined) {
    const api = (await import(pathToFileURL(tsx).href)) as {
      tsImport: (specifier: string, parent: string) => Promise<unknown>;
    };
    return (await api.tsImport(url, url)) as Record<string, unknown>;
  }
  const typescript = resolveFrom(absolute, 'typescript');
  if (typescript === undefined) {
    if (!NO_NATIVE_TYPESCRIPT.has((nativeError as NodeJS.ErrnoException).code ?? '')) throw nativeError;
    throw new HavenkitInputError(
      `${file}: Node ${process.versions.node} cannot run TypeScript itself, and the app's project has neither typescript nor tsx: run npm install --save-dev typescript there, compile the app to .js, or use Node 22.18+`,
    );
  }
  const typescriptUrl = pathToFileURL(typescript).href;
  if (hooksFor === undefined) {
    register(`data:text/javascript,${encodeURIComponent(TS_HOOKS)}`, { data: { typescript: typescriptUrl } });
    hooksFor = typescriptUrl;
  }
  // A new URL: the failed native import of `url` stays cached as failed.
  return (await import(`${url}?havenkit-typescript`)) as Record<string, unknown>;
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(file)).href;
  try {
    try {
      return (await import(url)) as Record<string, unknown>;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!isTypeScript(file) || !(NO_NATIVE_TYPESCRIPT.has(code) || STRIPPING_LIMITS.has(code))) throw err;
      return await importTypeScript(file, url, err);
    }
  } catch (err) {
    if (err instanceof HavenkitInputError) throw err;
    throw new HavenkitInputError(`${file}: cannot load the app module: ${firstLine(err)}`);
  }
}

/**
 * Loads a `.ts`/`.js` app module. Its default export (or export `app`) is either the app's props
 * (`{ name, components }`, as in YAML) or an `AppFactory` that builds `HavenApp`s itself.
 */
export async function loadApplicationModule(file: string): Promise<AppDefinition> {
  const mod = await importModule(file);
  const exported = mod.default ?? mod.app;
  if (typeof exported === 'function') return { source: file, build: exported as AppFactory };
  if (exported && typeof exported === 'object') {
    const value = exported as Record<string, unknown>;
    const doc =
      value.kind === 'Application'
        ? value
        : {
            apiVersion: 'havenkit.dev/v1alpha1',
            kind: 'Application',
            metadata: { name: value.name },
            spec: { components: value.components },
          };
    return fromProps(validateApplication(doc, file), file);
  }
  throw new HavenkitInputError(
    `${file}: export default: must be the app ({ name, components }) or a function (scope, { profile }) => void`,
  );
}

/**
 * `--app FILE|DIR`: one app file (YAML, .ts, .js), or a directory whose `*.yaml`/`*.yml` files
 * are all applications (sorted by name).
 */
export async function loadAppDefinitions(path: string): Promise<AppDefinition[]> {
  if (!existsSync(path)) throw new HavenkitInputError(`--app: ${path} does not exist`);
  if (statSync(path).isDirectory()) {
    const files = readdirSync(path)
      .filter((f) => YAML_EXT.has(extname(f)))
      .sort()
      .map((f) => join(path, f));
    if (files.length === 0)
      throw new HavenkitInputError(`--app: directory ${path} holds no *.yaml application`);
    const names = new Map<string, string>();
    return files.map((f) => {
      const props = loadApplicationYaml(f);
      const other = names.get(props.name);
      if (other !== undefined)
        throw new HavenkitInputError(`${f}: metadata.name: "${props.name}" is already the name of ${other}`);
      names.set(props.name, f);
      return fromProps(props, f);
    });
  }
  const ext = extname(path);
  if (YAML_EXT.has(ext)) return [fromProps(loadApplicationYaml(path), path)];
  if (MODULE_EXT.has(ext)) return [await loadApplicationModule(path)];
  throw new HavenkitInputError(`--app: ${path} must be a .yaml, .yml, .ts or .js file or a directory`);
}
