// Records the steps of a scenario. A step runs only when the steps it builds on passed: those marked
// `essential` (a workbench with a running server) and those it names in `requires`; otherwise it is skipped.
export class Scenario {
  constructor(name) {
    this.name = name;
    this.results = [];
    this.blocked = false;
    /** Called with a file-safe name when a step fails, e.g. to take a screenshot of that moment. */
    this.onFailure = async () => {};
  }

  get failed() {
    return this.results.some((result) => result.status === 'failed');
  }

  async step(name, run, { essential = false, requires = [] } = {}) {
    const label = `${this.name}: ${name}`;
    const missing = requires.filter((required) => !this.passed(required));
    if (this.blocked || missing.length) {
      this.results.push({ name: label, status: 'skipped' });
      console.log(`skip - ${label}`);
      return;
    }
    const started = Date.now();
    try {
      await run();
      this.results.push({ name: label, key: name, status: 'passed' });
      console.log(`ok - ${label} (${Date.now() - started} ms)`);
    } catch (error) {
      this.blocked ||= essential;
      this.results.push({ name: label, key: name, status: 'failed', error: error.message });
      console.log(`not ok - ${label}: ${error.stack ?? error.message}`);
      const fileName = `${this.name}-failed-${this.results.length}`;
      await this.onFailure(fileName).catch(() => {});
      console.log(`  see test-results/${fileName}.png`);
    }
  }

  passed(name) {
    return this.results.some((result) => result.key === name && result.status === 'passed');
  }
}
