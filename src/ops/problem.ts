/** One thing `npm run doctor` found wrong, with what to do about it. */
export interface Problem {
  /** Stable code (tests, scripts, the JSON line), e.g. `token-missing`. */
  code: string;
  /** The configuration key to change, when one is to blame. */
  key?: string;
  /** What is wrong and what to do, in one or two sentences. */
  message: string;
  /** True when the bot cannot answer questions until this is fixed. */
  fatal: boolean;
}

/** One check the doctor ran: its name and, when it passed, what it saw. */
export interface CheckResult {
  name: string;
  /** Null when the check was skipped (e.g. nothing configured, or offline). */
  passed: boolean | null;
  detail: string;
}

/** What the doctor found: `ok` is false when any problem is fatal. */
export interface DoctorReport {
  ok: boolean;
  checks: CheckResult[];
  problems: Problem[];
}

/** Collects checks and problems while the doctor runs. */
export class Findings {
  readonly checks: CheckResult[] = [];
  readonly problems: Problem[] = [];

  pass(name: string, detail: string): void {
    this.checks.push({ name, passed: true, detail });
  }

  skip(name: string, detail: string): void {
    this.checks.push({ name, passed: null, detail });
  }

  fail(name: string, problem: Problem): void {
    this.checks.push({ name, passed: false, detail: problem.message });
    this.problems.push(problem);
  }

  report(): DoctorReport {
    return { ok: !this.problems.some((p) => p.fatal), checks: this.checks, problems: this.problems };
  }
}
