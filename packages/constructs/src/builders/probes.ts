import { k8s } from '../kube.js';
import type { ProbeProps, ProbesProps } from '../spec/types.js';

/** How often each probe runs when the spec says nothing: readiness often, liveness less, startup often. */
const PERIOD_SECONDS = { readiness: 10, liveness: 20, startup: 5 } as const;
/** A startup probe's patience by default: 30 × 5 s = 2.5 minutes before the pod is restarted. */
const STARTUP_FAILURE_THRESHOLD = 30;

type Kind = keyof typeof PERIOD_SECONDS;

export interface ContainerProbes {
  readonly readinessProbe?: k8s.Probe;
  readonly livenessProbe?: k8s.Probe;
  readonly startupProbe?: k8s.Probe;
}

/** A port by number, or the container's named `http` port when the probe names none. */
const portOf = (port: number | undefined): k8s.IntOrString =>
  port !== undefined ? k8s.IntOrString.fromNumber(port) : k8s.IntOrString.fromString('http');

function probe(kind: Kind, p: ProbeProps, defaultPort: number | undefined): k8s.Probe {
  const check: k8s.Probe = p.http
    ? {
        httpGet: {
          path: p.http.path,
          port: portOf(p.http.port ?? defaultPort),
          ...(p.http.scheme !== undefined ? { scheme: p.http.scheme } : {}),
          ...(p.http.headers !== undefined
            ? {
                httpHeaders: Object.entries(p.http.headers)
                  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                  .map(([name, value]) => ({ name, value })),
              }
            : {}),
        },
      }
    : p.tcp
      ? { tcpSocket: { port: portOf(p.tcp.port ?? defaultPort) } }
      : { exec: { command: [...(p.exec?.command ?? [])] } };
  return {
    ...check,
    ...(p.initialDelaySeconds !== undefined ? { initialDelaySeconds: p.initialDelaySeconds } : {}),
    periodSeconds: p.periodSeconds ?? PERIOD_SECONDS[kind],
    ...(p.timeoutSeconds !== undefined ? { timeoutSeconds: p.timeoutSeconds } : {}),
    ...(p.failureThreshold !== undefined
      ? { failureThreshold: p.failureThreshold }
      : kind === 'startup'
        ? { failureThreshold: STARTUP_FAILURE_THRESHOLD }
        : {}),
  };
}

/**
 * The container's probes: as the spec gives them, or from the `health` shorthand a readiness
 * HTTP GET on its path and a liveness TCP check of the port — never the same probe twice, so that
 * a dependency that fails readiness does not restart every pod at once. Without either, none.
 */
export function containerProbes(
  probes: ProbesProps | undefined,
  health?: { readonly path: string },
  /** The port a probe checks when it names none; default the container's named port `http`. */
  defaultPort?: number,
): ContainerProbes {
  const given: ProbesProps | undefined =
    probes ??
    (health !== undefined
      ? { readiness: { http: { path: health.path } }, liveness: { tcp: {} } }
      : undefined);
  if (given === undefined) return {};
  return {
    ...(given.readiness !== undefined
      ? { readinessProbe: probe('readiness', given.readiness, defaultPort) }
      : {}),
    ...(given.liveness !== undefined
      ? { livenessProbe: probe('liveness', given.liveness, defaultPort) }
      : {}),
    ...(given.startup !== undefined ? { startupProbe: probe('startup', given.startup, defaultPort) } : {}),
  };
}
