import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import type { InputBlock } from '../server/src/core/import/input-blocks';

/**
 * A Word file written with the `docx` library (as Word and WPS write one: paragraphs, tables whose merged cells are
 * gridSpan across and vMerge down), holding the given blocks: a test builds its Word fixtures from a page's blocks.
 */
export async function wordFile(blocks: readonly InputBlock[]): Promise<Uint8Array> {
  const children = blocks.map((b) =>
    b.type === 'text'
      ? new Paragraph(b.text)
      : new Table({
          rows: b.rows.map(
            (row) =>
              new TableRow({
                children: row.map(
                  (cell) =>
                    new TableCell({
                      // A cell of two lines is two paragraphs, as Word has it.
                      children: cell.text.split('\n').map((line) => new Paragraph(line)),
                      columnSpan: cell.colSpan,
                      rowSpan: cell.rowSpan,
                    }),
                ),
              }),
          ),
        }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
