#!/usr/bin/env node
'use strict';
// The `mailcheck` command: loads the bundled CLI (built by `npm run build:cli`).
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'out', 'cli', 'index.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'mailcheck: the CLI is not built yet. Run `npm run build:cli` in ' + path.dirname(__dirname) + '\n',
  );
  process.exit(2);
}
require(cli);
