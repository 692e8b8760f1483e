import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import type { Manifest } from './rest.js';

/** Root of the committed scenarios; a bare name `x` means `test/scenarios/x.yaml`. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
/** Root of the fixtures that `crds[].fixture` names. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A cluster scenario, as written in test/scenarios/<name>.yaml. The format is documented in its README. */
export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly nodes?: readonly ScenarioNode[];
  /** Fields shared by every node; a node's own fields win (labels and annotations are merged key by key). */
  readonly nodeDefaults?: Partial<Omit<ScenarioNode, 'name'>>;
  readonly namespaces?: readonly ScenarioNamespace[];
  readonly storageClasses?: readonly ScenarioStorageClass[];
  readonly persistentVolumes?: readonly ScenarioPersistentVolume[];
  readonly crds?: readonly ScenarioCrd[];
  readonly apiServices?: readonly ScenarioApiService[];
  readonly objects?: readonly Manifest[];
  readonly pods?: readonly ScenarioPod[];
}

export interface ScenarioNode {
  readonly name: string;
  /** Sets `node-role.kubernetes.io/control-plane: ""` for control-plane; workers get no role label. */
  readonly role: 'control-plane' | 'worker';
  /** topology.kubernetes.io/zone */
  readonly zone?: string;
  /** topology.kubernetes.io/region */
  readonly region?: string;
  readonly osImage: string;
  readonly kernelVersion: string;
  /** @default the API server's own version */
  readonly kubeletVersion?: string;
  readonly containerRuntimeVersion: string;
  /** @default 'amd64' */
  readonly architecture?: string;
  readonly providerID?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /** @default [{ type: InternalIP, address: <derived 10.0.0.x> }, { type: Hostname, address: name }] */
  readonly addresses?: readonly { readonly type: string; readonly address: string }[];
  /** @default true */
  readonly ready?: boolean;
  /** @default false */
  readonly unschedulable?: boolean;
  readonly taints?: readonly { readonly key: string; readonly value?: string; readonly effect: string }[];
  /** @default { cpu: '4', memory: '16Gi', pods: '110', ephemeral-storage: '100Gi' } */
  readonly capacity?: Readonly<Record<string, string>>;
}

export interface ScenarioNamespace {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ScenarioStorageClass {
  readonly name: string;
  readonly provisioner: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /** Marks it the default class (storageclass.kubernetes.io/is-default-class). @default false */
  readonly default?: boolean;
  readonly reclaimPolicy?: 'Delete' | 'Retain';
  readonly volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  readonly allowVolumeExpansion?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ScenarioPersistentVolume {
  readonly name: string;
  /** @default '10Gi' */
  readonly capacity?: string;
  /** @default ['ReadWriteOnce'] */
  readonly accessModes?: readonly string[];
  readonly storageClassName?: string;
  /** @default 'Delete' */
  readonly reclaimPolicy?: string;
  /** The volume source, e.g. `{ nfs: { server, path } }`. @default { csi: { driver: 'csi.example.com', volumeHandle: name } } */
  readonly source?: Readonly<Record<string, unknown>>;
  /** status.phase. @default 'Available' */
  readonly phase?: 'Available' | 'Bound' | 'Released' | 'Failed' | 'Pending';
  readonly labels?: Readonly<Record<string, string>>;
}

export interface ScenarioCrd {
  /** A file or directory under test/fixtures; a directory means every *.yaml in it. */
  readonly fixture: string;
}

export interface ScenarioApiService {
  readonly group: string;
  readonly version: string;
  /** The backing Service; omit for a local APIService. */
  readonly service?: { readonly namespace: string; readonly name: string; readonly port?: number };
  /** status condition Available. @default true */
  readonly available?: boolean;
  readonly reason?: string;
  readonly message?: string;
}

export interface ScenarioPod {
  readonly name: string;
  /** @default 'default' */
  readonly namespace?: string;
  readonly nodeName?: string;
  /** status.phase. @default 'Running' */
  readonly phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  /** Containers; `image` is a shorthand for one container named after the pod. */
  readonly containers?: readonly { readonly name: string; readonly image: string }[];
  readonly image?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Owner set as a controller ownerReference, looked up by name in the pod's namespace (e.g. a DaemonSet in `objects`). */
  readonly owner?: { readonly kind: string; readonly name: string; readonly apiVersion?: string };
  /** Extra pod spec fields, merged over the generated spec (e.g. securityContext, tolerations). */
  readonly spec?: Readonly<Record<string, unknown>>;
}

/** Reads a scenario by bare name (`compliant`) or by path, and checks the fields every section needs. */
export function loadScenario(nameOrPath: string): Scenario {
  const file =
    isAbsolute(nameOrPath) || nameOrPath.includes('/') || nameOrPath.endsWith('.yaml')
      ? nameOrPath
      : join(SCENARIOS_DIR, `${nameOrPath}.yaml`);
  let data: unknown;
  try {
    data = load(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`scenario ${file}: ${(err as Error).message}`);
  }
  return validateScenario(data, file);
}

/** Checks the shape of a scenario; errors name the file and the field. */
export function validateScenario(data: unknown, where = 'scenario'): Scenario {
  const fail = (field: string, what: string): never => {
    throw new Error(`${where}: ${field} ${what} (see test/scenarios/README.md)`);
  };
  if (!data || typeof data !== 'object') return fail('(root)', 'must be a mapping');
  const raw = data as Scenario;
  if (raw.nodes !== undefined && !Array.isArray(raw.nodes)) fail('nodes', 'must be a list');
  const d = raw.nodeDefaults ?? {};
  const withDefaults = (n: ScenarioNode): ScenarioNode => ({
    ...d,
    ...n,
    labels: { ...d.labels, ...n.labels },
    annotations: { ...d.annotations, ...n.annotations },
  });
  const s: Scenario = raw.nodes ? { ...raw, nodes: raw.nodes.map(withDefaults) } : raw;
  if (typeof s.name !== 'string' || s.name === '') fail('name', 'is required');
  const list = (key: keyof Scenario): unknown[] => {
    const value = s[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return fail(key, 'must be a list');
    return value;
  };
  const need = (key: keyof Scenario, fields: readonly string[]): void =>
    list(key).forEach((item, i) => {
      for (const f of fields) {
        if (!item || typeof item !== 'object' || (item as Record<string, unknown>)[f] === undefined) {
          fail(`${key}[${i}].${f}`, 'is required');
        }
      }
    });
  need('nodes', ['name', 'role', 'osImage', 'kernelVersion', 'containerRuntimeVersion']);
  list('nodes').forEach((n, i) => {
    const role = (n as ScenarioNode).role;
    if (role !== 'control-plane' && role !== 'worker')
      fail(`nodes[${i}].role`, `must be control-plane or worker, not '${role}'`);
  });
  need('namespaces', ['name']);
  need('storageClasses', ['name', 'provisioner']);
  need('persistentVolumes', ['name']);
  need('crds', ['fixture']);
  need('apiServices', ['group', 'version']);
  need('objects', ['apiVersion', 'kind', 'metadata']);
  need('pods', ['name']);
  list('pods').forEach((p, i) => {
    const pod = p as ScenarioPod;
    if (!pod.image && !(pod.containers && pod.containers.length > 0))
      fail(`pods[${i}]`, 'needs image or containers');
  });
  return s;
}
