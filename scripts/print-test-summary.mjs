// Prints the suite's closing line in the plain form CI reads: "tests: N passed, N failed, N skipped".
// Skipped tests are listed by name so that a skip is never mistaken for a pass.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = [];
for (const file of report.testResults) {
  for (const t of file.assertionResults) {
    if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') skipped.push(t.fullName);
  }
}
for (const name of skipped) console.log(`skipped: ${name}`);
console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped.length} skipped`,
);
process.exit(report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0);
