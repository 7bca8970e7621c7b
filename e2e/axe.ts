import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The rule sets the product conforms to: WCAG 2.0 and 2.1, levels A and AA (docs/accessibility.md). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

interface Violation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly {
    readonly target: unknown;
    readonly html: string;
    readonly failureSummary?: string;
  }[];
}

/** One violation per paragraph: rule, impact, what it means, then each offending element. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 30)
        .map(
          (n) =>
            `    ${JSON.stringify(n.target)}${summaryOf(n.failureSummary)}\n      ${n.html.slice(0, 160)}`,
        )
        .join('\n');
      const more = v.nodes.length > 30 ? `\n    … ${v.nodes.length - 30} more` : '';
      return `- ${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n${nodes}${more}`;
    })
    .join('\n');
}

function summaryOf(summary: string | undefined): string {
  const lines = (summary ?? '').split('\n').map((l) => l.trim());
  const reasons = lines.filter((l) => l !== '' && !l.startsWith('Fix '));
  return reasons.length === 0 ? '' : ` — ${reasons.slice(0, 2).join('; ')}`;
}

/**
 * Runs axe-core on the page as it is now and fails the test with a readable list (rule, impact,
 * target selectors) when any WCAG 2.1 A/AA rule is violated. `screen` names the screen in the
 * message. A soft assertion: the test goes on to the next screen, so one run lists them all.
 * Animations are let finish first: a dialog half faded in would report false contrast failures.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForTimeout(350);
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze();
  expect.soft(formatViolations(results.violations), `${screen}: WCAG 2.1 AA violations`).toBe('');
}
