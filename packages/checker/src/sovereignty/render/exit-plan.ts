/**
 * The exit-plan skeleton (`havenkit sovereignty --exit-to PROVIDER -o exit-plan`): a Markdown
 * document with the two scenarios the Dutch 2026 cloud policy asks an exit plan for (a planned exit,
 * a sudden disruption), each with the policy's elements as headings to complete (data destruction
 * by the provider, tested by yourself, annual review, within 12 months, roles, timeline),
 * pre-filled with the register's exit readiness, its concentration and the cut-off of the group
 * that hosts the nodes now. TODO marks what a person must complete. The policy is summarised from
 * secondary sources, and the document says so. Every text from the register is escaped. Pure.
 */
import { message, text, type DependencyRegister, type Language } from '@havenkit/model';
import { codeSpan, escapeMarkdown, inlineCode, table } from '../../report/markdown.js';
import { EXIT_KIND_TEXT, changesText, sizeText } from '../exit.js';
import { capital, objectPath, registerView, type PlainKey } from './common.js';
import { exitFindingsTable, hostedByText } from './exit-section.js';

export interface ExitPlanOptions {
  readonly language: Language;
}

/**
 * The exit plan of a register made with `--exit-to`, in the language given.
 * @throws Error when the register has no exit section (a programming error: the CLI requires --exit-to).
 */
export function renderExitPlan(register: DependencyRegister, options: ExitPlanOptions): string {
  const exit = register.exit;
  if (exit === undefined) throw new Error('the register has no exit section: make it with --exit-to');
  const language = options.language;
  const view = registerView(register, language);
  const t = view.w;
  const todo = `**${t('planTodo')}:**`;
  /** In a table cell: the marker alone. */
  const todoCell = `**${t('planTodo')}**`;
  const { tool, facts } = register.metadata;
  const known = exit.from.providers.filter((p) => p.entity !== undefined).map((p) => p.name);
  const from = known.length > 0 ? known.join(', ') : t('exitCurrentProvider');
  const target = exit.target?.name ?? t('exitNewProvider');
  const groups = exit.from.groups.map((g) => g.name);
  const group = groups.length > 0 ? groups.join(', ') : from;
  const out: string[] = [];

  // Title, what this is, and where its headings come from.
  const name = view.subjectName;
  out.push(`# ${t('planTitle')}${name ? `: ${escapeMarkdown(name)}` : ''}`, '');
  out.push(text('register.planIntro', { tool: `${tool.name} ${tool.version}` }, language), '');
  out.push(`> ${escapeMarkdown(t('planPolicy'))}`);

  // The subject, the date, the scope.
  const row = (label: string, value: string) => [escapeMarkdown(capital(label)), value];
  out.push('', `## ${t('planSubject')}`, '');
  out.push(
    ...table(
      ['', ''],
      [
        ...view.subjectRows.map(([label, value]) => row(label, inlineCode(value))),
        ...(exit.target !== undefined
          ? [
              row(
                t('exitTarget'),
                `${escapeMarkdown(exit.target.name)} (${inlineCode(`--exit-to ${exit.target.id}`)})`,
              ),
            ]
          : []),
        row(t('exitHostedBy'), escapeMarkdown(hostedByText(exit, language))),
        row(t('planDate'), todoCell),
        row(t('planOwner'), todoCell),
        row(
          t('planScope'),
          `${escapeMarkdown(
            text('register.planScopeText', { workloads: register.summary.workloads, from }, language),
          )}. ${todo} ${escapeMarkdown(t('planScopeTodo'))}`,
        ),
      ],
    ),
  );

  out.push('', `## ${t('planSummary')}`, '');
  out.push(`- ${escapeMarkdown(exit.summary[language])}`);
  if (exit.disruption !== undefined) out.push(`- ${escapeMarkdown(exit.disruption.summary[language])}`);
  out.push(`- ${escapeMarkdown(register.summary.text[language])}`);

  /** One element of the policy: its heading, what the cluster shows, and the TODO to complete. */
  const element = (heading: PlainKey, prompt: string, filled: string[] = []): void => {
    out.push('', `### ${t(heading)}`, '');
    for (const line of filled) out.push(`- ${line}`);
    out.push(`- ${todo} ${escapeMarkdown(prompt)}`);
  };
  const timeline = (steps: string[]): void => {
    out.push('', `### ${t('planTimeline')}`, '');
    out.push(
      ...table(
        [t('planStep'), t('planWhen'), t('planWho')].map(capital),
        steps.map((step, i) => [`${i + 1}. ${escapeMarkdown(step)}`, todoCell, todoCell]),
      ),
    );
  };
  const { counts } = exit;

  // Scenario 1: a planned exit, pre-filled with the findings.
  out.push('', `## ${t('planScenario1')}`, '');
  out.push(escapeMarkdown(text('register.planScenario1Intro', { from, target }, language)));
  out.push('', `### ${t('planWhatChanges')}`, '', `**${escapeMarkdown(exit.summary[language])}**`);
  if (exit.findings.length > 0) out.push('', ...exitFindingsTable(exit, language));
  if (exit.notRead.length > 0) {
    const kinds = exit.notRead.map((n) => message(EXIT_KIND_TEXT[n.kind])[language]).join(', ');
    out.push('', `${todo} ${escapeMarkdown(text('register.planNotRead', { kinds }, language))}`);
  }
  const volumes = register.locations.filter((l) => l.volumes > 0);
  const countries =
    volumes
      .map((l) => `${l.country === 'unknown' ? view.jurisdictionText('unknown') : l.country}: ${l.volumes}`)
      .join(', ') || '—';
  const size = counts.bytes > 0 ? sizeText(counts.bytes, language) : t('exitSizeUnknown');
  element('planDestruction', text('register.planDestructionPlanned', { from }, language), [
    escapeMarkdown(text('register.planDataAt', { claims: counts.claims, size, countries }, language)),
  ]);
  element('planTested', t('planTestedPlanned'), [
    `${escapeMarkdown(t('planCommand'))} ${codeSpan(
      `havenkit sovereignty --exit-to ${exit.target?.id ?? 'PROVIDER'} -o exit-plan`,
    )}`,
  ]);
  element('planReview', t('planReviewText'));
  element(
    'planWithin12',
    text('register.planWithin12Planned', { effort: changesText(exit, language) }, language),
  );
  element('planRoles', text('register.planRolesPlanned', { from, target }, language));
  timeline([
    t('planStepDecide'),
    ...(counts.reArchitecture > 0
      ? [text('register.planStepReArchitecture', { count: counts.reArchitecture }, language)]
      : []),
    ...(counts.configChange > 0
      ? [text('register.planStepConfig', { count: counts.configChange }, language)]
      : []),
    ...(counts.dataMigration > 0
      ? [text('register.planStepData', { count: counts.dataMigration }, language)]
      : []),
    t('planStepTest'),
    t('planStepCutOver'),
    text('register.planStepDestroy', { from }, language),
  ]);

  // Scenario 2: a sudden disruption, pre-filled with the cut-off of the group that hosts the nodes.
  const cut = exit.disruption;
  out.push('', `## ${t('planScenario2')}`, '');
  out.push(escapeMarkdown(text('register.planScenario2Intro', { group }, language)));
  out.push('', `### ${t('planWhatStops')}`, '');
  if (cut === undefined) {
    out.push(`${todo} ${escapeMarkdown(t('planNoGroup'))}`);
  } else {
    out.push(
      `**${escapeMarkdown(cut.summary[language])}** (${codeSpan(`--without ${cut.without.join(',')}`)})`,
    );
    if (cut.functions.length > 0) {
      out.push(
        '',
        ...table(
          [view.W('function'), view.W('effect'), view.W('objects'), view.W('shownBy')],
          cut.functions.map((f) => {
            const omitted = f.objects - f.evidence.length;
            const shown = [
              ...f.evidence.map((e) => escapeMarkdown(`${e.kind} ${objectPath(e)}`.trim())),
              ...(omitted > 0 ? [escapeMarkdown(text('register.more', { count: omitted }, language))] : []),
            ];
            return [
              escapeMarkdown(view.functionLabel(f.id)),
              escapeMarkdown(view.effectText(f.effect)),
              String(f.objects),
              shown.join('<br>') || '—',
            ];
          }),
          ['---', '---', '---:', '---'],
        ),
      );
    }
    const namespaces = cut.namespaces ?? [];
    if (namespaces.length > 0) {
      out.push(
        '',
        ...table(
          [view.W('namespace'), view.W('affected')],
          namespaces.map((n) => [
            n.namespace === '' ? escapeMarkdown(view.w('clusterWide')) : inlineCode(n.namespace),
            escapeMarkdown(text('register.affectedOf', { affected: n.affected, total: n.total }, language)),
          ]),
          ['---', '---:'],
        ),
      );
    }
  }
  const critical = (view.concentration ?? []).filter((c) => c.critical.length > 0);
  if (critical.length > 0) {
    out.push('', `### ${view.w('concentration')}`, '', escapeMarkdown(t('planConcentration')), '');
    for (const c of critical) {
      const g = c.group;
      const flag = c.flagged ? `⚠️ **${escapeMarkdown(view.w('concentrationRisk'))}:** ` : '';
      const seat = g.seat !== undefined ? ` (${inlineCode(g.seat)})` : '';
      const workloads = text('register.workloadCount', { count: g.workloads }, language);
      out.push(
        `- ${flag}${escapeMarkdown(g.name)}${seat} — ${escapeMarkdown(view.jurisdictionText(g.jurisdiction))}: ${c.critical
          .map(escapeMarkdown)
          .join('; ')}; ${escapeMarkdown(workloads)}`,
      );
    }
  }
  const backups = [
    ...new Set((register.functions.find((f) => f.id === 'backup')?.dependencies ?? []).map((d) => d.name)),
  ];
  element('planDestruction', text('register.planDestructionSudden', { group }, language), [
    escapeMarkdown(
      backups.length > 0
        ? text('register.planBackups', { parties: backups.join(', ') }, language)
        : t('planNoBackup'),
    ),
  ]);
  element('planTested', text('register.planTestedSudden', { group }, language));
  element('planReview', t('planReviewText'));
  element('planWithin12', text('register.planWithin12Sudden', { group }, language));
  element('planRoles', t('planRolesSudden'));
  timeline([
    t('planStepDetect'),
    text('register.planStepRestoreCritical', { workloads: cut?.workloads.affected.length ?? 0 }, language),
    t('planStepRestoreRest'),
    t('planStepAfter'),
  ]);

  out.push(
    '',
    '---',
    '',
    `<sub>${text('report.generatedBy', language)} ${codeSpan(`${tool.name} ${tool.version}`)}. ${view.w('facts')}: ${
      facts.files.length > 0 ? facts.files.map(codeSpan).join(', ') : '—'
    }.</sub>`,
  );
  return `${out.join('\n')}\n`;
}
