/**
 * The PDF import as the bench measures it (bundled by bench/lib/pdf.ts): the whole import, and pdf.js's own text
 * extraction of the same file (every page's getTextContent), the library's reading time it is compared with.
 */
export { importPdf } from '../../server/src/core/import/readers/pdf';
import { loadPdfjs } from '../../server/src/core/import/readers/pdf';

export async function pdfjsText(bytes: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, useWasm: false });
  try {
    const doc = await task.promise;
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) items += (await (await doc.getPage(n)).getTextContent()).items.length;
    return items;
  } finally {
    await task.destroy();
  }
}
