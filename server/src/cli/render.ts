import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Command, Option } from 'commander';
import { checkDocument, parse } from '../core/index';
import { t } from '../core/i18n';
import { renderHtml } from '../core/render/html';
import { localToday } from './check-file';
import { ConfigResolver } from './config';
import { findBrowser, PdfPrintError, printHtmlToPdf } from './browser-pdf';
import { applyLang, langFromEnv, loadEnglishBundle } from './locale';
import { convertedNote } from '../core/text/decode';
import { readReport } from './read';
import { sameFile } from './same-file';
import { printable } from './format-text';

/** `xxgk render`: a report as a standalone HTML page or a Word document. Writes OUT and nothing else. */

const EXIT_OK = 0;
const EXIT_TROUBLE = 2;

type RenderFormat = 'html' | 'docx' | 'pdf';
interface RenderOptions {
  readonly output: string;
  readonly format?: RenderFormat;
  readonly force?: boolean;
  readonly problems?: boolean;
  readonly browser?: string;
}

const FORMAT_BY_EXTENSION: Record<string, RenderFormat> = { '.docx': 'docx', '.pdf': 'pdf' };

export function registerRender(program: Command): void {
  program
    .command('render')
    .description(t('把年报渲染为 HTML 网页、Word 文档（.docx）或 PDF，表格按官方格式排版'))
    .argument('<file>', t('年报文件（.xxgk）'))
    .requiredOption('-o, --output <file>', t('输出文件（“-”表示写到标准输出）'))
    .addOption(new Option('-f, --format <format>', t('输出格式（默认按输出文件的扩展名：.docx 为 docx，.pdf 为 pdf，其余为 html）')).choices(['html', 'docx', 'pdf']))
    .option('--force', t('输出文件已存在时覆盖它'))
    .option('--problems', t('在 HTML 中标出检查发现的问题，并在顶部列出'))
    .option('--browser <path>', t('导出 PDF 所用的 Chromium、Chrome 或 Edge 程序（默认自动查找，或取环境变量 XXGK_BROWSER）'))
    .action(async (file: string, opts: RenderOptions) => {
      process.exitCode = await render(file, opts);
    });
}

function noBrowserMessage(): string {
  return t('未找到 Chromium、Chrome 或 Edge 浏览器，无法导出 PDF。请安装其中之一，或用 --browser（或环境变量 XXGK_BROWSER）指定浏览器程序的路径；也可以先导出 HTML 或 Word，再从中打印为 PDF。');
}

function pdfFailure(err: PdfPrintError): string {
  if (err.reason === 'timeout') return t('浏览器 {0} 未能生成 PDF（在规定时间内没有完成打印，已停止）', err.browser);
  if (err.reason === 'not-found') return t('浏览器 {0} 未能生成 PDF（找不到该程序）', err.browser);
  return t('浏览器 {0} 未能生成 PDF（{1}）', err.browser, err.detail);
}

export async function render(file: string, opts: RenderOptions): Promise<number> {
  const lang = langFromEnv(process.env);
  applyLang(lang, lang === 'en' ? loadEnglishBundle() : undefined);
  const fail = (message: string) => {
    process.stderr.write(printable(message) + '\n');
    return EXIT_TROUBLE;
  };

  const cwd = process.cwd();
  const input = path.resolve(cwd, file);
  const toStdout = opts.output === '-';
  const output = toStdout ? '' : path.resolve(cwd, opts.output);
  const format: RenderFormat = opts.format ?? ((!toStdout && FORMAT_BY_EXTENSION[path.extname(output).toLowerCase()]) || 'html');

  if (!toStdout) {
    if (sameFile(input, output)) return fail(t('输出文件不能是输入文件本身：{0}', opts.output));
    if (fs.existsSync(output)) {
      if (fs.statSync(output).isDirectory()) return fail(t('输出路径是一个文件夹：{0}', opts.output));
      if (!opts.force) return fail(t('输出文件已存在：{0}（如要覆盖，请加 --force）', opts.output));
    }
  } else if (format === 'docx' && process.stdout.isTTY) {
    return fail(t('Word 文档是二进制文件，不能输出到终端；请用 -o 指定 .docx 文件'));
  } else if (format === 'pdf' && process.stdout.isTTY) {
    return fail(t('PDF 是二进制文件，不能输出到终端；请用 -o 指定 .pdf 文件'));
  }
  // Found before anything is read or rendered: without a browser there is nothing to do.
  const browser = format === 'pdf' ? findBrowser(opts.browser) : undefined;
  if (format === 'pdf' && !browser) return fail(noBrowserMessage());

  const read = readReport(input, file);
  if (read.kind === 'problem') return fail(read.message);
  if (read.kind === 'bad') return fail(t('无法渲染 {0}：{1}', file, read.message));
  if (read.encoding === 'gb18030') process.stderr.write(`${printable(file)}: ${convertedNote()}\n`);

  const { config, error } = new ConfigResolver(cwd).forFile(input);
  if (error !== undefined) return fail(error);

  // parse() never throws: a report that does not read well still renders what it can.
  const doc = parse(read.text, { format: config?.format });
  let bytes: Uint8Array | string;
  if (format === 'docx') {
    const { renderDocx, DocxTooLargeError } = await import('../core/render/docx');
    try {
      bytes = await renderDocx(doc);
    } catch (err) {
      // Too large to export: said plainly, and nothing is written.
      if (err instanceof DocxTooLargeError) return fail(err.message);
      throw err;
    }
  } else if (format === 'pdf') {
    try {
      bytes = await printHtmlToPdf(renderHtml(doc, { standalone: true }), { browser: browser! });
    } catch (err) {
      if (err instanceof PdfPrintError) return fail(pdfFailure(err));
      throw err;
    }
  } else {
    const diagnostics = opts.problems ? checkDocument(doc, { config, context: { today: localToday() } }) : undefined;
    bytes = renderHtml(doc, { standalone: true, diagnostics });
  }

  if (toStdout) {
    process.stdout.write(bytes);
    return EXIT_OK;
  }
  try {
    // 'wx' fails if the file appeared meanwhile: without --force nothing is ever overwritten.
    fs.writeFileSync(output, bytes, { flag: opts.force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return fail(t('输出文件已存在：{0}（如要覆盖，请加 --force）', opts.output));
    if (code === 'ENOENT') return fail(t('无法写入 {0}：所在文件夹不存在', opts.output));
    return fail(t('无法写入 {0}（{1}）', opts.output, code ?? String(err)));
  }
  process.stdout.write(printable(t('已生成 {0}', opts.output)) + '\n');
  return EXIT_OK;
}
