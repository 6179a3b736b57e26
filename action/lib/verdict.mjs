// The gate's decision, from the results the earlier steps recorded. Pure: the comment shows the same
// verdict the gate enforces.

/**
 * @returns {{ pass: boolean, failures: string[], notes: string[] }} `failures` says why the gate fails;
 * a step that did not run or did not finish is always a failure, never "no errors".
 */
export function decide({ check, diff, site, failOnLoosening, approvalLabel, labels }) {
  const failures = [];
  const notes = [];
  if (check === undefined) failures.push('`cors-policy check` did not run.');
  else if (check.failure) failures.push(`\`cors-policy check\` ${check.failure}`);
  else if (check.errors > 0) failures.push(`\`cors-policy check\` found ${check.errors} error${check.errors === 1 ? '' : 's'}.`);

  if (diff === undefined) failures.push('`cors-policy diff` did not run.');
  else if (diff.skipped) notes.push(diff.skipped);
  else {
    for (const f of diff.failures) failures.push(`\`cors-policy diff\` for ${f.file} ${f.reason}`);
    if (diff.loosening) {
      const approved = labels.includes(approvalLabel);
      if (!failOnLoosening) notes.push('The change loosens a policy; "fail-on-loosening" is off, so it does not fail the gate.');
      else if (approved) notes.push(`The change loosens a policy; approved by the label "${approvalLabel}".`);
      else failures.push(`The change loosens a policy: a reviewer must approve it with the label "${approvalLabel}".`);
    }
  }

  if (site?.status === 'failed') failures.push(`\`cors-policy site\` ${site.reason}`);
  if (site?.status === 'skipped') notes.push(site.reason);
  return { pass: failures.length === 0, failures, notes };
}
