// Types of the mubiao package (ES module entries; index.d.cts re-exports them
// for `require`). Every result is a plain object: it survives postMessage and
// structuredClone. Every span is a pair of UTF-16 offsets, so
// `text.slice(span[0], span[1])` is the spanned text. A test feeds real output
// through these types, so they say exactly what the analyzer returns.

/**
 * Loads mubiao's WebAssembly (once per page, worker or process) and builds an
 * analyzer. Build one and keep it: building loads the dictionary.
 *
 * @example
 * const analyzer = await createAnalyzer();
 * const { meta, targets } = analyzer.analyze(pastedArticle);
 *
 * @param options How the analyzer segments; see {@link Options}.
 * @param load Where browsers get the .wasm when it is not next to the module.
 * @throws Error when the WebAssembly cannot be loaded or an option is wrong.
 */
export declare function createAnalyzer(options?: Options, load?: LoadOptions): Promise<Analyzer>;

/**
 * The dictionary and lexicons, built once by {@link createAnalyzer}, used for
 * many texts. Every method returns plain data and throws `Error` (a
 * `TypeError` for a `text` that is not a string) with a message saying what
 * was wrong; after {@link Analyzer.free | free()} every method throws.
 */
export interface Analyzer {
  /**
   * Everything mubiao reads out of a pasted article: the cleaned text and its
   * metadata, the removed lines, the words, the keywords and the targets.
   * @param text The article as pasted: plain text or HTML, page chrome and all.
   */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /**
   * Only the cleaning step: the article body, its metadata and the removed lines.
   * @param text The article as pasted.
   */
  clean(text: string, options?: CleanOptions): Cleaned;
  /**
   * The words of `text` as given (it is not cleaned first); spans index `text`.
   * @param text Any Chinese text.
   */
  segment(text: string, options?: SegmentOptions): Token[];
  /**
   * The words that characterize `text` as given, best first.
   * @param text Any Chinese text.
   */
  keywords(text: string, options?: KeywordOptions): Keyword[];
  /**
   * Only the targets: like `analyze(text).targets`, without segmenting for
   * tokens and keywords. `span` indexes the cleaned text, `sourceSpan` the
   * `text` given.
   * @param text The article as pasted.
   */
  targets(text: string, options?: AnalyzeOptions): Target[];
  /**
   * Adds words to this analyzer's dictionary (other analyzers keep theirs).
   * A bad entry rejects the whole call and leaves the dictionary unchanged.
   * @returns How many words were added.
   */
  addWords(words: UserWords): number;
  /**
   * Releases the analyzer's memory now rather than when it is garbage
   * collected. Afterwards every method throws; a second `free()` does nothing.
   */
  free(): void;
}

/** How an analyzer is built. Every field is optional; a misspelt one is an error. */
export interface Options {
  /** Guess words missing from the dictionary with jieba's HMM (default `false`: it reads news text worse). */
  hmm?: boolean;
  /** Extra words in jieba's `word [freq] [tag]` format, one a line. */
  userDict?: string | null;
  /** Inputs longer than this many UTF-8 bytes are refused with an Error (default 64 MiB; `null`: no limit). */
  maxInputBytes?: number | null;
}

/**
 * Where browsers get the .wasm. Node reads it from the installed package and
 * ignores this.
 */
export interface LoadOptions {
  /** The .wasm as a URL, a fetch `Response`, its bytes or a compiled `WebAssembly.Module`; only the first load uses it. */
  wasm?: WasmSource;
}

// The DOM's types where the consumer has them (lib "dom" or "webworker"),
// nothing where it does not, so Node projects without those libs type-check.
type Instance<Name extends string> = typeof globalThis extends { [K in Name]: { prototype: infer T } } ? T : never;
type WasmModule = typeof globalThis extends { WebAssembly: { Module: { prototype: infer T } } } ? T : never;

/** A URL (string or `URL`), a `Response`, the bytes, or a compiled `WebAssembly.Module`. */
export type WasmSource = string | Instance<'URL'> | Instance<'Response'> | ArrayBuffer | ArrayBufferView | WasmModule;

/** Options of {@link Analyzer.analyze} and {@link Analyzer.targets}. */
export interface AnalyzeOptions {
  /** Include the words with part-of-speech tags in `tokens` (default `true`). */
  tokens?: boolean;
  /** How to pick `keywords`; `top: 0` skips them. */
  keywords?: KeywordOptions;
  /** Input lines (1-based, as in {@link Dropped.line}) the user took back: they stay in the text. */
  keepLines?: number[];
  /** What relative words (今年, 去年) are read against when the page has no date: `2017`, `2017-02` or `2017-02-15`. */
  date?: string | null;
}

/** Options of {@link Analyzer.clean}. */
export interface CleanOptions {
  /** Input lines (1-based, as in {@link Dropped.line}) to keep whatever they look like. */
  keepLines?: number[];
}

/**
 * How to cut: `precise` (default) puts each character in exactly one word;
 * `search` adds the dictionary words inside long words; `full` gives every
 * dictionary word found anywhere, overlapping.
 */
export type Mode = 'precise' | 'search' | 'full';

/** Options of {@link Analyzer.segment}. */
export interface SegmentOptions {
  /** How to cut (default `precise`). */
  mode?: Mode;
  /** Guess unknown words with the HMM; `null` or absent: the analyzer's setting. */
  hmm?: boolean | null;
  /** Tag each word with its part of speech in {@link Token.tag} (precise mode; default `false`). */
  pos?: boolean;
}

/** How keywords are picked: TextRank over the text, or TF-IDF against jieba's corpus. */
export type KeywordMethod = 'textRank' | 'tfIdf';

/** Options of {@link Analyzer.keywords} and of `keywords` in {@link AnalyzeOptions}. */
export interface KeywordOptions {
  /** TextRank (default) or TF-IDF. */
  method?: KeywordMethod;
  /** How many keywords, best first (default 10). */
  top?: number;
  /** Keep only words with these part-of-speech tags (default nouns and verbs: n, nz, vn, ns, nt, v); `[]` keeps all. */
  pos?: string[];
  /** Words never to give as keywords, besides the built-in list. */
  stopWords?: string[];
}

/**
 * Extra words: a whole dictionary in jieba's `word [freq] [tag]` format (one
 * a line), or a list whose items are such lines or {@link UserWord} objects.
 */
export type UserWords = string | Array<string | UserWord>;

/** One extra word. */
export interface UserWord {
  /** The word; no spaces. */
  word: string;
  /** How common it is (jieba's scale); absent: just enough to keep it whole. */
  freq?: number | null;
  /** Its part-of-speech tag. */
  tag?: string | null;
}

/** A half-open range `[start, end)` of UTF-16 offsets: `text.slice(start, end)`. */
export type Span = [start: number, end: number];

/** Everything mubiao reads out of one pasted article. */
export interface Analysis {
  /** What the page says about the article: title, date, source, people. */
  meta: Meta;
  /** The article body without the page chrome, paragraphs separated by `\n`. */
  text: string;
  /** Every line of the input that is not in `text`, and why. */
  dropped: Dropped[];
  /** Maps every part of `text` back to the pasted original. */
  alignment: AlignRun[];
  /** The words of `text` with part-of-speech tags (empty with `tokens: false`). */
  tokens: Token[];
  /** The words that characterize `text`, best first (empty with `keywords: { top: 0 }`). */
  keywords: Keyword[];
  /** Every planned goal and reported result with its number. */
  targets: Target[];
  /** Goals and results stated without a number. */
  qualitative: Qualitative[];
  /** Doubts about the input or its reading, as data. */
  warnings: Warning[];
}

/** What {@link Analyzer.clean} returns: the cleaning step of an {@link Analysis}. */
export interface Cleaned {
  /** The article body, paragraphs separated by `\n`. */
  text: string;
  /** What the page says about the article. */
  meta: Meta;
  /** Every line of the input that is not in `text`, and why. */
  dropped: Dropped[];
  /** Maps every part of `text` back to the input. */
  alignment: AlignRun[];
  /** How the input was read: as plain text or as HTML. */
  format: 'text' | 'html';
}

/** Metadata of the article, read from the page chrome around it; `null` or `[]` when the page does not say. */
export interface Meta {
  /** The headline: not the site, the column or a kicker line. */
  title: string | null;
  /** 副题: the line under the headline that explains it. */
  subtitle: string | null;
  /** 引题: the line over the headline. */
  kicker: string | null;
  /** ISO 8601: `2017-02-15T10:20:01`, `2017-02-15` or `2017-02`. */
  date: string | null;
  /** 来源: the newspaper or site the article comes from. */
  source: string | null;
  /** Reporters (记者) and other named writers. */
  authors: string[];
  /** 责任编辑, 审核, 终审 and the like. */
  editors: Editor[];
  /** The page's click or view count. */
  clicks: number | null;
  /** The column or section, from the breadcrumb. */
  column: string | null;
  /** The site the page belongs to. */
  site: string | null;
}

/** A person credited for editing the article. */
export interface Editor {
  /** The role as written: 责任编辑, 审核, 终审 … */
  role: string;
  /** The person's name. */
  name: string;
}

/** A line of the input that is not in the text. */
export interface Dropped {
  /** The line as pasted (for HTML: the text of the block). */
  text: string;
  /** Why it is not part of the article. */
  reason: DropReason;
  /** 1-based line number in the input; pass it in `keepLines` to take the line back. */
  line: number;
  /** Where the line sits in the input. */
  span: Span;
}

/**
 * Why a line is not part of the article: `breadcrumb` (您当前所在位置),
 * `navigation`, `share` (分享至, 打印, 字号), `meta-line` (时间/来源/点击量),
 * `title` (kept in `meta.title`), `repeated-title`, `subtitle`, `image-file`,
 * `photo-caption`, `disclaimer`, `editor-credit` (责任编辑), `prev-next`
 * (上一篇/下一篇), `copyright`, `epaper-header` (第N02版), `related-news`,
 * `interaction` (comment and login boxes), `date`, `other`.
 */
export type DropReason =
  | 'breadcrumb'
  | 'navigation'
  | 'share'
  | 'meta-line'
  | 'repeated-title'
  | 'subtitle'
  | 'image-file'
  | 'photo-caption'
  | 'disclaimer'
  | 'editor-credit'
  | 'prev-next'
  | 'copyright'
  | 'footer'
  | 'epaper-header'
  | 'related-news'
  | 'interaction'
  | 'date'
  | 'other';

/**
 * `[textStart, textEnd, sourceStart, sourceEnd]`: `text.slice(textStart,
 * textEnd)` comes from `input.slice(sourceStart, sourceEnd)`. A run whose
 * text differs from its source (a full-width digit made half-width) covers
 * one character.
 */
export type AlignRun = [textStart: number, textEnd: number, sourceStart: number, sourceEnd: number];

/** A word. */
export interface Token {
  /** The word as in the text. */
  word: string;
  /** Where the word sits in the text it was cut from. */
  span: Span;
  /** Part of speech (jieba's tag set: n, v, ns, m …), present when tagging was asked for. */
  tag?: string;
}

/** A word that characterizes the text. */
export interface Keyword {
  /** The word. */
  word: string;
  /** Its score; higher is more characteristic (the scale depends on the method). */
  weight: number;
  /** Its part-of-speech tag. */
  tag: string;
}

/**
 * What a target's number measures: `growth` (a rate of change: 增长8%,
 * 提高2个百分点), `level` (an amount or a count: 4.39亿元), `multiple` (1.4倍,
 * 翻番), `share` (a ratio that is not a change: 开工率93.3%, 城乡居民收入比2.31:1).
 */
export type Quantity = 'growth' | 'level' | 'multiple' | 'share';

/** The qualifier around the number: 以上 is `>=`, 左右 is `~`, 8%–9% is `range`. */
export type Comparator = '=' | '>=' | '>' | '~' | '<=' | '<' | 'range';

/** `target`: a plan or goal; `actual`: a reported result. */
export type Status = 'target' | 'actual';

/**
 * A doubt: `no-title`, `no-date` (relative periods stay open), `no-body`
 * (nothing looked like an article), `no-period`, `unit-guessed`,
 * `points-or-percent` (百分点 and % are easy to confuse), `odd-number`.
 */
export type WarningCode =
  | 'no-title'
  | 'no-date'
  | 'no-body'
  | 'no-period'
  | 'unit-guessed'
  | 'points-or-percent'
  | 'odd-number';

/** One planned goal or reported result with its number (docs/targets.md gives every field). */
export interface Target {
  /** Canonical indicator name (地区生产总值); the phrase as written when none fits. */
  indicator: string;
  /** The indicator words exactly as in the text. */
  surface: string;
  /** What the number measures. */
  quantity: Quantity;
  /** The number in `unit`, after scaling (4.39亿元 is 439000000 元). */
  value: number;
  /** The upper end of a range (`comparator: 'range'`). */
  valueHigh: number | null;
  /** Base unit after scaling: `%`, `百分点`, `元`, `个`, `倍`, `:1` (a ratio to one: 2.31:1), … */
  unit: string;
  /** The qualifier around the number. */
  comparator: Comparator;
  /** A goal or a result. */
  status: Status;
  /** `2017`, `2011-2015` or `2013-01/2013-09`; `null` when the text does not say. */
  period: string | null;
  /** The start value of 从X增长到Y, in `unit`. */
  baseline: number | null;
  /**
   * Who the figure is about, when the text names it: the place or project its
   * sentence names, else the place the article is about (the one its headline
   * or lead opens with), unless the figure's clause speaks of another whole
   * area (全省, 全国).
   */
  subject: string | null;
  /** The shortest part of the cleaned text holding the indicator and the number. */
  evidence: string;
  /** Where `evidence` sits in the cleaned text. */
  span: Span;
  /** Where `evidence` came from in the input, to show it in what the user pasted. */
  sourceSpan: Span | null;
  /** Why the figure may be doubtful. */
  warnings: WarningCode[];
}

/** A goal or result stated without a number (城乡居民收入较快增长). */
export interface Qualitative {
  /** The indicator, canonical when one fits. */
  indicator: string;
  /** A goal or a result. */
  status: Status;
  /** The words that state it. */
  evidence: string;
  /** Where `evidence` sits in the cleaned text. */
  span: Span;
}

/** A doubt, as data: show `message`, or filter and translate by `code`. */
export interface Warning {
  /** What kind of doubt. */
  code: WarningCode;
  /** An English sentence for people. */
  message: string;
  /** Where in the cleaned text the doubt is, if it is about one place. */
  span: Span | null;
}
