// A TypeScript user of mubiao. tests/pack/types.test.mjs type-checks it in a
// fresh project as a bundler app (.ts), a Node ES module (.mts) and a Node
// CommonJS module (.cts), with and without the DOM library, then compiles and
// runs it. `@ts-expect-error` marks what the types must refuse.
import { createAnalyzer } from 'mubiao';
import * as mubiao from 'mubiao';
import type {
  AlignRun,
  Analysis,
  Analyzer,
  AnalyzeOptions,
  Cleaned,
  Comparator,
  DropReason,
  Keyword,
  KeywordOptions,
  Meta,
  Options,
  SegmentOptions,
  Span,
  Status,
  Target,
  Token,
  UserWords,
  WarningCode,
} from 'mubiao';

/** Compiles only when `A` and `B` are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function same<A, B>(_proof: Same<A, B>): void {}

export async function main(article: string): Promise<string[]> {
  const options: Options = { hmm: false, userDict: '撸起袖子 1000 v', maxInputBytes: null };
  const analyzer: Analyzer = await createAnalyzer(options);
  await createAnalyzer(undefined, {});

  const analysis = analyzer.analyze(article, { tokens: false, keywords: { top: 0 }, keepLines: [], date: '2017' });
  same<typeof analysis, Analysis>(true);
  const { meta, text, targets, dropped, alignment, warnings } = analysis;
  same<typeof meta, Meta>(true);
  const title: string | null = meta.title;
  const lines: string[] = [title ?? '(no title)'];

  for (const t of targets) {
    same<typeof t, Target>(true);
    const [start, end]: Span = t.span;
    lines.push(`${t.indicator} ${t.comparator} ${t.value}${t.unit} ${t.status} ${t.period ?? '?'}: ${text.slice(start, end)}`);
    const comparator: Comparator = t.comparator;
    const status: Status = t.status;
    const codes: WarningCode[] = t.warnings;
    lines.push(`${comparator} ${status} ${codes.join(',')}`);
    if (t.sourceSpan) lines.push(article.slice(...t.sourceSpan));
  }
  const reasons: DropReason[] = dropped.map((d) => d.reason);
  const runs: AlignRun[] = alignment;
  same<AlignRun, [number, number, number, number]>(true);
  lines.push(reasons.join(','), String(runs.length));
  lines.push(...warnings.map((w) => `${w.code}: ${w.message}`));

  const cleaned: Cleaned = analyzer.clean(article, { keepLines: [1] });
  const format: 'text' | 'html' = cleaned.format;
  const segmentOptions: SegmentOptions = { mode: 'search', hmm: null, pos: true };
  const tokens: Token[] = analyzer.segment('撸起袖子加油干', segmentOptions);
  const tags: Array<string | undefined> = tokens.map((t) => t.tag);
  const keywordOptions: KeywordOptions = { method: 'tfIdf', top: 5, pos: ['n'] };
  const keywords: Keyword[] = analyzer.keywords(article, keywordOptions);
  const weights: number[] = keywords.map((k) => k.weight);
  const analyzeOptions: AnalyzeOptions = { keywords: keywordOptions };
  const only: Target[] = analyzer.targets(article, analyzeOptions);
  const words: UserWords = ['加油干 100 v', { word: '放管服', freq: null, tag: 'n' }, { word: '双创' }];
  const added: number = analyzer.addWords(words) + analyzer.addWords('稳中求进 10');
  lines.push(format, tags.join(','), String(weights.length), String(only.length), String(added));

  analyzer.free();
  return lines;
}

/** What the types refuse; never called. */
export function refused(analyzer: Analyzer): void {
  // @ts-expect-error a text must be a string
  analyzer.analyze(42);
  // @ts-expect-error there is no such mode
  analyzer.segment('文本', { mode: 'fast' });
  // @ts-expect-error a misspelt option
  analyzer.analyze('文本', { token: false });
  // @ts-expect-error hmm is a boolean
  void createAnalyzer({ hmm: 'yes' });
  // @ts-expect-error Analyzer is only a type: analyzers come from createAnalyzer()
  void new mubiao.Analyzer();
  // @ts-expect-error a span has two ends
  const wrong: Span = [1, 2, 3];
  // @ts-expect-error status is target or actual
  const planned: Status = 'plan';

  void [wrong, planned];
}
