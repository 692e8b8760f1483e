import { isEveryAddress } from '../cidr.js';
import { HavenkitInputError } from '../errors.js';
import { describeSchemaErrors } from '@havenkit/model';
import { schemaValidator } from '../schema.js';
import type {
  ApplicationDocument,
  ApplicationProps,
  ConfigMountProps,
  EgressRuleProps,
  MountProps,
  ProbesProps,
} from './types.js';

const SCHEMA = 'application.schema.json';

export function toDocument(app: ApplicationProps): ApplicationDocument {
  return {
    apiVersion: 'havenkit.dev/v1alpha1',
    kind: 'Application',
    metadata: { name: app.name },
    spec: {
      components: app.components,
      ...(app.volumes !== undefined ? { volumes: app.volumes } : {}),
      ...(app.configFiles !== undefined ? { configFiles: app.configFiles } : {}),
      ...(app.jobs !== undefined ? { jobs: app.jobs } : {}),
    },
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
  const volumeNames = unique(app.spec.volumes ?? [], 'spec.volumes', 'volume');
  const configNames = unique(app.spec.configFiles ?? [], 'spec.configFiles', 'configuration');
  const jobNames = new Map<string, number>();

  /** Names in a list are unique; the map of name → index. */
  function unique(list: readonly { name: string }[], path: string, what: string): Map<string, number> {
    const names = new Map<string, number>();
    list.forEach((item, i) => {
      const seen = names.get(item.name);
      if (seen !== undefined)
        fail(`${path}[${i}].name`, `duplicate ${what} name "${item.name}" (also ${path}[${seen}].name)`);
      names.set(item.name, i);
    });
    return names;
  }

  /** Mounts name known volumes and configurations, and no path twice (`taken`: path → where). */
  function checkMounts(
    at: string,
    mounts: readonly MountProps[] | undefined,
    configMounts: readonly ConfigMountProps[] | undefined,
    taken: Map<string, string>,
  ): void {
    const claim = (path: string, where: string): void => {
      const seen = taken.get(path);
      if (seen !== undefined) fail(where, `${path} is already mounted by ${seen}`);
      taken.set(path, where);
    };
    (mounts ?? []).forEach((m, j) => {
      if (!volumeNames.has(m.volume))
        fail(
          `${at}.mounts[${j}].volume`,
          `unknown volume "${m.volume}" (spec.volumes: ${[...volumeNames.keys()].join(', ') || 'none'})`,
        );
      claim(m.mountPath, `${at}.mounts[${j}].mountPath`);
    });
    (configMounts ?? []).forEach((m, j) => {
      if (!configNames.has(m.config))
        fail(
          `${at}.configMounts[${j}].config`,
          `unknown configuration "${m.config}" (spec.configFiles: ${[...configNames.keys()].join(', ') || 'none'})`,
        );
      claim(m.mountPath, `${at}.configMounts[${j}].mountPath`);
    });
  }

  /** Exactly one check per probe; a port to check where the probe names none. */
  function checkProbes(at: string, probes: ProbesProps | undefined, port: number | undefined): void {
    for (const kind of ['readiness', 'liveness', 'startup'] as const) {
      const p = probes?.[kind];
      if (p === undefined) continue;
      const given = (['http', 'tcp', 'exec'] as const).filter((k) => p[k] !== undefined);
      if (given.length !== 1)
        fail(`${at}.${kind}`, `give exactly one of http, tcp or exec (got ${given.join(', ') || 'none'})`);
      const probePort = p.http?.port ?? p.tcp?.port;
      if ((p.http !== undefined || p.tcp !== undefined) && probePort === undefined && port === undefined)
        fail(`${at}.${kind}`, 'names no port, and the container has none');
    }
    const { readiness, liveness } = probes ?? {};
    if (
      readiness !== undefined &&
      liveness !== undefined &&
      JSON.stringify(readiness) === JSON.stringify(liveness)
    )
      fail(
        `${at}.liveness`,
        'is the same probe as readiness: a failing dependency would then restart every pod at once; check that the process is alive (a TCP check, a /live endpoint)',
      );
  }

  /** Each egress rule names exactly one destination, and never the whole internet. */
  function checkEgress(at: string, rules: readonly EgressRuleProps[] | undefined): void {
    (rules ?? []).forEach((r, j) => {
      const where = `${at}[${j}]`;
      const given = (['cidr', 'cidrs', 'namespace'] as const).filter((k) => r[k] !== undefined);
      if (given.length !== 1)
        fail(where, `give exactly one of cidr, cidrs or namespace (got ${given.join(', ') || 'none'})`);
      if (r.podLabels !== undefined && r.namespace === undefined)
        fail(`${where}.podLabels`, 'needs namespace');
      for (const cidr of [...(r.cidr !== undefined ? [r.cidr] : []), ...(r.cidrs ?? [])]) {
        if (isEveryAddress(cidr))
          fail(
            where,
            `${cidr} is every address: name the ranges the destination resolves to (NetworkPolicy cannot name hosts)`,
          );
      }
    });
  }

  /** Each backing service instance once per component or job. */
  function checkServices(at: string, uses: readonly { service: string; name?: string }[] | undefined): void {
    const seen = new Map<string, number>();
    (uses ?? []).forEach((u, j) => {
      const name = u.name ?? u.service;
      const before = seen.get(name);
      if (before !== undefined)
        fail(
          `${at}.services[${j}]`,
          `uses "${name}" twice (also ${at}.services[${before}]); give each instance a name`,
        );
      seen.set(name, j);
    });
  }

  /** connectsTo names components with a port, other than `self`. */
  function checkTargets(at: string, targets: readonly string[] | undefined, self: number | undefined): void {
    (targets ?? []).forEach((target, j) => {
      const t = index.get(target);
      if (t === undefined)
        fail(
          `${at}.connectsTo[${j}]`,
          `unknown component "${target}" (components: ${[...index.keys()].join(', ')})`,
        );
      else if (t === self) fail(`${at}.connectsTo[${j}]`, 'a component cannot connect to itself');
      else if (components[t]?.port === undefined)
        fail(`${at}.connectsTo[${j}]`, `component "${target}" has no port`);
    });
  }

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
    checkMounts(at, c.mounts, c.configMounts, mounts);
    if (c.ingress && c.port === undefined) fail(`${at}.ingress`, 'needs the component to have a port');
    if (c.health && c.port === undefined) fail(`${at}.health`, 'needs the component to have a port');
    if (c.health && c.probes) fail(`${at}.health`, 'give probes or health (its shorthand), not both');
    const ports = new Map<number, string>(c.port !== undefined ? [[c.port, `${at}.port`]] : []);
    const portNames = new Map<string, string>([['http', "the name of the component's port"]]);
    (c.ports ?? []).forEach((p, j) => {
      const seen = ports.get(p.port);
      if (seen !== undefined) fail(`${at}.ports[${j}].port`, `port ${p.port} is already ${seen}`);
      ports.set(p.port, `${at}.ports[${j}].port`);
      const named = portNames.get(p.name);
      if (named !== undefined) fail(`${at}.ports[${j}].name`, `"${p.name}" is already ${named}`);
      if (p.name.includes('--')) fail(`${at}.ports[${j}].name`, 'a port name has no two hyphens in a row');
      portNames.set(p.name, `${at}.ports[${j}].name`);
    });
    (c.storage ?? []).forEach((v, j) => {
      // The pod's other volumes are named vol-<volume>, config-<config> and writable-…: never a clash.
      if (/^(vol|config|writable)-/.test(v.name))
        fail(
          `${at}.storage[${j}].name`,
          `"${v.name}": names starting with vol-, config- or writable- are havenkit's own`,
        );
    });
    checkProbes(`${at}.probes`, c.probes, c.port);
    const containers = new Map<string, string>([[c.name, `${at}.name`]]);
    for (const [kind, list] of [
      ['initContainers', c.initContainers],
      ['sidecars', c.sidecars],
    ] as const) {
      (list ?? []).forEach((x, j) => {
        const where = `${at}.${kind}[${j}]`;
        const seen = containers.get(x.name);
        if (seen !== undefined) fail(`${where}.name`, `container name "${x.name}" is already ${seen}`);
        containers.set(x.name, `${where}.name`);
        if (kind === 'initContainers' && (x.port !== undefined || x.probes !== undefined))
          fail(where, 'an init container runs to completion: it has no port and no probes');
        if (x.port !== undefined) {
          const taken = ports.get(x.port);
          if (taken !== undefined) fail(`${where}.port`, `port ${x.port} is already ${taken}`);
          ports.set(x.port, `${where}.port`);
        }
        checkProbes(`${where}.probes`, x.probes, x.port);
      });
    }
    checkEgress(`${at}.egress`, c.egress);
    checkServices(at, c.services);
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
    if (c.autoscale?.enabled && (c.storage ?? []).some((v) => !v.shared)) {
      fail(
        `${at}.autoscale.enabled`,
        'a component with its own (ReadWriteOnce) storage is a StatefulSet whose replicas each own a volume: scale it by hand, not with an autoscaler',
      );
    }
    checkTargets(at, c.connectsTo, i);
  });
  (app.spec.jobs ?? []).forEach((job, i) => {
    const at = `spec.jobs[${i}]`;
    const clash = index.get(job.name);
    if (clash !== undefined)
      fail(
        `${at}.name`,
        `"${job.name}" is already the name of spec.components[${clash}] (resource names are <app>-<name>)`,
      );
    const seen = jobNames.get(job.name);
    if (seen !== undefined)
      fail(`${at}.name`, `duplicate job name "${job.name}" (also spec.jobs[${seen}].name)`);
    jobNames.set(job.name, i);
    if (job.component !== undefined && !index.has(job.component))
      fail(
        `${at}.component`,
        `unknown component "${job.component}" (components: ${[...index.keys()].join(', ')})`,
      );
    if (job.image === undefined && job.component === undefined)
      fail(at, 'needs an image, or the component whose image it runs');
    if (job.timeZone !== undefined && job.schedule === undefined) fail(`${at}.timeZone`, 'needs a schedule');
    const mounts = new Map<string, string>();
    (job.writablePaths ?? []).forEach((p, j) => mounts.set(p, `${at}.writablePaths[${j}]`));
    checkMounts(at, job.mounts, job.configMounts, mounts);
    checkTargets(at, job.connectsTo, undefined);
    checkEgress(`${at}.egress`, job.egress);
    checkServices(at, job.services);
  });
  return {
    name: app.metadata.name,
    components,
    ...(app.spec.volumes !== undefined ? { volumes: app.spec.volumes } : {}),
    ...(app.spec.configFiles !== undefined ? { configFiles: app.spec.configFiles } : {}),
    ...(app.spec.jobs !== undefined ? { jobs: app.spec.jobs } : {}),
  };
}
