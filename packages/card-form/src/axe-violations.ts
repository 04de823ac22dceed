import axe from 'axe-core';

/** axe-core's tags for every WCAG 2.0, 2.1 and 2.2 success criterion at levels A and AA. */
export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe-core on `context` (it walks open shadow roots) with the WCAG 2.2 A/AA rules and
 * returns one line per violating element, so a failing test names the rule and the node.
 * Test-only: imported by *.test.ts files, never by the form.
 */
export async function axeViolations(context: Element | Document = document): Promise<string[]> {
  const result = await axe.run(context, { runOnly: { type: 'tag', values: WCAG_22_AA_TAGS }, resultTypes: ['violations'] });
  return result.violations.flatMap((rule) =>
    rule.nodes.map((node) => `${rule.id} (${rule.impact ?? 'n/a'}): ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`),
  );
}
