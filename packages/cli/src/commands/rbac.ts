import * as Flags from '@oclif/core/flags';
import { CHECKER_VERSION, loadCatalogue } from '@havenkit/checker';
import { PROBE_NAMES } from '@havenkit/model';
import type { InferredFlags } from '@oclif/core/interfaces';
import type { PublishGrant, RbacObject, RbacPlan, RbacSubject } from '@havenkit/collect';
import { dump } from 'js-yaml';
import { HavenkitCommand } from '../base-command.js';
import { FlagGroup, onlyFlag, parseList } from '../kube/flags.js';
import { outputTarget, writeFileAtomic } from '../kube/write.js';
import { DEFAULT_PUBLISH_NAME, reportConfigMapName } from '../kube/publish.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

/** The manifest as YAML: a comment saying what it is for and how to use it, then one document per object. */
export function rbacYaml(plan: RbacPlan): string {
  const published = [
    ...new Set(
      plan.permissions
        .filter((p) => p.resourceName !== undefined)
        .map(
          (p) =>
            `${p.group === '' ? p.resource : `${p.resource}.${p.group}`} ${p.resourceName} ${p.namespace !== undefined ? `in ${p.namespace}` : 'cluster-wide'}`,
        ),
    ),
  ];
  const publishing = published.length > 0 ? ` and the report's own objects (${published.join('; ')})` : '';
  const header = [
    `# Least privilege for havenkit ${CHECKER_VERSION} (havenkit rbac): ${plan.grantedFor}.`,
    plan.probeNamespace !== undefined
      ? `# Never Secrets; no writes but the probes', only in namespace ${plan.probeNamespace} (run them with --probe-namespace ${plan.probeNamespace})${publishing}.`
      : published.length > 0
        ? `# Reads (and access reviews, which store nothing); never Secrets; no writes but${publishing.replace(/^ and/, '')}.`
        : '# Reads only (and access reviews, which store nothing); never Secrets, no writes.',
    '# Apply: kubectl apply -f FILE' +
      (plan.subject.kind === 'ServiceAccount'
        ? `; a token for it: kubectl create token ${plan.subject.name} --namespace ${plan.subject.namespace}`
        : ''),
  ];
  const documents = plan.objects.map((o) => dump(o, { flowLevel: 3, lineWidth: -1, noRefs: true }));
  return `${header.join('\n')}\n${documents.join('---\n')}`;
}

/** The manifest as JSON: a v1 List, which kubectl apply takes as it is. */
export function rbacJson(plan: RbacPlan): string {
  return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: plan.objects }, null, 2)}\n`;
}

export default class Rbac extends HavenkitCommand {
  static override summary = 'Print the least-privilege RBAC for the checks, the register and the probes.';

  static override description = `Generates, from the catalogue's permission lists, the smallest RBAC that lets an identity run the selected checks (--only, --cis, --kubescape, --all as \`havenkit check\` selects them), the dependency register (--sovereignty) and the probes (--probe) with no result unknown for lack of rights: a ClusterRole of cluster-wide reads, a Role in each namespace a check reads in (kube-system for the cluster id, default for the API server's endpoints), and their bindings, to a ServiceAccount it creates too (--service-account, --namespace) or to a kubeconfig user (--user).

It never grants Secrets, a wildcard, or a write: the only create is that of access reviews, which the API server answers without storing anything. With --probe the probes' writes (pods and claims, deleted again) are granted in one namespace of their own, which the manifest creates (--probe-namespace, default NAME-probe); run the probes there with \`havenkit check --probe NAME --probe-namespace NAMESPACE\`. Discovery, /version and SelfSubjectAccessReviews need nothing: Kubernetes grants them to every authenticated identity.

Exit codes: 0 printed (or written); 3 bad input (an unknown check or probe, a name Kubernetes would refuse, a file that cannot be written).`;

  static override examples = [
    {
      description: 'A ServiceAccount for `havenkit check` and `havenkit sovereignty`, applied at once:',
      command: '<%= config.bin %> <%= command.id %> --sovereignty | kubectl apply -f -',
    },
    {
      description: 'Then a short-lived token for it:',
      command: 'kubectl create token havenkit --namespace havenkit --duration 1h',
    },
    {
      description: 'Everything `havenkit snapshot` reads, to a file to review first:',
      command: '<%= config.bin %> <%= command.id %> --all --sovereignty --out havenkit-rbac.yaml',
    },
    {
      description: 'A kubeconfig user (a certificate CN or OIDC user name), for two checks only:',
      command: '<%= config.bin %> <%= command.id %> --user auditor@gemeente.example --only multiaz,rbac',
    },
    {
      description: 'With the rwx probe, which then writes only in namespace havenkit-probe:',
      command:
        '<%= config.bin %> <%= command.id %> --probe rwx | kubectl apply -f - && <%= config.bin %> check --probe rwx --probe-namespace havenkit-probe',
    },
  ];

  static override flags = {
    only: onlyFlag,
    cis: Flags.boolean({
      summary: 'Include the suggested CIS benchmark check.',
      helpGroup: FlagGroup.Checks,
    }),
    kubescape: Flags.boolean({
      summary: 'Include the suggested Kubescape check.',
      helpGroup: FlagGroup.Checks,
    }),
    all: Flags.boolean({
      summary:
        'Every check, suggested included (what `havenkit snapshot` reads; add --sovereignty for the rest).',
      helpGroup: FlagGroup.Checks,
      exclusive: ['only', 'cis', 'kubescape'],
    }),
    sovereignty: Flags.boolean({
      summary: 'Also what the dependency register reads (`havenkit sovereignty`, `havenkit snapshot`).',
      helpGroup: FlagGroup.Checks,
    }),
    probe: Flags.string({
      summary: 'A probe to grant (repeatable): rwx, node-lsm; its writes only in --probe-namespace.',
      multiple: true,
      delimiter: ',',
      options: [...PROBE_NAMES],
      helpValue: 'rwx|node-lsm',
      helpGroup: FlagGroup.Checks,
    }),
    'probe-namespace': Flags.string({
      summary: 'The namespace the probes write in, created by the manifest (default: NAME-probe).',
      helpValue: 'NAMESPACE',
      dependsOn: ['probe'],
      helpGroup: FlagGroup.Checks,
    }),
    'service-account': Flags.string({
      summary: 'Bind this ServiceAccount, created by the manifest (default: havenkit).',
      helpValue: 'NAME',
      exclusive: ['user'],
      helpGroup: FlagGroup.Identity,
    }),
    namespace: Flags.string({
      summary: "The ServiceAccount's namespace, created by the manifest (default: havenkit).",
      helpValue: 'NAMESPACE',
      exclusive: ['user'],
      helpGroup: FlagGroup.Identity,
    }),
    user: Flags.string({
      summary: 'Bind this kubeconfig user (certificate CN, OIDC user name) instead of a ServiceAccount.',
      helpValue: 'NAME',
      helpGroup: FlagGroup.Identity,
    }),
    name: Flags.string({
      summary: 'Name of the ClusterRole, the Roles and their bindings (default: havenkit).',
      helpValue: 'NAME',
      helpGroup: FlagGroup.Identity,
    }),
    publish: Flags.string({
      summary:
        'Also let it publish the report (`check --publish`): configmap (NAME-report, with --sovereignty NAME-sovereignty too), policyreport.',
      description:
        'Grants get and update of exactly those objects (resourceNames) and create of their kind (which RBAC cannot limit by name): ConfigMaps in --publish-namespace, the ClusterPolicyReport (or with --openreports the ClusterReport) cluster-wide.',
      multiple: true,
      delimiter: ',',
      options: ['configmap', 'policyreport'],
      helpValue: 'configmap|policyreport',
      helpGroup: FlagGroup.Checks,
    }),
    openreports: Flags.boolean({
      summary: 'policyreport: an OpenReports ClusterReport instead of a wgpolicyk8s.io ClusterPolicyReport.',
      dependsOn: ['publish'],
      helpGroup: FlagGroup.Checks,
    }),
    'publish-name': Flags.string({
      summary: `Name of the published objects, as \`check --publish-name\` (default: ${DEFAULT_PUBLISH_NAME}).`,
      helpValue: 'NAME',
      dependsOn: ['publish'],
      helpGroup: FlagGroup.Checks,
    }),
    'publish-namespace': Flags.string({
      summary: "Namespace of the published ConfigMaps (default: the ServiceAccount's).",
      helpValue: 'NAMESPACE',
      dependsOn: ['publish'],
      helpGroup: FlagGroup.Checks,
    }),
    output: Flags.string({
      char: 'o',
      summary: 'yaml (one document per object, separated by ---) or json (a v1 List).',
      options: ['yaml', 'json'],
      default: 'yaml',
      helpGroup: FlagGroup.Report,
    }),
    out: Flags.string({
      summary: 'Write the manifest to this file (atomically) instead of stdout.',
      helpValue: 'FILE',
      helpGroup: FlagGroup.Report,
    }),
  };

  async run(): Promise<RbacPlan> {
    const { flags } = await this.parse(Rbac);
    if (flags.out !== undefined) outputTarget(flags.out, '--out');
    // The generator lives with the collector, whose index brings @kubernetes/client-node: load it here.
    const { RBAC_DEFAULTS, rbacPlan } = await import('@havenkit/collect');
    const only = parseList(flags.only);
    const suggested = [...(flags.cis ? ['cis'] : []), ...(flags.kubescape ? ['kubescape'] : [])];
    const subject: RbacSubject =
      flags.user !== undefined
        ? { kind: 'User', name: flags.user }
        : {
            kind: 'ServiceAccount',
            name: flags['service-account'] ?? RBAC_DEFAULTS.serviceAccount,
            namespace: flags.namespace ?? RBAC_DEFAULTS.namespace,
          };
    const publish = publishGrants(flags, subject);
    const plan = rbacPlan(loadCatalogue(), {
      selection: {
        ...(only !== undefined ? { only } : { suggested }),
        all: flags.all,
        probes: flags.probe ?? [],
        sovereignty: flags.sovereignty,
        publish,
      },
      subject,
      ...(flags.name !== undefined ? { name: flags.name } : {}),
      ...(flags['probe-namespace'] !== undefined ? { probeNamespace: flags['probe-namespace'] } : {}),
    });
    const text = flags.output === 'json' ? rbacJson(plan) : rbacYaml(plan);
    if (flags.out === undefined) {
      process.stdout.write(text);
    } else {
      writeFileAtomic(flags.out, text, '--out');
      this.log(`Wrote ${flags.out}: ${summary(plan.objects)}; apply it with: kubectl apply -f ${flags.out}`);
    }
    return plan;
  }
}

/** The objects `check --publish` (and `sovereignty --publish`) of the same flags write. */
function publishGrants(flags: InferredFlags<typeof Rbac.flags>, subject: RbacSubject): PublishGrant[] {
  const targets = new Set(flags.publish ?? []);
  const name = flags['publish-name'] ?? DEFAULT_PUBLISH_NAME;
  const grants: PublishGrant[] = [];
  if (targets.has('configmap')) {
    const namespace =
      flags['publish-namespace'] ?? (subject.kind === 'ServiceAccount' ? subject.namespace : undefined);
    if (namespace === undefined) {
      throw new UserError(
        '--publish configmap with --user: give --publish-namespace NAMESPACE',
        ExitCode.BadInput,
      );
    }
    grants.push({ group: '', resource: 'configmaps', name: reportConfigMapName(name, 'check'), namespace });
    if (flags.sovereignty) {
      grants.push({
        group: '',
        resource: 'configmaps',
        name: reportConfigMapName(name, 'sovereignty'),
        namespace,
      });
    }
  }
  if (targets.has('policyreport')) {
    grants.push(
      flags.openreports
        ? { group: 'openreports.io', resource: 'clusterreports', name }
        : { group: 'wgpolicyk8s.io', resource: 'clusterpolicyreports', name },
    );
  }
  return grants;
}

/** "Namespace havenkit, ServiceAccount havenkit/havenkit, ClusterRole havenkit, …". */
function summary(objects: readonly RbacObject[]): string {
  return objects
    .map(
      (o) =>
        `${o.kind} ${o.metadata.namespace !== undefined ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`,
    )
    .join(', ');
}
