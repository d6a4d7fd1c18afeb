#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'index.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'release-guard: the CLI is not built yet. Run `pnpm build` in the repository root first.\n',
  );
  process.exit(2);
}
require(bundle);
