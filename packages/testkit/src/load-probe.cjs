// Preloaded into a built bundle (the CLI, an action) by the start-up tests: prints every file of the bundle's folder that
// Node loads, one per line on stderr, so a test can see which command chunks a command line needs.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const original = Module._load;
Module._load = function load(request, parent, ...rest) {
  const loaded = original.call(this, request, parent, ...rest);
  if (parent && /\.index\.js$/.test(request)) {
    process.stderr.write(`RG_LOADED=${path.basename(request)}\n`);
  }
  return loaded;
};
