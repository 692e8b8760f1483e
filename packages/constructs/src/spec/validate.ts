import { HavenkitInputError } from '../errors.js';
import { describeSchemaErrors } from '@havenkit/model';
import { schemaValidator } from '../schema.js';
import type { ApplicationDocument, ApplicationProps } from './types.js';

const SCHEMA = 'application.schema.json';

export function toDocument(app: ApplicationProps): ApplicationDocument {
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'Application',
    metadata: { name: app.name },
    spec: { components: app.components },
  };
}

/**
 * Validates an application document against the schema, then the rules a schema cannot say
 * (unique names, known `connectsTo` targets, mount paths). `source` (a file name) prefixes errors,
 * which name the field like `spec.components[1].storage[0].size`.
 */
export function validateApplication(doc: unknown, source: string): ApplicationProps {
  const validate = schemaValidator(SCHEMA);
  const data: unknown = structuredClone(doc);
  if (!validate(data)) {
    throw new HavenkitInputError(`${source}: ${describeSchemaErrors(validate.errors)}`);
  }
  const app = data as ApplicationDocument;
  const fail = (path: string, message: string): never => {
    throw new HavenkitInputError(`${source}: ${path}: ${message}`);
  };
  const components = app.spec.components;
  const index = new Map<string, number>();
  components.forEach((c, i) => {
    const seen = index.get(c.name);
    if (seen !== undefined)
      fail(
        `spec.components[${i}].name`,
        `duplicate component name "${c.name}" (also spec.components[${seen}].name)`,
      );
    index.set(c.name, i);
  });
  const hosts = new Map<string, string>();
  components.forEach((c, i) => {
    const at = `spec.components[${i}]`;
    const volumes = new Map<string, number>();
    const mounts = new Map<string, string>();
    (c.storage ?? []).forEach((s, j) => {
      const seen = volumes.get(s.name);
      if (seen !== undefined)
        fail(
          `${at}.storage[${j}].name`,
          `duplicate volume name "${s.name}" (also ${at}.storage[${seen}].name)`,
        );
      volumes.set(s.name, j);
      mounts.set(s.mountPath, `${at}.storage[${j}].mountPath`);
    });
    (c.writablePaths ?? []).forEach((p, j) => {
      const seen = mounts.get(p);
      if (seen !== undefined) fail(`${at}.writablePaths[${j}]`, `${p} is already mounted by ${seen}`);
      mounts.set(p, `${at}.writablePaths[${j}]`);
    });
    if (c.ingress && c.port === undefined) fail(`${at}.ingress`, 'needs the component to have a port');
    if (c.health && c.port === undefined) fail(`${at}.health`, 'needs the component to have a port');
    if (c.loadBalancer && c.port === undefined)
      fail(`${at}.loadBalancer`, 'needs the component to have a port');
    if (c.ingress) {
      const key = `${c.ingress.host}${c.ingress.path ?? '/'}`;
      const seen = hosts.get(key);
      if (seen !== undefined) fail(`${at}.ingress`, `host and path ${key} are already used by ${seen}`);
      hosts.set(key, `${at}.ingress`);
    }
    const replicas = c.replicas ?? 1;
    if (c.autoscale?.maxReplicas !== undefined && c.autoscale.maxReplicas < replicas) {
      fail(
        `${at}.autoscale.maxReplicas`,
        `must be at least replicas (${replicas}) (got ${c.autoscale.maxReplicas})`,
      );
    }
    if (c.autoscale?.enabled && c.resources?.cpu === undefined) {
      fail(`${at}.autoscale.enabled`, 'needs resources.cpu (the autoscaler targets CPU utilization)');
    }
    (c.connectsTo ?? []).forEach((target, j) => {
      const t = index.get(target);
      if (t === undefined)
        fail(
          `${at}.connectsTo[${j}]`,
          `unknown component "${target}" (components: ${[...index.keys()].join(', ')})`,
        );
      else if (t === i) fail(`${at}.connectsTo[${j}]`, 'a component cannot connect to itself');
      else if (components[t]?.port === undefined)
        fail(`${at}.connectsTo[${j}]`, `component "${target}" has no port`);
    });
  });
  return { name: app.metadata.name, components };
}
