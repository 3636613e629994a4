#!/usr/bin/env node
'use strict';
// The `mailcheck` command: runs the bundled CLI (built by `npm run build:cli`), with a V8 code
// cache so that start-up stays fast (see code-cache.js).
const path = require('node:path');
const fs = require('node:fs');
const { loadWithCodeCache } = require('./code-cache');

const cli = path.join(__dirname, '..', 'out', 'cli', 'index.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'mailcheck: the CLI is not built yet. Run `npm run build:cli` in ' + path.dirname(__dirname) + '\n',
  );
  process.exit(2);
}
loadWithCodeCache(cli, process.argv.slice(2));
