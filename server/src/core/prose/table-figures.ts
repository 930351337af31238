import type { Span, StandardTable } from '../ast';
import { t } from '../i18n';
import { rowsById } from '../tables/grid';
import { rowFigure } from '../tables/row-figure';
import { add, format, type Decimal } from '../text/decimal';
import type { ProseCategory } from './requests-text';

/** A figure of the tables that prose may restate, with the cells it comes from (for the diagnostic's related places). */
export interface TableFigure {
  readonly value: Decimal;
  /** How the table row is called in messages. */
  readonly label: string;
  readonly cells: ReadonlyArray<{ span: Span; message: string }>;
}

/**
 * 总计 column of an official row, read as the sums read it (rowFigure): a group (不予公开…) is the sum of its filled
 * items, else its own figure. Only a filled figure is compared with the prose: a blank row says nothing.
 */
function rowTotal(table: StandardTable | undefined, id: string): TableFigure | undefined {
  const spec = table?.spec;
  if (!table || !spec) return undefined;
  const column = spec.columns.findIndex((c) => c.id === 'total');
  if (column < 0) return undefined;
  const figure = rowFigure(spec, rowsById(table), id, column);
  if (!figure || figure.blank) return undefined;
  const cells = figure.cells.map((c) => ({ span: c.cell.span, message: `${c.row.label} ${format(c.value)}` }));
  return { value: figure.value, label: figure.row.label, cells };
}

function sumOf(a: TableFigure | undefined, b: TableFigure | undefined, label: string): TableFigure | undefined {
  return a && b ? { value: add(a.value, b.value), label, cells: [...a.cells, ...b.cells] } : undefined;
}

/** The figures of tables 三 (依申请) and 四 (复议诉讼) that prose speaks of, by what the prose calls them; each read once. */
export class TableFigures {
  private readonly cache = new Map<string, TableFigure | undefined>();
  constructor(
    private readonly requests: StandardTable | undefined,
    private readonly appeals: StandardTable | undefined,
  ) {}

  /** `received` is 一 + 二 (新收 and 上年结转: all requests handled), which 办理 N 件 often counts. */
  figure(category: ProseCategory | 'received'): TableFigure | undefined {
    if (this.cache.has(category)) return this.cache.get(category);
    const value =
      category === 'review'
        ? rowTotal(this.appeals, 'review')
        : category === 'litigation'
          ? sumOf(rowTotal(this.appeals, 'direct'), rowTotal(this.appeals, 'afterReview'), t('行政诉讼（未经复议直接起诉 + 复议后起诉）'))
          : category === 'received'
            ? sumOf(rowTotal(this.requests, 'new'), rowTotal(this.requests, 'carried'), t('一 + 二'))
            : rowTotal(this.requests, category);
    this.cache.set(category, value);
    return value;
  }
}
