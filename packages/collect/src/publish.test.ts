import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CONFIGMAP_LIMIT_BYTES,
  PublishError,
  keptMetadata,
  objectText,
  podNamespace,
  reportConfigMap,
} from './publish.js';

describe('reportConfigMap', () => {
  it('holds the report as text, labelled as havenkit’s, with the annotations given', () => {
    const cm = reportConfigMap('havenkit-report', 'scans', 'report.json', '{"a":1}\n', {
      'havenkit.dev/verdict': 'compliant',
    });
    expect(cm).toMatchObject({
      kind: 'ConfigMap',
      plural: 'configmaps',
      name: 'havenkit-report',
      namespace: 'scans',
    });
    expect(cm.body).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'havenkit-report',
        namespace: 'scans',
        labels: { 'app.kubernetes.io/managed-by': 'havenkit' },
        annotations: { 'havenkit.dev/verdict': 'compliant' },
      },
      data: { 'report.json': '{"a":1}\n' },
    });
  });

  it('compresses a report that would not fit into binaryData, which gunzips to the report', () => {
    const text = JSON.stringify({
      results: Array.from({ length: 40_000 }, (_, i) => ({ check: `c${i % 17}`, outcome: 'pass' })),
    });
    expect(Buffer.byteLength(text)).toBeGreaterThan(CONFIGMAP_LIMIT_BYTES);
    const body = reportConfigMap('r', 'scans', 'report.json', text).body as {
      binaryData: Record<string, string>;
      data?: unknown;
    };
    expect(body.data).toBeUndefined();
    expect(gunzipSync(Buffer.from(body.binaryData['report.json.gz']!, 'base64')).toString('utf8')).toBe(text);
  });

  it('refuses, naming the sizes, a report that does not fit even compressed', () => {
    // Random bytes barely compress: a stand-in for a report larger than any ConfigMap.
    const noise = randomBytes(1_200_000).toString('base64');
    expect(() => reportConfigMap('r', 'scans', 'report.json', noise)).toThrow(PublishError);
    expect(() => reportConfigMap('r', 'scans', 'report.json', noise)).toThrow(
      /a ConfigMap holds at most 1 MiB/,
    );
  });
});

describe('podNamespace', () => {
  it('is the service account’s namespace file, trimmed', () => {
    expect(podNamespace(() => 'havenkit\n')).toBe('havenkit');
  });

  it('is undefined outside a pod or when the file is empty', () => {
    expect(podNamespace(() => undefined)).toBeUndefined();
    expect(podNamespace(() => '  ')).toBeUndefined();
  });
});

describe('objectText', () => {
  it('names a namespaced and a cluster-scoped object as kubectl would', () => {
    expect(objectText({ kind: 'ConfigMap', name: 'r', namespace: 'scans' })).toBe('ConfigMap scans/r');
    expect(objectText({ kind: 'ClusterPolicyReport', name: 'havenkit' })).toBe(
      'ClusterPolicyReport havenkit',
    );
  });
});

describe('keptMetadata (a replace of havenkit’s own object)', () => {
  it('keeps what others added (labels, annotations, owners, finalizers), havenkit’s own over them, and the resourceVersion', () => {
    const existing = {
      resourceVersion: '42',
      labels: { 'app.kubernetes.io/managed-by': 'havenkit', grafana_dashboard: '1' },
      annotations: {
        'havenkit.dev/verdict': 'old',
        'argocd.argoproj.io/compare-options': 'IgnoreExtraneous',
      },
      ownerReferences: [{ kind: 'Namespace', name: 'x' }],
      finalizers: ['example.org/keep'],
    };
    const ours = {
      name: 'havenkit-report',
      labels: { 'app.kubernetes.io/managed-by': 'havenkit' },
      annotations: { 'havenkit.dev/verdict': 'compliant' },
    };
    expect(keptMetadata(existing, ours)).toEqual({
      name: 'havenkit-report',
      labels: { 'app.kubernetes.io/managed-by': 'havenkit', grafana_dashboard: '1' },
      annotations: {
        'havenkit.dev/verdict': 'compliant',
        'argocd.argoproj.io/compare-options': 'IgnoreExtraneous',
      },
      ownerReferences: [{ kind: 'Namespace', name: 'x' }],
      finalizers: ['example.org/keep'],
      resourceVersion: '42',
    });
  });
});
