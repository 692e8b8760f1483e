import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@havenkit/model';
import { ProbeInterruptedError, parseLsmOutput, rwxCandidates } from './probes.js';

function storageClass(name: string, provisioner: string, extra: Partial<KubeObject> = {}): KubeObject {
  return { metadata: { name }, provisioner, ...extra };
}

describe('probe helpers', () => {
  it('tries the RWX-capable classes and the default class, sorted', () => {
    const classes = [
      storageClass('standard', 'cinder.csi.openstack.org', {
        metadata: {
          name: 'standard',
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
      }),
      storageClass('nfs', 'nfs.csi.k8s.io'),
      storageClass('block', 'csi.scaleway.com', { volumeBindingMode: 'WaitForFirstConsumer' }),
    ];
    const isRwx = (sc: KubeObject): boolean => String(sc.provisioner).startsWith('nfs');
    expect(rwxCandidates(classes, isRwx)).toEqual([
      { name: 'nfs', waitForFirstConsumer: false },
      { name: 'standard', waitForFirstConsumer: false },
    ]);
    expect(rwxCandidates(classes)).toEqual([{ name: 'standard', waitForFirstConsumer: false }]);
  });

  it('parses /sys/kernel/security/lsm (and the lkrg line)', () => {
    expect(parseLsmOutput('lockdown,capability,landlock,yama,apparmor,bpf\n')).toEqual([
      'apparmor',
      'bpf',
      'capability',
      'landlock',
      'lockdown',
      'yama',
    ]);
    expect(parseLsmOutput('capability,selinux\nlkrg\n')).toEqual(['capability', 'lkrg', 'selinux']);
    expect(parseLsmOutput('')).toEqual([]);
  });

  it('reports an interrupt with the shell exit code of the signal', () => {
    const cleanup = {
      namespace: 'havenkit-probe-1',
      outcome: 'removed' as const,
      message: 'removed probe namespace havenkit-probe-1',
    };
    expect(new ProbeInterruptedError('SIGINT', cleanup)).toMatchObject({
      exitCode: 130,
      message: 'interrupted by SIGINT while probing; removed probe namespace havenkit-probe-1',
    });
    expect(new ProbeInterruptedError('SIGTERM', cleanup).exitCode).toBe(143);
  });
});
