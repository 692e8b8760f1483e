import { createHash } from 'node:crypto';
import { nodeManifest, podManifest } from '../../test/controlplane/manifests.js';
import type { Manifest } from '../../test/controlplane/rest.js';

/**
 * The objects of a scale cluster, generated from their index alone (so a cluster can grow: size N is size
 * N-1 plus the objects with the next indexes). Shapes follow what kubelets and controllers write on a real
 * cluster; the node and pod bases come from test/controlplane/manifests.ts.
 */

/** Namespaces the application pods are spread over. */
export const APP_NAMESPACES: readonly string[] = Array.from(
  { length: 50 },
  (_, i) => `team-${String(i + 1).padStart(2, '0')}`,
);
export const LOGGING_NAMESPACE = 'logging';
export const CERT_MANAGER_NAMESPACE = 'cert-manager';
export const CONTROL_PLANE_NODES = 3;
export const CERT_MANAGER_PODS = 3;
export const FLUENT_BIT_IMAGE = 'cr.fluentbit.io/fluent/fluent-bit:3.1.0';
export const CERT_MANAGER_IMAGE = 'quay.io/jetstack/cert-manager-controller:v1.16.0';

const ZONES = ['nl-ams-1a', 'nl-ams-1b', 'nl-ams-1c'];
const REGION = 'nl-ams-1';
const OS_IMAGE = 'Flatcar Container Linux by Kinvolk 4152.2.0 (Oklo)';
const KERNEL = '6.6.60-flatcar';
const RUNTIME = 'containerd://1.7.23';
const NOW = '2026-11-30T08:00:00Z';

/** How many of each pod kind a cluster of `nodes` x `pods` has (fluent-bit: one per node, as a DaemonSet). */
export function podMix(nodes: number, pods: number): { certManager: number; fluentBit: number; app: number } {
  const certManager = Math.min(CERT_MANAGER_PODS, pods);
  const fluentBit = Math.min(nodes, Math.floor((pods - certManager) / 2));
  return { certManager, fluentBit, app: pods - certManager - fluentBit };
}

const hex = (seed: string, length = 64): string => {
  let out = '';
  for (let n = 0; out.length < length; n++) out += createHash('sha256').update(`${seed}#${n}`).digest('hex');
  return out.slice(0, length);
};
const uuid = (seed: string): string => {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const ip = (base: number, offset: number): string => {
  const n = base + offset;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
};
const NODE_IP_BASE = (10 << 24) + (16 << 16) + 10; // 10.16.0.10, 10.16.0.11, ...
/** Suffix like a ReplicaSet's or DaemonSet's pod names ("7d9f8b6c4d-x2k9p"): 5 chars from the index. */
const podSuffix = (i: number): string => {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let s = '';
  for (let n = i, k = 0; k < 5; k++, n = Math.floor(n / alphabet.length)) s += alphabet[n % alphabet.length];
  return s;
};

export function nodeName(i: number): string {
  return i < CONTROL_PLANE_NODES
    ? `control-plane-${i}`
    : `worker-${String(i - CONTROL_PLANE_NODES).padStart(5, '0')}`;
}
export function nodeIp(i: number): string {
  return ip(NODE_IP_BASE, i);
}

/** Images a node has pulled (status.images): what kubelets report, most of a node's bytes. */
const NODE_IMAGES: readonly { repo: string; tag: string; size: number }[] = [
  ['registry.k8s.io/pause', '3.10', 320_368],
  ['registry.k8s.io/kube-proxy', 'v1.37.2', 30_219_865],
  ['registry.k8s.io/coredns/coredns', 'v1.11.3', 18_562_039],
  ['registry.k8s.io/etcd', '3.5.16-0', 57_680_541],
  ['registry.k8s.io/kube-apiserver', 'v1.37.2', 28_032_718],
  ['registry.k8s.io/kube-controller-manager', 'v1.37.2', 26_231_620],
  ['registry.k8s.io/kube-scheduler', 'v1.37.2', 20_178_106],
  ['registry.k8s.io/metrics-server/metrics-server', 'v0.7.2', 19_494_617],
  ['registry.k8s.io/ingress-nginx/controller', 'v1.11.3', 105_517_712],
  ['registry.k8s.io/provider-os/cinder-csi-plugin', 'v1.31.1', 86_040_134],
  ['registry.k8s.io/provider-os/openstack-cloud-controller-manager', 'v1.31.1', 21_837_262],
  ['registry.k8s.io/sig-storage/csi-node-driver-registrar', 'v2.12.0', 10_820_519],
  ['registry.k8s.io/sig-storage/livenessprobe', 'v2.14.0', 9_990_324],
  ['registry.k8s.io/sig-storage/csi-provisioner', 'v5.1.0', 29_835_109],
  ['registry.k8s.io/sig-storage/csi-attacher', 'v4.7.0', 27_880_321],
  ['registry.k8s.io/sig-storage/csi-resizer', 'v1.12.0', 27_570_512],
  ['registry.k8s.io/sig-storage/csi-snapshotter', 'v8.1.0', 27_230_104],
  ['quay.io/cilium/cilium', 'v1.16.3', 213_081_530],
  ['quay.io/cilium/operator-generic', 'v1.16.3', 30_902_446],
  ['quay.io/cilium/hubble-relay', 'v1.16.3', 20_103_881],
  ['cr.fluentbit.io/fluent/fluent-bit', '3.1.0', 38_312_002],
  ['quay.io/jetstack/cert-manager-controller', 'v1.16.0', 19_520_300],
  ['quay.io/jetstack/cert-manager-webhook', 'v1.16.0', 17_218_420],
  ['quay.io/jetstack/cert-manager-cainjector', 'v1.16.0', 16_108_776],
  ['quay.io/prometheus/node-exporter', 'v1.8.2', 12_114_081],
  ['quay.io/prometheus/prometheus', 'v2.55.0', 118_304_911],
  ['quay.io/prometheus-operator/prometheus-config-reloader', 'v0.78.1', 6_219_774],
  ['docker.io/grafana/grafana', '11.3.0', 140_711_225],
  ['docker.io/grafana/loki', '3.2.1', 36_120_445],
  ['docker.io/envoyproxy/envoy', 'v1.31.2', 61_602_093],
  ['quay.io/oauth2-proxy/oauth2-proxy', 'v7.7.1', 13_440_181],
  ['docker.io/library/postgres', '16.4-alpine', 93_421_980],
  ['docker.io/library/redis', '7.4.1-alpine', 17_233_590],
  ['docker.io/library/nginx', '1.27.2-alpine', 20_535_661],
  ['ghcr.io/kyverno/kyverno', 'v1.13.0', 37_540_201],
  ['ghcr.io/aquasecurity/trivy-operator', '0.23.0', 41_902_318],
  ['registry.gitlab.com/commonground/haven/meldingen-api', '2.14.1', 71_114_502],
  ['registry.gitlab.com/commonground/haven/meldingen-web', '2.14.1', 24_811_337],
  ['registry.gitlab.com/commonground/haven/parkeren-api', '1.9.0', 66_904_219],
  ['registry.gitlab.com/commonground/haven/zaken-worker', '3.2.7', 58_310_955],
].map(([repo, tag, size]) => ({ repo: repo as string, tag: tag as string, size: size as number }));

const imageDigest = (image: string): string => `sha256:${hex(`image:${image}`)}`;
const IMAGE_STATUS = NODE_IMAGES.map((img) => ({
  names: [`${img.repo}@${imageDigest(`${img.repo}:${img.tag}`)}`, `${img.repo}:${img.tag}`],
  sizeBytes: img.size,
}));

/** A Node, its status to write through /status (capacity, addresses, nodeInfo, 5 conditions, 40 images). */
export function scaleNode(i: number, serverVersion: string): Manifest {
  const name = nodeName(i);
  const controlPlane = i < CONTROL_PLANE_NODES;
  const zone = ZONES[i % ZONES.length] as string;
  const capacity = controlPlane
    ? { cpu: '4', memory: '16393436Ki', pods: '110', 'ephemeral-storage': '101430960Ki' }
    : { cpu: '16', memory: '65842124Ki', pods: '110', 'ephemeral-storage': '203070420Ki' };
  const base = nodeManifest(
    {
      name,
      role: controlPlane ? 'control-plane' : 'worker',
      zone,
      region: REGION,
      osImage: OS_IMAGE,
      kernelVersion: KERNEL,
      containerRuntimeVersion: RUNTIME,
      kubeletVersion: serverVersion,
      providerID: `openstack:///${uuid(`server:${name}`)}`,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'failure-domain.beta.kubernetes.io/zone': zone,
        'failure-domain.beta.kubernetes.io/region': REGION,
        'node.kubernetes.io/instance-type': controlPlane
          ? 'c4.large'
          : i % 4 === 0
            ? 'm4.2xlarge'
            : 'm4.xlarge',
        'topology.cinder.csi.openstack.org/zone': zone,
      },
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': nodeIp(i),
        'csi.volume.kubernetes.io/nodeid': JSON.stringify({
          'cinder.csi.openstack.org': uuid(`server:${name}`),
        }),
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      addresses: [
        { type: 'InternalIP', address: nodeIp(i) },
        { type: 'Hostname', address: name },
      ],
      capacity,
      ...(controlPlane
        ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }
        : {}),
    },
    i,
    serverVersion,
    NOW,
  );
  const status = base.status as Record<string, unknown> & { nodeInfo: Record<string, unknown> };
  const allocatable = { ...capacity, cpu: controlPlane ? '3800m' : '15800m' };
  const condition = (type: string, st: string, reason: string, message: string): Record<string, string> => ({
    type,
    status: st,
    lastHeartbeatTime: NOW,
    lastTransitionTime: NOW,
    reason,
    message,
  });
  const cidr = `10.${64 + (i >> 8)}.${i & 255}.0/24`;
  return {
    ...base,
    spec: { ...(base.spec as object), podCIDR: cidr, podCIDRs: [cidr] },
    status: {
      ...status,
      allocatable,
      conditions: [
        condition('NetworkUnavailable', 'False', 'CiliumIsUp', 'Cilium is running on this node'),
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        ...status.nodeInfo,
        machineID: hex(`machine:${name}`, 32),
        systemUUID: uuid(`server:${name}`),
        bootID: uuid(`boot:${name}`),
      },
      images: IMAGE_STATUS,
    },
  };
}

interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly port: number;
  readonly cpu: string;
  readonly memory: string;
}

/** The projected service-account volume every pod gets from the (absent) ServiceAccount admission plugin. */
const serviceAccountVolume = (seed: string): { name: string; projected: unknown } => ({
  name: `kube-api-access-${hex(seed, 5)}`,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
        },
      },
    ],
  },
});

const TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function container(c: ContainerSpec, app: string, saVolume: string, extraMounts: readonly object[]): object {
  return {
    name: c.name,
    image: c.image,
    imagePullPolicy: 'IfNotPresent',
    ports: [
      { name: 'http', containerPort: c.port, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ],
    env: [
      { name: 'APP_NAME', value: app },
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'LOG_FORMAT', value: 'json' },
      { name: 'HTTP_PORT', value: String(c.port) },
      { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.monitoring.svc:4317' },
      { name: 'TZ', value: 'Europe/Amsterdam' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      {
        name: 'POD_NAMESPACE',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
      },
      { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      { name: 'DATABASE_PASSWORD', valueFrom: { secretKeyRef: { name: `${app}-db`, key: 'password' } } },
    ],
    resources: { requests: { cpu: c.cpu, memory: c.memory }, limits: { memory: c.memory } },
    volumeMounts: [
      ...extraMounts,
      { name: saVolume, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
    ],
    livenessProbe: {
      httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    readinessProbe: {
      httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' },
      periodSeconds: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

interface PodShape {
  readonly index: number;
  readonly name: string;
  readonly namespace: string;
  readonly app: string;
  readonly owner: { kind: 'ReplicaSet' | 'DaemonSet'; name: string; apiVersion: string };
  readonly node: number;
  readonly containers: readonly ContainerSpec[];
  readonly labels: Record<string, string>;
  readonly extraVolumes?: readonly object[];
  readonly extraMounts?: readonly object[];
  readonly tolerations?: readonly object[];
}

function pod(shape: PodShape): Manifest {
  const seed = `${shape.namespace}/${shape.name}`;
  const sa = serviceAccountVolume(seed);
  const ownerManifest: Manifest = {
    apiVersion: shape.owner.apiVersion,
    kind: shape.owner.kind,
    metadata: { name: shape.owner.name, uid: uuid(`owner:${shape.namespace}/${shape.owner.name}`) },
  };
  const base = podManifest(
    {
      name: shape.name,
      namespace: shape.namespace,
      nodeName: nodeName(shape.node),
      labels: shape.labels,
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
      },
      containers: shape.containers.map((c) => ({ name: c.name, image: c.image })),
      spec: {
        containers: shape.containers.map((c) => container(c, shape.app, sa.name, shape.extraMounts ?? [])),
        volumes: [...(shape.extraVolumes ?? []), sa],
        serviceAccountName: shape.app,
        serviceAccount: shape.app,
        enableServiceLinks: false,
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        schedulerName: 'default-scheduler',
        securityContext: { runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001 },
        tolerations: shape.tolerations ?? TOLERATIONS,
      },
    },
    NOW,
    ownerManifest,
  );
  const podIp = `10.${64 + (shape.node >> 8)}.${shape.node & 255}.${2 + (shape.index % 250)}`;
  const hostIp = nodeIp(shape.node);
  const metadata = { ...base.metadata, generateName: shape.name.replace(/[^-]+$/, '') };
  return {
    ...base,
    metadata,
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: NOW },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: NOW },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: NOW },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: NOW },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: NOW },
      ],
      hostIP: hostIp,
      hostIPs: [{ ip: hostIp }],
      podIP: podIp,
      podIPs: [{ ip: podIp }],
      startTime: NOW,
      containerStatuses: shape.containers.map((c) => ({
        name: c.name,
        state: { running: { startedAt: NOW } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: c.image,
        imageID: `${c.image.replace(/:[^/:]+$/, '')}@${imageDigest(c.image)}`,
        containerID: `containerd://${hex(`container:${seed}/${c.name}`)}`,
        started: true,
      })),
    },
  };
}

const DEPLOYMENTS = ['api', 'web', 'worker', 'gateway', 'scheduler', 'sync', 'search', 'notifier'];
const SIDECARS: readonly ContainerSpec[] = [
  { name: 'envoy', image: 'docker.io/envoyproxy/envoy:v1.31.2', port: 15001, cpu: '50m', memory: '128Mi' },
  {
    name: 'oauth2-proxy',
    image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.7.1',
    port: 4180,
    cpu: '20m',
    memory: '64Mi',
  },
];

/** Application pod `i` (0-based among the app pods): namespace i mod 50, 1–3 containers, on a worker. */
export function appPod(i: number, workers: number): Manifest {
  const namespace = APP_NAMESPACES[i % APP_NAMESPACES.length] as string;
  const deployment = DEPLOYMENTS[Math.floor(i / APP_NAMESPACES.length) % DEPLOYMENTS.length] as string;
  const app = `${namespace}-${deployment}`;
  const hash = hex(`rs:${app}`, 10).replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)] as string);
  const name = `${deployment}-${hash}-${podSuffix(i)}`;
  const main: ContainerSpec = {
    name: deployment,
    image: `registry.gitlab.com/commonground/haven/${deployment}:1.${i % 17}.${i % 5}`,
    port: 8080,
    cpu: '100m',
    memory: '256Mi',
  };
  // 1 container mostly, 2 in about a quarter of the pods, 3 in one in 35.
  const containers = [main, ...SIDECARS.slice(0, (i % 5 === 1 ? 1 : 0) + (i % 7 === 1 ? 1 : 0))];
  return pod({
    index: i,
    name,
    namespace,
    app,
    owner: { kind: 'ReplicaSet', name: `${deployment}-${hash}`, apiVersion: 'apps/v1' },
    node: CONTROL_PLANE_NODES + (i % workers),
    containers,
    labels: {
      'app.kubernetes.io/name': deployment,
      'app.kubernetes.io/instance': app,
      'app.kubernetes.io/part-of': namespace,
      'app.kubernetes.io/version': `1.${i % 17}.${i % 5}`,
      'pod-template-hash': hash,
    },
    extraVolumes: [
      { name: 'config', configMap: { name: `${app}-config`, defaultMode: 420 } },
      { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
    ],
    extraMounts: [
      { name: 'config', mountPath: '/etc/app', readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
    ],
  });
}

/** The fluent-bit DaemonSet's pod on node `node`. */
export function fluentBitPod(node: number): Manifest {
  return pod({
    index: node,
    name: `fluent-bit-${podSuffix(node)}`,
    namespace: LOGGING_NAMESPACE,
    app: 'fluent-bit',
    owner: { kind: 'DaemonSet', name: 'fluent-bit', apiVersion: 'apps/v1' },
    node,
    containers: [{ name: 'fluent-bit', image: FLUENT_BIT_IMAGE, port: 2020, cpu: '50m', memory: '128Mi' }],
    labels: {
      'app.kubernetes.io/name': 'fluent-bit',
      'app.kubernetes.io/instance': 'fluent-bit',
      'controller-revision-hash': '6b8f9d4c7',
      'pod-template-generation': '3',
    },
    extraVolumes: [
      { name: 'varlog', hostPath: { path: '/var/log', type: '' } },
      { name: 'config', configMap: { name: 'fluent-bit', defaultMode: 420 } },
    ],
    extraMounts: [
      { name: 'varlog', mountPath: '/var/log', readOnly: true },
      { name: 'config', mountPath: '/fluent-bit/etc/conf', readOnly: true },
    ],
    tolerations: [
      { operator: 'Exists', effect: 'NoSchedule' },
      ...TOLERATIONS.map((t) => ({ ...t, tolerationSeconds: undefined })),
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    ],
  });
}

/** cert-manager controller replica `i`, on a worker. */
export function certManagerPod(i: number, workers: number): Manifest {
  const hash = 'c8b6f9d7d';
  return pod({
    index: i,
    name: `cert-manager-${hash}-${podSuffix(i + 7)}`,
    namespace: CERT_MANAGER_NAMESPACE,
    app: 'cert-manager',
    owner: { kind: 'ReplicaSet', name: `cert-manager-${hash}`, apiVersion: 'apps/v1' },
    node: CONTROL_PLANE_NODES + (i % workers),
    containers: [
      { name: 'cert-manager-controller', image: CERT_MANAGER_IMAGE, port: 9402, cpu: '10m', memory: '128Mi' },
    ],
    labels: {
      app: 'cert-manager',
      'app.kubernetes.io/name': 'cert-manager',
      'app.kubernetes.io/instance': 'cert-manager',
      'app.kubernetes.io/component': 'controller',
      'app.kubernetes.io/version': 'v1.16.0',
      'pod-template-hash': hash,
    },
  });
}

/** Minimal valid CRDs of cert-manager (schemas preserve unknown fields), so the autocerts check finds them. */
export function certManagerCrds(): Manifest[] {
  const crd = (group: string, plural: string, kind: string, scope: 'Namespaced' | 'Cluster'): Manifest => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${plural}.${group}`,
      labels: {
        app: 'cert-manager',
        'app.kubernetes.io/name': 'cert-manager',
        'app.kubernetes.io/version': 'v1.16.0',
      },
    },
    spec: {
      group,
      names: {
        plural,
        singular: kind.toLowerCase(),
        kind,
        listKind: `${kind}List`,
        categories: ['cert-manager'],
      },
      scope,
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          subresources: { status: {} },
        },
      ],
    },
  });
  return [
    crd('cert-manager.io', 'certificates', 'Certificate', 'Namespaced'),
    crd('cert-manager.io', 'certificaterequests', 'CertificateRequest', 'Namespaced'),
    crd('cert-manager.io', 'issuers', 'Issuer', 'Namespaced'),
    crd('cert-manager.io', 'clusterissuers', 'ClusterIssuer', 'Cluster'),
    crd('acme.cert-manager.io', 'orders', 'Order', 'Namespaced'),
    crd('acme.cert-manager.io', 'challenges', 'Challenge', 'Namespaced'),
  ];
}

/** Two StorageClasses, as an OpenStack cluster with Cinder has them. */
export function storageClasses(): Manifest[] {
  const sc = (name: string, isDefault: boolean, type: string): Manifest => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {},
    },
    provisioner: 'cinder.csi.openstack.org',
    parameters: { type },
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  });
  return [sc('standard', true, 'ssd'), sc('bulk', false, 'hdd')];
}

export function namespaceObject(name: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
  };
}
