// Writes the rule table of docs/rules.md and each rule's English line from the rules' metadata (`--write`), or,
// without `--write`, exits 1 when the file is not what it would write. test/rule-docs.test.ts fails in the same case.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withRuleDocs } from './rule-docs';

const file = path.join(__dirname, '..', 'docs', 'rules.md');
const current = fs.readFileSync(file, 'utf8');
const generated = withRuleDocs(current);
if (process.argv.includes('--write')) {
  if (generated !== current) fs.writeFileSync(file, generated);
  console.log(generated === current ? 'docs/rules.md: up to date' : 'docs/rules.md: written from the rules');
} else if (generated !== current) {
  console.error('docs/rules.md: the rule table or a rule’s English line differs from the rules; run `npx tsx scripts/gen-rule-docs.ts --write`');
  process.exit(1);
}
