import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  builtinProfileIds,
  diffObjects,
  loadAppDefinitions,
  loadProfile,
  synthesize,
  type K8sObject,
} from '../src/index.js';

const example = fileURLToPath(new URL('../../../examples/apps/meldingen.yaml', import.meta.url));
const golden = (id: string): URL => new URL(`./golden/${id}.yaml`, import.meta.url);
const update = process.env.HAVENKIT_UPDATE_GOLDEN === '1';

async function synth(id: string): Promise<{ yaml: string; objects: readonly K8sObject[] }> {
  const result = synthesize(await loadAppDefinitions(example), loadProfile(id));
  const [file] = result.files;
  if (!file || result.files.length !== 1) throw new Error('expected one file');
  return file;
}

/** The fields a provider profile owns: the only ones allowed to differ between providers. */
const PROFILE_OWNED = [
  /^spec\.storageClassName$/,
  /^spec\.volumeClaimTemplates\[\d+\]\.spec\.storageClassName$/,
  /^metadata\.annotations\["havenkit\.dev\/requires"\]$/,
  /^metadata\.annotations\["cert-manager\.io\/cluster-issuer"\]$/,
  /^metadata\.annotations(\[.*\])?$/, // LB and ingress annotations
  /^spec\.ingressClassName$/,
  /^spec\.externalTrafficPolicy$/,
  /^spec\.template\.spec\.topologySpreadConstraints\[0\]\.topologyKey$/,
  // The ingress controller's namespace and pods, which web components admit traffic from.
  /^spec\.ingress\[\d+\]\.from\[\d+\]\.(namespaceSelector|podSelector)\.matchLabels(\[.*\])?$/,
];

/** The providers that can run meldingen: every one with ReadWriteMany storage (its media volume is shared). */
const SERVING = builtinProfileIds().filter((id) => loadProfile(id).storage.rwx.supported);

describe('golden output of examples/apps/meldingen.yaml', () => {
  it('is refused, with the remedy, for a provider without ReadWriteMany storage (generic names no class)', async () => {
    expect(builtinProfileIds().filter((id) => !SERVING.includes(id))).toEqual(['generic']);
    await expect(synth('generic')).rejects.toThrow(
      /volume "media" of component "api" is shared \(ReadWriteMany\) but provider "generic" has no ReadWriteMany storage .*remedy: write a profile of your own/,
    );
  });

  it.each(SERVING)('%s matches test/golden/%s.yaml', async (id) => {
    const { yaml } = await synth(id);
    if (update || !existsSync(golden(id))) writeFileSync(golden(id), yaml);
    expect(yaml).toBe(readFileSync(golden(id), 'utf8'));
  });

  it('is byte-for-byte reproducible', async () => {
    expect((await synth('scaleway')).yaml).toBe((await synth('scaleway')).yaml);
  });

  it('has the same kinds and names for every provider; only profile-owned fields differ', async () => {
    const base = await synth('scaleway');
    const names = (objs: readonly K8sObject[]): string[] => objs.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names(base.objects)).toEqual([
      'ConfigMap/meldingen-api-env',
      'Deployment/meldingen-api',
      'Deployment/meldingen-frontend',
      'HorizontalPodAutoscaler/meldingen-api',
      'Ingress/meldingen-frontend',
      'NetworkPolicy/meldingen-api',
      'NetworkPolicy/meldingen-default-deny',
      'NetworkPolicy/meldingen-frontend',
      'PersistentVolumeClaim/meldingen-api-media',
      'PodDisruptionBudget/meldingen-api',
      'PodDisruptionBudget/meldingen-frontend',
      'Service/meldingen-api',
      'Service/meldingen-frontend',
    ]);
    const differing = new Set<string>();
    for (const id of SERVING) {
      const other = await synth(id);
      expect(names(other.objects)).toEqual(names(base.objects));
      for (const d of diffObjects(base.objects, other.objects)) {
        expect(
          PROFILE_OWNED.some((re) => re.test(d.path)),
          `${id}: ${d.kind}/${d.name} ${d.path}`,
        ).toBe(true);
        differing.add(`${d.kind} ${d.path}`);
      }
    }
    expect([...differing].sort()).toEqual([
      'Ingress spec.ingressClassName',
      'NetworkPolicy spec.ingress[0].from[0].namespaceSelector.matchLabels["kubernetes.io/metadata.name"]',
      'NetworkPolicy spec.ingress[0].from[0].podSelector.matchLabels["app.kubernetes.io/name"]',
      'PersistentVolumeClaim metadata.annotations',
      'PersistentVolumeClaim metadata.annotations["havenkit.dev/requires"]',
      'PersistentVolumeClaim spec.storageClassName',
    ]);
  });
});
