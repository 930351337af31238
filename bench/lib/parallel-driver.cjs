// Child process: checks the same report `rounds` times with the core bundle (after a short warm-up) and prints the
// time of the measured part as JSON. The bench runs one such child alone, then two at once with half the rounds
// each: how much a second process gains on this machine for the core's own work, the ceiling for CLI workers.
// argv: core bundle, report, rounds, today (YYYY-MM-DD)
'use strict';
const fs = require('node:fs');

const [bundle, file, rounds, today] = process.argv.slice(2);
const core = require(bundle);
const text = fs.readFileSync(file, 'utf8');
const options = { context: { today } };
for (let i = 0; i < 50; i++) core.checkText(text, options);
const t0 = performance.now();
for (let i = 0; i < Number(rounds); i++) core.checkText(text, options);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }) + '\n');
