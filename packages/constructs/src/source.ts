import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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

async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(file)).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (
      !file.endsWith('ts') ||
      (code !== 'ERR_UNKNOWN_FILE_EXTENSION' && code !== 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING')
    ) {
      throw new HavenkitInputError(
        `${file}: cannot load the app module: ${(err as Error).message.split('\n')[0] ?? ''}`,
      );
    }
  }
  // TypeScript on Node without type stripping: use tsx when the project has it.
  const tsxApi = 'tsx/esm/api';
  let tsx: { tsImport: (specifier: string, parent: string) => Promise<unknown> };
  try {
    tsx = (await import(tsxApi)) as typeof tsx;
  } catch {
    throw new HavenkitInputError(
      `${file}: a .ts app needs tsx (npm install --save-dev tsx) or Node 22.18+; or compile it to .js`,
    );
  }
  return (await tsx.tsImport(url, import.meta.url)) as Record<string, unknown>;
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
