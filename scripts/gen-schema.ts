// Writes schemas/xxgkrc.schema.json from the zod schema the checker validates with, so the two cannot drift.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rcJsonSchema } from '../server/src/core/config-schema';

const file = path.join(__dirname, '..', 'schemas', 'xxgkrc.schema.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(rcJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
