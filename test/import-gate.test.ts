/**
 * The process's import gate (server/src/cli/import-gate.ts): which imports ran side by side, and a
 * retry that runs with no other import in the process. The pool test in import-bounded.test.ts runs it for real.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countedInGate, ImportGate, processGate } from '../server/src/cli/import-gate';

const fresh = () => new ImportGate(new Int32Array(new SharedArrayBuffer(12)));
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('ImportGate', () => {
  it('an import alone had no company; two overlapping had, whichever started first', async () => {
    const gate = fresh();
    const alone = await gate.enter();
    gate.leave();
    assert.equal(gate.hadCompany(alone), false);
    const first = await gate.enter();
    const second = await gate.enter();
    gate.leave();
    gate.leave();
    assert.equal(gate.hadCompany(first), true, 'another started while it ran');
    assert.equal(gate.hadCompany(second), true, 'another was running when it started');
  });

  it('a retry alone waits for the imports running, and new imports wait for it', async () => {
    const gate = fresh();
    const order: string[] = [];
    await gate.enter();
    const retry = gate.alone(async () => {
      order.push('retry starts');
      await tick();
      order.push('retry ends');
    });
    await tick();
    order.push('running import ends');
    gate.leave();
    await tick();
    const next = gate.enter().then(() => order.push('next import starts'));
    await Promise.all([retry, next]);
    assert.deepEqual(order, ['running import ends', 'retry starts', 'retry ends', 'next import starts']);
  });

  it('a retry does not wait for ever for an import that never leaves (a thread that died inside the gate)', async () => {
    const gate = fresh();
    await gate.enter();
    let ran = false;
    await gate.alone(() => {
      ran = true;
      return Promise.resolve();
    }, 50);
    assert.equal(ran, true);
  });

  it('two retries run one after the other', async () => {
    const gate = fresh();
    let inside = 0;
    let most = 0;
    const retry = () =>
      gate.alone(async () => {
        most = Math.max(most, ++inside);
        await tick();
        inside--;
      });
    await Promise.all([retry(), retry(), retry()]);
    assert.equal(most, 1);
  });

  it('a report checked in the pool counts as an import (countedInGate): an import beside it had company, and a retry alone waits for the check', async () => {
    const gate = processGate();
    const order: string[] = [];
    let finish!: () => void;
    const check = countedInGate(async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      order.push('check ends');
    });
    await tick();
    const beside = await gate.enter();
    gate.leave();
    assert.equal(gate.hadCompany(beside), true, 'a 6 MB report checked in one thread swelled the process as an import does');
    const retry = gate.alone(() => Promise.resolve(void order.push('retry alone')));
    await tick();
    assert.deepEqual(order, [], 'the retry waits');
    finish();
    await Promise.all([check, retry]);
    assert.deepEqual(order, ['check ends', 'retry alone']);
  });
});
