import { describe, expect, it } from 'vitest';
import { loadBundledData } from './load.js';

describe('loadBundledData', () => {
  const data = loadBundledData();

  it('lists Kubernetes minors 1.20 to 1.37 with 1.35 released on 2025-12-17', () => {
    const minors = data.kubernetesReleases.releases.map((r) => r.minor);
    expect(minors[0]).toBe('1.20');
    expect(minors.at(-1)).toBe('1.37');
    expect(minors).toHaveLength(18);
    expect(data.kubernetesReleases.releases.find((r) => r.minor === '1.35')?.date).toBe('2025-12-17');
  });

  it('has release dates in increasing order', () => {
    const dates = data.kubernetesReleases.releases.map((r) => r.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('says as of when the conformance data was compiled', () => {
    expect(data.cncfPlatforms.asOf).toMatch(/^20\d\d-\d\d/);
  });

  it('has unique platform ids and the minors of exactly the listed submissions', () => {
    const ids = data.cncfPlatforms.platforms.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of data.cncfPlatforms.platforms) {
      expect([p.id, p.minors ?? []]).toEqual([p.id, Object.keys(p.submissions ?? {})]);
    }
  });

  it('compiles every regular expression', () => {
    const patterns = [
      ...data.hardenedOs.systems.map((s) => s.pattern),
      ...data.hardenedOs.containerised.map((s) => s.pattern),
      ...data.cncfPlatforms.platforms
        .flatMap((p) => [p.detect.osImage, p.detect.gitVersion])
        .filter((x): x is string => !!x),
    ];
    for (const pattern of patterns) expect(() => new RegExp(pattern)).not.toThrow();
  });
});
