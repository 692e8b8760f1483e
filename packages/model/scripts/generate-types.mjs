/**
 * Generates TypeScript types from the JSON Schemas in compliance/schemas, so that the types the
 * code uses cannot drift from what is validated at runtime:
 *
 *   snapshot, report, waivers, catalogue, data,
 *   sovereignty, register                       → packages/model/src/generated/<schema>.ts
 *   application, provider-profile               → packages/constructs/src/generated/<schema>.ts
 *
 * Run `pnpm types:generate` after changing a schema; a unit test (packages/model/src/generated.test.ts)
 * fails while a committed file is out of date. The public types (packages/model/src/*.ts,
 * packages/constructs/src/spec/types.ts, src/profiles/profile.ts) alias or refine these.
 *
 * json-schema-to-typescript does the work; before it runs, each schema is adapted in memory (the
 * files are never changed) by the rules below, each of which only affects the TypeScript:
 *  - names: the subschemas in NAMES get a `title`, which becomes the name of their type;
 *  - `if`/`then`/`else`: a value valid against it is valid against `then` or `else`, so the type is
 *    `then | else`; an `if`/`then` without `else` only adds constraints, and is left out;
 *  - a `$ref` to another schema file (https://havenkit.dev/schemas/<file>#/$defs/<def>) becomes an
 *    import of that file's generated type;
 *  - `defaults: true` (provider-profile, loaded with ajv's useDefaults): a property with a
 *    `default` is required, as it is always present once the file is loaded;
 *  - `unevaluatedProperties`/`unevaluatedItems` cannot be typed: the generator refuses them.
 * Arrays are typed without minItems/maxItems tuples, and the output is formatted with the repo's
 * prettier config, so that it is deterministic and `prettier --check` clean.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import * as prettier from 'prettier';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMAS = join(ROOT, 'compliance', 'schemas');
const SCHEMA_BASE = 'https://havenkit.dev/schemas/';
const MODEL_OUT = 'packages/model/src/generated';
const CONSTRUCTS_OUT = 'packages/constructs/src/generated';

/**
 * Per schema: where its types go, and the names of its subschemas (JSON pointer → type name; ''
 * is the root). $defs/definitions without an entry are named after their key.
 */
export const TARGETS = [
  {
    schema: 'snapshot',
    out: MODEL_OUT,
    names: {
      '': 'ClusterSnapshot',
      '/properties/metadata': 'SnapshotMetadata',
      '/properties/version/else': 'ServerVersion',
      '/properties/discovery/else': 'Discovery',
      '/properties/access': 'SnapshotAccess',
      '/properties/probes': 'SnapshotProbes',
      '/properties/probes/properties/rwx': 'RwxProbeResult',
      '/properties/probes/properties/nodeLsm': 'NodeLsmProbeResult',
      '/$defs/list': 'ResourceList',
      '/$defs/list/properties/items/items': 'KubeObject',
    },
  },
  {
    schema: 'catalogue',
    out: MODEL_OUT,
    names: {
      '': 'Catalogue',
      '/$defs/index': 'CatalogueIndex',
      '/$defs/localizedText': 'LocalizedText',
      '/$defs/check': 'CheckDefinition',
      '/$defs/check/properties/needs': 'CheckNeeds',
      '/$defs/check/properties/needs/properties/resources/items': 'ResourceNeed',
      '/$defs/check/properties/needs/properties/permissions/items': 'PermissionNeed',
      '/$defs/check/properties/needs/properties/sections/items': 'SnapshotSection',
    },
  },
  {
    schema: 'waivers',
    out: MODEL_OUT,
    names: {
      '': 'WaiverFile',
      '/$defs/waiver': 'Waiver',
      '/$defs/waiver/properties/scope': 'WaiverScope',
      '/$defs/waiver/properties/scope/properties/objects/items': 'WaiverObject',
    },
  },
  {
    schema: 'report',
    out: MODEL_OUT,
    names: {
      '': 'ComplianceReport',
      '/properties/metadata': 'ReportMetadata',
      '/properties/metadata/properties/snapshot': 'ReportSnapshot',
      '/properties/metadata/properties/evaluation': 'EvaluationSettings',
      '/properties/verdict': 'Verdict',
      '/properties/verdictWithWaivers': 'VerdictWithWaivers',
      '/properties/summary': 'ReportSummary',
      '/$defs/result': 'ReportResult',
      '/$defs/result/properties/category': 'Category',
      '/$defs/result/properties/outcome': 'Outcome',
      '/$defs/result/properties/cause': 'UnknownCause',
      '/$defs/result/properties/waived': 'ResultWaiver',
      '/$defs/evidence': 'Evidence',
      '/$defs/localized': 'LocalizedText',
      '/$defs/waiverReport': 'WaiverReport',
      '/$defs/waiverReport/properties/waivers/items': 'WaiverOutcome',
      '/$defs/waiverReport/properties/waivers/items/properties/status': 'WaiverStatus',
    },
  },
  {
    schema: 'data',
    out: MODEL_OUT,
    names: {
      '': 'DataSchema',
      '/$defs/kubernetes-releases/properties/releases/items': 'KubernetesRelease',
      '/$defs/cncf-platforms/properties/platforms/items': 'PlatformDefinition',
      '/$defs/rwx-provisioners/properties/provisioners/items': 'RwxProvisioner',
      '/$defs/log-collectors/properties/collectors/items': 'LogCollector',
      '/$defs/acme-controllers/properties/controllers/items': 'AcmeController',
      '/$defs/hardened-os/properties/systems/items': 'OperatingSystem',
      '/$defs/special-purpose-addresses/properties/registries/items': 'SpecialPurposeRegistry',
      '/$defs/special-purpose-addresses/properties/registries/items/properties/entries/items':
        'SpecialPurposeEntry',
    },
  },
  {
    schema: 'sovereignty',
    out: MODEL_OUT,
    names: {
      '': 'SovereigntyFacts',
      '/$defs/source': 'FactSource',
      '/$defs/countryGroup': 'CountryGroup',
      '/$defs/law': 'Law',
      '/$defs/entity': 'Entity',
      '/$defs/hostedBy': 'HostedByChain',
      '/$defs/hostedBy/items': 'HostedBy',
      '/$defs/registry': 'RegistryFact',
      '/$defs/provider': 'ProviderFact',
      '/$defs/providerId': 'ProviderIdMatcher',
      '/$defs/nodeLabel': 'NodeLabelMatcher',
      '/$defs/apiServer': 'ApiServerMatcher',
      '/$defs/region': 'RegionFact',
      '/$defs/storage': 'StorageFact',
      '/$defs/loadBalancer': 'LoadBalancerFact',
      '/$defs/ingressController': 'IngressControllerFact',
      '/$defs/certificateAuthority': 'CertificateAuthorityFact',
      '/$defs/dns': 'DnsFact',
      '/$defs/saas': 'SaasFact',
      '/$defs/apiGroup': 'ApiGroupFact',
      '/$defs/localizedText': 'FactText',
      '/$defs/framework': 'FrameworkFile',
      '/$defs/framework/properties/objectives/items': 'FrameworkObjective',
      '/$defs/framework/properties/weightSets/items': 'FrameworkWeightSet',
      '/$defs/framework/properties/levels/items': 'FrameworkLevel',
      '/$defs/criterion': 'FrameworkCriterion',
      '/$defs/scoreRule': 'ScoreRule',
      '/$defs/rules': 'RulesFile',
      '/$defs/rules/properties/rules/items': 'RuleFact',
    },
  },
  {
    schema: 'register',
    out: MODEL_OUT,
    names: {
      '': 'DependencyRegister',
      '/properties/metadata': 'RegisterMetadata',
      '/properties/summary': 'RegisterSummary',
      '/$defs/localized': 'RegisterText',
      '/$defs/functionId': 'FunctionId',
      '/$defs/jurisdiction': 'Jurisdiction',
      '/$defs/evidence': 'RegisterEvidence',
      '/$defs/dependency': 'Dependency',
      '/$defs/function': 'RegisterFunction',
      '/$defs/image': 'RegisterImage',
      '/$defs/location': 'DataLocation',
      '/$defs/group': 'DependencyGroup',
      '/$defs/cutOff': 'CutOff',
      '/$defs/effect': 'CutOffEffect',
      '/$defs/exit': 'ExitReadiness',
      '/$defs/exit/properties/findings/items': 'ExitFinding',
      '/$defs/exit/properties/findings/items/properties/effort': 'ExitEffort',
      '/$defs/exit/properties/notRead/items/properties/kind': 'ExitKind',
      '/$defs/scores': 'RegisterScores',
      '/$defs/scores/properties/objectives/items': 'ObjectiveScore',
      '/$defs/scores/properties/objectives/items/properties/criteria/items': 'CriterionScore',
      '/$defs/scoreReason': 'ScoreReason',
      '/$defs/ruleMapping': 'RuleMapping',
      '/$defs/functions': 'RegisterFunctionsFile',
      '/$defs/functions/properties/functions/items': 'FunctionDefinition',
      '/$defs/functions/properties/functions/items/properties/needs/properties/resources/items':
        'FunctionResourceNeed',
    },
  },
  {
    schema: 'application',
    out: CONSTRUCTS_OUT,
    names: {
      '': 'ApplicationDocument',
      '/properties/spec': 'ApplicationSpec',
      '/definitions/component': 'ComponentProps',
      '/definitions/component/properties/storage/items': 'StorageProps',
    },
  },
  {
    schema: 'provider-profile',
    out: CONSTRUCTS_OUT,
    defaults: true,
    names: {
      '': 'ProviderProfile',
      '/properties/storage/properties/rwx': 'RwxStorage',
    },
  },
];

/** The type name a subschema of another schema file gets (for cross-file `$ref`s). */
function typeNameOf(schema, pointer) {
  const target = TARGETS.find((t) => t.schema === schema);
  const name = target?.names[pointer];
  if (name) return name;
  const key = pointer.split('/').at(-1);
  if (!target || !/^\/(\$defs|definitions)\/[^/]+$/.test(pointer) || !key) {
    throw new Error(`generate-types: no type name for ${schema}.schema.json#${pointer}`);
  }
  return key.replace(/(^|[-_])([a-z])/g, (_m, _s, c) => c.toUpperCase());
}

const SUBSCHEMA_KEYS = ['properties', '$defs', 'definitions', 'patternProperties'];
const SUBSCHEMA_ONE = [
  'items',
  'additionalProperties',
  'propertyNames',
  'if',
  'then',
  'else',
  'not',
  'contains',
];
const SUBSCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** Applies fn to every subschema, depth first (children before the parent). */
function walk(schema, fn, pointer = '') {
  if (typeof schema !== 'object' || schema === null) return;
  for (const key of SUBSCHEMA_KEYS) {
    for (const [name, sub] of Object.entries(schema[key] ?? {})) walk(sub, fn, `${pointer}/${key}/${name}`);
  }
  for (const key of SUBSCHEMA_ONE) if (key in schema) walk(schema[key], fn, `${pointer}/${key}`);
  for (const key of SUBSCHEMA_LIST) schema[key]?.forEach((sub, i) => walk(sub, fn, `${pointer}/${key}/${i}`));
  fn(schema, pointer);
}

/** The schema as json-schema-to-typescript should see it (see the rules at the top). */
function adapt(original, target) {
  const schema = JSON.parse(JSON.stringify(original));
  const imports = new Map();
  const named = new Set();
  walk(schema, (node, pointer) => {
    for (const keyword of ['unevaluatedProperties', 'unevaluatedItems']) {
      if (keyword in node) {
        throw new Error(
          `generate-types: ${target.schema}.schema.json#${pointer} uses ${keyword}, which has no TypeScript type; use additionalProperties`,
        );
      }
    }
    const name = target.names[pointer];
    if (name) {
      node.title = name;
      named.add(pointer);
    }
    if (typeof node.$ref === 'string' && Object.keys(node).some((k) => k !== '$ref')) {
      // A $ref with siblings (a description) would become a copy of the referenced type.
      const { $ref, ...rest } = node;
      for (const key of Object.keys(node)) delete node[key];
      Object.assign(node, rest, { allOf: [{ $ref }, ...(rest.allOf ?? [])] });
    }
    const ref = node.allOf?.[0]?.$ref === undefined ? node : node.allOf[0];
    if (typeof ref.$ref === 'string' && ref.$ref.startsWith(SCHEMA_BASE)) {
      const [file, fragment = ''] = ref.$ref.slice(SCHEMA_BASE.length).split('#');
      const other = file.replace(/\.schema\.json$/, '');
      const type = typeNameOf(other, fragment);
      imports.set(type, `./${other}.js`);
      delete ref.$ref;
      ref.tsType = type;
    }
    if ('if' in node) {
      const branches = ['then', 'else'].filter((k) => k in node).map((k) => node[k]);
      if (branches.length === 2) {
        // allOf keeps the node's own keywords (type, properties, ...) applying alongside.
        node.allOf = [...(node.allOf ?? []), { anyOf: branches }];
      }
      delete node.if;
      delete node.then;
      delete node.else;
    }
    if (target.defaults && node.properties) {
      const defaulted = Object.keys(node.properties).filter((k) => 'default' in node.properties[k]);
      if (defaulted.length > 0) node.required = [...new Set([...(node.required ?? []), ...defaulted])];
    }
  });
  for (const pointer of Object.keys(target.names)) {
    if (!named.has(pointer))
      throw new Error(`generate-types: ${target.schema}.schema.json has no ${pointer}`);
  }
  return { schema, imports };
}

/** The generated files: repo-relative path → contents. */
export async function generateTypes() {
  const files = new Map();
  for (const target of TARGETS) {
    const file = `${target.schema}.schema.json`;
    const original = JSON.parse(await readFile(join(SCHEMAS, file), 'utf8'));
    const { schema, imports } = adapt(original, target);
    const out = `${target.out}/${target.schema}.ts`;
    const banner = [
      '/**',
      ` * Generated from compliance/schemas/${file} by packages/model/scripts/generate-types.mjs.`,
      ' * Do not edit: change the schema and run `pnpm types:generate`.',
      target.defaults
        ? ' * Properties with a schema default are required: loading fills them in (ajv useDefaults).\n */'
        : ' */',
      ...[...imports].map(([type, from]) => `import type { ${type} } from '${from}';`),
    ].join('\n');
    const code = await compile(schema, target.names[''], {
      bannerComment: banner,
      format: false,
      unknownAny: true,
      ignoreMinAndMaxItems: true,
      additionalProperties: true,
      strictIndexSignatures: false,
      unreachableDefinitions: true,
      declareExternallyReferenced: true,
      $refOptions: { resolve: { external: false } },
    });
    const path = join(ROOT, out);
    const config = (await prettier.resolveConfig(path)) ?? {};
    files.set(out, await prettier.format(code, { ...config, filepath: path }));
  }
  return files;
}

/** Writes the generated files; returns the repo-relative paths that changed. */
export async function writeTypes() {
  const changed = [];
  for (const [out, text] of await generateTypes()) {
    const path = join(ROOT, out);
    const old = await readFile(path, 'utf8').catch(() => undefined);
    if (old === text) continue;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    changed.push(out);
  }
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const changed = await writeTypes();
  console.log(
    changed.length === 0
      ? 'generate-types: every generated file is up to date'
      : `generate-types: wrote ${changed.map((p) => relative(process.cwd(), join(ROOT, p))).join(', ')}`,
  );
}
