// Runs Electronegativity's Node API on a folder and prints its findings as JSON on stdout.
// Started by electronegativity.test.ts with --import ./loopback-only.mjs.
const { default: run } = await import('@doyensec/electronegativity/dist/runner.js');

await (async () => {
  const log = console.log;
  console.log = () => undefined; // the tool chats on stdout; only our JSON goes there
  const result = await run(
    {
      input: process.argv[2],
      isRelative: true,
      electronVersionOverride: process.argv[3],
      // Compares with Electron's release list from the internet: meaningless offline.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    },
    false,
  );
  console.log = log;
  const findings = result.issues.map((i) => ({
    id: i.id,
    file: i.file,
    line: i.location.line,
    description: i.description,
  }));
  process.stdout.write(JSON.stringify({ findings, errors: result.errors }));
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
