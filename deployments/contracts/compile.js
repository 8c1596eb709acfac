// Compiles every *.sol in this folder with the pinned solcjs and writes
// build/combined.json in the format abigen's --combined-json expects.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const dir = __dirname;
const sources = {};
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(dir, f), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
let failed = false;
for (const e of out.errors || []) {
  console.error(e.formattedMessage);
  if (e.severity === 'error') failed = true;
}
if (failed) process.exit(1);
const contracts = {};
for (const [file, byName] of Object.entries(out.contracts)) {
  for (const [name, c] of Object.entries(byName)) {
    contracts[`${file}:${name}`] = { abi: c.abi, bin: c.evm.bytecode.object };
    fs.mkdirSync(path.join(dir, 'build'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'build', `${name}.abi`), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(dir, 'build', `${name}.bin`), c.evm.bytecode.object);
  }
}
fs.mkdirSync(path.join(dir, 'build'), { recursive: true });
fs.writeFileSync(
  path.join(dir, 'build', 'combined.json'),
  JSON.stringify({ contracts, version: solc.version() }, null, 1) + '\n',
);
console.log(`compiled ${Object.keys(contracts).length} contracts with solc ${solc.version()}`);
