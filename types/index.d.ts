// Types of the mubiao package. Every result is a plain object (it survives
// postMessage and structuredClone); every span is a pair of UTF-16 offsets,
// so `text.slice(span[0], span[1])` is the spanned text.

/** A half-open range `[start, end)` of UTF-16 offsets. */
export type Span = [start: number, end: number];

/** How an analyzer is built. */
export interface Options {
  /** Guess words missing from the dictionary with jieba's HMM (default false). */
  hmm?: boolean;
  /** Extra words in jieba's `word [freq] [tag]` format, one a line. */
  userDict?: string | null;
  /** Inputs longer than this many UTF-8 bytes are refused (default 64 MiB; null: no limit). */
  maxInputBytes?: number | null;
}

/** Options of one analysis. */
export interface AnalyzeOptions {
  /** Include the words with part-of-speech tags (default true). */
  tokens?: boolean;
  /** How to pick keywords; `top: 0` skips them. */
  keywords?: KeywordOptions;
  /** Input lines (1-based, as in `Dropped.line`) the user took back. */
  keepLines?: number[];
  /** Date relative words (今年) are read against when the page has none: `2017` or `2017-02-15`. */
  date?: string | null;
}

export interface CleanOptions {
  /** Input lines (1-based, as in `Dropped.line`) to keep whatever they look like. */
  keepLines?: number[];
}

export type Mode = 'precise' | 'search' | 'full';

export interface SegmentOptions {
  /** precise (default): each character in one word; search: plus the words inside long words; full: every dictionary word. */
  mode?: Mode;
  /** Guess unknown words with the HMM; default: the analyzer's setting. */
  hmm?: boolean | null;
  /** Tag each word with its part of speech (precise mode). */
  pos?: boolean;
}

export interface KeywordOptions {
  method?: 'textRank' | 'tfIdf';
  /** How many keywords, best first (default 10). */
  top?: number;
  /** Keep only these part-of-speech tags; empty keeps all. */
  pos?: string[];
  /** Words never to give as keywords, besides the built-in list. */
  stopWords?: string[];
}

/** Extra words: jieba's `word [freq] [tag]` lines, or a list of such lines or entries. */
export type UserWords = string | Array<string | { word: string; freq?: number | null; tag?: string | null }>;

export interface Meta {
  /** The headline: not the site, the column or a kicker line. */
  title: string | null;
  subtitle: string | null;
  /** ISO 8601: `2017-02-15T10:20:01`, `2017-02-15` or `2017-02`. */
  date: string | null;
  /** 来源: the newspaper or site. */
  source: string | null;
  /** Reporters (记者). */
  authors: string[];
  /** 责任编辑, 审核, 终审 … */
  editors: Editor[];
  clicks: number | null;
  /** The column, from the breadcrumb. */
  column: string | null;
  site: string | null;
}

export interface Editor {
  role: string;
  name: string;
}

export type DropReason =
  | 'breadcrumb'
  | 'navigation'
  | 'share'
  | 'meta-line'
  | 'title'
  | 'repeated-title'
  | 'subtitle'
  | 'image-file'
  | 'photo-caption'
  | 'disclaimer'
  | 'editor-credit'
  | 'prev-next'
  | 'copyright'
  | 'epaper-header'
  | 'related-news'
  | 'interaction'
  | 'date'
  | 'other';

/** A line of the input that is not in the text. */
export interface Dropped {
  /** The line as pasted. */
  text: string;
  reason: DropReason;
  /** 1-based line number in the input; pass it in `keepLines` to take the line back. */
  line: number;
  /** Where the line sits in the input. */
  span: Span;
}

/** `[textStart, textEnd, sourceStart, sourceEnd]`: a piece of `text` and where it came from in the input. */
export type AlignRun = [textStart: number, textEnd: number, sourceStart: number, sourceEnd: number];

export interface Token {
  word: string;
  /** Where the word sits in the text it was cut from. */
  span: Span;
  /** Part of speech (jieba's tag set), when asked for. */
  tag?: string;
}

export interface Keyword {
  word: string;
  weight: number;
  tag: string;
}

export type Quantity = 'growth' | 'level' | 'multiple' | 'share';
export type Comparator = '=' | '>=' | '>' | '~' | '<=' | '<' | 'range';
export type Status = 'target' | 'actual';
export type WarningCode =
  | 'no-title'
  | 'no-date'
  | 'no-body'
  | 'no-period'
  | 'unit-guessed'
  | 'points-or-percent'
  | 'odd-number';

/** One goal or result with its number (see spec/targets.md). */
export interface Target {
  /** Canonical indicator name; the phrase as written when none fits. */
  indicator: string;
  /** The indicator words exactly as in the text. */
  surface: string;
  quantity: Quantity;
  value: number;
  /** Upper end of a range. */
  valueHigh: number | null;
  /** Base unit after scaling: `%`, `百分点`, `元`, `个`, `倍`, … */
  unit: string;
  comparator: Comparator;
  status: Status;
  /** `2017`, `2011-2015` or `2013-01/2013-09`. */
  period: string | null;
  /** Start value of 从X增长到Y. */
  baseline: number | null;
  subject: string | null;
  /** The shortest part of `text` holding the indicator and the number. */
  evidence: string;
  /** Where `evidence` sits in the cleaned text. */
  span: Span;
  /** Where `evidence` came from in the input. */
  sourceSpan: Span | null;
  warnings: WarningCode[];
}

export interface Qualitative {
  indicator: string;
  status: Status;
  evidence: string;
  span: Span;
}

export interface Warning {
  code: WarningCode;
  message: string;
  span: Span | null;
}

export interface Analysis {
  meta: Meta;
  /** The article body, paragraphs separated by `\n`. */
  text: string;
  dropped: Dropped[];
  alignment: AlignRun[];
  tokens: Token[];
  keywords: Keyword[];
  targets: Target[];
  qualitative: Qualitative[];
  warnings: Warning[];
}

export interface Cleaned {
  text: string;
  meta: Meta;
  dropped: Dropped[];
  alignment: AlignRun[];
  format: 'text' | 'html';
}

/** Built once (it loads the dictionary), used for many texts. Errors are thrown as `Error`. */
export declare class Analyzer {
  constructor(options?: Options);
  /** Everything mubiao reads out of a pasted article. */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** The article body, metadata and removed lines. */
  clean(text: string, options?: CleanOptions): Cleaned;
  /** The words of `text` as given (not cleaned first). */
  segment(text: string, options?: SegmentOptions): Token[];
  keywords(text: string, options?: KeywordOptions): Keyword[];
  /** The targets; `span` indexes the cleaned text, `sourceSpan` the `text` given. */
  targets(text: string, options?: AnalyzeOptions): Target[];
  /** Adds words; returns how many. A bad entry rejects the whole list. */
  addWords(words: UserWords): number;
  /** Releases the analyzer's memory now rather than when it is garbage-collected. */
  free(): void;
}

/**
 * Loads the WebAssembly (once) and builds an analyzer. In browsers, `wasm`
 * may give the .wasm as a URL, Response, bytes or compiled module.
 */
export declare function createAnalyzer(
  options?: Options,
  load?: { wasm?: string | URL | Response | BufferSource | WebAssembly.Module },
): Promise<Analyzer>;
