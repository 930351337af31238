/** Shapes of the official format data. The data itself lives beside this file, one module per format. */

/**
 * A format's id as written in front matter and settings (`2021`, `2019`, `legacy`). Formats are registered at run
 * time (formats/registry.ts), so the id is a string: every list of formats is read from the registry, never written
 * out elsewhere.
 */
export type FormatId = string;

/** National formats (国办公开办函) have the six fixed sections and three tables; legacy reports name sections freely. */
export type FormatKind = 'national' | 'legacy';

/** The kinds of standard table container (`::: 依申请`). */
export type TableKind = '主动公开' | '依申请' | '复议诉讼' | '附表';

/** How a value cell is read: whole counts, decimal money (万元), or a count that may be negative (2019 本年增/减). */
export type ValueKind = 'int' | 'money' | 'signed';

export interface ColumnSpec {
  readonly id: string;
  /** Official header text. */
  readonly label: string;
  readonly kind: ValueKind;
  /** Official header text of the column group this column sits under (两级表头), if any. */
  readonly group?: string;
  /** The unit the official header gives the figures in (`万元`), if any; figures are written without it. */
  readonly unit?: '万元';
}

export interface RowSpec {
  readonly id: string;
  /** Official label, numbering included, exactly as the template prints it. */
  readonly label: string;
  /** The label without numbering and notes; the usual short form. */
  readonly name: string;
  /** Further accepted short forms. */
  readonly aliases?: readonly string[];
  /** Id of the group row this row belongs to. */
  readonly parent?: string;
  /** A group row carries no figures of its own in the official table; if the author fills it, it is a subtotal. */
  readonly group?: boolean;
  /** Block label (主动公开: 第二十条第（一）项). */
  readonly block?: string;
  /** Columns of this row when they differ from the table's (主动公开 blocks). */
  readonly columns?: readonly ColumnSpec[];
}

/**
 * An arithmetic relation (勾稽关系). Parts that name a group row stand for the sum of its items
 * (or, where the items are all blank, for the group row's own figure).
 */
export type RelationSpec =
  | {
      /** Within every data row: total column = sum of part columns (R1, R4). */
      readonly kind: 'row';
      readonly id: string;
      readonly total: string;
      readonly parts: readonly string[];
    }
  | {
      /** Within every column: total row = sum of part rows (R2, group subtotals). */
      readonly kind: 'column';
      readonly id: string;
      readonly total: string;
      readonly parts: readonly string[];
    }
  | {
      /** Within every column: Σ left rows = Σ right rows (R3: 一 + 二 = 总计 + 四). */
      readonly kind: 'identity';
      readonly id: string;
      readonly left: readonly string[];
      readonly right: readonly string[];
    };

export interface TableSpec {
  readonly kind: TableKind;
  /** Official table title. */
  readonly title: string;
  /** Id of the section the table belongs in. */
  readonly section: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly RowSpec[];
  readonly relations: readonly RelationSpec[];
  /** Accepted header words for the label column; skeletons and snippets write the first. */
  readonly cornerLabels: readonly string[];
  /** Printed note of the official table, if any. */
  readonly note?: string;
}

/** A topic a section must cover (2021 一、总体情况), and the words that show a heading or paragraph covers it. */
export interface TopicSpec {
  readonly id: string;
  /** Official name, as the `###` heading a quick fix inserts (numbered by its place in the list). */
  readonly name: string;
  /** Words any of which, in the section's headings or paragraphs, shows that the topic is covered. */
  readonly words: readonly string[];
  /** Asked only of a whole government's report (条例 第五十条: 工作考核、社会评议和责任追究结果). */
  readonly governmentOnly?: boolean;
}

/** What a section's text must say, beyond its heading and tables (content checks). */
export interface SectionContent {
  /** Topics to cover, in the official order. */
  readonly topics?: readonly TopicSpec[];
  /** The section reports how the problems listed in last year's report were dealt with (2021 五). */
  readonly lastYearProgress?: boolean;
}

export interface SectionSpec {
  readonly id: string;
  /** Official numeral (一 … 六); legacy sections have none fixed. */
  readonly numeral: string;
  readonly name: string;
  /** Other names seen in real reports, matched with a warning. */
  readonly variants?: readonly string[];
  /**
   * Words any of which identifies the topic in a freely worded heading: legacy headings are matched by them alone,
   * national ones only together with the section's own numeral (五、存在的主要问题及整改措施).
   */
  readonly topicWords?: readonly string[];
  readonly required: boolean;
  /** What the format asks to be reported here (hover text). */
  readonly requires: string;
  /** Standard tables expected in this section. */
  readonly tables?: readonly TableKind[];
  /** What the text must say (topics to cover, last year's problems), where the format asks for it. */
  readonly content?: SectionContent;
}

export interface FormatSpec {
  readonly id: FormatId;
  readonly kind: FormatKind;
  /** How users see it named (completion, messages), in the display language. */
  readonly label: () => string;
  /** When it is used, one line for completion and the settings (`2021 年度起使用`), in the display language. */
  readonly usage: () => string;
  /** The report years it applies to, inclusive; a format without years is never inferred from a year. */
  readonly years?: { readonly from: number; readonly to?: number };
  /** Official document the format comes from. */
  readonly source: string;
  readonly sections: readonly SectionSpec[];
  /** The official tables with rows and columns (none for legacy: its 附表 has free rows). */
  readonly tables: readonly TableSpec[];
  /** The `:::` table kinds this format uses (those of `tables`, or `附表` for legacy). */
  readonly tableKinds: readonly TableKind[];
  /** Section 六 must state the 信息处理费 collected (国办函〔2020〕109号, asked for from the 2021 format on). */
  readonly feeStatement: boolean;
}
