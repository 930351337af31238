import * as fs from 'node:fs';
import { t } from '../core/i18n';
import { decodeReport, MAX_REPORT_BYTES, type DecodedReport } from '../core/text/decode';

export type ReadOutcome =
  /** `bad`: the file is readable but is no report, reported as a finding of rule `file`, at line/column (1-based). */
  | DecodedReport
  /** The file could not be read at all: an I/O problem. */
  | { readonly kind: 'problem'; readonly message: string };

/** Reads a report as UTF-8, saying clearly what is wrong when it is empty, too large or in another encoding. */
export function readReport(path: string, shown: string): ReadOutcome {
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(path);
    if (!stat.isFile()) return { kind: 'problem', message: t('不是普通文件，已跳过：{0}', shown) };
    if (stat.size > MAX_REPORT_BYTES) {
      const mb = (stat.size / 1024 / 1024).toFixed(1);
      return { kind: 'problem', message: t('文件过大（{0} MB，上限 20 MB），已跳过：{1}', mb, shown) };
    }
    bytes = fs.readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return { kind: 'problem', message: t('无法读取文件 {0}（{1}）', shown, code) };
  }
  return decodeReport(bytes);
}
