// Records the steps of a scenario. Each step builds on the one before, so after a failure the rest are skipped.
export class Scenario {
  constructor(name) {
    this.name = name;
    this.results = [];
  }

  get failed() {
    return this.results.some((result) => result.status === 'failed');
  }

  async step(name, run) {
    const label = `${this.name}: ${name}`;
    if (this.failed) {
      this.results.push({ name: label, status: 'skipped' });
      console.log(`skip - ${label}`);
      return;
    }
    const started = Date.now();
    try {
      await run();
      this.results.push({ name: label, status: 'passed' });
      console.log(`ok - ${label} (${Date.now() - started} ms)`);
    } catch (error) {
      this.results.push({ name: label, status: 'failed', error: error.message });
      console.log(`not ok - ${label}: ${error.stack ?? error.message}`);
    }
  }
}
