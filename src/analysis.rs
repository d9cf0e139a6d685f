//! The result types. They serialize to the camelCase JSON that the CLI prints
//! and the JS API returns; `types/index.d.ts` declares the same shapes.
//!
//! Spans are byte offsets inside Rust. At the boundary (the JS binding, the
//! CLI) they are converted once with [`Analysis::convert_offsets`].

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` into a text, serialized as `[start, end]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span(pub usize, pub usize);

impl Span {
    pub fn start(self) -> usize {
        self.0
    }
    pub fn end(self) -> usize {
        self.1
    }
    pub fn len(self) -> usize {
        self.1.saturating_sub(self.0)
    }
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// Everything mubiao reads out of one pasted article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// What the page says about the article: title, date, source, people.
    pub meta: Meta,
    /// The article body, paragraphs separated by `\n`.
    pub text: String,
    /// Every line of the input that is not in `text`, and why.
    pub dropped: Vec<Dropped>,
    /// Maps every part of `text` back to the pasted original.
    pub alignment: Alignment,
    /// Words of `text` with part-of-speech tags (empty when not asked for).
    pub tokens: Vec<Token>,
    /// The words that characterize `text`, best first.
    pub keywords: Vec<Keyword>,
    /// Every quantitative goal and result (see `spec/targets.md`).
    pub targets: Vec<Target>,
    /// Goals and results stated without a number.
    pub qualitative: Vec<Qualitative>,
    /// Doubts about the input or the reading of it, as data.
    pub warnings: Vec<Warning>,
}

/// Metadata of the article, read from the page chrome around it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// The headline: not the site, the column or a kicker line. It is also
    /// the first line of the text.
    pub title: Option<String>,
    /// 副题: the line under the headline (without its leading dash).
    pub subtitle: Option<String>,
    /// 引题: the line over the headline.
    pub kicker: Option<String>,
    /// ISO 8601: `2017-02-15T10:20:01`, `2017-02-15` or `2017-02`.
    pub date: Option<String>,
    /// 来源: the newspaper or site the article comes from.
    pub source: Option<String>,
    /// Reporters (记者) and other named writers.
    pub authors: Vec<String>,
    /// 责任编辑, 审核, 终审 and the like, with the role as written.
    pub editors: Vec<Editor>,
    /// The page's click or view count.
    pub clicks: Option<u64>,
    /// The column or section, from the breadcrumb.
    pub column: Option<String>,
    /// The site the page belongs to.
    pub site: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Editor {
    pub role: String,
    pub name: String,
}

/// A line of the input that cleaning removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dropped {
    /// The line as it was pasted (for HTML: the text of the block).
    pub text: String,
    pub reason: DropReason,
    /// 1-based line number in the input (for HTML: in the source).
    pub line: usize,
    /// Where the line sits in the input.
    pub span: Span,
}

/// Why a line is not part of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DropReason {
    /// 您当前所在位置: 首页 > 新闻 > 正文
    Breadcrumb,
    /// Site navigation and menus.
    Navigation,
    /// 分享至, 扫一扫, 打印, 字号 大 中 小, 关闭窗口
    Share,
    /// 时间: … 来源: … 点击量: …
    MetaLine,
    /// A headline printed a second time.
    RepeatedTitle,
    /// A subtitle (副题) or kicker (引题) line, kept in `meta`.
    Subtitle,
    /// `wangk170269.jpg`
    ImageFile,
    /// A short caption under a photo.
    PhotoCaption,
    /// 免责声明
    Disclaimer,
    /// 责任编辑, 审核, 终审
    EditorCredit,
    /// 上一篇 / 下一篇
    PrevNext,
    /// 版权所有, ICP备
    Copyright,
    /// 网站地图, 联系我们, 主办单位, 地址, 联系电话: the site's footer.
    Footer,
    /// 第N02版, 上一版, 返回主页: the header of an e-paper page.
    EpaperHeader,
    /// 相关新闻, 推荐阅读 and their lists.
    RelatedNews,
    /// Comment prompts, login boxes, "扫码关注".
    Interaction,
    /// A page's date written on its own lines.
    Date,
    /// Anything else outside the article.
    Other,
}

/// The map from `text` back to the pasted original: an ordered list of runs,
/// each copied from one place in the original. A run whose text differs from
/// its source (a full-width digit made half-width) covers one character.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Alignment {
    pub runs: Vec<AlignRun>,
}

/// `text[text.0..text.1]` comes from `source[source.0..source.1]`.
/// Serialized as `[textStart, textEnd, sourceStart, sourceEnd]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "[usize; 4]", into = "[usize; 4]")]
pub struct AlignRun {
    pub text: Span,
    pub source: Span,
}

impl From<[usize; 4]> for AlignRun {
    fn from(a: [usize; 4]) -> Self {
        AlignRun {
            text: Span(a[0], a[1]),
            source: Span(a[2], a[3]),
        }
    }
}

impl From<AlignRun> for [usize; 4] {
    fn from(r: AlignRun) -> Self {
        [r.text.0, r.text.1, r.source.0, r.source.1]
    }
}

impl Alignment {
    /// The part of the original that `span` of the text came from. Positions
    /// inside a run that was rewritten map to the whole run.
    pub fn to_source(&self, span: Span) -> Option<Span> {
        let start = self.source_pos(span.0, false)?;
        let end = self.source_pos(span.1, true)?;
        Some(Span(start, end.max(start)))
    }

    fn source_pos(&self, pos: usize, is_end: bool) -> Option<usize> {
        // The run holding `pos`; an end position belongs to the run it closes.
        let i = self.runs.partition_point(|r| {
            if is_end {
                r.text.1 < pos
            } else {
                r.text.1 <= pos
            }
        });
        let run = self.runs.get(i).or(self.runs.last())?;
        let verbatim = run.text.len() == run.source.len();
        let offset = pos.saturating_sub(run.text.0).min(run.text.len());
        Some(if verbatim {
            run.source.0 + offset
        } else if is_end && offset > 0 {
            run.source.1
        } else {
            run.source.0
        })
    }
}

/// A word of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Token {
    pub word: String,
    pub span: Span,
    /// Part-of-speech tag (jieba's tag set), when tagging was asked for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tag: Option<String>,
}

/// A word that characterizes the text, with its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Keyword {
    pub word: String,
    pub weight: f64,
    pub tag: String,
}

/// One quantitative statement about an indicator: a goal or a result.
/// The meaning of every field is fixed in `spec/targets.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// Canonical indicator name; the phrase as written when none fits.
    pub indicator: String,
    /// The indicator words exactly as in the text.
    pub surface: String,
    pub quantity: Quantity,
    pub value: f64,
    pub value_high: Option<f64>,
    /// Base unit after scaling: `%`, `百分点`, `元`, `个`, `倍`, …
    pub unit: String,
    pub comparator: Comparator,
    pub status: Status,
    /// `2017`, `2011-2015` or `2013-01/2013-09`; `None` when the text does not say.
    pub period: Option<String>,
    /// The starting value of "从X增长到Y", in the unit of `value`.
    pub baseline: Option<f64>,
    /// Who the figure is about, when the text names it.
    pub subject: Option<String>,
    /// The shortest substring of `text` holding the indicator and the number.
    pub evidence: String,
    /// Where `evidence` sits in `text`.
    pub span: Span,
    /// Where `evidence` came from in the pasted original.
    pub source_span: Option<Span>,
    /// Why the figure may be doubtful.
    pub warnings: Vec<WarningCode>,
}

/// What a target's number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Quantity {
    /// A rate of change: 增长8%, 下降46.1%, 提高2个百分点.
    Growth,
    /// An amount or a count: 4.39亿元, 43个.
    Level,
    /// 增长一倍, 1.4倍, 翻番.
    Multiple,
    /// A ratio that is not a change: 开工率93.3%.
    Share,
}

/// The qualifier around the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "~")]
    Approx,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "range")]
    Range,
}

impl Comparator {
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Eq => "=",
            Comparator::Ge => ">=",
            Comparator::Gt => ">",
            Comparator::Approx => "~",
            Comparator::Le => "<=",
            Comparator::Lt => "<",
            Comparator::Range => "range",
        }
    }
}

/// A plan or a reported result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Target,
    Actual,
}

impl Quantity {
    pub fn as_str(self) -> &'static str {
        match self {
            Quantity::Growth => "growth",
            Quantity::Level => "level",
            Quantity::Multiple => "multiple",
            Quantity::Share => "share",
        }
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Target => "target",
            Status::Actual => "actual",
        }
    }
}

/// A goal or result stated without a number (城乡居民收入较快增长).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Qualitative {
    pub indicator: String,
    pub status: Status,
    pub evidence: String,
    pub span: Span,
}

/// A doubt, as data: the page shows it, a script can filter on `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: WarningCode,
    /// An English sentence for people; the page translates by `code`.
    pub message: String,
    /// Where in `text` the doubt is, if it is about one place.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum WarningCode {
    /// No title could be told apart from the page chrome.
    NoTitle,
    /// The page carries no date; relative periods (今年) stay unresolved.
    NoDate,
    /// Nothing of the input looked like an article body.
    NoBody,
    /// A target's period could not be found.
    NoPeriod,
    /// A target's unit was inferred, not written.
    UnitGuessed,
    /// 百分点 and % are easy to confuse; this figure should be checked.
    PointsOrPercent,
    /// The number is written in an unusual or ambiguous way.
    OddNumber,
}

/// How spans are counted at a boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Offsets {
    /// UTF-8 bytes: Rust's `&text[start..end]`.
    #[default]
    Byte,
    /// Unicode scalar values: Python's `text[start:end]`, jq.
    Char,
    /// UTF-16 code units: JavaScript's `text.slice(start, end)`.
    Utf16,
}
