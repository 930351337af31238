/**
 * Small PDFs made in the tests: pages of text in Helvetica (ASCII), drawn rules, an image-only page (a scan), an
 * encrypted file (a password pdf.js cannot guess), each a few hundred bytes with a correct cross-reference table.
 */

export interface PdfSpec {
  /** One content stream per page (A4). */
  readonly pages: readonly string[];
  /** An /Encrypt dictionary whose user password is not empty: the file needs a password to open. */
  readonly encrypted?: boolean;
}

export function makePdf(spec: PdfSpec): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = spec.pages.map((_, k) => `${4 + 2 * k} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${spec.pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  spec.pages.forEach((content, k) => {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * k} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  let encrypt = '';
  if (spec.encrypted) {
    const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
    add(`<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -4 >>`);
    encrypt = ` /Encrypt ${objects.length} 0 R /ID [<${hex(16)}> <${hex(16)}>]`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Text at a place (x, y of the baseline), in Helvetica of `size` points. */
export function text(x: number, y: number, s: string, size = 10): string {
  return `BT /F1 ${size} Tf ${x} ${y} Td (${s.replace(/([()\\])/g, '\\$1')}) Tj ET`;
}

/** A stroked line. */
export function line(x1: number, y1: number, x2: number, y2: number): string {
  return `${x1} ${y1} m ${x2} ${y2} l S`;
}

/** A page that is only an image (a scan): a 2×2 grey inline image scaled over the page. */
export const IMAGE_ONLY_PAGE = 'q 500 0 0 700 40 70 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q';
