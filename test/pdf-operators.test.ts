/**
 * The PDF readers walk pdf.js's operator list by its numeric operator codes (framing lines from the path operators,
 * vertical text from the text operators). Those codes are pdf.js's own (OPS) and could be renumbered by an upgrade;
 * then tables and vertical labels would be misread without an error. This pins every code used to pdf.js's.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { OP, PAINT_FIRST, PAINT_LAST, STROKES } from '../server/src/core/import/readers/pdf-rules';
import { TEXT_OP } from '../server/src/core/import/readers/pdf-vertical';

describe('the operator codes the PDF readers use are pdf.js’s', () => {
  it('path, paint, text and form operators', async () => {
    const { OPS } = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as { OPS: Record<string, number> };
    for (const [name, code] of Object.entries(OP)) assert.equal(code, OPS[name], name);
    assert.equal(PAINT_FIRST, OPS.stroke);
    assert.equal(PAINT_LAST, OPS.closeEOFillStroke);
    const strokes = ['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((n) => OPS[n]);
    assert.deepEqual([...STROKES].sort(), strokes.sort());
    const pdfjsName: Record<string, string> = { formBegin: 'paintFormXObjectBegin', formEnd: 'paintFormXObjectEnd' };
    for (const [name, code] of Object.entries(TEXT_OP)) assert.equal(code, OPS[pdfjsName[name] ?? name], name);
  });
});
