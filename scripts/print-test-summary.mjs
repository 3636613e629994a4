// Prints the suite's closing line in the plain form CI reads: "tests: N passed, N failed, N skipped".
// Skipped tests are listed by name so that a skip is never mistaken for a pass.
//
// A file can fail without a failing test: a beforeAll that throws (vitest then reports every test of
// the file as "skipped"), a file that throws while loading (no tests at all), an afterAll that throws
// (only passed tests). Those count as failures here, so the line agrees with the exit code:
// - a test that did not run because its file failed is a failed test ("not run: ..."), not a skip;
// - a failed file with no such test (load error, failed clean-up) counts as one failed test;
// - vitest's exit code (optional second argument): when it says failure but the JSON shows none
//   (an unhandled error or rejection, which belongs to no test), that counts as one failure too.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const vitestExitCode = process.argv[3] === undefined ? 0 : Number(process.argv[3]);
const skipped = [];
const notRun = [];
const failedFiles = [];
let failed = 0;
for (const file of report.testResults) {
  const fileFailed = file.status === 'failed';
  let failuresInFile = 0;
  for (const t of file.assertionResults) {
    if (t.status === 'failed') {
      failed++;
      failuresInFile++;
    } else if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') {
      if (fileFailed) {
        // Indistinguishable from an it.skip in the JSON; in a failed file, not running is a failure.
        notRun.push(t.fullName);
        failed++;
        failuresInFile++;
      } else {
        skipped.push(t.fullName);
      }
    }
  }
  if (fileFailed) {
    const message = String(file.message ?? '').split('\n')[0];
    failedFiles.push(`${relative(process.cwd(), file.name)}: ${message || 'failed'}`);
    if (failuresInFile === 0) failed++;
  }
}
if (vitestExitCode !== 0 && failed === 0) {
  console.log(
    `failed run: vitest exited with ${vitestExitCode} outside any test (unhandled errors, see above)`,
  );
  failed++;
}
for (const name of skipped) console.log(`skipped: ${name}`);
for (const name of notRun) console.log(`not run (its file failed): ${name}`);
for (const line of failedFiles) console.log(`failed file: ${line}`);
console.log(`tests: ${report.numPassedTests} passed, ${failed} failed, ${skipped.length} skipped`);
process.exit(failed > 0 || report.numTotalTests === 0 ? 1 : 0);
