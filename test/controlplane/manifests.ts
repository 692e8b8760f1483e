import type { Manifest } from './rest.js';
import type {
  ScenarioApiService,
  ScenarioNamespace,
  ScenarioNode,
  ScenarioPersistentVolume,
  ScenarioPod,
  ScenarioStorageClass,
} from './scenario.js';

/**
 * Pure translation of scenario entries into API objects. `status` stays on the manifest: the seeder creates the
 * object without it, then writes it through the status subresource.
 */

const DEFAULT_CAPACITY = { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' };

export function namespaceManifest(ns: ScenarioNamespace): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns.name, labels: { ...ns.labels }, annotations: { ...ns.annotations } },
  };
}

export function nodeManifest(
  node: ScenarioNode,
  index: number,
  serverVersion: string,
  now: string,
): Manifest {
  const labels: Record<string, string> = {
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': node.architecture ?? 'amd64',
  };
  if (node.role === 'control-plane') labels['node-role.kubernetes.io/control-plane'] = '';
  if (node.zone) labels['topology.kubernetes.io/zone'] = node.zone;
  if (node.region) labels['topology.kubernetes.io/region'] = node.region;
  Object.assign(labels, node.labels);
  const capacity = { ...DEFAULT_CAPACITY, ...node.capacity };
  const ready = node.ready ?? true;
  const id = `${index + 1}`.padStart(4, '0');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name, labels, annotations: { ...node.annotations } },
    spec: {
      ...(node.providerID ? { providerID: node.providerID } : {}),
      ...(node.unschedulable ? { unschedulable: true } : {}),
      ...(node.taints && node.taints.length > 0 ? { taints: node.taints } : {}),
    },
    status: {
      capacity,
      allocatable: capacity,
      addresses: node.addresses ?? [
        { type: 'InternalIP', address: `10.0.0.${index + 10}` },
        { type: 'Hostname', address: node.name },
      ],
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          reason: ready ? 'KubeletReady' : 'KubeletNotReady',
          message: ready ? 'kubelet is posting ready status' : 'container runtime network not ready',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
      ],
      nodeInfo: {
        machineID: `havenkit${id}`,
        systemUUID: `00000000-0000-0000-0000-00000000${id}`,
        bootID: `00000000-0000-0000-0000-10000000${id}`,
        kernelVersion: node.kernelVersion,
        osImage: node.osImage,
        containerRuntimeVersion: node.containerRuntimeVersion,
        kubeletVersion: node.kubeletVersion ?? serverVersion,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: node.architecture ?? 'amd64',
      },
    },
  };
}

export function storageClassManifest(sc: ScenarioStorageClass): Manifest {
  const annotations: Record<string, string> = { ...sc.annotations };
  if (sc.default) annotations['storageclass.kubernetes.io/is-default-class'] = 'true';
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: sc.name, labels: { ...sc.labels }, annotations },
    provisioner: sc.provisioner,
    ...(sc.parameters ? { parameters: sc.parameters } : {}),
    reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    volumeBindingMode: sc.volumeBindingMode ?? 'Immediate',
    ...(sc.allowVolumeExpansion !== undefined ? { allowVolumeExpansion: sc.allowVolumeExpansion } : {}),
  };
}

export function persistentVolumeManifest(pv: ScenarioPersistentVolume): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: pv.name, labels: { ...pv.labels } },
    spec: {
      capacity: { storage: pv.capacity ?? '10Gi' },
      accessModes: pv.accessModes ?? ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: pv.reclaimPolicy ?? 'Delete',
      ...(pv.storageClassName ? { storageClassName: pv.storageClassName } : {}),
      ...(pv.source ?? { csi: { driver: 'csi.example.com', volumeHandle: pv.name } }),
    },
    status: { phase: pv.phase ?? 'Available' },
  };
}

/**
 * An APIService and its wanted Available condition. `backendPort` is the port of the discovery responder that
 * backs an available remote APIService (see discovery-responder.ts).
 */
export function apiServiceManifest(svc: ScenarioApiService, now: string, backendPort?: number): Manifest {
  const available = svc.available ?? true;
  return {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: `${svc.version}.${svc.group}` },
    spec: {
      group: svc.group,
      version: svc.version,
      groupPriorityMinimum: 100,
      versionPriority: 100,
      ...(svc.service
        ? {
            service: { ...svc.service, port: backendPort ?? svc.service.port ?? 443 },
            insecureSkipTLSVerify: true,
          }
        : {}),
    },
    status: {
      conditions: [
        {
          type: 'Available',
          status: available ? 'True' : 'False',
          reason: svc.reason ?? (available ? 'Passed' : 'ServiceNotFound'),
          message: svc.message ?? (available ? 'all checks passed' : 'the backing service is not present'),
          lastTransitionTime: now,
        },
      ],
    },
  };
}

/** The Service behind an available remote APIService: an ExternalName to localhost, where the responder listens. */
export function backendServiceManifest(svc: ScenarioApiService, backendPort: number): Manifest {
  if (!svc.service) throw new Error(`APIService ${svc.version}.${svc.group} has no service`);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: svc.service.name,
      namespace: svc.service.namespace,
      labels: { 'app.kubernetes.io/name': svc.service.name },
    },
    spec: { type: 'ExternalName', externalName: 'localhost', ports: [{ name: 'https', port: backendPort }] },
  };
}

export function podManifest(pod: ScenarioPod, now: string, owner?: Manifest): Manifest {
  const containers = pod.containers ?? [{ name: pod.name, image: pod.image ?? '' }];
  const phase = pod.phase ?? 'Running';
  const running = phase === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: pod.namespace ?? 'default',
      labels: { ...pod.labels },
      annotations: { ...pod.annotations },
      ...(owner
        ? {
            ownerReferences: [
              {
                apiVersion: owner.apiVersion,
                kind: owner.kind,
                name: owner.metadata.name,
                uid: owner.metadata.uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec: {
      ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
      containers: containers.map((c) => ({ name: c.name, image: c.image })),
      ...pod.spec,
    },
    status: {
      phase,
      conditions: [
        { type: 'PodScheduled', status: pod.nodeName ? 'True' : 'False', lastTransitionTime: now },
        { type: 'Initialized', status: 'True', lastTransitionTime: now },
        { type: 'ContainersReady', status: running ? 'True' : 'False', lastTransitionTime: now },
        { type: 'Ready', status: running ? 'True' : 'False', lastTransitionTime: now },
      ],
      ...(running ? { startTime: now } : {}),
      containerStatuses: containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: running,
        started: running,
        restartCount: 0,
        state: running ? { running: { startedAt: now } } : { waiting: { reason: 'ContainerCreating' } },
      })),
    },
  };
}
