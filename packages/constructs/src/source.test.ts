import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProfile } from './profiles/load.js';
import { loadAppDefinitions } from './source.js';
import { synthesize } from './synth.js';

const path = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

describe('app sources', () => {
  it('a TypeScript app module synthesizes exactly like the YAML spec', async () => {
    const profile = loadProfile('scaleway');
    const fromYaml = synthesize(
      await loadAppDefinitions(path('../../../examples/apps/meldingen.yaml')),
      profile,
    );
    const fromTs = synthesize(await loadAppDefinitions(path('../../../examples/apps/meldingen.ts')), profile);
    expect(fromTs.files.map((f) => f.yaml)).toEqual(fromYaml.files.map((f) => f.yaml));
  });

  it('a module may export a function that builds HavenApp constructs', async () => {
    const result = synthesize(
      await loadAppDefinitions(path('../test/fixtures/factory-app.ts')),
      loadProfile('hetzner'),
      { namespace: 'kaart' },
    );
    expect(result.files.map((f) => f.name)).toEqual(['kaart.yaml']);
    expect(result.files[0]?.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Deployment/kaart-tiles',
      'Ingress/kaart-tiles',
      'NetworkPolicy/kaart-default-deny',
      'NetworkPolicy/kaart-tiles',
      'Service/kaart-tiles',
    ]);
  });

  it('a directory is every YAML app in it; duplicate resources are refused', async () => {
    const defs = await loadAppDefinitions(path('../test/fixtures/apps/ok'));
    expect(defs.map((d) => d.source.split('/').pop())).toEqual(['a.yaml', 'b.yaml']);
    expect(synthesize(defs, loadProfile('onprem')).files.map((f) => f.name)).toEqual([
      'archief.yaml',
      'meldingen.yaml',
    ]);
    await expect(loadAppDefinitions(path('../test/fixtures/apps/duplicate'))).rejects.toThrow(
      /b\.yaml: metadata\.name: "meldingen" is already the name of .*a\.yaml$/,
    );
  });

  it('refuses an unknown file type', async () => {
    await expect(loadAppDefinitions(path('../package.json'))).rejects.toThrow(
      /--app: .*package\.json must be a \.yaml, \.yml, \.ts or \.js file or a directory/,
    );
  });
});
