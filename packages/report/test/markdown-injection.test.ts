import { definePolicy, type PolicyInput } from '@org/cors-core';
import { describe, expect, it } from 'vitest';
import { buildAuditModel, type AuditModel } from '../src/audit-model.js';
import { diffPolicySets, type PolicyDiffReport } from '../src/diff-report.js';
import { renderAuditHtml, renderAuditMarkdown } from '../src/render-audit.js';
import { renderDiffReportMarkdown } from '../src/render-diff.js';
import { readMarkdown, visibleHtmlText } from './support/visible-markdown.js';

/*
 * The attack: one policy in a file names an environment so that the PR comment opens an HTML comment
 * (or a code span) and swallows what follows: another policy's new credentialed origin. Core refuses
 * such names (environment names are slugs), so the hostile name is put into the models directly:
 * the renderers must be safe on their own.
 */
const HOSTILE = 'x`\n\n<!--';
const NEW_ORIGIN = 'https://new-partner.example';

/** A model with every occurrence of `from` (as a whole string value) replaced by `to`. */
function substitute<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (v === from ? to : v)) as T;
}

function headFileWithTwoPolicies(): PolicyDiffReport {
  const alpha: PolicyInput = { name: 'alpha', origins: ['https://alpha.example'] };
  const beta: PolicyInput = { name: 'beta', origins: ['https://shop.example'], credentials: true };
  const report = diffPolicySets(
    [definePolicy(alpha), definePolicy(beta)],
    [
      definePolicy({ ...alpha, environments: { staging: { origins: ['https://staging.alpha.example'] } } }),
      definePolicy({ ...beta, origins: ['https://shop.example', NEW_ORIGIN] }),
    ],
    { label: 'cors.policy.ts' },
  );
  // The environment `staging` of alpha is renamed to the hostile name everywhere in the model.
  return substitute(report, 'staging', HOSTILE);
}

describe('an environment named "x`\\n\\n<!--" cannot hide another policy\'s new credentialed origin', () => {
  it('the reader used by these tests sees the attack on naive Markdown (it is not blind)', () => {
    const naive = `- Environment overlay \`${HOSTILE}\` added\n- Origin \`${NEW_ORIGIN}\` added`;
    const reading = readMarkdown(naive);
    expect(reading.hidden).toContain(NEW_ORIGIN);
    expect(reading.codeSpans).not.toContain(NEW_ORIGIN);
  });

  it('in the PR comment Markdown: nothing is hidden and the origin is shown as code, with its loosening', () => {
    const report = headFileWithTwoPolicies();
    expect(report.diffs[0]?.diff.changes[0]?.scope.environment).toBe(HOSTILE);
    const markdown = renderDiffReportMarkdown(report);
    const reading = readMarkdown(markdown);
    expect(reading.hidden).toBe('');
    expect(reading.codeSpans).toContain(NEW_ORIGIN);
    expect(reading.codeSpans).toContain('x` <!--');
    expect(reading.visible).toContain(`Origin ${NEW_ORIGIN} added: pages on it may read responses with the user's cookies`);
    // The beta section still starts a heading of its own after alpha's.
    expect(markdown).toMatch(/^### CORS policy `beta`/m);
  });

  it('in the audit Markdown and HTML: the hostile name, description and owners stay text', () => {
    const policy = definePolicy({
      name: 'alpha',
      origins: ['https://alpha.example'],
      credentials: true,
      environments: { staging: { origins: [NEW_ORIGIN] } },
    });
    const model: AuditModel = {
      ...substitute(buildAuditModel(policy), 'staging', HOSTILE),
      description: 'Ends a code span ` and opens a comment <!-- and a <script>alert(1)</script>',
      owners: ['team`\n# heading', '</code><!--'],
    };
    const markdown = renderAuditMarkdown(model);
    const reading = readMarkdown(markdown);
    expect(reading.hidden).toBe('');
    expect(reading.codeSpans).toContain(NEW_ORIGIN);
    expect(reading.visible).toContain('In the x` <!-- environment');
    expect(markdown).not.toMatch(/^# heading/m);
    // The decision table is the last section: still there, the overlay's origin allowed under it.
    expect(reading.visible).toMatch(new RegExp(`Origin added for x\` <!--, policy loaded for x\` <!--.*${NEW_ORIGIN.replace(/\./g, '\\.')}.*✅ allowed`));

    const html = renderAuditHtml(model);
    expect(html).not.toContain('<!--');
    expect(html).not.toMatch(/<script/i);
    const text = visibleHtmlText(html);
    expect(text).toContain('Ends a code span ` and opens a comment <!-- and a <script>alert(1)</script>');
    expect(text).toContain(NEW_ORIGIN);
    expect(text).toContain('Decision table');
  });
});
