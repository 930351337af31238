// Child process of the PDF bench: node pdf-driver.cjs BUNDLE PDF ROUNDS. Alternates pdf.js's text extraction and
// the whole import of the same PDF (after one warm-up round each) and prints their times as JSON.
const fs = require('node:fs');
const [bundlePath, pdfPath, roundsArg] = process.argv.slice(2);
const { importPdf, pdfjsText } = require(bundlePath);
(async () => {
  const bytes = fs.readFileSync(pdfPath);
  const rounds = Number(roundsArg);
  const text = [];
  const imp = [];
  let pages = 0;
  for (let i = -1; i < rounds; i++) {
    let t = performance.now();
    await pdfjsText(bytes);
    const a = performance.now() - t;
    t = performance.now();
    const r = await importPdf(bytes);
    const b = performance.now() - t;
    if (r.kind !== 'report') throw new Error(r.message);
    pages = Math.max(pages, ...r.result.notes.map((n) => n.page ?? 0));
    if (i >= 0) {
      text.push(a);
      imp.push(b);
    }
  }
  process.stdout.write(JSON.stringify({ text, import: imp }));
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
