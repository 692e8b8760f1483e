import type { K8sObject } from './synth.js';

/** One field that differs between two syntheses. `undefined` means the field is absent. */
export interface FieldDifference {
  readonly kind: string;
  readonly name: string;
  /** Like `metadata.annotations["cert-manager.io/cluster-issuer"]`; `(resource)` if only one side has it. */
  readonly path: string;
  readonly a: unknown;
  readonly b: unknown;
}

const key = (o: K8sObject): string => `${o.kind}\u0000${o.metadata.name}`;

function segment(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
}

function walk(
  a: unknown,
  b: unknown,
  path: string,
  out: Array<{ path: string; a: unknown; b: unknown }>,
): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort())
      walk(a[k], b[k], `${path}${segment(k)}`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: path.replace(/^\./, ''), a, b });
}

/** Exactly the fields that differ between two sets of objects, matched by kind and name; sorted. */
export function diffObjects(left: readonly K8sObject[], right: readonly K8sObject[]): FieldDifference[] {
  const l = new Map(left.map((o) => [key(o), o]));
  const r = new Map(right.map((o) => [key(o), o]));
  const out: FieldDifference[] = [];
  for (const k of [...new Set([...l.keys(), ...r.keys()])].sort()) {
    const a = l.get(k);
    const b = r.get(k);
    const [kind = '', name = ''] = k.split('\u0000');
    if (!a || !b) {
      out.push({
        kind,
        name,
        path: '(resource)',
        a: a ? 'present' : undefined,
        b: b ? 'present' : undefined,
      });
      continue;
    }
    const fields: Array<{ path: string; a: unknown; b: unknown }> = [];
    walk(a, b, '', fields);
    for (const f of fields) out.push({ kind, name, ...f });
  }
  return out;
}
