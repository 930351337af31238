import * as os from 'node:os';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from '../../../package.json';
import { RULES, type XxgkConfig } from '../core/index';
import { t } from '../core/i18n';
import { checkFile, localToday } from './check-file';
import { ConfigResolver, loadConfigFile } from './config';
import { expandPaths } from './files';
import { documentExtensions } from '../core/import/readers/index';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText, useColour } from './format-text';
import { applyLang, langFromEnv, loadEnglishBundle, type Lang } from './locale';
import { canUseWorkers, checkInWorkers, isCheckWorker, PARALLEL_THRESHOLD, runWorker } from './pool';
import { registerImport } from './import';
import { registerRender } from './render';
import { countFindings } from './summary';
import type { CheckTask, FileResult } from './types';
import { withPreviousYears } from './cross-year';

/** Exit codes: no error found, errors found, the run itself went wrong (usage, missing or unreadable files, bad config). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

type OutputFormat = 'text' | 'json' | 'sarif';
interface CheckOptions {
  readonly format: OutputFormat;
  readonly config?: string;
  readonly lang?: Lang;
  readonly jobs?: number;
  /** Folders also give their Word files and web pages, imported on the fly. */
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
      process.stderr.write(loaded.error + '\n');
      return EXIT_TROUBLE;
    }
    explicit = loaded.config;
  }

  const { files, problems } = await expandPaths(paths, cwd, { documents: opts.import ? documentExtensions() : undefined });
  const resolver = new ConfigResolver(cwd, explicit);
  let tasks: CheckTask[] = [];
  // A broken .xxgkrc.json is reported once; the files under it are left unchecked rather than checked wrongly.
  const unchecked = new Map<string, number>();
  for (const f of files) {
    const { config, error } = resolver.forFile(f.path);
    if (error !== undefined) unchecked.set(error, (unchecked.get(error) ?? 0) + 1);
    else tasks.push({ path: f.path, file: f.file, config });
  }
  for (const [error, count] of unchecked) problems.push(error + '\n' + t('（使用此配置的 {0} 个文件未检查）', count));

  tasks = withPreviousYears(tasks);
  const run = { today: localToday() };
  const jobs = Math.min(opts.jobs ?? (tasks.length > PARALLEL_THRESHOLD ? os.availableParallelism() : 1), tasks.length);
  const results =
    jobs > 1 && canUseWorkers()
      ? await checkInWorkers(tasks, jobs, { xxgkWorker: true, lang, bundle, run })
      : await checkEach(tasks, run);
  for (const r of results) if (r.problem) problems.push(r.problem);

  for (const p of problems) process.stderr.write(p + '\n');
  if (opts.format === 'json') process.stdout.write(formatJson(results));
  else if (opts.format === 'sarif') process.stdout.write(formatSarif(results, { version, rules: RULES, problems }));
  else process.stdout.write(formatText(results, useColour(process.stdout, process.env)));

  if (problems.length) return EXIT_TROUBLE;
  return countFindings(results).errors ? EXIT_FINDINGS : EXIT_OK;
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

function buildProgram(): Command {
  const program = new Command('xxgk')
    .description('政府信息公开工作年度报告（.xxgk）检查工具')
    .version(version, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示命令的帮助')
    .showHelpAfterError(t('（运行 xxgk check --help 查看用法）'))
    // Settings below are copied to subcommands, so they must come before .command().
    .exitOverride();

  program
    .command('check')
    .description(
      '检查年报文件：文件、文件夹（其中所有 .xxgk / .xxgk.md 文件）或 glob；直接指定的 .docx、.doc、.html、.htm、.txt 文件先导入再检查（行号指导入后的 .xxgk，与 xxgk import 的输出一致）',
    )
    .argument('<paths...>', '要检查的文件、文件夹或 glob')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json', 'sarif']).default('text'))
    .option('-c, --config <file>', '配置文件（默认：每个文件所在文件夹及其上级中最近的 .xxgkrc.json）')
    .addOption(new Option('--lang <lang>', '消息语言（默认取自 LC_ALL / LANG）').choices(['zh', 'en']))
    .addOption(new Option('-j, --jobs <n>', `并行检查的线程数（默认：多于 ${PARALLEL_THRESHOLD} 个文件时用全部 CPU）`).argParser(parseJobs))
    .option('--import', '文件夹中的 Word 文件和网页（.docx、.doc、.html、.htm）也导入并检查')
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

// One bundle serves as the command and as its check workers.
if (isCheckWorker()) runWorker();
else void main(process.argv);
