/**
 * Writes docs/diagnoses.md from the diagnosis catalogue and the classifier table:
 * `npx tsx scripts/gen-diagnoses-doc.ts`. A test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { DIAGNOSES_DOC_PATH, renderDiagnosesDoc } from '../src/engine/probe/diagnoses-doc';

void renderDiagnosesDoc().then((text) => {
  writeFileSync(DIAGNOSES_DOC_PATH, text);
  console.log(`Wrote ${DIAGNOSES_DOC_PATH}`);
});
