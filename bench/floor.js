// The benchmark's Node.js floor: the same requests as a collection, with no scripts, through
// Node's own `http` module with one keep-alive socket — the HTTP stack Newman runs on, without
// Newman. Each response body is read in full and its status checked.
//
// Usage: `node floor.js HOST:PORT PATHS_FILE`
// Prints one line: `requests=N seconds=S req_per_s=R ms_per_request=M`.
'use strict';

const fs = require('fs');
const http = require('http');

const [addr, pathsFile] = process.argv.slice(2);
if (!addr || !pathsFile) {
  console.error('usage: node floor.js HOST:PORT PATHS_FILE');
  process.exit(2);
}
const [host, port] = addr.split(':');
const paths = fs.readFileSync(pathsFile, 'utf8').split('\n').filter(Boolean);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port: Number(port), path, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${path}: status ${res.statusCode}`));
        else resolve(Buffer.concat(chunks).length);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

(async () => {
  const start = process.hrtime.bigint();
  for (const path of paths) await get(path);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const n = paths.length;
  console.log(`requests=${n} seconds=${seconds.toFixed(6)} req_per_s=${Math.round(n / seconds)} ` +
    `ms_per_request=${((seconds * 1000) / n).toFixed(4)}`);
  agent.destroy();
})().catch((err) => {
  console.error(String(err && err.message || err));
  process.exit(1);
});
