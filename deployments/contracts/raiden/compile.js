// Compiles Raiden's vendored contracts (lib/, raiden/, test/) with the solcjs
// version raiden-contracts pins (package.json) and the settings it compiles
// with (raiden_contracts/contract_source_manager.py: optimizer on, 200 runs,
// the compiler's default EVM version, which is london for 0.8.10).
// Writes ../build/raiden/<Name>.abi and <Name>.bin for every contract.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const dir = __dirname;
const outDir = path.join(dir, '..', 'build', 'raiden');
// Source unit names are the paths relative to this folder ("raiden/TokenNetwork.sol"),
// which is what Raiden's imports ("lib/ECVerify.sol") expect.
const sources = {};
for (const sub of ['lib', 'raiden', 'test']) {
  for (const f of fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.sol')).sort()) {
    sources[`${sub}/${f}`] = { content: fs.readFileSync(path.join(dir, sub, f), 'utf8') };
  }
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
let failed = false;
for (const e of out.errors || []) {
  if (e.severity === 'error') {
    console.error(e.formattedMessage);
    failed = true;
  }
}
if (failed) process.exit(1);
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
let n = 0;
for (const byName of Object.values(out.contracts)) {
  for (const [name, c] of Object.entries(byName)) {
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(outDir, `${name}.bin`), c.evm.bytecode.object);
    const runtime = c.evm.deployedBytecode.object.length / 2;
    if (runtime > 24576) {
      console.error(`warning: ${name} runtime code is ${runtime} bytes, above the EIP-170 limit of 24576`);
    }
    n++;
  }
}
console.log(`compiled ${n} Raiden contracts with solc ${solc.version()}`);
