import type { DoctorReport } from './problem.js';

/** The doctor's report for a terminal (English, like the other scripts): one line per check, then a verdict. */
export function formatDoctorReport(report: DoctorReport): string {
  const lines = report.checks.map((c) => {
    const mark = c.passed === null ? '–' : c.passed ? '✓' : '✗';
    return `${mark} ${c.name}: ${c.detail}`;
  });
  const fatal = report.problems.filter((p) => p.fatal).length;
  const other = report.problems.length - fatal;
  lines.push('');
  if (report.problems.length === 0) lines.push('No problems found.');
  else
    lines.push(
      `${fatal} problem(s) stop the bot from answering, ${other} other(s)` +
        (fatal === 0 ? ': the bot can answer.' : ': fix the ✗ lines above.'),
    );
  return lines.join('\n');
}

/** The last line of `--json`: `{ ok, problems: [{ code, key?, message, fatal }] }`. */
export function doctorJson(report: DoctorReport): string {
  return JSON.stringify({
    ok: report.ok,
    problems: report.problems.map((p) => ({
      code: p.code,
      ...(p.key === undefined ? {} : { key: p.key }),
      message: p.message,
      fatal: p.fatal,
    })),
  });
}
