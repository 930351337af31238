import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { it } from 'node:test';
import { rcJsonSchema } from '../server/src/core/config-schema';

it('schemas/xxgkrc.schema.json is generated from the zod schema (run `npx tsx scripts/gen-schema.ts`)', () => {
  assert.deepEqual(JSON.parse(fs.readFileSync('schemas/xxgkrc.schema.json', 'utf8')), rcJsonSchema());
});
