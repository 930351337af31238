import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { t } from '../core/i18n';
import { importExtensions, isImportInput, readAndImport } from './import-input';
import { applyLang, langFromEnv, loadEnglishBundle } from './locale';
import { sameFile } from './same-file';
import { printable } from './format-text';

/**
 * `xxgk import`: reports as Word files (.docx, .doc), web pages (.html), PDFs with a text layer, or plain text pasted
 * from them (.txt) into `.xxgk`, each beside its source or where -o / --out-dir says. Nothing is overwritten without
 * --force, nothing is written for a file that cannot be read; the import's notes are printed.
 */

const EXIT_OK = 0;
const EXIT_TROUBLE = 2;

interface ImportOptions {
  readonly output?: string;
  readonly outDir?: string;
  readonly force?: boolean;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(t('把 Word 文件（.docx、.doc）、网页（.html、.htm）、有文字层的 PDF（.pdf）或复制自它们的纯文本（.txt，UTF-8 或 GBK）转换为 .xxgk，并列出转换中不确定之处'))
    .argument('<files...>', t('年报文件（.docx、.doc、.html、.htm、.pdf、.txt）'))
    .option('-o, --output <file>', t('输出文件（只有一个输入文件时；“-”表示写到标准输出）'))
    .option('--out-dir <dir>', t('输出文件夹（默认：与输入文件同一文件夹）'))
    .option('--force', t('输出文件已存在时覆盖它'))
    .action(async (files: string[], opts: ImportOptions) => {
      process.exitCode = await importFiles(files, opts);
    });
}

export async function importFiles(files: readonly string[], opts: ImportOptions): Promise<number> {
  const lang = langFromEnv(process.env);
  applyLang(lang, lang === 'en' ? loadEnglishBundle() : undefined);
  const fail = (message: string) => {
    process.stderr.write(printable(message) + '\n');
    return EXIT_TROUBLE;
  };
  if (opts.output !== undefined && opts.outDir !== undefined) return fail(t('-o 和 --out-dir 不能同时使用'));
  if (opts.output !== undefined && files.length > 1) return fail(t('有多个输入文件时不能用 -o，请用 --out-dir'));
  if (opts.outDir !== undefined && !isDirectory(opts.outDir)) return fail(t('输出文件夹不存在：{0}', opts.outDir));

  // Two inputs that would be written to one report (a.docx and a.html): the second would replace the first.
  if (opts.output === undefined) {
    const byOutput = new Map<string, string>();
    for (const file of files) {
      const output = path.resolve(outputPath(file, opts));
      const other = byOutput.get(output);
      if (other !== undefined) return fail(t('{0} 和 {1} 会写到同一个文件 {2}：请分两次导入，或用 --out-dir 指定不同的文件夹', other, file, outputPath(file, opts)));
      byOutput.set(output, file);
    }
  }

  let code = EXIT_OK;
  for (const file of files) {
    if ((await importOne(file, opts)) !== EXIT_OK) code = EXIT_TROUBLE;
  }
  return code;
}

async function importOne(file: string, opts: ImportOptions): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(printable(message) + '\n');
    return EXIT_TROUBLE;
  };
  const cwd = process.cwd();
  const input = path.resolve(cwd, file);
  if (!isImportInput(input)) return fail(t('不能导入 {0}：可导入的文件为 {1}', file, importExtensions().join(' ')));
  const toStdout = opts.output === '-';
  const shown = toStdout ? '-' : outputPath(file, opts);
  const output = toStdout ? '' : path.resolve(cwd, shown);
  if (!toStdout && fs.existsSync(output)) {
    if (fs.statSync(output).isDirectory()) return fail(t('输出路径是一个文件夹：{0}', shown));
    // By its path, a hard link or a symbolic link: `import r.docx -o r.docx --force` replaced the Word file.
    if (sameFile(input, output)) return fail(t('输出文件不能是输入文件本身：{0}', shown));
    if (!opts.force) return fail(t('输出文件已存在：{0}（如要覆盖，请加 --force）', shown));
  }

  const read = await readAndImport(input, file);
  if (read.kind === 'problem') return fail(read.message);
  if (!read.outcome.ok) return fail(t('无法导入 {0}：{1}', file, read.outcome.message));
  const { result, remark, noteLines } = read.outcome;
  if (toStdout) process.stdout.write(result.text);
  else {
    try {
      // 'wx' fails if the file appeared meanwhile: without --force nothing is ever overwritten.
      fs.writeFileSync(output, result.text, { flag: opts.force ? 'w' : 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return fail(t('输出文件已存在：{0}（如要覆盖，请加 --force）', shown));
      if (code === 'ENOENT') return fail(t('无法写入 {0}：所在文件夹不存在', shown));
      return fail(t('无法写入 {0}（{1}）', shown, code ?? String(err)));
    }
  }
  // Notes go to stderr when the report itself goes to stdout, so that it can be piped.
  const say = (line: string) => (toStdout ? process.stderr : process.stdout).write(printable(line) + '\n');
  if (remark) say(`${file}: ${remark}`);
  if (!toStdout) say(t('已生成 {0}（{1} 条提示）', shown.split(path.sep).join('/'), result.notes.length));
  if (result.notes.length && noteLines === 'read-text') say(t('（以下行号指从该文件读出的文本：每段、每个表格行各占一行）'));
  // A PDF's notes say their page: the lines of its rebuilt text are nowhere to be seen.
  for (const note of result.notes) say(`${file}:${note.page === undefined ? note.line : t('第 {0} 页', note.page)}: ${note.message}`);
  return EXIT_OK;
}

/** Where the report imported from `file` goes, as the user would write it: -o, or the input's name in --out-dir or beside it. */
function outputPath(file: string, opts: ImportOptions): string {
  return opts.output ?? path.join(opts.outDir ?? path.dirname(file), path.basename(file, path.extname(file)) + '.xxgk');
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
