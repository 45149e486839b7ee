import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/**
 * Prints how close each test came to its time limit (issue 13 point 11: no test closer than half its limit, so a loaded
 * machine still passes). A figure to read in the CI log, not a failure: a slow machine must not turn the run red.
 */
export default class TimeBudgetReporter implements Reporter {
  private readonly shares: { title: string; share: number; seconds: number; limit: number }[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== "passed" || test.timeout <= 0) return;
    this.shares.push({
      title: test.titlePath().slice(2).join(" › "),
      share: result.duration / test.timeout,
      seconds: result.duration / 1000,
      limit: test.timeout / 1000,
    });
  }

  onEnd(_result: FullResult) {
    if (this.shares.length === 0) return;
    const sorted = [...this.shares].sort((a, b) => b.share - a.share);
    const line = (s: (typeof sorted)[number]) => `  ${Math.round(s.share * 100)} % — ${s.seconds.toFixed(1)} s of ${s.limit} s — ${s.title}`;
    console.log(`\nTime limits: the longest share of its limit was ${Math.round(sorted[0]!.share * 100)} %.`);
    const over = sorted.filter((s) => s.share > 0.5);
    console.log(over.length ? `Tests over half their limit:\n${over.map(line).join("\n")}` : "No test ran over half its limit.");
    console.log(`The five closest:\n${sorted.slice(0, 5).map(line).join("\n")}`);
  }
}
