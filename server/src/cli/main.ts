import * as os from 'node:os';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from '../../../package.json';
import { RULES, type XxgkConfig } from '../core/index';
import { t } from '../core/i18n';
import { checkFile, localToday } from './check-file';
import { ConfigResolver, loadConfigFile } from './config';
import { expandPaths, type FileEntry } from './files';
import { fixReports, fixSummary } from './fix';
import { localizeCommander } from './help';
import { formatCsv } from './format-csv';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, printable, useColour } from './format-text';
import { importGateBuffer } from './import-gate';
import { isImportWorker, runImportWorker } from './import-worker';
import { applyLang, langFromArgv, langFromEnv, loadEnglishBundle, type Lang } from './locale';
import { canUseWorkers, checkInWorkers, IMPORT_WEIGHT, isCheckWorker, PARALLEL_THRESHOLD, runWorker, worthWorkers } from './pool';
import { registerImport } from './import';
import { folderImportExtensions } from './import-input';
import { registerRender } from './render';
import { readStdin, STDIN_ARGUMENT, stdinPath } from './stdin';
import { countFindings, onlyErrors } from './summary';
import type { CheckTask, FileResult } from './types';
import { withPreviousYears } from './cross-year';

/** Exit codes: no error found, errors found, the run itself went wrong (usage, missing or unreadable files, bad config). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

type OutputFormat = 'text' | 'json' | 'sarif' | 'csv';
interface CheckOptions {
  readonly format: OutputFormat;
  readonly config?: string;
  readonly lang?: Lang;
  readonly jobs?: number;
  readonly fix?: boolean;
  readonly fixDryRun?: boolean;
  readonly stdinFilename?: string;
  readonly quiet?: boolean;
  readonly maxWarnings?: number;
  /** Folders also give their Word files, web pages and PDFs, imported on the fly. */
  readonly import?: boolean;
}

async function check(paths: readonly string[], opts: CheckOptions): Promise<number> {
  const cwd = process.cwd();
  const lang = opts.lang ?? langFromEnv(process.env);
  const bundle = lang === 'en' ? loadEnglishBundle() : undefined;
  applyLang(lang, bundle);

  let explicit: XxgkConfig | undefined;
  if (opts.config) {
    const loaded = loadConfigFile(path.resolve(cwd, opts.config), opts.config);
    if (loaded.error !== undefined) {
      process.stderr.write(printable(loaded.error) + '\n');
      return EXIT_TROUBLE;
    }
    explicit = loaded.config;
  }

  // `-` is standard input, read once whatever else is named; --stdin-filename says where it is taken to be.
  const stdin = paths.includes(STDIN_ARGUMENT);
  if (stdin && opts.fix && paths.length > 1) {
    process.stderr.write(t('--fix 与标准输入（-）一起用时只能检查这一份：修正后的年报写到标准输出') + '\n');
    return EXIT_TROUBLE;
  }
  const { files, problems } = await expandPaths(paths.filter((p) => p !== STDIN_ARGUMENT), cwd, { documents: opts.import ? folderImportExtensions() : undefined });
  const entries: Array<FileEntry & { stdin?: boolean }> = stdin ? [{ ...stdinPath(cwd, opts.stdinFilename), stdin: true }, ...files] : files;
  const resolver = new ConfigResolver(cwd, explicit);
  let tasks: CheckTask[] = [];
  // A broken .xxgkrc.json is reported once; the files under it are left unchecked rather than checked wrongly.
  const unchecked = new Map<string, number>();
  for (const f of entries) {
    const { config, error } = resolver.forFile(f.path);
    if (error !== undefined) unchecked.set(error, (unchecked.get(error) ?? 0) + 1);
    else tasks.push({ path: f.path, file: f.file, config, ...(f.stdin ? { given: readStdin() } : {}) });
  }
  for (const [error, count] of unchecked) problems.push(error + '\n' + t('（使用此配置的 {0} 个文件未检查）', count));

  tasks = withPreviousYears(tasks);
  const run = { today: localToday() };

  if (opts.fix || opts.fixDryRun) {
    const fixed = fixReports(tasks, run, !!opts.fixDryRun);
    problems.push(...fixed.problems);
    process.stderr.write(fixSummary(fixed, !!opts.fixDryRun) + '\n');
    if (opts.fixDryRun) {
      // The diff alone on standard output, ready for `patch -p1` or `git apply`; exit 1 when there is something to fix.
      for (const p of problems) process.stderr.write(printable(p) + '\n');
      process.stdout.write(fixed.diff);
      return problems.length ? EXIT_TROUBLE : fixed.fixes ? EXIT_FINDINGS : EXIT_OK;
    }
    // Standard input's report, fixed, goes to standard output; the files were written and are checked again below.
    if (fixed.stdinText !== undefined) {
      tasks = tasks.map((task) => (task.given?.kind === 'text' ? { ...task, given: { ...task.given, text: fixed.stdinText! } } : task));
    }
  }
  const jobs = Math.min(opts.jobs ?? (worthWorkers(tasks) ? os.availableParallelism() : 1), tasks.length);
  const results =
    jobs > 1 && canUseWorkers()
      ? await checkInWorkers(tasks, jobs, { xxgkWorker: true, lang, bundle, run, importGate: importGateBuffer() })
      : await checkEach(tasks, run);
  for (const r of results) if (r.problem) problems.push(r.problem);

  // Warnings are counted before --quiet hides them: the limit is about the reports, --quiet only about the output.
  const counts = countFindings(results);
  const shown: readonly FileResult[] = opts.quiet ? onlyErrors(results) : results;
  for (const p of problems) process.stderr.write(printable(p) + '\n');
  const stdinFixed = opts.fix && stdin ? tasks.find((task) => task.given?.kind === 'text')?.given : undefined;
  if (stdinFixed?.kind === 'text') {
    // `xxgk check --fix -` is a filter: the fixed report on standard output, what is still wrong on standard error.
    process.stdout.write(stdinFixed.text);
    process.stderr.write(formatText(shown, useColour(process.stderr, process.env)));
  } else if (opts.format === 'json') process.stdout.write(formatJson(shown));
  else if (opts.format === 'csv') process.stdout.write(formatCsv(shown));
  else if (opts.format === 'sarif') process.stdout.write(formatSarif(shown, { version, rules: RULES, problems }));
  else process.stdout.write(formatText(shown, useColour(process.stdout, process.env)));

  if (problems.length) return EXIT_TROUBLE;
  if (counts.errors) return EXIT_FINDINGS;
  if (opts.maxWarnings !== undefined && counts.warnings > opts.maxWarnings) {
    process.stderr.write(t('警告共 {0} 个，超过 --max-warnings 允许的 {1} 个', counts.warnings, opts.maxWarnings) + '\n');
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** One file after another on this thread (an imported file is read asynchronously). */
async function checkEach(tasks: readonly CheckTask[], run: { today: string }): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const task of tasks) results.push(await checkFile(task, run));
  return results;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(t('必须是正整数'));
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(t('必须是 0 或正整数'));
  return n;
}

function buildProgram(): Command {
  const program = localizeCommander(new Command('xxgk'))
    .description(t('政府信息公开工作年度报告（.xxgk）检查工具'))
    .version(version, '-V, --version', t('显示版本号'))
    .helpOption('-h, --help', t('显示帮助'))
    .helpCommand('help [command]', t('显示命令的帮助'))
    .showHelpAfterError(t('（运行 xxgk check --help 查看用法）'))
    // Settings below are copied to subcommands, so they must come before .command().
    .exitOverride();

  program
    .command('check')
    .description(t('检查年报文件：文件、文件夹（其中所有 .xxgk / .xxgk.md 文件，.xxgkignore 所列的除外）、glob，或“-”（标准输入）；直接指定的 .docx、.doc、.html、.htm、.pdf、.txt 文件先导入再检查（行号指导入后的 .xxgk，与 xxgk import 的输出一致）'))
    .argument('<paths...>', t('要检查的文件、文件夹、glob 或“-”'))
    .addOption(new Option('-f, --format <format>', t('输出格式')).choices(['text', 'json', 'sarif', 'csv']).default('text'))
    .option('-c, --config <file>', t('配置文件（默认：每个文件所在文件夹及其上级中最近的 .xxgkrc.json）'))
    .addOption(new Option('--lang <lang>', t('消息语言（默认取自 LC_ALL / LANG）')).choices(['zh', 'en']))
    .addOption(new Option('-j, --jobs <n>', t('并行检查的线程数（默认：多于 {0} 个文件，或多于 {1} 个要导入的文件时，用全部 CPU）', PARALLEL_THRESHOLD, Math.floor(PARALLEL_THRESHOLD / IMPORT_WEIGHT))).argParser(parseJobs))
    .option('--import', t('文件夹中的 Word 文件、网页和 PDF（.docx、.doc、.html、.htm、.pdf）也导入并检查'))
    .option('--fix', t('自动修正可以安全修正的问题（合计、行标签、章节名称与编号、单元格中的单位、全角数字），写回文件'))
    .addOption(new Option('--fix-dry-run', t('只列出 --fix 会做的修改（统一 diff 格式），不写文件')).conflicts('fix'))
    .option('--stdin-filename <path>', t('从标准输入（-）读取时，把它当作这个文件：用于消息和查找 .xxgkrc.json'))
    .option('-q, --quiet', t('只报告错误，不显示警告和提示'))
    .addOption(new Option('--max-warnings <n>', t('警告多于 n 个时以退出码 1 结束')).argParser(parseCount))
    .action(async (paths: string[], opts: CheckOptions) => {
      process.exitCode = await check(paths, opts);
    });
  registerRender(program);
  registerImport(program);
  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  // Output piped into `head` closes early; that is not a failure worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw err;
  });
  try {
    // Help and usage errors come before any command runs: their language is read from the arguments here.
    const lang = langFromArgv(argv) ?? langFromEnv(process.env);
    applyLang(lang, lang === 'en' ? loadEnglishBundle() : undefined);
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has printed the message; --help and --version exit 0, every usage error 2.
      process.exitCode = err.exitCode === 0 ? EXIT_OK : EXIT_TROUBLE;
      return;
    }
    const detail = process.env.XXGK_DEBUG && err instanceof Error ? err.stack : err instanceof Error ? err.message : String(err);
    process.stderr.write(t('内部错误：{0}（设置 XXGK_DEBUG=1 可看到详情），请报告此问题', String(detail)) + '\n');
    process.exitCode = EXIT_TROUBLE;
  }
}

// One bundle serves as the command, its check workers and its import worker.
if (isImportWorker()) runImportWorker();
else if (isCheckWorker()) runWorker();
else void main(process.argv);
