#!/usr/bin/env node
// Checks recorded cases against Newman itself: runs cases/LIB.json's calls in a script of a real
// Newman run, exactly as tests/libdiff.rs runs them in postie, and compares Newman's results with
// the recorded ones. For the libraries recorded in a bundle-like context of their own (stream,
// timers: gens/node-shims/bundle-vm.js) this shows that the recording is what Newman does.
//
//   node tools/libdiff/newman-check.js LIB [NEWMAN_BIN]
//
// NEWMAN_BIN defaults to tools/newman/node_modules/.bin/newman (`npm ci --prefix tools/newman`).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..', '..');
const [lib, bin] = process.argv.slice(2);
if (!lib) {
  console.error('usage: node tools/libdiff/newman-check.js LIB [NEWMAN_BIN]');
  process.exit(2);
}
const newman = bin || path.join(ROOT, 'tools', 'newman', 'node_modules', '.bin', 'newman');
const doc = JSON.parse(fs.readFileSync(path.join(__dirname, 'cases', lib + '.json'), 'utf8'));
const evaluator = fs.readFileSync(path.join(__dirname, 'calls.js'), 'utf8');
const calls = JSON.stringify(doc.calls);
const script = doc.async
  ? 'var LIBDIFF_PRELUDE = ' + JSON.stringify(doc.prelude || '') + ';\n' + evaluator + '\nvar LIBDIFF_CALLS = ' + calls +
    ';\nlibdiffRunAsync(' + doc.root + ", LIBDIFF_CALLS, setTimeout, function (results) { pm.environment.set('libdiff', JSON.stringify(results)); });\n"
  : evaluator + '\nvar LIBDIFF_CALLS = ' + calls + ";\npm.environment.set('libdiff', JSON.stringify(libdiffRun(" + doc.root + ', LIBDIFF_CALLS)));\n';
const collection = {
  info: { name: 'libdiff ' + lib, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [{
    name: 'calls',
    event: [{ listen: 'prerequest', script: { exec: script.split('\n') } }],
    request: { method: 'GET', url: 'http://127.0.0.1:9/' }
  }]
};
const dir = fs.mkdtempSync(path.join(process.env.TMPDIR || os.tmpdir(), 'libdiff-newman-'));
const file = path.join(dir, 'c.json');
const envFile = path.join(dir, 'env.json');
fs.writeFileSync(file, JSON.stringify(collection));
try {
  execFileSync(newman, ['run', file, '--silent', '--export-environment', envFile], { stdio: 'ignore', env: Object.assign({}, process.env, { TZ: 'UTC' }) });
} catch (e) {
  // the request to port 9 fails, so Newman exits 1; the environment is exported all the same
}
const env = JSON.parse(fs.readFileSync(envFile, 'utf8'));
const entry = env.values.find((v) => v.key === 'libdiff');
if (!entry) {
  console.error('no results from Newman');
  process.exit(1);
}
const got = JSON.parse(entry.value);
fs.rmSync(dir, { recursive: true, force: true });
let same = 0;
const differ = [];
doc.expected.forEach((want, i) => {
  if (JSON.stringify(want) === JSON.stringify(got[i])) { same++; } else { differ.push(i); }
});
console.log('%s: %d of %d calls as recorded', lib, same, doc.expected.length);
for (const i of differ.slice(0, 5)) {
  console.log('  call %d (%s)\n    recorded %s\n    newman   %s', i, doc.calls[i].fn, JSON.stringify(doc.expected[i]).slice(0, 800),
    JSON.stringify(got[i]).slice(0, 800));
}
process.exit(differ.length ? 1 : 0);
