//! Targets: every planned goal and reported result with its number, as a
//! record (`spec/targets.md`).
//!
//! The text is read paragraph by paragraph, sentence by sentence. Headings
//! set the section's status and period (`一、2022年工作回顾`, `2017年经济社会
//! 发展预期目标`). In each sentence the numbers are found
//! ([`numbers::find_numbers`]), those that are not figures are dropped
//! (dates, ordinals, names, slogans: [`patterns::rejected`]), and each figure
//! gets its indicator ([`indicator`]), quantity and sign ([`patterns`]),
//! status ([`status`]), period ([`period`]) and subject ([`subject`]).
//! Structures that tie numbers together — 从X增长到Y, 分别, 均, a list of
//! indicators sharing one rate — are read before the figures one by one.
//!
//! ```
//! use mubiao::extract::extract;
//! use mubiao::lexicon::Lexicon;
//! use mubiao::{Meta, Quantity, Status};
//!
//! let meta = Meta { date: Some("2017-02-15".into()), ..Meta::default() };
//! let found = extract("预期目标是：生产总值同比增长8%以上。", &meta, Lexicon::builtin());
//! let t = &found.targets[0];
//! assert_eq!((t.indicator.as_str(), t.quantity, t.value), ("地区生产总值", Quantity::Growth, 8.0));
//! assert_eq!((t.status, t.period.as_deref()), (Status::Target, Some("2017")));
//! ```

mod indicator;
mod patterns;
mod period;
mod qualitative;
mod status;
mod subject;
mod table;
mod text;
mod words;

use std::borrow::Cow;

use crate::analysis::{
    Comparator, Meta, Qualitative, Quantity, Span, Status, Target, Warning, WarningCode,
};
use crate::charset::CharSet;
use crate::lexicon::Lexicon;
use crate::numbers::{self, Number, UnitKind};

use indicator::Matcher;
use period::{Mention, Period, Resolved};
use status::Cue;
use text::Part;

/// What extraction finds in a cleaned text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub targets: Vec<Target>,
    pub qualitative: Vec<Qualitative>,
    pub warnings: Vec<Warning>,
}

/// Reads the targets of `text`; `meta` is its metadata, whose date resolves
/// relative periods.
pub fn extract(text: &str, meta: &Meta, lexicon: &Lexicon) -> Extraction {
    let local;
    let matcher = if std::ptr::eq(lexicon, Lexicon::builtin()) {
        indicator::builtin()
    } else {
        local = Matcher::new(lexicon);
        &local
    };
    // Cue words are read once over the whole text, periods once over the
    // paragraphs that may hold a figure; each sentence takes its share.
    let paragraphs = text::paragraphs(text);
    let figures: Vec<bool> = paragraphs
        .iter()
        .map(|p| may_hold_figure(p.of(text)))
        .collect();
    let mut mentions = Vec::new();
    let mut cues = Vec::new();
    for (p, &figures) in paragraphs.iter().zip(&figures) {
        let para = p.of(text);
        // A paragraph without figures matters only for goals stated without
        // a number, and those are stated as goals (目标).
        if !figures && !para.contains("目标") {
            continue;
        }
        status::cues_into(para, p.start, &mut cues);
        if figures {
            period::mentions_into(para, p.start, &mut mentions);
        }
    }
    let dated_present = period::present_year(meta, &mentions);
    let present = dated_present.or_else(|| reviewed_year(text, &paragraphs).map(|y| y + 1));
    let late = period::late_in(meta, dated_present);
    period::end_spans_since(text, &mut mentions, present);
    // A news page whose first paragraph tells what happened on a day (2月19日，
    // …举办…) reports: its figures with nothing to say otherwise are
    // results, whatever plans it also quotes. Not a document the news only
    // introduces (a work report printed in a paper: 1月24日，…开幕。…), whose
    // plans are what it is about.
    let today = period::article_day(meta);
    let title = meta.title.as_deref().map(str::trim);
    // The first paragraph when it is the page's title, as cleaning leaves it.
    let title_para = paragraphs
        .first()
        .copied()
        .filter(|p| title == Some(p.of(text).trim()));
    let document = title.is_some_and(|t| {
        [
            "报告", "规划", "纲要", "计划", "方案", "意见", "通知", "讲话",
        ]
        .iter()
        .any(|w| t.contains(w))
    });
    let lead = paragraphs
        .get(usize::from(title_para.is_some()))
        .map(|p| p.of(text));
    let default_status = if !document && lead.is_some_and(|p| opens_with_past_day(p, today)) {
        Status::Actual
    } else {
        status::of_document(meta.title.as_deref().unwrap_or(""), &cues)
    };
    // 比预期目标高, 超计划: what a figure is compared with is no plan of the
    // sentence's (the document's balance of cues above still counts them).
    cues.retain(|c| !status::compared(text, c));
    let mut doc = Doc {
        text,
        matcher,
        present,
        late,
        plans_next_year: document && late,
        dated: period::article_month(meta),
        today,
        title_period: period::title_period(meta),
        default_status,
        // (an undated report whose present is the year after the one it
        // reviews is read early in that year too)
        reviews_last_year: document
            && (period::article_month(meta).is_some_and(|(_, month)| month <= 3)
                || (dated_present.is_none() && present.is_some())),
        mentions: &mentions,
        cues: &cues,
        mentions_before: 0,
        cues_before: 0,
        sections: Default::default(),
        lead_in_under: None,
        other_time: None,
        word_figures: false,
        scratch: Scratch::default(),
        out: Extraction::default(),
    };
    let mut table: Option<table::Header> = None;
    let mut caption = None;
    let mut table_unit = None;
    for (i, (&para, figures)) in paragraphs.iter().zip(figures).enumerate() {
        let line = para.of(text);
        if let Some(header) = &table {
            if table::is_rule(line) {
                continue;
            }
            let reader = table::Reader {
                header,
                matcher,
                present,
                late: doc.late,
                caption,
                unit: table_unit,
            };
            if let Some(found) = reader.row(text, para) {
                doc.out.targets.extend(found);
                continue;
            }
            table = None;
        }
        if let Some(header) = table::header(line) {
            table = Some(header);
            let before = paragraphs.get(i.saturating_sub(2)..i).unwrap_or(&[]);
            caption = doc.table_caption(text, before);
            table_unit = before
                .iter()
                .rev()
                .find_map(|p| table::stated_unit(p.of(text)));
            continue;
        }
        if text::is_heading(line) && !has_figure(line) {
            // The title's words of plan or review reach the body only
            // through the document's leaning: as a heading's they would
            // overrule the body's own cues (研究部署稳经济促增长工作 over a
            // half-year's results). Its period heads the body.
            doc.heading(line, !(i == 0 && title_para.is_some()));
            continue;
        }
        doc.paragraph(para, figures);
        if text::is_lead_in(line) {
            doc.heading(line, true);
        }
    }
    let mut out = doc.out;
    if let Some(title) = title_para {
        drop_headline_repeats(&mut out.targets, title.end);
    }
    // The figures no sentence names a subject for are the article's place's,
    // unless their clause speaks of another whole area (全省…).
    let heads = title
        .filter(|_| title_para.is_none())
        .into_iter()
        .chain(paragraphs.iter().take(4).map(|p| p.of(text)));
    if let Some(place) = subject::of_article(text, title.unwrap_or(""), heads) {
        for t in out.targets.iter_mut().filter(|t| t.subject.is_none()) {
            if subject::in_scope_of(text::clause_to(text, t.span.start(), t.span.end()), place) {
                t.subject = Some(place.to_string());
            }
        }
    }
    out
}

/// The year an undated report reviews first (`一、2014年工作回顾`, `2025年工作及
/// “十四五”时期发展回顾`): a report is given early in the year after it, so
/// that year is its present.
fn reviewed_year(text: &str, paragraphs: &[Part]) -> Option<i32> {
    paragraphs
        .iter()
        .take(40)
        .map(|p| p.of(text))
        .filter(|line| text::heading_level(line) > 0)
        .find(|line| status::of_heading(line) == Some(Status::Actual))
        .and_then(|line| {
            period::mentions(line)
                .into_iter()
                .find(|m| !m.baseline)
                .and_then(|m| match m.period {
                    Period::Year(y) => Some(y),
                    _ => None,
                })
        })
}

/// The last clause of `body` (after its last comma, colon, semicolon or
/// stop) and where it starts.
fn final_clause(body: &str) -> (usize, &str) {
    let start = body
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start, body.get(start..).unwrap_or(""))
}

/// Measures written bare, without what they measure (接待量突破300万人次).
const BARE_MEASURES: [&str; 10] = [
    "接待量",
    "增加值",
    "产值",
    "总产值",
    "销售额",
    "营业额",
    "交易额",
    "成交额",
    "吞吐量",
    "实现程度",
];

/// Words that say how a topic fares, after it (研学游持续升温, 进程加快,
/// 民营经济发展迅速).
const FARES: [&str; 16] = [
    "持续",
    "加快",
    "不断",
    "稳步",
    "快速",
    "蓬勃",
    "显著",
    "明显",
    "大幅",
    "进一步",
    "迅速",
    "势头",
    "发展",
    "保持",
    "集聚",
    "重点",
];

/// A headline's figure that the body states again (空气质量优良天数比例达87.4%
/// over a report of the year) is one fact: the body's record, with the
/// sentence's time and verbs around it, stands for it. A figure only the
/// headline gives stays.
fn drop_headline_repeats(targets: &mut Vec<Target>, title_end: usize) {
    // In place: the headline's few targets are marked, and the body stays
    // where it is (splitting it off and appending it again copied every
    // target of the page twice).
    let split = targets.partition_point(|t| t.span.end() <= title_end);
    let (head, body) = targets.split_at(split);
    let repeated: Vec<bool> = head
        .iter()
        .map(|t| {
            body.iter()
                .any(|b| b.value == t.value && b.unit == t.unit && b.quantity == t.quantity)
        })
        .collect();
    // retain visits the targets in order: the first `split` are the head's.
    let mut i = 0;
    targets.retain(|_| {
        let keep = !repeated.get(i).copied().unwrap_or(false);
        i += 1;
        keep
    });
}

/// A paragraph that may hold a figure: a digit, or a Chinese scale or
/// multiple word or a ten (两万, 二十一亿, 一倍, 翻两番, 二十个). Others can only hold goals
/// without a number.
fn may_hold_figure(p: &str) -> bool {
    // Whole chunks without an early exit, which the compiler vectorizes: this
    // reads every byte of the text.
    // The characters are found by a byte scan, without decoding the text.
    static FIGURE_WORDS: CharSet = CharSet::of(&[
        '０', '１', '２', '３', '４', '５', '６', '７', '８', '９', '倍', '番', '万', '亿', '千',
        '百', '十', '持',
    ]);
    let digit = |chunk: &[u8]| chunk.iter().fold(false, |d, b| d | b.is_ascii_digit());
    p.as_bytes().chunks(64).any(digit) || FIGURE_WORDS.next_in(p, 0).is_some()
}

/// Whether `s` opens with a day the page's date (`today`, month and day)
/// has reached (`2月19日，` on a page of 20 February, `近日，`, `昨天，`): a
/// news lead telling what happened.
fn opens_with_past_day(s: &str, today: Option<(u32, u32)>) -> bool {
    let Some((month, day)) = today else {
        return false;
    };
    let s = s.trim_start();
    // Asked of every sentence: most open with none of the characters a
    // word of the day or a date starts with.
    if !s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '近' | '日' | '昨' | '前')) {
        return false;
    }
    if ["近日", "日前", "昨天", "昨日", "前不久"].iter().any(|w| {
        s.strip_prefix(w)
            .is_some_and(|r| r.starts_with(['，', ',']))
    }) {
        return true;
    }
    fn digits(r: &str) -> Option<(u32, &str)> {
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        r.get(..n)
            .and_then(|d| d.parse::<u32>().ok())
            .zip(r.get(n..))
    }
    let Some((m, rest)) = digits(s) else {
        return false;
    };
    let Some((d, rest)) = rest.strip_prefix('月').and_then(digits) else {
        return false;
    };
    rest.starts_with('日') && (1..=12).contains(&m) && (m, d) <= (month, day)
}

fn has_figure(line: &str) -> bool {
    numbers::find_numbers(line)
        .iter()
        .any(|n| !n.unit.is_empty())
}

struct Doc<'t> {
    text: &'t str,
    matcher: &'t Matcher,
    present: Option<i32>,
    /// Dated in November or December: spans of years reach a year later
    /// (see [`period::resolve`]).
    late: bool,
    /// The year and month the article is dated, when its date has a month.
    dated: Option<(i32, u32)>,
    /// The month and day the article is dated, when its date has a day.
    today: Option<(u32, u32)>,
    title_period: Option<Period>,
    default_status: Status,
    /// A report, plan or speech of January to March, whose results without a
    /// time of their own are of the year just closed.
    reviews_last_year: bool,
    /// A report, plan or speech of November or December, whose goals without
    /// a time of their own are of the year about to begin.
    plans_next_year: bool,
    mentions: &'t [Mention],
    cues: &'t [Cue],
    /// How many of the mentions and cues lie before the sentence last read:
    /// sentences are read in text order, so [`within`] goes on from there.
    mentions_before: usize,
    cues_before: usize,
    /// What the headings above say, by level (0: unnumbered, 1: 一、,
    /// 2: （一）, 3: 1.): status and period.
    sections: [(Option<Status>, Option<Period>); 4],
    /// The level of the numbered part that says a status or period and that
    /// a lead-in (一年来的主要工作是：) was written under: that part ends
    /// the lead-in.
    lead_in_under: Option<usize>,
    /// A heading joined two times (“十三五”时期和2020年工作回顾): its level and
    /// the time it did not start with, which a paragraph may turn to.
    other_time: Option<(usize, Period)>,
    /// Whether the paragraph being read may hold figures written in words
    /// ([`patterns::may_hold_word_figures`]).
    word_figures: bool,
    scratch: Scratch,
    out: Extraction,
}

/// Vectors reused from paragraph to paragraph and sentence to sentence:
/// most sentences hold a few numbers, and fresh vectors for each cost
/// allocations and their growth.
#[derive(Default)]
struct Scratch {
    sentences: Vec<Part>,
    quotes: Vec<Part>,
    numbers: Vec<Number>,
    cands: Vec<Cand>,
    recs: Vec<Rec>,
}

/// What a paragraph carries from one sentence into the next.
#[derive(Debug, Default)]
struct Carry {
    cue: f32,
    period: Option<Period>,
    /// The plan span the carried year closes (“十五五”时期…到2030年): an
    /// average rate carried there is over the span.
    plan: Option<Period>,
    year: Option<i32>,
    subject: Option<String>,
    last: Option<Prev>,
    /// The sentence before ended with ；: an item of a list.
    listing: bool,
    /// A sentence before announced the goals (主要预期目标是：…): the rest of the
    /// paragraph lists them, sentence after sentence.
    goals: bool,
    /// Counts already reported in the paragraph: 7个新区 said three times is
    /// one figure.
    counts: Vec<CountKey>,
    /// A sentence of the paragraph opens with a day already past on a dated
    /// page (2月19日，…; 近日，…): the paragraph reports an event.
    event: bool,
}

/// A count as [`Carry::counts`] knows it: value, unit, comparator, the
/// first two characters of its indicator and the level it names (国家级1个
/// and 省级1个 are two counts).
type CountKey = (
    f64,
    &'static str,
    &'static str,
    (Option<char>, Option<char>),
    Option<&'static str>,
);

/// The levels of government a count may be of.
const LEVELS: [&str; 5] = ["国家级", "省级", "市级", "县级", "区级"];

/// The indicator of the figure before, for figures that name none
/// (`增长一倍,达到280亿元`).
#[derive(Debug, Clone)]
struct Prev {
    indicator: String,
    surface: String,
    at: usize,
    kind: UnitKind,
    subject: Option<String>,
    quantity: Quantity,
    unit: &'static str,
}

/// A number that may be a figure.
#[derive(Debug, Clone)]
struct Cand {
    n: Number,
    guessed: bool,
    growth: bool,
    /// The start of 从X增长到Y, for the Y.
    baseline: Option<Number>,
    /// This is the X of 从X增长到Y.
    is_from: bool,
    /// The start of its 从X增长到Y is now (由目前的34%提高到42%): a change
    /// still to come, which reports nothing.
    from_now: bool,
}

/// A target being built.
#[derive(Debug, Clone)]
struct Rec {
    n: Number,
    quantity: Quantity,
    value: f64,
    value_high: Option<f64>,
    indicator: String,
    surface: String,
    surface_at: usize,
    subject: Option<String>,
    baseline: Option<f64>,
    ev: (usize, usize),
    warnings: Vec<WarningCode>,
    from_to: bool,
    /// Its 从X增长到Y starts now (see [`Cand::from_now`]).
    from_now: bool,
    attached_target: bool,
    /// Named as a task set (省下达我市…任务12.6万亩), not one done (完成…任务).
    task_set: bool,
    clause_start: usize,
    /// How far the words of this figure reach (its number or the noun after it).
    reach: usize,
    /// A ratio to something else (占年度任务的163.5%): later figures do not
    /// take its indicator.
    secondary: bool,
    /// A difference against a benchmark (高于全省1个百分点): not a target,
    /// but later figures may take its indicator.
    hidden: bool,
    /// Its subject is the project its sum is of (总投资10亿元的…项目): the
    /// figures after it do not take that subject.
    project_subject: bool,
    /// The amount of the projects just counted (总投资98.5亿元): it shares
    /// their status unless its own clause says otherwise.
    amount_of_count: bool,
    /// One of the figures a list of places shares out (城关镇、柳林镇分别…).
    per_place: bool,
    /// What was done to the things counted (全部完成升级改造 → 升级改造):
    /// part of the target's indicator, but not of the name later figures
    /// take (an amount after the count is the things' amount).
    done: Option<(usize, usize)>,
    /// The bytes of a verb the indicator opens with that names no part of the
    /// things counted: shared with the list item before it (新建…、文化馆10个 →
    /// 新建文化馆), or written alone before the count (新建3个文化馆).
    shared_verb: usize,
}

/// An indicator as a list names it for one of its figures: canonical, as
/// written, its subject, and where it is written.
#[derive(Debug, Clone)]
struct Named {
    indicator: String,
    surface: String,
    subject: Option<String>,
    at: usize,
}

impl Prev {
    /// `rec` as the figure before, written over this one: the carried figure
    /// changes with nearly every sentence, and its strings' buffers are
    /// reused rather than allocated again.
    fn set_to(&mut self, rec: &Rec) {
        self.indicator.clone_from(&rec.indicator);
        self.surface.clone_from(&rec.surface);
        self.subject.clone_from(&rec.subject);
        self.at = rec.surface_at;
        self.kind = rec.n.kind;
        self.quantity = rec.quantity;
        self.unit = rec.n.unit;
    }
}

impl Rec {
    /// The figure as a decrease: a value listed after one, with no verb of
    /// its own.
    fn negate(&mut self) {
        self.n = numbers::negate(self.n.clone());
        self.value = self.n.value;
        self.value_high = self.n.value_high;
    }

    /// The figure as one a list of places shares out: its evidence runs
    /// from its place, at `at`.
    fn of_place_at(&mut self, at: usize) {
        self.ev.0 = at;
        self.per_place = true;
    }

    fn named(&self) -> Named {
        Named {
            indicator: self.indicator.clone(),
            surface: self.surface.clone(),
            subject: self.subject.clone(),
            at: self.surface_at,
        }
    }

    fn prev(&self) -> Prev {
        Prev {
            indicator: self.indicator.clone(),
            surface: self.surface.clone(),
            at: self.surface_at,
            kind: self.n.kind,
            subject: self.subject.clone(),
            quantity: self.quantity,
            unit: self.n.unit,
        }
    }
}

/// The indicator the next figure without one takes: the last figure that
/// is not a ratio to something else.
fn inheritable(recs: &[Rec]) -> Option<Prev> {
    recs.iter().rev().find(|r| !r.secondary).map(Rec::prev)
}

impl<'t> Doc<'t> {
    /// A heading: the period and, with `status`, the status it gives the
    /// section under it.
    fn heading(&mut self, line: &str, status: bool) {
        // 今年的工作是在…改革发展稳定任务艰巨繁重的环境中开展的，…，但各项工作
        // 值得总结：a lead-in whose last clause says it leads into a review
        // does, whatever plan words its circumstances hold. (Not a last
        // clause of plan words: 一年来，我们主要做了以下工作：leads into a
        // review too.)
        let said = if text::is_lead_in(line) && text::heading_level(line) == 0 {
            let body = text::strip_marks(line).trim_end_matches(['：', ':']);
            status::of_heading(final_clause(body).1).filter(|&s| s == Status::Actual)
        } else {
            None
        };
        let st = status
            .then(|| said.or_else(|| status::of_heading(line)))
            .flatten();
        // 2025年福建省人民政府工作报告 at the head of the text is its title
        // again, whose year is the report's present (a review in it is of
        // the year before), not its first section's. (关于1981年计划的报告
        // of 1980, 2003年政府工作报告 given in December 2002 name the year
        // planned.)
        let mentions: Vec<Mention> = period::mentions(line)
            .into_iter()
            // (一年来，我们立足当前…: the heading's 当前 is no time of it)
            .filter(|m| !m.baseline && !line.get(m.start..m.end).is_some_and(period::says_now))
            .collect();
        let other = other_time_joined(line, &mentions);
        // 一、…实现“十四五”良好开局过去一年: a heading run into the review's
        // opening is about the year the opening names, when its own words
        // name a span.
        let spanned = mentions
            .first()
            .is_some_and(|m| matches!(m.period, Period::Years(..) | Period::RelativeSpan(..)));
        let opening = mentions
            .last()
            .filter(|m| {
                spanned
                    && m.end == line.len()
                    && (line.get(m.start..).is_some_and(|w| w.starts_with("过去"))
                        || line.get(..m.start).is_some_and(|h| h.ends_with("过去的")))
            })
            .map(|m| match (m.period, self.present) {
                (Period::Relative(d), Some(p)) => Period::Year(p + d),
                (period, _) => period,
            });
        let period = opening.or(mentions.first().map(|m| m.period)).filter(|&p| {
            !line.contains("报告") || p != Period::Year(self.present.unwrap_or_default())
        });
        // 一、2006年政府的主要工作 in a report of 2007: the work of a year
        // that is over is its review. (A goal or plan of such a year,
        // 2006年主要目标, is still what was planned.)
        let st = match (st, period.and_then(|p| self.at_present(p))) {
            (Some(Status::Target), Some(r))
                if self.over(r) && !["目标", "计划", "规划"].iter().any(|w| line.contains(w)) =>
            {
                Some(Status::Actual)
            }
            _ => st,
        };
        let level = text::heading_level(line);
        if level == 0 {
            // A feature's subheading (产业提档升级) says nothing of plans or
            // results unless it names them.
            if st.is_some() || period.is_some() {
                // (一、2019年工作回顾 … 一年来的主要工作和成效是：the same
                // review goes on in its year)
                let period = period.or_else(|| {
                    (st.is_none() || st == self.section_status())
                        .then(|| self.section_period())
                        .flatten()
                });
                // (三、2025年重点工作 … 做好今年工作，必须锚定目标任务，重点抓好
                // 以下九个方面：goes on in the same time, so in the same status)
                let here = period.and_then(|p| self.at_present(p));
                let one_year = here.is_some_and(|r| r.from == r.to);
                let st = st.or_else(|| {
                    (one_year && here == self.section_period().and_then(|p| self.at_present(p)))
                        .then(|| self.section_status())
                        .flatten()
                });
                // (a part's own title, “十一五”发展目标和2006年重点工作任务
                // after 八、…, is no lead-in: it has no colon. A plan's
                // lead-in, 今后五年的主要目标是：, may govern the parts
                // after it, 三、加快新农村建设; a review is over when the
                // next part begins.)
                let lead_in = st == Some(Status::Actual)
                    && line.trim_end_matches(['*', ' ']).ends_with(['：', ':']);
                self.lead_in_under = (1..self.sections.len())
                    .rev()
                    .find(|&l| self.sections.get(l).is_some_and(|s| *s != (None, None)))
                    .filter(|_| lead_in);
                self.sections = Default::default();
                self.sections[0] = (st, period);
                self.other_time = other.map(|p| (0, p));
            }
            return;
        }
        // 一、…回顾 / 一年来的主要工作是： / 二、…: the next part at the
        // lead-in's level or above is no longer what it introduced.
        if self.lead_in_under.is_some_and(|under| level <= under) {
            self.sections[0] = (None, None);
            self.lead_in_under = None;
        }
        // A numbered heading opens a section at its level and closes the
        // deeper ones.
        self.close_sections_from(level);
        if let Some(slot) = self.sections.get_mut(level) {
            *slot = (st, period);
        }
        if other.is_some() || self.other_time.is_some_and(|(l, _)| level <= l) {
            self.other_time = other.map(|p| (level, p));
        }
    }

    /// 一、“十三五”时期和2020年工作回顾 … 2020年，面对…: a paragraph that opens
    /// with the other time its section's heading joined turns the section to
    /// that time (and one opening with the first turns it back).
    fn opening_time(&mut self, opening: &str) {
        let Some((level, other)) = self.other_time else {
            return;
        };
        let clause = opening
            .split(['，', '。', '；', '：', ',', ':'])
            .next()
            .unwrap_or(opening);
        let Some(first) = period::mentions(clause).into_iter().find(|m| !m.baseline) else {
            return;
        };
        let opened = self.at_present(first.period);
        if opened.is_some()
            && opened == self.at_present(other)
            && let Some(slot) = self.sections.get_mut(level)
            && let Some(now) = slot.1
        {
            slot.1 = Some(other);
            self.other_time = Some((level, now));
        }
    }

    /// The status of the goals without a number read in sentence `sent`
    /// (`goals`, indices into the qualitative list), once its figures
    /// (targets from `targets_from` on) have theirs. Their own words come
    /// first: 要如期完成…目标, 较好地完成了…目标; the words after a duty's verb
    /// name the duty (完成计划目标), not its tense. Otherwise a goal listed
    /// among figures is what they are (预期目标是：…增长5.5%，居民收入增长与
    /// 经济增长基本同步): the status of the figure before it, or after it when
    /// it comes first.
    fn goal_statuses(
        &mut self,
        sent: Part,
        cues: &[Cue],
        goals: std::ops::Range<usize>,
        targets_from: usize,
    ) {
        let text = self.text;
        let sentence_targets = self.out.targets.get(targets_from..).unwrap_or(&[]);
        for q in self.out.qualitative.get_mut(goals).unwrap_or(&mut []) {
            let clause_start = text
                .get(sent.start..q.span.0)
                .and_then(|h| h.rfind(['，', '；', '：', ',', ';', ':']))
                .map_or(sent.start, |i| sent.start + i);
            let done = q.evidence.find("完成");
            let verb_end = match done {
                Some(i) => q.span.0 + i + "完成".len(),
                None => q
                    .evidence
                    .find("控制在")
                    .map_or(q.span.1, |i| q.span.0 + i + "控制在".len()),
            };
            let own: f32 = cues
                .iter()
                .filter(|c| c.start >= clause_start && c.end <= verb_end)
                // 累计下降: a total, planned as often as reported
                .filter(|c| {
                    !text
                        .get(c.start..c.end)
                        .is_some_and(|w| w.starts_with("累计"))
                })
                .map(|c| c.weight(1.0, 1.0, false))
                .sum();
            // 较好地完成了…目标: a duty done. (基本完成, 圆满完成 are said of
            // plans as often.)
            let done_past = done.is_some_and(|i| {
                q.evidence
                    .get(i..)
                    .is_some_and(|after| after.starts_with("完成了"))
            });
            let near = sentence_targets
                .iter()
                .rev()
                .find(|t| t.span.0 < q.span.0)
                .or(sentence_targets.first());
            if own < 0.0 || (own == 0.0 && done_past) {
                q.status = Status::Actual;
            } else if own > 0.0 {
                q.status = Status::Target;
            } else if let Some(t) = near {
                q.status = t.status;
            }
        }
    }

    /// The time a table's caption or the lines before it give, else the
    /// section's, else the title's.
    fn table_caption(&self, text: &str, before: &[Part]) -> Option<Period> {
        before
            .iter()
            .rev()
            .find_map(|p| {
                period::mentions(p.of(text))
                    .into_iter()
                    .rev()
                    .find(|m| !m.baseline)
                    .map(|m| m.period)
            })
            .or(self.section_period())
            .or(self.title_period)
    }

    /// The status the headings above give.
    fn section_status(&self) -> Option<Status> {
        self.sections.iter().rev().find_map(|s| s.0)
    }

    /// `p` resolved against the text's present alone, with no year of context.
    fn at_present(&self, p: Period) -> Option<Resolved> {
        period::resolve(p, self.present, self.late, None)
    }

    /// Whether a resolved time is over at the present: a year before it, or
    /// in a text dated late in its year a span of years ending with it
    /// (五年来 in December, the report's review).
    fn over(&self, r: Resolved) -> bool {
        self.present
            .is_some_and(|p| r.to < p || (self.late && r.from < p && r.to == p))
    }

    /// Ends the sections at `level` and deeper.
    fn close_sections_from(&mut self, level: usize) {
        for section in self.sections.iter_mut().skip(level) {
            *section = (None, None);
        }
    }

    /// The period the headings above give.
    fn section_period(&self) -> Option<Period> {
        self.sections.iter().rev().find_map(|s| s.1)
    }

    /// One paragraph; `figures` is what [`may_hold_figure`] says of it.
    fn paragraph(&mut self, para: Part, figures: bool) {
        // 一、2013年工作回顾2013年，面对…: a heading glued to its first line.
        let glued = text::glued_heading(para.of(self.text));
        if let Some(h) = glued {
            self.heading(h, true);
        } else {
            // （三）持续发力创新名城建设，…。新增…: a numbered part whose
            // heading says nothing of plans or results still ends the part
            // before it at its level (（二）落实…任务 planned nothing for it).
            // Only parts numbered （一）: 一、… may go on under the plan or
            // review a lead-in opened, and （1） is numbered as 1. above it
            // is (10. 2022年…完成情况：（1）…).
            if text::heading_level(para.of(self.text)) == 2 {
                self.close_sections_from(2);
            }
        }
        if self.other_time.is_some() {
            let opening = para
                .of(self.text)
                .get(glued.map_or(0, str::len)..)
                .unwrap_or("");
            self.opening_time(opening);
        }
        let quiet = !figures;
        if quiet && !para.of(self.text).contains("目标") {
            return;
        }
        let mut sentences = std::mem::take(&mut self.scratch.sentences);
        let mut quotes = std::mem::take(&mut self.scratch.quotes);
        sentences.clear();
        quotes.clear();
        text::sentences_and_quotes(self.text, para, &mut sentences, &mut quotes);
        self.word_figures = !quiet && patterns::may_hold_word_figures(para.of(self.text));
        let mut carry = Carry::default();
        for &sent in &sentences {
            self.sentence(sent, &quotes, &mut carry, quiet);
        }
        self.scratch.sentences = sentences;
        self.scratch.quotes = quotes;
    }

    #[allow(clippy::indexing_slicing, reason = "k ranges below cands.len()")]
    fn sentence(&mut self, sent: Part, quotes: &[Part], carry: &mut Carry, quiet: bool) {
        let text = self.text;
        let s = sent.of(text);
        let cues = within(self.cues, &mut self.cues_before, sent, |c| (c.start, c.end));
        let mentions = within(self.mentions, &mut self.mentions_before, sent, |m| {
            (m.start, m.end)
        });

        carry.event |= opens_with_past_day(s, self.today);
        let mut cands = std::mem::take(&mut self.scratch.cands);
        let mut recs = std::mem::take(&mut self.scratch.recs);
        cands.clear();
        recs.clear();
        if !quiet {
            let mut numbers = std::mem::take(&mut self.scratch.numbers);
            self.candidates(sent, quotes, &mut numbers, &mut cands);
            self.scratch.numbers = numbers;
        }
        self.pair_from_to(sent, &mut cands);

        let mut consumed = sent.start;
        let mut k = 0;
        while k < cands.len() {
            // (59个投资10亿元以上的产业项目: a number inside the name of the
            // figure before is part of that name)
            let named_in = |r: &Rec| {
                r.surface_at <= cands[k].n.span.0
                    && cands[k].n.span.1 <= r.surface_at + r.surface.len()
                    && text
                        .get(cands[k].n.span.0..)
                        .and_then(indicator::size_class)
                        .is_some()
            };
            if cands[k].is_from || recs.last().is_some_and(named_in) {
                k += 1;
                continue;
            }
            if let Some(end) = self.distribute(sent, &cands, k, &mut recs) {
                consumed = recs.last().map_or(consumed, |r| r.reach);
                k = end;
                continue;
            }
            let before = recs.len();
            if self
                .build(sent, &cands, k, consumed, &mut recs, carry)
                .is_some()
            {
                consumed = recs
                    .get(before..)
                    .and_then(|made| made.iter().map(|r| r.reach).max())
                    .unwrap_or(consumed);
            } else if cands[k].n.kind == UnitKind::Percent
                && text
                    .get(cands[k].n.span.1..)
                    .and_then(|a| a.chars().next())
                    .is_some_and(|c| subject::is_cjk(c) && c != '的')
                && cands.get(k + 1).is_some_and(|next| {
                    text.get(cands[k].n.span.1..next.n.span.0)
                        .is_some_and(|between| !between.contains(['、', '，', '。', '；']))
                })
            {
                // 92%行政村集体经济年收入达到50万元以上: a share of the noun after
                // it that is no figure of its own is no part of the name of
                // the figure it leads to (100%小学、90%初中…: a list of such
                // shares is left as it was)
                consumed = consumed.max(cands[k].n.span.1);
            }
            k += 1;
        }

        self.measure_same_thing(&mut recs);
        self.measure_of_part(&mut recs);
        action_of_counted(&mut recs);
        count_of_same_kind(&mut recs);
        verb_of_list(text, &mut recs);
        money_per_unit(&mut recs);

        // Goals without a number are read where goals are listed: in a
        // sentence with planned figures, or after a strong plan cue carried
        // from the sentence before (预期目标是：…；城乡居民收入较快增长).
        let goal_context = (carry.cue >= 1.5 && carry.listing)
            || carry.goals
            || cues.iter().any(|c| c.kind == status::CueKind::TargetStrong);
        let goals_from = self.out.qualitative.len();
        if goal_context {
            self.qualitative(sent, &cands);
        }
        let goals = goals_from..self.out.qualitative.len();
        // A sentence that opens with a time of its own (1至9月份，…; 2023年，…)
        // starts a new statement: the plan or result cue of the sentence
        // before does not reach into it. 全年, 当年 go on with the time before.
        if mentions.iter().any(|m| {
            !m.baseline
                && m.period != Period::ContextYear
                && text
                    .get(sent.start..m.start)
                    .is_some_and(|h| h.chars().count() <= 2)
        }) {
            carry.cue = 0.0;
        }

        let own_subject = if recs.is_empty() {
            None
        } else {
            self.sentence_subject(sent)
        };
        // Borrowed: copied only into the targets that take it.
        let subject = own_subject.as_deref().or(carry.subject.as_deref());
        let contrast = recs.iter().any(|r| r.attached_target && !r.hidden);
        let reported = recs.iter().any(|r| r.from_to);
        for rec in recs.iter().filter(|r| r.hidden) {
            // 2023年…，比全国快2.1个百分点: the time tells a result from a plan
            // here as for any figure.
            let (resolved, written, _) = self.period_of(rec, mentions, carry);
            let st = self.status_of(rec, cues, carry, (resolved, written), false);
            self.out.qualitative.push(Qualitative {
                indicator: rec.indicator.clone(),
                status: st,
                evidence: text.get(rec.ev.0..rec.ev.1).unwrap_or("").to_string(),
                span: Span(rec.ev.0, rec.ev.1),
            });
        }
        let targets_from = self.out.targets.len();
        let mut last_status: Option<Status> = None;
        // What the next sentence inherits is taken before the records are
        // spent on targets.
        if let Some(rec) = recs.iter().rev().find(|r| !r.secondary) {
            match &mut carry.last {
                Some(prev) => prev.set_to(rec),
                none => *none = Some(rec.prev()),
            }
        }
        for rec in recs.drain(..).filter(|r| !r.hidden) {
            if rec.n.kind == UnitKind::Count {
                // a count named by an action after the things' name
                // (重点项目竣工) is told apart by the action
                let named = if words::words().action.contains(&rec.surface) {
                    &rec.surface
                } else {
                    rec.indicator
                        .get(rec.shared_verb..)
                        .unwrap_or(&rec.indicator)
                };
                let mut head = named.chars();
                let head = (head.next(), head.next());
                let level = LEVELS.into_iter().find(|l| words::has(&rec.indicator, l));
                let key = (
                    rec.value,
                    rec.n.unit,
                    rec.n.comparator.as_str(),
                    head,
                    level,
                );
                // (龙子湖区、禹会区各1户: one count per place, each its own)
                if carry.counts.contains(&key) && !rec.per_place {
                    continue;
                }
                carry.counts.push(key);
            }
            let (resolved, written, presumed) = self.period_of(&rec, mentions, carry);
            let mut status = self.status_of(&rec, cues, carry, (resolved, written), contrast);
            let own_cue = cues
                .iter()
                .any(|c| c.start >= rec.clause_start && c.end <= rec.n.span.0);
            if rec.amount_of_count
                && !own_cue
                && let Some(st) = last_status
            {
                status = st;
            }
            if reported && !rec.from_to && status == Status::Target && !self.cued_target(&rec, cues)
            {
                // A sentence that reports 从X增长到Y reports its other figures too.
                status = Status::Actual;
            }
            let resolved = if presumed {
                self.presumed_year(resolved, status, carry.event)
            } else {
                resolved
            };
            // (after the status: the years an average is over say nothing of
            // whether it is planned or done, their last year does)
            let resolved = self.average_over_years(&rec, mentions, carry, resolved);
            let mut warnings = rec.warnings;
            let period = resolved.map(|r| r.format());
            if period.is_none() {
                warnings.push(WarningCode::NoPeriod);
            }
            last_status = Some(status);
            let evidence = text.get(rec.ev.0..rec.ev.1).unwrap_or("").to_string();
            let mut indicator = rec.indicator;
            if let Some(done) = rec.done.and_then(|(a, b)| text.get(a..b)) {
                indicator.push_str(done);
            }
            self.out.targets.push(Target {
                indicator,
                surface: rec.surface,
                quantity: rec.quantity,
                value: rec.value,
                value_high: rec.value_high,
                unit: rec.n.unit.to_string(),
                comparator: rec.n.comparator,
                status,
                period,
                baseline: rec.baseline,
                subject: rec.subject.or_else(|| subject.map(str::to_string)),
                evidence,
                span: Span(rec.ev.0, rec.ev.1),
                source_span: None,
                warnings,
            });
        }

        self.goal_statuses(sent, cues, goals, targets_from);

        // What the next sentence of the paragraph inherits.
        carry.listing = s.trim_end().ends_with(['；', ';']);
        carry.goals |= cues.iter().any(|c| {
            c.kind == status::CueKind::TargetStrong
                && text.get(c.end..sent.end).is_some_and(|r| {
                    ["是：", "为：", "：", "是:", "为:", ":"]
                        .iter()
                        .any(|w| r.starts_with(w))
                })
        });
        // (in a list of goals, 主要预期目标是：…；…累计削减32%；…达到90, 累计
        // tells how its own goal adds up, not that the list turned to results)
        if let Some(c) = status::carried(cues)
            && !(carry.goals && carry.listing && text.get(c.start..c.end) == Some("累计"))
        {
            carry.cue = c.weight(1.5, 0.5, self.section_status() == Some(Status::Actual));
        }
        // A single month (8月份) dates its own sentence only: in a review it
        // is mostly the month of one event, not of the figures after it.
        let single_month = |p: Period| matches!(p, Period::Months { from, to, .. } if from == to);
        // Nor does 目前, 当前: now, as the sentence tells it, is no time the
        // sentences after it are about (目前全市上市企业达到20家。…接待游客…
        // in a review of last year).
        let now = |m: &Mention| text.get(m.start..m.end).is_some_and(period::says_now);
        // Nor, in a review, does a time still ahead (制定“十五五”期间重大项目
        // 清单。…建成高速公路…; 到2020年全部完成安置；基本建成棚改住房8394套):
        // what the review reports after it is done.
        // (一、2013年工作回顾 … 主体封顶，今年投入使用: ahead of a review of a
        // year past is the present too)
        let reviewing = self.section_status() == Some(Status::Actual);
        let reviewed_to = self
            .section_period()
            .and_then(|p| self.at_present(p))
            .filter(|&r| self.over(r));
        let ahead = |m: &Mention| {
            (reviewed_to.is_some() && m.period == Period::Relative(0))
                || self
                    .at_present(m.period)
                    .is_some_and(|r| self.present.is_some_and(|p| r.from > p))
        };
        if let Some(m) = mentions
            .iter()
            .rev()
            .find(|m| !(m.baseline || single_month(m.period) || now(m) || (reviewing && ahead(m))))
        {
            let m = self.frame_before_change(m, mentions).unwrap_or(m);
            carry.period = Some(m.period);
            carry.plan = match m.period {
                Period::Years(..) => Some(m.period),
                Period::Year(y) => plan_closed_by(mentions, m, y).or(carry.plan.filter(
                    |p| matches!(*p, Period::Years(first, last) if last == y && first < y),
                )),
                _ => None,
            };
        }
        if let Some(y) = mentions.iter().rev().find_map(|m| match m.period {
            Period::Year(y) if !m.baseline => Some(y),
            Period::Months { year: Some(y), .. } => Some(y),
            _ => None,
        }) {
            carry.year = Some(y);
        }
        if let Some(sub) = own_subject {
            carry.subject = Some(sub);
        }
        self.scratch.cands = cands;
        self.scratch.recs = recs;
    }

    /// 粮食播种面积120万亩，总产量45万吨; 生猪出栏120万头，存栏80万头: a
    /// measure written bare right after the same thing's other measure
    /// (`[measure]` of the word lists) measures that thing.
    fn measure_same_thing(&self, recs: &mut [Rec]) {
        let measures = &words::words().measure;
        for i in 1..recs.len() {
            let (done, rest) = recs.split_at_mut(i);
            let (Some(prev), Some(rec)) = (done.last(), rest.first_mut()) else {
                continue;
            };
            if !measures.contains(&rec.indicator) || rec.surface != rec.indicator {
                continue;
            }
            let Some(thing) = words::suffix_in(&prev.indicator, measures)
                .and_then(|m| prev.indicator.strip_suffix(m))
                .filter(|t| (1..=6).contains(&t.chars().count()))
            else {
                continue;
            };
            rec.indicator = indicator::name_str(&format!("{thing}{}", rec.indicator), self.matcher);
        }
    }

    /// 粮食播种面积85万亩，其中玉米60万亩、水稻15万亩: a part of the whole
    /// named bare after 其中 is measured as the whole was (玉米播种面积), in
    /// the same unit. The parts listed on in the clauses after (其中水稻5.2万亩，
    /// 玉米2.1万亩) are parts too.
    fn measure_of_part(&self, recs: &mut [Rec]) {
        let measures = &words::words().measure;
        let mut last_was_part = false;
        for i in 1..recs.len() {
            let (done, rest) = recs.split_at_mut(i);
            let (Some(prev), Some(rec)) = (done.last(), rest.first_mut()) else {
                continue;
            };
            let clause = self.text.get(rec.clause_start..rec.n.span.0).unwrap_or("");
            let head = self.text.get(..rec.clause_start).unwrap_or("");
            let after_part =
                std::mem::take(&mut last_was_part) && rec.clause_start > prev.clause_start;
            let part = clause.starts_with("其中")
                || head.ends_with("其中，")
                || head.ends_with("其中,")
                || after_part;
            if !part
                || rec.n.unit != prev.n.unit
                || rec.hidden
                || rec.surface != rec.indicator
                || words::suffix_in(&rec.indicator, measures).is_some()
                || !(1..=8).contains(&rec.indicator.chars().count())
            {
                continue;
            }
            // (a part that names its own measure, 其中出口金额, is not measured again)
            if rec
                .indicator
                .ends_with(['额', '量', '数', '率', '值', '入', '模', '资'])
            {
                continue;
            }
            // (after a part, the part before carries the measure: 水稻播种面积)
            let Some(measure) = words::suffix_in(&prev.indicator, measures)
                .filter(|m| prev.indicator.len() > m.len())
            else {
                continue;
            };
            if subject::place_prefix(&rec.indicator) == Some(rec.indicator.as_str()) {
                // 其中州直200万亩: the place's share of the whole, the whole's measure
                rec.subject = Some(std::mem::replace(
                    &mut rec.indicator,
                    prev.indicator.clone(),
                ));
            } else {
                rec.indicator =
                    indicator::name_str(&format!("{}{measure}", rec.indicator), self.matcher);
                last_was_part = true;
            }
        }
    }

    /// The numbers of a sentence that may be figures, with units guessed
    /// where the writing leaves them out, and figures made of words, into
    /// `out`; `numbers` is a buffer.
    fn candidates(
        &self,
        sent: Part,
        quotes: &[Part],
        numbers: &mut Vec<Number>,
        out: &mut Vec<Cand>,
    ) {
        let text = self.text;
        let s = sent.of(text);
        numbers.clear();
        numbers::find_numbers_into(s, numbers);
        // from the last, so that 4.8、10.4、4.9个百分点 all take the unit
        for i in (0..numbers.len().saturating_sub(1)).rev() {
            if let (Some(n), Some(next)) = (numbers.get(i), numbers.get(i + 1))
                && let Some(with_unit) = unit_written_once(s, n, next)
                && let Some(slot) = numbers.get_mut(i)
            {
                *slot = with_unit;
            }
        }
        for mut n in numbers.drain(..) {
            n.span = Span(n.span.0 + sent.start, n.span.1 + sent.start);
            n.figure = Span(n.figure.0 + sent.start, n.figure.1 + sent.start);
            let mut guessed = false;
            if n.unit.is_empty() {
                match self.guess_unit(&n, sent) {
                    Some((unit, kind)) => {
                        n.unit = unit;
                        n.kind = kind;
                        guessed = true;
                    }
                    None => continue,
                }
            }
            // 城乡居民收入比由3.04倍缩小到2.76倍: the ratio to one, as 2.76:1 is
            if n.kind == UnitKind::Multiple
                && n.unit == "倍"
                && patterns::names_ratio_to_one(self.head_of(&n, sent))
            {
                n.unit = ":1";
                n.kind = UnitKind::Ratio;
            }
            if patterns::rejected(&n, text, quotes).is_some() {
                continue;
            }
            out.push(Cand {
                n,
                guessed,
                growth: false,
                baseline: None,
                is_from: false,
                from_now: false,
            });
        }
        let words = if self.word_figures {
            patterns::word_figures(s, sent.start)
        } else {
            Vec::new()
        };
        for (n, growth) in words {
            out.push(Cand {
                n,
                guessed: false,
                growth,
                baseline: None,
                is_from: false,
                from_now: false,
            });
        }
        out.sort_by_key(|c| c.n.span.0);
    }

    /// The clause of `sent` up to figure `n`.
    fn head_of(&self, n: &Number, sent: Part) -> &'t str {
        let cs = text::clause_start(self.text, sent, n.span.0);
        self.text.get(cs..n.span.0).unwrap_or("")
    }

    /// A unit the writing leaves out: `增长36。` is a percent, `2万多师生`
    /// people, `居民消费价格指数控制在103以内` an index.
    fn guess_unit(&self, n: &Number, sent: Part) -> Option<(&'static str, UnitKind)> {
        // Years, dates, codes: too large for a rate or an index, not scaled
        // for a head count. Most numbers without a unit stop here.
        if n.minus || n.chinese || !(n.scaled || n.value < 200.0) {
            return None;
        }
        let text = self.text;
        let ce = text::clause_end(text, sent, n.span.1);
        let before = self.head_of(n, sent);
        let after = text.get(n.span.1..ce).unwrap_or("");
        let ends_clause = after.trim().is_empty();
        if n.minus || n.value_high.is_some() && n.value_high.is_some_and(|h| h > 1e6) {
            return None;
        }
        if (80.0..=130.0).contains(&n.value) && !n.scaled && words::has(before, "指数") {
            return Some(("指数", UnitKind::Measure));
        }
        // 6∶4, 1∶8, 4.7：44.6：50.7: one part of a ratio, no figure alone
        let ratio_part = text
            .get(n.span.1..)
            .is_some_and(|a| a.starts_with([':', '：', '∶']));
        if ratio_part {
            return None;
        }
        // a ratio of two amounts written as one number is small (城乡居民收入比
        // 1.94); 优良天数比达到86 is a share whose % fell off
        if n.value < 20.0 && !n.scaled && patterns::names_ratio_to_one(before) {
            return Some((":1", UnitKind::Ratio));
        }
        let change = ["增长", "下降", "提高", "降低", "减少", "增"]
            .iter()
            .any(|w| before.ends_with(w));
        if change && ends_clause && !n.scaled && n.value < 200.0 && !n.chinese {
            return Some(("%", UnitKind::Percent));
        }
        if n.scaled && !n.chinese && (patterns::person_noun(before) || patterns::person_noun(after))
        {
            return Some(("人", UnitKind::Count));
        }
        None
    }

    /// Marks 从X增长到Y: X becomes the baseline of Y.
    #[allow(clippy::indexing_slicing, reason = "i + 1 ranges below cands.len()")]
    fn pair_from_to(&self, sent: Part, cands: &mut [Cand]) {
        let text = self.text;
        for i in 0..cands.len().saturating_sub(1) {
            let (x, y) = (&cands[i].n, &cands[i + 1].n);
            let cs = text::clause_start(text, sent, y.span.0);
            if x.span.0 < cs {
                continue;
            }
            if !text
                .get(x.span.1..y.span.0)
                .is_some_and(patterns::is_change_to)
            {
                continue;
            }
            // 分别由17698元、5781元增加到30594元和10776元: as many starts as
            // values, the first after 由, each paired with its value.
            let mut starts = i;
            while starts > 0
                && cands[starts - 1].n.span.0 >= cs
                && is_list_gap(text, cands[starts - 1].n.span.1, cands[starts].n.span.0)
            {
                starts -= 1;
            }
            let n = (i + 1 - starts).min(list_end(text, cands, i + 1) - (i + 1));
            let first = i + 1 - n;
            let head = text.get(cs..cands[first].n.span.0).unwrap_or("");
            if !patterns::ends_with_from(head) {
                continue;
            }
            let from_now = head.ends_with("目前的") || head.ends_with("现在的");
            for t in 0..n {
                let (x, y) = (&cands[first + t].n, &cands[i + 1 + t].n);
                let same_unit = x.unit == y.unit || cands[first + t].guessed || x.unit.is_empty();
                if same_unit {
                    let x = x.clone();
                    cands[first + t].is_from = true;
                    cands[i + 1 + t].baseline = Some(x);
                    cands[i + 1 + t].from_now = from_now;
                }
            }
        }
    }

    /// 分别 and 均: one figure per indicator of a list. Returns the index
    /// after the numbers it used, when it applies at `k`.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "cand indices are k and the run after it, which stops at cands.len(); item indices are below items.len(), sources has one entry per item, and recs is sliced only after a length test; text offsets are rfind results and the lengths of strip_tail's prefix of raw"
    )]
    fn distribute(
        &self,
        sent: Part,
        cands: &[Cand],
        k: usize,
        recs: &mut Vec<Rec>,
    ) -> Option<usize> {
        let text = self.text;
        let first = &cands[k].n;
        let cs = text::clause_start(text, sent, first.span.0);
        let head = text.get(cs..first.span.0)?;
        // Whether the word `w` at `i` stands right before the figure and its
        // verb.
        let before_verb = |i: usize, w: &str| {
            head.get(i + w.len()..)
                .is_some_and(|r| indicator::strip_tail(r).is_empty())
        };
        // 各 as 均 (收储土地、“工改工”拆除各5000亩) only right before the
        // figure and its verb: 各项存款余额 names a thing.
        // 双双 and 双 as 均 (人员数量、行政运转经费双下降超40%), 双 only right
        // before the verb.
        let found = ["分别", "均", "各", "双双", "双"]
            .iter()
            .filter_map(|w| words::rfind(head, w).map(|i| (i, *w)))
            .filter(|&(i, w)| !matches!(w, "各" | "双") || before_verb(i, w))
            .filter(|&(i, w)| w != "双" || !head[..i].ends_with('双'))
            // 平均浓度, 人均纯收入, 分别平均压减: 均 inside a word says nothing
            // of a list
            .filter(|&(i, w)| w != "均" || !is_part_of_word_jun(head, i))
            .max_by_key(|(i, _)| *i);
        // …，年均增长12.4%、7.6%: an adverb with 均 right before the verb,
        // and no list word, gives the values to the figures before; with
        // none before, to the list it follows, item for item
        let adverb_jun = || {
            words::rfind(head, "均")
                .is_some_and(|i| is_part_of_word_jun(head, i) && before_verb(i, "均"))
        };
        if found.is_none() && adverb_jun() {
            let shared = self.distribute_onto_group(sent, cands, k, recs, head);
            // (高于全国和全省同期年均增速4.1和1.4个百分点: places compared with
            // are no list of indicators)
            if shared.is_some() || patterns::benchmark_at(head).is_some() {
                return shared;
            }
        }
        let run_end = list_end(text, cands, k);
        let (word_at, word) = match found {
            Some(found) => found,
            // 制造业增加值、数字经济、绿色经济占地区生产总值比重15%、37%、48%左右:
            // a run of values in one unit after a list, item for item, is 分别
            // unwritten (tried below: only when the counts agree). Values in
            // different units are so only after a list of measures (粮食播种面积和
            // 产量稳定在127万亩和34.5万吨) and none of them a rate:
            // 保障性住房1500万平方米、22万套, 软件和信息技术服务业收入增长30%、超过
            // 500亿元 and 企业1户、百亿元企业3户 measure one thing twice or are
            // each their own. A list holding a figure (企业1000家、中小企业300家、
            // 10家) is not one.
            None if run_end - k >= 2
                && (k == 0 || cands[k - 1].n.span.1 <= cs)
                && (cands[k..run_end].iter().all(|c| c.n.unit == first.unit)
                    || (indicator::ends_in_measure(indicator::strip_tail(head))
                        && cands[k..run_end].iter().all(|c| {
                            !matches!(c.n.kind, UnitKind::Percent | UnitKind::Points)
                        }))) =>
            {
                (head.len(), "")
            }
            None => return self.distribute_onto_group(sent, cands, k, recs, head),
        };
        // 两项分别高于全省0.5和0.3个百分点: differences against a benchmark,
        // hidden as build() hides one. A value read without its unit may
        // stand between the benchmark and the figure (低0.7和0.6个百分点).
        // (Asked only here: most figures are no list's and returned above.)
        let unitless = |c: char| c.is_ascii_digit() || matches!(c, '.' | '和' | '、' | '及' | '与');
        let benchmark = patterns::benchmark_at(head.trim_end_matches(unitless)).is_some();
        // 分别由A、B增加到C、D: the starts after 由 are not words between the
        // list and its values; what is, is before 由 and after the last start.
        let link_words;
        let filler = match &cands[k].baseline {
            Some(x) if x.span.0 > cs + word_at && k > 0 => {
                let from = patterns::from_start(text, x, cs);
                link_words = format!(
                    "{}{}",
                    text.get(cs + word_at + word.len()..from)?,
                    text.get(cands[k - 1].n.span.1..first.span.0)?
                );
                link_words.as_str()
            }
            _ => &head[word_at + word.len()..],
        };
        if filler.chars().count() > 14 {
            return None;
        }
        // The numbers of the run: separated only by 、 和 及 与 (分别增长6%，9%
        // is rare; a comma ends the run).
        let each = matches!(word, "均" | "各" | "双双" | "双");
        let end = if word == "分别" || word.is_empty() {
            run_end
        } else {
            k + 1
        };
        let values = end - k;
        // The indicators: the list before the word, or the figures just read.
        let list_end = cs + word_at;
        let raw = text.get(cs..list_end)?;
        let kept = indicator::strip_tail(raw);
        let lead = indicator::lead_len(kept);
        let (ps, pe) = (cs + lead, cs + kept.len());
        let link = format!("{}{}", &raw[kept.len()..], filler);
        let record = |c: &Cand, named: Named| Rec {
            hidden: benchmark,
            ..self.record_named(c, &link, named, sent)
        };
        let phrase = text.get(ps..pe)?;
        let mut items: Vec<(String, usize, usize)> = if phrase.is_empty() {
            Vec::new()
        } else {
            let mut items = indicator::list_items(text, ps, pe, values);
            indicator::share_head(&mut items, self.matcher);
            items
        };
        // 总量分别比“九五”末期增长71.4%、160%: a word that only points back at
        // the figures before names none of its own
        if let [(only, _, _)] = items.as_slice()
            && matches!(
                only.as_str(),
                "总量" | "两者" | "二者" | "三者" | "两项" | "三项" | "四项" | "上述指标"
            )
            && word == "分别"
            && values >= 2
            && recs.len() >= values
        {
            items.clear();
        }
        // 化学需氧量、氨氮排放量完成省下达任务，分别下降3.5%、3.6%: the list is
        // the subject of the clause before, which has no figure of its own
        // (年销售额分别增长…: a measure named here is the list's measure, and
        // the clause before a list of whose it is; 增速分别为 names none)
        let names_none = |s: &str| {
            s.starts_with(['比', '较'])
                || ["累计", "同比", "增速", "增幅", "降幅", "涨幅"].contains(&s)
        };
        // (分别完成投资380亿元: the list is of whose investment, not of
        // indicators; 分别占全国总产量的60% is still the items' share)
        let filler_names = || {
            let kept = indicator::strip_tail(filler);
            indicator::lead_len(kept) < kept.len() && !kept.starts_with('占')
        };
        if word == "分别"
            && values >= 2
            && items.iter().all(|(s, _, _)| names_none(s))
            && !filler_names()
            && let Some(listed) = self.list_of_clause_before(sent, cands, k, cs, values)
        {
            items = listed;
        }
        let from_recs = items.is_empty() && word == "分别";
        if from_recs {
            // 接待游客超6000万人次、旅游收入超600亿元，分别增长16.4%、17.6%
            let take = if values == 1 { recs.len() } else { values };
            if take == 0 || recs.len() < take {
                return None;
            }
            // the figures pointed back at are this sentence's: a full stop
            // between them ends what 分别 can refer to
            if recs[recs.len() - take].n.span.0 < sent.start {
                return None;
            }
            items = recs[recs.len() - take..]
                .iter()
                .map(|r| {
                    (
                        r.indicator.clone(),
                        r.surface_at,
                        r.surface_at + r.surface.len(),
                    )
                })
                .collect();
        }
        if each && items.is_empty() {
            // 分别超过300亿美元和60亿美元，均比2007年增长1倍以上: the figures of
            // the clause before.
            let sources: Vec<Named> = last_clause(recs).iter().map(Rec::named).collect();
            if sources.len() >= 2 {
                let c = &cands[k];
                for named in sources {
                    recs.push(record(c, named));
                }
                return Some(k + 1);
            }
            return None;
        }
        if each && items.len() < 2 {
            return None;
        }
        // 新开工、新投产制造业项目各300个, 组建国家、省重点实验室各1家: items that
        // are a verb or a level alone name no indicator; the phrase stays whole.
        if values == 1 && !from_recs && items.iter().any(|(s, _, _)| indicator::unnamed_item(s)) {
            return None;
        }
        let pairs: Vec<(usize, usize)> = if items.len() == values {
            (0..values).map(|i| (i, k + i)).collect()
        } else if word.is_empty() {
            return self.distribute_onto_group(sent, cands, k, recs, head);
        } else if values == 1 && items.len() > 1 {
            (0..items.len()).map(|i| (i, k)).collect()
        } else {
            return None;
        };
        // The bytes of the verb each item shares with the first (see Rec).
        let mut shared_verbs = Vec::new();
        let sources: Vec<Named> = if from_recs {
            recs[recs.len() - items.len()..]
                .iter()
                .map(Rec::named)
                .collect()
        } else {
            // 新增国家级高新技术企业、“瞪羚”企业、“雏鹰”企业分别为23户、7户和29户:
            // the items share the verb of making the first is written with,
            // as a list of amounts does (verb_of_list)
            let verb = items.first().and_then(|(first, _, _)| list_verb(first));
            items
                .iter()
                .enumerate()
                .map(|(i, (name, a, _))| {
                    let shared = verb.filter(|_| i > 0 && !own_verb(name));
                    shared_verbs.push(shared.map_or(0, str::len));
                    let full = match shared {
                        Some(v) => Cow::Owned(format!("{v}{name}")),
                        None => Cow::Borrowed(name.as_str()),
                    };
                    Named {
                        indicator: indicator::name_str(&full, self.matcher),
                        surface: name.clone(),
                        subject: None,
                        at: *a,
                    }
                })
                .collect()
        };
        let filler_at = cs + word_at + word.len();
        let places = if from_recs || text.get(filler_at..first.span.0) != Some(filler) {
            None
        } else {
            self.of_places(&items, filler_at, first.span.0, recs)
        };
        let by_place = places.is_some();
        let sources = places.unwrap_or(sources);
        // 分别突破400亿元、250亿元: a qualifier before the first value of the
        // run is the verb's, and bounds every value that has none of its own.
        let run_comparator = (first.span.0 < first.figure.0 && first.comparator != Comparator::Eq)
            .then_some(first.comparator);
        for (item_i, cand_i) in pairs {
            let named = sources[item_i].clone();
            let mut rec = record(&cands[cand_i], named);
            if by_place {
                rec.of_place_at(items[item_i].1);
            } else {
                rec.shared_verb = shared_verbs.get(item_i).copied().unwrap_or(0);
            }
            if let Some(cmp) = run_comparator
                && cand_i > k
                && rec.n.comparator == Comparator::Eq
                && rec.n.span == rec.n.figure
            {
                rec.n.comparator = cmp;
            }
            recs.push(rec);
        }
        Some(end)
    }

    /// The list that opens the clause before `cs` (`PM10、PM2.5浓度连续5年
    /// 实现双下降`, `各类安全事故宗数、死亡人数、直接经济损失`), when it has
    /// `values` items and the clause no figure.
    fn list_of_clause_before(
        &self,
        sent: Part,
        cands: &[Cand],
        k: usize,
        cs: usize,
        values: usize,
    ) -> Option<Vec<(String, usize, usize)>> {
        let text = self.text;
        let head = text.get(sent.start..cs)?;
        let prev_end = sent.start + head.strip_suffix(['，', ','])?.len();
        let pcs = text::clause_start(text, sent, prev_end);
        if k > 0 && cands.get(k - 1).is_some_and(|c| c.n.span.1 > pcs) {
            return None;
        }
        let clause = text.get(pcs..prev_end)?;
        let last_sep = clause.rfind('、')?;
        let tail = clause.get(last_sep..)?;
        let end = words::words()
            .said
            .occurrences(tail)
            .next()
            .map_or(clause.len(), |(i, _)| last_sep + i);
        let kept = indicator::strip_tail(clause.get(..end)?);
        let lead = indicator::lead_len(kept);
        let mut items = indicator::list_items(text, pcs + lead, pcs + kept.len(), values);
        if items.len() != values || items.iter().any(|(s, _, _)| indicator::unnamed_item(s)) {
            return None;
        }
        indicator::share_head(&mut items, self.matcher);
        Some(items)
    }

    /// 城关镇、新城镇分别完成投资12.3亿元和8.7亿元: a list of places says whose
    /// figures they are, and the words after 分别 (`start..end`) what they
    /// measure; with only a verb of change there (其中城关镇、新城镇分别增长12%
    /// 和8%), the figure before in the sentence does. `None` when an item is
    /// not a place or nothing names the measure.
    fn of_places(
        &self,
        items: &[(String, usize, usize)],
        start: usize,
        end: usize,
        recs: &[Rec],
    ) -> Option<Vec<Named>> {
        let all_places = items.len() >= 2
            && items
                .iter()
                .all(|(s, _, _)| subject::place_prefix(s) == Some(s.as_str()));
        if !all_places {
            return None;
        }
        let words = self.text.get(start..end)?;
        let kept = indicator::strip_tail(words);
        let lead = indicator::lead_len(kept);
        let measure = if lead < kept.len() {
            let named = indicator::name(self.text, start + lead, start + kept.len(), self.matcher);
            let (a, b) = named.surface;
            Named {
                indicator: named.indicator,
                surface: self.text.get(a..b)?.to_string(),
                subject: None,
                at: a,
            }
        } else if patterns::is_bare_change(words) {
            recs.iter()
                .rev()
                .find(|r| !r.secondary && !r.hidden)?
                .named()
        } else {
            return None;
        };
        Some(
            items
                .iter()
                .map(|(place, _, _)| Named {
                    subject: Some(place.clone()),
                    ..measure.clone()
                })
                .collect(),
        )
    }

    /// 城镇和农村居民人均可支配收入分别由…增加到30594元和10776元，年均增长11.1%和
    /// 13.3%: a list of values after a bare change verb, as many as the
    /// different indicators the clause before gave its values, one each, in
    /// order: 分别 is meant. Returns the index after the values used.
    #[allow(
        clippy::indexing_slicing,
        reason = "k..end are candidates of cands, and recs is sliced only after a length test"
    )]
    fn distribute_onto_group(
        &self,
        sent: Part,
        cands: &[Cand],
        k: usize,
        recs: &mut Vec<Rec>,
        head: &str,
    ) -> Option<usize> {
        if !patterns::is_bare_change(head) {
            return None;
        }
        let end = list_end(self.text, cands, k);
        // (the place a figure is of, when a list of places gave it: the
        // figures here are of those places, their evidence runs from there)
        let sources: Vec<(Named, Option<usize>)> = last_clause(recs)
            .iter()
            .map(|r| (r.named(), r.per_place.then_some(r.ev.0)))
            .collect();
        // (one indicator of several places is distinct per place: 兰州新区、
        // 高新区分别实现生产总值167亿元、225亿元，增长12.3%、8.4%)
        let distinct = sources.iter().enumerate().all(|(i, (a, _))| {
            sources[..i]
                .iter()
                .all(|(b, _)| (&b.indicator, &b.subject) != (&a.indicator, &a.subject))
        });
        if end - k < 2 || sources.len() != end - k || !distinct {
            return None;
        }
        for (c, (named, place_at)) in cands[k..end].iter().zip(sources) {
            let mut rec = self.record_named(c, head, named, sent);
            if let Some(at) = place_at {
                rec.of_place_at(at);
            }
            recs.push(rec);
        }
        Some(end)
    }

    /// The figure at `k` with its indicator, pushed onto `recs` (what it
    /// reads of them is the figures before). A list of indicators sharing
    /// one rate gives one figure each.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "k is a candidate of cands; every text offset is a clause or number bound in text, or that plus the length of a prefix of the phrase found by search (find, strip_*, lead_len, place_prefix), so on a character boundary within the phrase"
    )]
    fn build(
        &self,
        sent: Part,
        cands: &[Cand],
        k: usize,
        consumed: usize,
        recs: &mut Vec<Rec>,
        carry: &Carry,
    ) -> Option<()> {
        let text = self.text;
        let c = &cands[k];
        let n = &c.n;
        let real_cs = text::clause_start(text, sent, n.span.0);
        let cs = real_cs.max(consumed).min(n.span.0);
        let ce = text::clause_end(text, sent, n.span.1);
        let before_end = match &c.baseline {
            Some(x) => patterns::from_start(text, x, cs),
            None => n.span.0,
        };
        let mut raw = text.get(cs..before_end)?;
        // 超额完成年度目标（40部）, 完成目标任务（1万人）: the goal's own
        // figure, in brackets right after it
        let bracketed_goal = {
            let open = raw.trim_end_matches(['（', '(']);
            (open.len() < raw.len())
                .then(|| {
                    ["目标任务", "目标", "计划"]
                        .into_iter()
                        .find_map(|g| open.strip_suffix(g))
                })
                .flatten()
        };
        // 新建高标准农田任务12.6万亩: the amount of a task, in the units of
        // what is to be done (not 工作任务355项 or 重大科技任务50个, counts of
        // tasks, nor 完成全年任务120%, a share of one).
        let task = raw.ends_with("任务")
            && !matches!(n.kind, UnitKind::Percent | UnitKind::Points)
            && !["项", "件", "个", "次"].contains(&n.unit);
        let attached_target =
            bracketed_goal.is_some() || raw.ends_with("目标") || after_is_target(text, n.span.1);
        // 高于全省1.2个百分点: a difference against a benchmark.
        let benchmark = patterns::benchmark_at(raw);
        if let Some(at) = benchmark {
            raw = &raw[..at];
        }
        let raw_core = bracketed_goal.unwrap_or_else(|| raw.strip_suffix("目标").unwrap_or(raw));
        // 新建高标准农田任务, 棚户区改造国家年度任务: the task is named by
        // what it is, not by who set it
        let raw_core = match raw_core
            .strip_suffix("任务")
            .filter(|h| task && h.chars().count() >= 2)
        {
            Some(h) => {
                let h = h.strip_suffix("年度").unwrap_or(h);
                ["国家", "省级", "省", "市级"]
                    .iter()
                    .find_map(|w| h.strip_suffix(w))
                    .filter(|h| h.chars().count() >= 2)
                    .unwrap_or(h)
            }
            None => raw_core,
        };
        let raw_core = raw_core.strip_suffix("年度").unwrap_or(raw_core);
        // 占年度投资计划的89.4%: a noun phrase with 的 before the number keeps
        // its words (计划 here is the plan, not a link).
        let kept = if raw_core.ends_with('的') {
            indicator::strip_noun_tail(raw_core)
        } else {
            indicator::strip_tail(raw_core)
        };
        // The words between the indicator and the number, borrowed: only a
        // verb moved over from the phrase makes a new string.
        let mut link_text: Cow<str> = match &c.baseline {
            Some(x) => Cow::Borrowed(text.get(x.span.1..n.span.0).unwrap_or("")),
            None => Cow::Borrowed(&raw[kept.len().min(raw.len())..]),
        };
        let lead = indicator::lead_len(kept);
        let (mut ps, pe) = (cs + lead, cs + kept.len());
        let mut phrase = text.get(ps..pe).unwrap_or("");
        // 建议383件和政协建议案3件: right after a figure, a conjunction joins
        // two records and names neither (及以上 belongs to the figure before).
        if cs == consumed
            && cs > real_cs
            && let Some(conj) = ["以及", "和", "及", "与", "并", "或"]
                .iter()
                .find(|w| phrase.starts_with(**w))
            && let Some(rest) = phrase.get(conj.len()..)
            && !rest.is_empty()
            && !["以上", "以下", "谐", "平"]
                .iter()
                .any(|w| rest.starts_with(w))
        {
            ps += conj.len();
            phrase = rest;
        }
        // 总投资3588亿元的重点项目260个: right after a figure, 的 ties the figure
        // to the noun, which the count after it names alone.
        if cs == consumed
            && cs > real_cs
            && let Some(rest) = phrase.strip_prefix('的')
            && !rest.is_empty()
        {
            ps += '的'.len_utf8();
            phrase = rest;
        }
        // 经济增长目标为6%, GDP增速预期目标7%: a goal for a rate is a rate.
        if indicator::goal_for_rate(phrase) {
            link_text = Cow::Owned(format!("增速{link_text}"));
        }
        // 减少农村贫困人口40万人: the verb before the noun gives the sign;
        // 提高农村低保标准21.71%: a rate after it is the noun's growth, not a
        // share (a count after 增加 names what was added: 增加就业岗位).
        let rate = matches!(
            n.kind,
            UnitKind::Percent | UnitKind::Permille | UnitKind::Points
        );
        if let Some(v) = [
            "减少", "削减", "压减", "降低", "下降", "提高", "提升", "增加", "上调",
        ]
        .iter()
        .enumerate()
        .find(|&(i, v)| {
            (i < 5 || rate)
                && phrase
                    .strip_prefix(*v)
                    // (增加值 is a noun; 提高到 a level's verb)
                    .is_some_and(|r| !r.is_empty() && !r.starts_with(['值', '到', '至']))
        })
        .map(|(_, v)| v)
        {
            link_text = Cow::Owned(format!("{v}{link_text}"));
            ps += v.len();
            phrase = &phrase[v.len()..];
        }
        // 12个国控断面水质优良比例达到91.7%: the count of what the rate is
        // taken over is no figure (patterns::names_rate_scope) and no part of
        // the rate's name; a size (500米服务半径覆盖率) is.
        // (率, 比例, 比重, 占比: only the name of a share can follow a scope)
        if phrase.contains(['率', '比'])
            && phrase.contains(|c: char| c.is_ascii_digit())
            && let Some(scope) = numbers::find_numbers(phrase).into_iter().rev().find(|m| {
                // (a class, 100户以上的自然村, is part of the name)
                m.kind == UnitKind::Count
                    && !m.chinese
                    && matches!(m.comparator, Comparator::Eq | Comparator::Approx)
                    && patterns::names_rate_scope(text.get(ps + m.span.1..).unwrap_or(""))
            })
        {
            ps += scope.span.1;
            phrase = &phrase[scope.span.1..];
        }
        let ends_with_deng = phrase.ends_with('等');
        if ends_with_deng {
            phrase = phrase.trim_end_matches('等');
        }
        let pe = ps + phrase.len();

        // 大庆油田累计生产原油: who comes before the cue word, what after it.
        let mut subject = None;
        let mut project_subject = false;
        let mut cues = [
            "累计",
            "共计",
            "力争",
            "确保",
            "争取到位",
            "争取到",
            "争取",
            "预计",
            "已经",
            "今年",
            "全年",
        ];
        // A cue the phrase opens with leaves no one before it, wherever else
        // it comes.
        for c in &mut cues {
            if phrase.starts_with(*c) {
                *c = "";
            }
        }
        if let Some((at, cue)) = words::first_of(phrase, &cues) {
            // 我们将力争…: the speakers are no subject, nor is the text's own
            // place (我市) or a word that only leads in
            let who =
                phrase[..at].trim_end_matches(['将', '要', '也', '还', '再', '已', '均', '都']);
            // (我们 itself may already be stripped as a lead word)
            let speakers = ["我们", "咱们", "他们", "大家"];
            let nobody = speakers.iter().any(|p| who.starts_with(p))
                || text
                    .get(cs..ps)
                    .is_some_and(|led| speakers.iter().any(|p| words::has(led, p)))
                || indicator::lead_len(who) == who.len()
                // 项目已累计完成投资: the story's own project is no one named
                || ["项目", "该项目", "工程", "该工程"].contains(&who)
                // 会议要求全年…: who speaks of the figure is not who it is about
                || ["要求", "提出", "强调", "指出", "明确", "表示", "介绍"]
                    .iter()
                    .any(|v| who.ends_with(v));
            if nobody
                || (who.chars().count() >= 2
                    && who.chars().count() <= 10
                    && who.chars().all(subject::is_cjk))
            {
                subject = (!nobody).then(|| who.to_string());
                ps += at + cue.len();
                let more = indicator::lead_len(&text[ps..pe]);
                ps += more;
                phrase = text.get(ps..pe).unwrap_or("");
            }
        }

        // A place alone before the number: 中原区增长7.5%. (Not a rank of
        // places before a count: 国家级开发区34家 counts the zones.)
        if let Some(place) = subject::place_prefix(phrase)
            && indicator::lead_len(&phrase[place.len()..]) == phrase.len() - place.len()
            && !(n.kind == UnitKind::Count && place.contains('级'))
        {
            subject = subject.or(Some(place.to_string()));
            ps = pe;
            phrase = "";
        }
        // 分别增长1.2倍和1.6倍: a conjunction alone names nothing; nor does a
        // comparison word left by its time (比“十一五”净增) or 各 (各提高了10个).
        if matches!(
            phrase,
            "和" | "及" | "与" | "或" | "以及" | "、" | "比" | "较" | "各"
        ) || indicator::compared_only(phrase)
            || (n.kind == UnitKind::Multiple && indicator::compared_with_benchmark(phrase))
        {
            phrase = "";
        }
        let w = words::words();
        // 人均突破1万美元 after 生产总值 (人均 is also a link, stripped with
        // the verb: 养老金月人均增加)
        let per_head = matches!(phrase, "人均" | "人")
            || (phrase.is_empty()
                && raw_core
                    .get(indicator::lead_len(raw_core)..)
                    .is_some_and(|r| {
                        [
                            "人均",
                            "月人均",
                            "年人均",
                            "每月人均",
                            "每人每月",
                            "每人每年",
                        ]
                        .iter()
                        .any(|p| r.starts_with(p))
                    }));
        let inherit_word = phrase.is_empty() || per_head || w.inherit.contains(phrase);

        // Time spans count only with a time indicator: 审批不超过100天, not 在40天内.
        if matches!(n.kind, UnitKind::Time | UnitKind::Age) {
            let lead_in = text.get(real_cs..n.span.0).unwrap_or("");
            if ["连续", "用", "在", "每", "历时", "经过", "提前", "近"]
                .iter()
                .any(|x| lead_in.ends_with(x))
            {
                return None;
            }
            let timed = [
                "时间", "时限", "天数", "工期", "时长", "审批", "办结", "开办", "周期", "用时",
                "寿命", "年龄", "天",
            ]
            .iter()
            .any(|x| words::has(phrase, x));
            let parallel = recs.last().is_some_and(|r| r.n.kind == n.kind);
            if !(timed || (parallel && !phrase.is_empty()) || (inherit_word && parallel)) {
                return None;
            }
        }

        // Counted things named after the number: 121个重大项目.
        let after = if attached_target {
            None
        } else if matches!(n.kind, UnitKind::Count | UnitKind::Measure)
            || (matches!(n.kind, UnitKind::Percent)
                && (text.get(n.span.1..)?.starts_with('的')
                    // 50%以上农产品加工企业入驻
                    || ((n.span.1 > n.figure.1
                        // 七成村, 三至四成企业: tenths of the things named
                        || text.get(..n.figure.1)?.trim_end_matches('多').ends_with('成'))
                        && text.get(n.span.1..)?.starts_with(subject::is_cjk))))
            // 筹措10.2亿元财政间歇资金, 设立1亿元产业发展基金: the money is named after it.
            || (n.kind == UnitKind::Money && phrase.chars().count() <= 2 && !phrase.is_empty())
        {
            indicator::after_phrase(text, n.span.1, ce).or_else(|| shared_after(text, cands, k, ce))
        } else {
            None
        };
        // 13个方面, 3亿左右的情况下: counts of aspects and circumstances, not of
        // things.
        if let Some((a, b)) = after
            && [
                "方面",
                "领域",
                "环节",
                "情况",
                "条件",
                "前提",
                "背景",
                "基础上",
            ]
            .iter()
            .any(|x| text[a..b].starts_with(x))
        {
            return None;
        }
        // 在全国26个省会城市中居于前列, 53个高新区中排第10位: the set a rank is
        // taken in, not a count of anything done.
        if n.kind == UnitKind::Count
            && let Some((a, b)) = after
            && text.get(a..b).is_some_and(|named| {
                named.match_indices('中').any(|(i, _)| {
                    // (集中居住: no set)
                    !named.get(..i).is_some_and(|h| h.ends_with(['集', '其']))
                        && named.get(i + '中'.len_utf8()..).is_some_and(|r| {
                            ["居", "排", "位", "名列", "列第", "处于"]
                                .iter()
                                .any(|w| r.starts_with(w))
                        })
                })
            })
        {
            return None;
        }
        // 16个州市政府所在地: the scope of the figures that follow.
        if n.kind == UnitKind::Count
            && text.get(n.span.1..ce).is_some_and(|r| {
                let end = r.char_indices().nth(12).map_or(r.len(), |(i, _)| i);
                words::has(&r[..end], "所在地")
            })
        {
            return None;
        }

        // Background counts: 依托4个园区, 围绕…8个领域.
        if n.kind == UnitKind::Count {
            let clause = text.get(real_cs..n.span.0).unwrap_or("");
            let about_projects =
                words::has(after.map(|(a, b)| &text[a..b]).unwrap_or(phrase), "项目");
            if w.instrument.occurs_in(clause) && !about_projects {
                return None;
            }
        }

        let amount = words::suffix_in(kept, &w.amount)
            .filter(|_| after.is_none() && !kept.starts_with('占') && !raw_core.ends_with('的'));
        let mut reach = n.span.1;
        let mut done = None;
        // The quantity and unit of the figure whose indicator this one takes.
        let mut inherited: Option<(Quantity, &'static str)> = None;
        let mut amount_of_count = false;
        // Where a verb written alone before the count starts, and its bytes.
        let mut count_verb = None;
        let (indicator, surface, surface_at);
        if let Some(amount) = amount {
            let at = pe.max(cs + kept.len()) - amount.len();
            // (存储器项目开工建设，总投资240亿美元: a sentence that names its
            // own project does not take the count of the sentence before)
            let own_project = text
                .get(sent.start..at)
                .is_some_and(|h| words::has(h, "项目"));
            let prev = inheritable(recs).or_else(|| carry.last.clone().filter(|_| !own_project));
            // 15个省、市重点项目快速推进，…开工率93.3%，已完成投资22.08亿元; 实施
            // 重点项目96个，总投资974.3亿元，当年完成投资188.2亿元: after a rate or
            // a sum, the projects the sentence counted first
            let de_name = after_de_name(text, n.span.1, ce);
            let counted = prev.filter(|p| p.kind == UnitKind::Count).or_else(|| {
                if de_name.is_some() {
                    return None;
                }
                recs.iter()
                    .find(|r| {
                        r.n.kind == UnitKind::Count
                            && !r.hidden
                            && (words::has(&r.indicator, "项目")
                                || words::has(&r.indicator, "工程"))
                    })
                    .map(Rec::prev)
            });
            amount_of_count = counted.is_some();
            // 全市住房和城乡建设完成投资921.6亿元: what the sum is of, written
            // before it
            // (总投资 stands before the project it sums, 总投资10亿元的…项目,
            // after a verb: 抓好总投资…)
            let owner = text.get(ps..at).unwrap_or("");
            let owned = owner.chars().filter(|&c| subject::is_cjk(c)).count() >= 2
                && !amount.contains("总投资")
                && !owner.ends_with('等')
                && !owner.contains(|c: char| c.is_ascii_digit())
                && de_name.is_none();
            let mut written_at = at;
            indicator = match counted {
                Some(p) => format!("{}{}", p.indicator, amount_core(amount, &p.indicator)),
                None if owned => {
                    let named = indicator::name(text, ps, pe, self.matcher);
                    if let Some((a, b)) = named.subject {
                        subject = Some(text[a..b].to_string());
                    }
                    written_at = named.surface.0.min(at);
                    named.indicator
                }
                None => {
                    // 总投资10亿元的河南惠洁管业…项目: the project is the subject.
                    if let Some((a, b)) = de_name {
                        subject = Some(text[a..b].to_string());
                        project_subject = true;
                        // (安排总投资3588亿元的重点项目260个: the name is also
                        // what the count after it counts, left for it to read)
                        if !text
                            .get(b..)
                            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                        {
                            reach = b;
                        }
                        format!("项目{amount}")
                    } else {
                        amount.to_string()
                    }
                }
            };
            surface = text
                .get(written_at..pe.max(at + amount.len()))
                .unwrap_or(amount)
                .to_string();
            surface_at = written_at;
        } else if let Some((a, b)) = after {
            let generic = matches!(&text[a..b], "项目" | "具体项目");
            if generic && !inherit_word && !ends_with_deng && !raw.trim_end().ends_with('的') {
                // 百年德化历史文化街区建设10个具体项目
                indicator = format!("{phrase}项目");
                surface = phrase.to_string();
                surface_at = ps;
            } else if let Some(who) = people_before_act(phrase, &text[a..b]) {
                // 农村贫困人口60余万人脱贫, 吸引求职者5200余人次入场: who is
                // counted is named before the number, what they did after it
                indicator = format!("{who}{}", &text[a..b]);
                surface = text[ps..b].to_string();
                surface_at = ps;
            } else {
                let named = indicator::name(text, a, b, self.matcher);
                // What is counted comes first: no place is split off it.
                let counted = if named.subject.is_some() {
                    text[a..b].to_string()
                } else {
                    named.indicator
                };
                done = indicator::done_after(text, b, ce)
                    .or_else(|| indicator::treated_after(text, &text[real_cs..n.span.0], b, ce));
                // 新建1家国家级重点实验室, 整合600所乡村小规模学校: the verb
                // alone before the count says what is counted of the things,
                // as it does written first (新建实验室1家)
                // (引进5个“四力型”项目 counts the projects, as the seeds' gold
                // reads it: bringing in names no change of the things;
                // 改造119条背街小巷全部完成升级改造: the action after says it)
                let said_after = done
                    .and_then(|(x, y)| text.get(x..y))
                    .is_some_and(|action| action.contains(phrase));
                let made = matches!(n.kind, UnitKind::Count | UnitKind::Measure)
                    && (w.list_verbs.contains(phrase) || w.count_verbs.contains(phrase))
                    && !["引进", "新引进"].contains(&phrase)
                    && !counted.starts_with(phrase)
                    && !said_after;
                indicator = if made {
                    count_verb = Some((ps, phrase.len()));
                    format!("{phrase}{counted}")
                } else {
                    counted
                };
                surface = text[a..b].to_string();
                surface_at = a;
            }
            reach = done.map_or(b, |d| d.1);
            // 6%以上的经济增长目标
            if indicator::goal_for_rate(&text[a..b]) {
                link_text = Cow::Owned(format!("增速{link_text}"));
            }
        } else if !inherit_word {
            let named = indicator::name(text, ps, pe, self.matcher);
            if let Some((a, b)) = named.subject {
                subject = Some(text[a..b].to_string());
            }
            surface = text[named.surface.0..named.surface.1].to_string();
            surface_at = named.surface.0;
            // 研学游持续升温，接待量突破300万人次: a bare measure takes the
            // topic the clause before opened with
            let topic = (recs.is_empty() && BARE_MEASURES.contains(&surface.as_str()))
                .then(|| self.topic_before(sent, real_cs))
                .flatten();
            indicator = match topic {
                Some(topic) => indicator::name_str(&format!("{topic}{surface}"), self.matcher),
                None => named.indicator,
            };
        } else {
            // The figure before in this sentence, a known indicator named
            // earlier in it, or — for a sentence that opens with its figure
            // (今年，力争增长9%以上) — the last figure of the paragraph.
            let opens = text::clause_start(text, sent, real_cs.saturating_sub(1)) == sent.start
                || real_cs == sent.start;
            // 十是完成80个: a numbered item is a new item, not the one before
            let numbered = text::ordinal_len(sent.of(text).trim_start()) > 0;
            // …降幅收窄至-2.1%，固定资产投资由负转正，增长3.2%: an indicator
            // named after the last figure is the one meant
            // (not in an aside: （剔除出口退税因素，达180.3亿元）); only the
            // words after that figure are searched
            let fresh = recs
                .last()
                .filter(|r| {
                    r.reach < cs
                        && !text
                            .get(r.reach..cs)
                            .is_some_and(|t| t.contains(['（', '(']))
                })
                .and_then(|r| {
                    self.named_before(
                        Part {
                            start: r.reach,
                            ..sent
                        },
                        cs,
                    )
                });
            let prev = fresh
                .or_else(|| inheritable(recs))
                .or_else(|| self.named_before(sent, cs))
                .or_else(|| per_head.then(|| self.clause_before(sent, cs)).flatten())
                // 市区烟尘控制区扩大了194平方公里 after 生活污水处理率…6.1%: an
                // amount in other units is not the last sentence's figure
                // again (a rate may be: 今年，力争增长9% after 生产总值4000亿元)
                .or_else(|| {
                    carry
                        .last
                        .as_ref()
                        .filter(|p| {
                            opens
                                && !numbered
                                // (推动30%教师利用慕课学习, 5.3万“4050”失业人员实现
                                // 再就业: a figure the words after it name)
                                && text.get(n.span.1..).is_none_or(ends_figure)
                                // (争取的499亿元政府专项债券: the money names
                                // itself after the number)
                                && !(n.kind == UnitKind::Money
                                    && text
                                        .get(n.span.1..)
                                        .is_some_and(|a| {
                                            a.starts_with(subject::is_cjk)
                                                && patterns::money_noun(a)
                                        }))
                                && (p.unit == n.unit
                                    || matches!(n.kind, UnitKind::Percent | UnitKind::Points))
                        })
                        .cloned()
                });
            // 新增18万吨 with no figure or indicator before it to count
            // more of: the verb is all the text says of it.
            let bare_new = raw_core.rfind("新增").filter(|&at| {
                indicator::strip_tail(&raw_core[at..]).is_empty()
                    && raw_core[..at].trim_end_matches(['，', ',']).is_empty()
            });
            let prev = match (prev, bare_new) {
                (Some(prev), _) => prev,
                (None, Some(at)) => Prev {
                    indicator: "新增".to_string(),
                    surface: "新增".to_string(),
                    at: cs + at,
                    quantity: Quantity::Level,
                    unit: n.unit,
                    kind: n.kind,
                    subject: None,
                },
                (None, None) => return None,
            };
            // `prev` is a copy made for this figure: its strings are moved
            // into the record, not copied again.
            inherited = Some((prev.quantity, prev.unit));
            if per_head {
                // 人均16000元 after 生产总值: the per-head figure of it (after
                // a per-head figure, that figure's again).
                indicator = if prev.indicator.starts_with("人均") {
                    prev.indicator
                } else {
                    indicator::name_str(&format!("人均{}", prev.surface), self.matcher)
                };
                surface = phrase.to_string();
                surface_at = ps;
            } else {
                // 新增企业58家，总数达到1236家: the total is of all of them, not
                // of the new ones.
                let total = ["总数", "总量", "总额", "规模", "总规模"].contains(&phrase);
                let all = ["新增", "新培育", "新引进", "新认定", "新注册", "新发展"]
                    .iter()
                    .find_map(|w| prev.indicator.strip_prefix(w))
                    .filter(|rest| total && rest.chars().count() >= 2);
                indicator = match all {
                    Some(rest) => rest.to_string(),
                    None => prev.indicator,
                };
                surface = prev.surface;
                surface_at = prev.at;
            }
            if subject.is_none() {
                subject = prev.subject;
            }
        }

        // 税收收入完成45.6亿元，占一般公共预算收入的比重为78.9%: a share
        // written with 占 alone is the share the figure before takes (in
        // the same part of the sentence: not across a ；).
        let indicator = match recs.last().filter(|r| {
            indicator.starts_with('占')
                && !r.hidden
                && !r.indicator.starts_with('占')
                && text
                    .get(r.reach..n.span.0)
                    .is_some_and(|between| !between.contains(['；', ';']))
        }) {
            Some(r) => format!("{}{indicator}", r.indicator),
            None => indicator,
        };
        // 力争9% after 增长8.5%, 收窄至-4.3% after 下降8.7%: the rate of the
        // figure before, unless the words say a level (为71.1%).
        let rate_again = inherited.is_some_and(|(quantity, unit)| {
            quantity == Quantity::Growth && unit == n.unit && n.kind == UnitKind::Percent
        }) && !link_text.contains('为')
            && !link_text.contains('占')
            && !link_text.contains("恢复");
        let mut cand = c.clone();
        cand.growth |= rate_again;
        let mut rec = self.record(&cand, &link_text, indicator, surface, surface_at, real_cs);
        // (a project named as the subject of its sum is no one else's)
        rec.subject = subject.or_else(|| {
            recs.last()
                .filter(|r| !r.project_subject)
                .and_then(|r| r.subject.clone())
        });
        rec.project_subject = project_subject;
        rec.attached_target = attached_target;
        rec.task_set = task && !raw.contains("完成");
        // 比省平均低20%、14%: the values listed after a difference are
        // differences too.
        let listed = !raw.is_empty() && raw.trim_matches(['、', '和', '及', '与', ' ']).is_empty();
        rec.hidden = benchmark.is_some()
            || (listed && recs.last().is_some_and(|r| r.hidden && r.reach <= n.span.0));
        // 分别下降27%、34.3%: a value listed after a decrease, with no verb of
        // its own, is a decrease too.
        if listed
            && rec.quantity == Quantity::Growth
            && rec.value > 0.0
            && recs.last().is_some_and(|r| {
                r.quantity == Quantity::Growth
                    && r.value < 0.0
                    && !r.n.minus
                    && r.n.unit == rec.n.unit
                    && r.reach <= n.span.0
            })
        {
            rec.negate();
        }
        rec.amount_of_count = amount_of_count;
        rec.done = done;
        rec.secondary = rec.quantity == Quantity::Share
            && (kept.starts_with('占')
                || kept.starts_with("相当于")
                || ((kept.starts_with("完成")
                    || kept.starts_with('为')
                    || kept.starts_with('是'))
                    && raw.trim_end().ends_with('的')));
        rec.reach = reach.max(rec.reach);
        rec.ev = (surface_at.min(n.span.0), reach.max(n.span.1));
        if let Some((at, len)) = count_verb {
            rec.ev.0 = rec.ev.0.min(at);
            rec.shared_verb = len;
        }
        // 完成投资95.6亿元，占年度计划的102.3%: a share of the plan is the
        // share of the figure before it
        if rec.quantity == Quantity::Share
            && surface_at < n.span.0
            && let Some(prev) = recs.last().filter(|p| !p.hidden && !p.secondary)
            && let Some((joiner, plan)) = indicator::plan_share(&rec.indicator, self.matcher)
        {
            let joiner = if words::has(&prev.indicator, "完成") {
                "占"
            } else {
                joiner
            };
            rec.indicator = format!("{}{joiner}{plan}", prev.indicator);
            rec.ev.0 = rec.ev.0.min(prev.surface_at);
            rec.secondary = true;
        }
        if c.baseline.is_some() && !c.from_now {
            rec.from_to = true;
        }

        // One rate for a list of indicators: 高新技术企业、科技型中小企业增长一倍以上.
        if matches!(
            rec.quantity,
            Quantity::Growth | Quantity::Multiple | Quantity::Share
        ) && !ends_with_deng
            && after.is_none()
            && amount.is_none()
            && !inherit_word
            && rec.surface_at == ps
        {
            let items = indicator::list_items(text, ps, pe, 0);
            if items.len() >= 2
                && items
                    .iter()
                    .all(|(s, _, _)| looks_like_indicator(s, self.matcher))
            {
                for (name, a, b) in items {
                    let mut r = rec.clone();
                    r.indicator = indicator::name_str(&name, self.matcher);
                    r.surface = text[a..b].to_string();
                    r.surface_at = a;
                    r.ev = (a, n.span.1);
                    recs.push(r);
                }
                return Some(());
            }
        }
        recs.push(rec);
        Some(())
    }

    /// The last known indicator written earlier in the sentence, for a
    /// clause that names none (`地区生产总值力争跨两个千亿元台阶，达到5000亿元以上`).
    #[allow(
        clippy::string_slice,
        reason = "a and b are a phrase's bounds found in head by the indicator search"
    )]
    fn named_before(&self, sent: Part, until: usize) -> Option<Prev> {
        let head = self.text.get(sent.start..until)?;
        let (a, b, canonical) = self.matcher.last_form(head)?;
        Some(Prev {
            indicator: canonical.to_string(),
            surface: head[a..b].to_string(),
            at: sent.start + a,
            kind: UnitKind::None,
            subject: None,
            quantity: Quantity::Level,
            unit: "",
        })
    }

    /// The topic the clause before `cs` in its sentence opens with, when
    /// that clause only says how the topic fares (研学游持续升温, 第三产业加快
    /// 发展) and the topic is a sector or a trade: the words before its first
    /// adverb or verb of faring.
    fn topic_before(&self, sent: Part, cs: usize) -> Option<&'t str> {
        let head = self.text.get(sent.start..cs)?;
        let body = head.trim_end_matches(['，', ',', ' ']);
        if body.len() == head.len() {
            return None;
        }
        let (_, clause) = final_clause(body);
        let clause = clause.get(indicator::lead_len(clause)..)?;
        let (at, _) = words::first_of(clause, &FARES)?;
        let topic = clause.get(..at)?;
        let n = topic.chars().count();
        // (a sector or a trade: 服务业, 民营经济, 研学游, 电子商务; not 乡镇企业继续)
        let sector = ["业", "经济", "游", "商务", "集群"]
            .iter()
            .any(|w| topic.ends_with(w))
            && !["促进", "落实", "推动", "推进", "支持", "大力"]
                .iter()
                .any(|w| topic.starts_with(w));
        ((2..=8).contains(&n) && sector && topic.chars().all(subject::is_cjk)).then_some(topic)
    }

    /// 提高企业退休人员养老金水平，人均增加140元: the clause right before a
    /// per-head figure that names nothing, when it holds no figure itself,
    /// names it (without the verb that raises it). Only per head: before a
    /// bare figure such a clause is as often a task (加强农村卫生工作，安排1.5亿元).
    #[allow(
        clippy::string_slice,
        reason = "offsets are ends of marks and lengths of stripped prefixes, within head"
    )]
    fn clause_before(&self, sent: Part, cs: usize) -> Option<Prev> {
        let head = self.text.get(sent.start..cs)?;
        let body = head.trim_end_matches(['，', ',', '；', ';', ' ']);
        let (start, clause) = final_clause(body);
        if clause.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut lead = indicator::lead_len(clause);
        if let Some(v) = [
            "提高了",
            "增加了",
            "提高",
            "增加",
            "提升",
            "上调",
            "降低",
            "扩大",
            "加大",
        ]
        .iter()
        .find(|v| clause[lead..].starts_with(**v))
        {
            lead += v.len();
        }
        let phrase = indicator::strip_tail(&clause[lead..]);
        let n = phrase.chars().count();
        if !(2..=16).contains(&n) || !phrase.chars().all(subject::is_cjk) {
            return None;
        }
        Some(Prev {
            indicator: indicator::name_str(phrase, self.matcher),
            surface: phrase.to_string(),
            at: sent.start + start + lead,
            kind: UnitKind::None,
            subject: None,
            quantity: Quantity::Level,
            unit: "",
        })
    }

    /// The record of figure `c` for an indicator a list names: its evidence
    /// runs from the name to the figure.
    fn record_named(&self, c: &Cand, link: &str, named: Named, sent: Part) -> Rec {
        let at = named.at;
        let cs = text::clause_start(self.text, sent, c.n.span.0);
        let mut rec = self.record(c, link, named.indicator, named.surface, at, cs);
        rec.subject = named.subject;
        rec.ev = (at.min(c.n.span.0), c.n.span.1);
        rec
    }

    /// A target's number, quantity, sign and baseline; `clause_start` is
    /// where the clause of its number starts.
    fn record(
        &self,
        c: &Cand,
        link: &str,
        indicator: String,
        surface: String,
        surface_at: usize,
        clause_start: usize,
    ) -> Rec {
        let n = &c.n;
        let mut warnings = Vec::new();
        let (quantity, decrease) = if c.growth {
            // 降幅收窄至2.1% after another rate: still a decline; so is a
            // rate of its own verb (年均下降8.3%，五年下降35%)
            (
                Quantity::Growth,
                words::has(link, "降幅") || patterns::is_decrease(link),
            )
        } else {
            patterns::quantity(n, link, &indicator, c.guessed && n.unit == "%")
        };
        let mut number = n.clone();
        if decrease {
            if n.minus {
                warnings.push(WarningCode::OddNumber);
            } else {
                number = numbers::negate(number);
            }
        }
        if c.guessed && n.unit != "指数" {
            warnings.push(WarningCode::UnitGuessed);
        }
        if n.broken {
            warnings.push(WarningCode::OddNumber);
        }
        if quantity == Quantity::Growth
            && ((n.unit == "%" && patterns::is_ratio(&indicator) && !indicator.ends_with("指数"))
                || (n.unit == "百分点" && indicator.contains("能耗")))
        {
            warnings.push(WarningCode::PointsOrPercent);
        }
        let baseline = c
            .baseline
            .as_ref()
            .map(|x| if decrease { -x.value } else { x.value });
        Rec {
            quantity,
            value: number.value,
            value_high: number.value_high,
            n: number,
            indicator,
            surface,
            surface_at,
            subject: None,
            baseline,
            ev: (surface_at.min(n.span.0), n.span.1),
            warnings,
            from_to: c.baseline.is_some() && !c.from_now,
            from_now: c.from_now,
            attached_target: false,
            task_set: false,
            clause_start,
            reach: n.span.1,
            secondary: false,
            hidden: false,
            project_subject: false,
            amount_of_count: false,
            per_place: false,
            done: None,
            shared_verb: 0,
        }
    }

    /// The figure's period, and whether a time written in its own sentence
    /// gave it (rather than one carried from before, a heading or the title).
    fn period_of(
        &self,
        rec: &Rec,
        mentions: &[Mention],
        carry: &Carry,
    ) -> (Option<Resolved>, bool, bool) {
        let pos = rec.n.span.0;
        let rest = Part {
            start: rec.clause_start,
            end: self.text.len(),
        };
        let mut limit = text::clause_end(self.text, rest, rec.n.span.1);
        // A figure that opens a noun phrase (总投资10亿元的…项目，作为全市2016年
        // 第三批…) takes its time from the clause that phrase is the subject of.
        if self
            .text
            .get(rec.n.span.1..)
            .is_some_and(|r| r.starts_with('的'))
        {
            let mark = self.text.get(limit..).and_then(|r| r.chars().next());
            limit = text::clause_end(self.text, rest, limit + mark.map_or(0, char::len_utf8));
        }
        let usable = |m: &&Mention| !m.baseline;
        let mut before = mentions.iter().rev().filter(usable).find(|m| m.end <= pos);
        let average = self.average_over_from_to(rec, mentions, before);
        if let Some(to) = before
            && to.end <= rec.clause_start
            && average.is_none()
            && let Some(frame) = self.frame_before_change(to, mentions)
        {
            before = Some(frame);
        }
        // A time written after the figure counts only that near (增长8%（2017
        // 年）): one clauses later is about something else (…，完成省下达
        // “十五五”碳排放强度目标).
        let after = mentions
            .iter()
            .filter(usable)
            .find(|m| m.start >= rec.n.span.1 && m.start < limit);
        let year_context = mentions
            .iter()
            .rev()
            .filter(usable)
            .filter(|m| m.end <= pos)
            .find_map(|m| match m.period {
                Period::Year(y) => Some(y),
                Period::Months { year: Some(y), .. } => Some(y),
                Period::Relative(d) => self.present.map(|p| p + d),
                _ => None,
            })
            .or(carry.year)
            .or(match self.section_period() {
                Some(Period::Year(y)) => Some(y),
                _ => None,
            });
        let written = before
            .or(after)
            .map(|m| average.unwrap_or_else(|| self.total_ahead(m, mentions, carry)));
        let plan = average_over_plan(self.text, rec, mentions, before.or(after), carry);
        let stated = plan.or(written).or(carry.period).or(self.section_period());
        let period = stated.or(self.title_period).or(Some(Period::ContextYear));
        // No time of the figure's own, its sentences' or its section's, or
        // only 全年 with no year to take: the year is the present by default.
        let presumed =
            stated.is_none() || (period == Some(Period::ContextYear) && year_context.is_none());
        // 到2025年…。截至11月底，… on a page of November 2024: months counted
        // up to a month the page's date has reached are this year's, not
        // those of a plan's horizon (2023年…一季度开工率超70% stays 2023).
        let counted_to_date = || {
            before.or(after).is_some_and(|m| {
                let (h, t) = self.text.split_at(m.start);
                ["截至", "截止"]
                    .iter()
                    .any(|w| h.ends_with(w) || t.starts_with(w))
            })
        };
        let year_context = match (period, year_context, self.present, self.dated) {
            (Some(Period::Months { year: None, to, .. }), Some(y), Some(p), Some((_, month)))
                if y > p && to <= month && counted_to_date() =>
            {
                Some(p)
            }
            _ => year_context,
        };
        // 全年 takes its year from elsewhere, so it is not a time written.
        (
            period.and_then(|p| period::resolve(p, self.present, self.late, year_context)),
            written.is_some_and(|p| p != Period::ContextYear),
            presumed,
        )
    }

    /// 2010年达到5515.8亿元，是2005年的2.4倍，五年年均增长14.8%: an average
    /// rate is over several years, so a single year found for it is the last
    /// of them. The first is the one after a year it is compared with in its
    /// sentence (比1997年, 是2005年的), or the one its count of years gives
    /// (五年年均); else the span of years its section, paragraph or title is
    /// about, when that span ends in the year; else, for a year still ahead
    /// (到2025年…年均增长5.5%), the present. Otherwise the year stays.
    fn average_over_years(
        &self,
        rec: &Rec,
        mentions: &[Mention],
        carry: &Carry,
        resolved: Option<Resolved>,
    ) -> Option<Resolved> {
        let r = resolved?;
        let head = self.text.get(rec.clause_start..rec.n.span.0)?;
        if rec.quantity != Quantity::Growth
            || r.from != r.to
            || r.months.is_some()
            || !head.contains("年均")
        {
            return resolved;
        }
        let last = r.to;
        let span = |from: i32| {
            Some(Resolved {
                from,
                to: last,
                months: None,
            })
        };
        let sentence_start = self
            .text
            .get(..rec.n.span.0)?
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '。' | '；' | '\n'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let compared = mentions.iter().rev().find_map(|m| match m.period {
            Period::Year(y)
                if m.baseline && y < last && m.start >= sentence_start && m.end <= rec.n.span.0 =>
            {
                Some(y)
            }
            _ => None,
        });
        if let Some(first) = compared {
            return span(first + 1);
        }
        let counted = head
            .split("年均")
            .next()
            .and_then(|h| h.strip_suffix('年'))
            .and_then(|h| h.char_indices().next_back().and_then(|(i, _)| h.get(i..)))
            .and_then(|n| match n {
                "两" => Some(2),
                n => crate::numbers::chinese_numeral(n).map(|n| n as i32),
            })
            .filter(|n| (2..=10).contains(n));
        if let Some(n) = counted {
            return span(last - n + 1);
        }
        let about = [carry.period, self.section_period(), self.title_period]
            .into_iter()
            .flatten()
            .filter_map(|p| self.at_present(p))
            .find(|s| s.months.is_none() && s.from < s.to);
        match (about, self.present) {
            (Some(s), _) if s.to == last => span(s.from),
            (_, Some(p)) if last > p + i32::from(self.late) => span(p + i32::from(self.late)),
            _ => resolved,
        }
    }

    /// 五年累计 sums the five years the text is about: in a plan (到2015年，…，
    /// 五年累计利用外资60亿美元; 今后五年…) the five years up to its horizon,
    /// not the five before the present that a review counts.
    fn total_ahead(&self, m: &Mention, mentions: &[Mention], carry: &Carry) -> Period {
        if self.text.get(m.start..m.end) != Some("五年累计") {
            return m.period;
        }
        let Some(present) = self.present else {
            return m.period;
        };
        let horizon = mentions
            .iter()
            .rev()
            .filter(|x| !x.baseline && x.end <= m.start)
            .map(|x| x.period)
            .next()
            .or(carry.period);
        match horizon {
            Some(Period::Year(y)) if y > present => Period::Years(y - 4, y),
            Some(Period::Years(a, b)) if a >= present && b - a == 4 => Period::Years(a, b),
            Some(Period::RelativeSpan(0, b)) => Period::RelativeSpan(0, b),
            _ => m.period,
        }
    }

    /// The year of a figure that only defaults to the present, moved to the
    /// year a report speaks of:
    /// - a result in a report of January to March is of the year just closed,
    ///   the present year has hardly begun (新开通洲际货运航线9条 in a work report
    ///   of January 2023; 全年改造旧村16个). Not in news, whose results are
    ///   mostly of the day told (2月15日，…签约项目43个), nor for an `event` of
    ///   a past day;
    /// - a goal in a report of November or December is of the year about to
    ///   begin (确保粮食播种面积稳定在550万亩以上 in a work report of 2022-12-29 is
    ///   a goal of 2023).
    fn presumed_year(
        &self,
        resolved: Option<Resolved>,
        status: Status,
        event: bool,
    ) -> Option<Resolved> {
        let Some(present) = self.present else {
            return resolved;
        };
        let year = match status {
            Status::Actual
                if !event
                    && self.reviews_last_year
                    && self.dated.is_none_or(|(year, _)| year == present) =>
            {
                present - 1
            }
            Status::Target if self.plans_next_year => present + 1,
            _ => return resolved,
        };
        match resolved {
            Some(r) if r.months.is_none() && r.from == present && r.to == present => {
                Some(Resolved {
                    from: year,
                    to: year,
                    months: None,
                })
            }
            _ => resolved,
        }
    }

    /// “十四五”以来，…由2020年的586亿元增加到2022年的712亿元；累计新增…: the
    /// year a change reached (`to`) dates that change's figures; a clause
    /// after it takes the frame written before it in the sentence, if any.
    fn frame_before_change<'m>(
        &self,
        to: &Mention,
        mentions: &'m [Mention],
    ) -> Option<&'m Mention> {
        let reached = matches!(to.period, Period::Year(_))
            && self
                .text
                .get(..to.start)
                .is_some_and(|h| h.ends_with(['到', '至']))
            && self.text.get(to.end..).is_some_and(|t| t.starts_with('的'));
        if !reached {
            return None;
        }
        // (a frame is a time the sentence is set in: “十四五”以来, 五年来, 过去五年，
        // not 1949—2000年的 of a comparison)
        mentions.iter().rev().find(|m| {
            !m.baseline
                && m.end <= to.start
                && match m.period {
                    Period::RelativeSpan(..) => true,
                    Period::Years(..) => self.text.get(m.end..).is_some_and(|t| {
                        ["以来", "期间", "时期", "，", ","]
                            .iter()
                            .any(|w| t.starts_with(w))
                    }),
                    _ => false,
                }
        })
    }

    /// 从2006年的2628亿元增加到2011年的4735亿元，年均增长11.1%: an average
    /// rate after a change between two years is over the years after the
    /// first, up to the second (2007-2011), not of the second alone.
    fn average_over_from_to(
        &self,
        rec: &Rec,
        mentions: &[Mention],
        before: Option<&Mention>,
    ) -> Option<Period> {
        let to = before?;
        let Period::Year(last) = to.period else {
            return None;
        };
        let head = self.text.get(rec.clause_start..rec.n.span.0)?;
        if rec.quantity != Quantity::Growth || !head.contains("年均") {
            return None;
        }
        let from = mentions.iter().rev().find(|m| m.end <= to.start)?;
        let Period::Year(first) = from.period else {
            return None;
        };
        let between = self.text.get(from.end..to.start)?;
        let joined = from.baseline
            && first < last
            && ["到", "至"].iter().any(|w| between.contains(w))
            && !between.contains(['。', '；', '，']);
        joined.then_some(Period::Years(first + 1, last))
    }

    #[allow(clippy::string_slice, reason = "cues are regex match bounds in text")]
    fn status_of(
        &self,
        rec: &Rec,
        cues: &[Cue],
        carry: &Carry,
        (resolved, written): (Option<Resolved>, bool),
        contrast: bool,
    ) -> Status {
        let pos = rec.n.span.0;
        let cs = rec.clause_start;
        let past =
            resolved.is_some_and(|r| self.over(r)) || self.section_status() == Some(Status::Actual);
        let strong = |c: &&Cue| {
            matches!(
                c.kind,
                status::CueKind::TargetStrong
                    | status::CueKind::ActualStrong
                    | status::CueKind::Estimate
            )
        };
        let mut score = 0.0f32;
        // With a goal quoted next to a result (低于4.2%的控制目标), 目标 belongs
        // to that goal only.
        let text = self.text;
        let usable = |c: &&Cue| !(contrast && words::has(&text[c.start..c.end], "目标"));
        // The cues of the figure's clause and of the clauses before, walked
        // again where needed rather than collected: this runs for every
        // figure, and a sentence holds few cues.
        let in_clause = || {
            cues.iter()
                .filter(usable)
                .filter(move |c| c.start >= cs && c.end <= pos)
        };
        let earlier = || cues.iter().filter(usable).filter(move |c| c.end <= cs);
        let any_cue = in_clause().next().is_some() || earlier().next().is_some();
        // 累计 says a figure adds up, not when: after a plan cue of its clause
        // (力争在役工业机器人累计突破10万台) the sum is planned too.
        let planned = in_clause().any(|c| c.kind == status::CueKind::TargetStrong);
        let counts = |c: &&Cue| !(planned && text.get(c.start..c.end) == Some("累计"));
        let own = in_clause()
            .filter(counts)
            .rev()
            .find(strong)
            .or_else(|| in_clause().rfind(counts))
            .copied();
        if let Some(c) = own {
            score += c.weight(3.0, 2.0, past);
        }
        // The nearest strong cue of the earlier clauses governs them (力争 at
        // the head of a list), weaker the farther it is; else the nearest
        // weak one.
        if let Some(c) = earlier().rev().find(strong) {
            let far = if cs.saturating_sub(c.end) > 300 {
                0.3
            } else {
                1.0
            };
            score += far * c.weight(2.0, 0.5, past);
        } else if let Some(c) = earlier().next_back() {
            score += c.weight(2.0, 0.5, past);
        }
        // What earlier sentences of the paragraph said, when this one is silent.
        if !any_cue {
            score += carry.cue;
        }
        // A requirement written before the figure (不低于, 控制在) reads as a goal.
        let pre = self.text.get(rec.n.span.0..rec.n.figure.0).unwrap_or("");
        if ["不低于", "不少于", "不超过", "不高于", "至少", "控制在"].contains(&pre)
        {
            score += 1.0;
        }
        if rec.attached_target {
            score += 6.0;
        } else if rec.task_set {
            // a task is a goal, but quotes no goal beside a result: the
            // figures around it keep their own status
            score += 3.0;
        } else if contrast && !any_cue {
            score -= 2.0;
        }
        if rec.from_to {
            score -= 2.0;
        }
        if rec.from_now {
            score += 2.0;
        }
        // The section leans; a cue in the figure's own clause leans harder.
        let section = if own.is_some() { 1.0 } else { 2.0 };
        score += match self.section_status() {
            Some(Status::Target) => section,
            Some(Status::Actual) => -section,
            None => 0.0,
        };
        let already = own.is_some_and(|c| text[c.start..c.end].starts_with('已'));
        if let (Some(r), Some(p)) = (resolved, self.present) {
            score += if self.over(r) {
                -1.5
            } else if r.from >= p && r.to > p && written && !already && self.dated.is_some() {
                // 到2026年累计建成, “十四五”期间累计完成 in 2021: a time that
                // has not begun, or has only begun, holds no result yet,
                // whatever the verb. Only for a time written in the sentence
                // (one carried from a sentence before may be about something
                // else) on a dated page (a present guessed from the years the
                // text names is not sure enough). 已安排2009年资金 is done.
                4.0
            } else if r.from > p {
                // a time still ahead holds no result: it outweighs a result
                // cue carried from the sentence before (…；城镇化率提高到58%
                // after 到2027年 in a paragraph that opened with a past day)
                2.0
            } else if let Some((_, last)) = r.months {
                // 上半年…控制在3.5%以内 in August: months that are over
                // are reported, whatever the verb
                if self.dated.is_some_and(|d| (r.to, last) < d) {
                    -1.5
                } else {
                    -1.0
                }
            } else if r.from < r.to {
                1.0
            } else if self.dated.is_some_and(|(y, m)| y == r.to && m >= 11) {
                // this year's figure in a November or December article: the
                // year is all but over, what it reports is done
                -1.0
            } else {
                0.0
            };
        }
        if score > 0.0 {
            Status::Target
        } else if score < 0.0 || carry.event {
            // (a paragraph that reports a day's event reports its figures,
            // unless a word or a time says otherwise: a better guess than
            // the whole text's leaning)
            Status::Actual
        } else {
            self.default_status
        }
    }

    /// A strong plan cue before the figure in its sentence (力争, 计划, 确保).
    fn cued_target(&self, rec: &Rec, cues: &[Cue]) -> bool {
        cues.iter().any(|c| {
            c.end <= rec.n.span.0
                && c.start >= rec.clause_start.min(rec.n.span.0)
                && c.kind == status::CueKind::TargetStrong
        }) || rec.attached_target
    }

    /// The place a sentence is about, named at its start
    /// (`开发区2017年经济社会发展的预期目标是`).
    #[allow(
        clippy::string_slice,
        reason = "at and skip are match ends and the lengths of matched prefixes, within s"
    )]
    fn sentence_subject(&self, sent: Part) -> Option<String> {
        let s = sent.of(self.text);
        // No place suffix near the start, no place: most sentences stop here.
        if !s
            .chars()
            .take(24)
            .any(|c| ['区', '县', '市', '省', '州', '镇', '乡', '盟', '旗', '国'].contains(&c))
        {
            return None;
        }
        let mut at = 0;
        loop {
            let rest = &s[at..];
            let skip = indicator::lead_len(rest);
            let rest2 = &rest[skip..];
            let trimmed = rest2.trim_start_matches(['，', ',', ' ', '：', ':']);
            let moved = rest.len() - trimmed.len();
            if moved == 0 {
                break;
            }
            at += moved;
        }
        // 扎实推进无规定动物疫病区…建设: the place is what the verb acts on.
        if subject::governed(&s[..at]) {
            return None;
        }
        let rest = &s[at..];
        let place = subject::place_prefix(rest).filter(|p| !p.is_empty())?;
        // The place is the sentence's topic when a time, a cue or a
        // preposition follows it (开发区2017年…, 二七特色商业区以打造…).
        let after = &rest[place.len()..];
        let topic = after.starts_with(|c: char| c.is_ascii_digit())
            || [
                "今年", "明年", "去年", "全年", "要", "将", "以", "按照", "在", "力争", "确保",
                "计划", "的", "和", "、", "，", ",", "：", ":", "经济", "共", "累计", "已", "目前",
                "“十",
            ]
            .iter()
            .any(|w| after.starts_with(w));
        topic.then(|| place.to_string())
    }

    #[allow(
        clippy::string_slice,
        reason = "a and b are the bounds of a qualitative match in text"
    )]
    fn qualitative(&mut self, sent: Part, cands: &[Cand]) {
        // Clause marks and the characters a goal's verbs start with, found by
        // byte scans: this runs over every sentence where goals are listed.
        static CLAUSE_END: CharSet = CharSet::of(&['，', '；', ',', '：', ':', '。']);
        static GOAL_VERB: CharSet = CharSet::of(&[
            '增', '提', '改', '降', '优', '同', '完', '控', '稳', '高', '快', '超', '不',
        ]);
        let text = self.text;
        let s = sent.of(text);
        let mut at = 0;
        // The clauses, each with the mark that ends it (split_inclusive).
        while let Some(clause) = s.get(at..).filter(|r| !r.is_empty()) {
            let len = CLAUSE_END
                .next_in(clause, 0)
                .map_or(clause.len(), |(i, c)| i + c.len_utf8());
            let clause = clause.get(..len).unwrap_or(clause);
            let start = sent.start + at;
            let end = start + clause.len();
            at += clause.len();
            if cands
                .iter()
                .any(|c| c.n.span.0 >= start && c.n.span.0 < end)
            {
                continue;
            }
            let core = clause.trim_end_matches(['，', '；', ',', '：', ':', '。']);
            if core.len() > 40 && core.chars().count() > 40 {
                continue;
            }
            // (a standing striven for names no known indicator: 力争跨入…)
            let striven = words::first_of(core, &qualitative::STRIVE_CUES).is_some();
            if !striven && GOAL_VERB.next_in(core, 0).is_none() {
                continue;
            }
            let duty = (core.contains('完') && core.contains("完成"))
                || (core.contains('控') && core.contains("控制在"));
            if !duty && !striven && !self.matcher.has_form(core) {
                continue;
            }
            if let Some((indicator, a, b)) = qualitative::find(core, self.matcher) {
                let (a, b) = (start + a, start + b);
                let st = match self.section_status() {
                    Some(st) => st,
                    None => self.default_status,
                };
                self.out.qualitative.push(Qualitative {
                    indicator,
                    status: st,
                    evidence: text[a..b].to_string(),
                    span: Span(a, b),
                });
            }
        }
    }
}

/// The items of a sorted list that lie inside `part`, which starts no
/// earlier than the part of the call before; `before` counts the items that
/// start before that part. Read forward from there: the sentences of a text
/// are read in order, and a binary search over all its items for each cost
/// more.
#[allow(clippy::indexing_slicing, reason = "keep counts a prefix of slice")]
fn within<'a, T>(
    items: &'a [T],
    before: &mut usize,
    part: Part,
    span: impl Fn(&T) -> (usize, usize),
) -> &'a [T] {
    let rest = items.get(*before..).unwrap_or(&[]);
    let skip = rest.iter().take_while(|x| span(x).0 < part.start).count();
    *before += skip;
    let rest = rest.get(skip..).unwrap_or(&[]);
    let n = rest.iter().take_while(|x| span(x).0 < part.end).count();
    let slice = rest.get(..n).unwrap_or(&[]);
    // A match running past the end belongs to the next part.
    let keep = slice.iter().take_while(|x| span(x).1 <= part.end).count();
    &slice[..keep]
}

/// The people a count before `act` counts, when `act` is only what they did
/// (脱贫, 就业, 入场…) and `phrase`, the words before the number, names them
/// (吸引求职者 → 求职者).
fn people_before_act<'p>(phrase: &'p str, act: &str) -> Option<&'p str> {
    const ACTS: &[&str] = &[
        "脱贫",
        "就业",
        "入场",
        "参加",
        "参会",
        "参与",
        "到场",
        "受益",
        "报名",
        "入住",
        "返乡",
        "受训",
        "签约",
        "转移就业",
        "实现就业",
        "稳定脱贫",
    ];
    const LEADS: &[&str] = &[
        "吸引", "组织", "带动", "帮助", "引导", "动员", "促进", "推动", "实现", "使", "让",
    ];
    if !ACTS.contains(&act) {
        return None;
    }
    let who = LEADS
        .iter()
        .find_map(|l| phrase.strip_prefix(l))
        .unwrap_or(phrase);
    let people = [
        "者", "员", "人口", "群众", "农民", "农户", "工", "生", "人才", "家庭", "户",
    ];
    // (a short plain name: not 2945户 of a count before, nor a clause with 的)
    let plain = !who.contains(|c: char| c.is_ascii_digit() || c == '的');
    let n = who.chars().count();
    ((2..=8).contains(&n) && plain && people.iter().any(|p| who.ends_with(p))).then_some(who)
}

/// 分别提高2和3个百分点, 分别完成投资20和30亿元: a number without a unit
/// listed before one with it takes its unit and scale. `None` when `n` is
/// not such a number (spans are `s`'s).
fn unit_written_once(s: &str, n: &Number, next: &Number) -> Option<Number> {
    // 分别提高3.5个、24.1个和20.5个百分点: 个 written with each value is
    // the first half of the last one's 个百分点
    let points = n.unit == "个" && next.kind == UnitKind::Points && !n.scaled;
    if !(n.unit.is_empty() || points) || n.chinese || n.minus || n.value_high.is_some() {
        return None;
    }
    let countable = matches!(
        next.kind,
        UnitKind::Percent
            | UnitKind::Points
            | UnitKind::Permille
            | UnitKind::Money
            | UnitKind::Count
            | UnitKind::Measure
    );
    let gap = s.get(n.span.1..next.span.0)?.trim_matches(' ');
    if !countable || next.value_high.is_some() || !["和", "、", "及", "与", "或"].contains(&gap)
    {
        return None;
    }
    // the scale of 30亿元 is the value over the digits written
    let figure = s.get(next.figure.0..next.figure.1)?;
    let digits = figure
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .and_then(|end| figure.get(..end))
        .unwrap_or(figure);
    let written: f64 = digits.parse().ok().filter(|d: &f64| *d > 0.0)?;
    // 8千和7.3万户: a number with its own scale takes only the unit
    let scale = if n.scaled { 1.0 } else { next.value / written };
    Some(Number {
        value: n.value * scale,
        unit: next.unit,
        kind: next.kind,
        scaled: n.scaled || next.scaled,
        ..n.clone()
    })
}

/// 规上工业企业1200家，其中产值100亿元以上的5家; 新增国家级“小巨人”企业8家、
/// 省级120家: a count named only by a size class or a level counts the
/// things the count before it counts, of that size or level.
/// 重点项目120个，目前开工108个，竣工45个: a bare action (`[action]` of the
/// word lists) counted in the unit of the things counted before it in the
/// sentence counts those things (重点项目开工, 重点项目竣工).
fn action_of_counted(recs: &mut [Rec]) {
    let actions = &words::words().action;
    for i in 1..recs.len() {
        let (done, rest) = recs.split_at_mut(i);
        let Some(rec) = rest.first_mut() else {
            continue;
        };
        // (基本建成, 全部竣工: the action with how much of it)
        let bare = ["基本", "全部", "已"]
            .iter()
            .find_map(|w| rec.indicator.strip_prefix(w))
            .unwrap_or(&rec.indicator);
        if rec.n.kind != UnitKind::Count || rec.surface != rec.indicator || !actions.contains(bare)
        {
            continue;
        }
        // the things: the last count in this unit that is not itself an
        // action, nor named by one (新开工项目 is its own thing)
        let Some(things) = done.iter().rev().find(|p| {
            p.n.kind == UnitKind::Count && p.n.unit == rec.n.unit && !actions.contains(&p.surface)
        }) else {
            continue;
        };
        if words::prefix_in(&things.indicator, actions).is_some() {
            continue;
        }
        // 棚户区改造新开工3200套，基本建成2100套: the things the action before
        // was done to
        let things = match words::suffix_in(&things.indicator, actions) {
            Some(a) => match things.indicator.strip_suffix(a) {
                Some(stem) if stem.chars().count() >= 2 => stem,
                _ => continue,
            },
            None => things.indicator.as_str(),
        };
        rec.indicator = format!("{things}{}", rec.indicator);
    }
}

/// The verb of making a list item opens with (`[list-verbs]`), which the
/// items after it share; 建成区绿地率 opens with a place, not the verb 建成
/// (建成区域性中心敬老院, 建成区级综合性公园 are the verb).
fn list_verb(item: &str) -> Option<&'static str> {
    let place = item
        .strip_prefix("建成区")
        .is_some_and(|rest| !rest.starts_with(['域', '级']));
    words::prefix_in(item, &words::words().list_verbs).filter(|_| !place)
}

/// Whether a list item has a verb of its own, and so shares none (基本建成
/// 17856套, 投资5.48亿元, 失业人员再就业8954人, 新筹集公租房: an action, an
/// amount or an activity of its own; 千人均病床位: a ratio).
fn own_verb(name: &str) -> bool {
    let w = words::words();
    let name = name.strip_prefix('新').unwrap_or(name);
    name.contains('均')
        || [
            &w.own_verbs,
            &w.list_verbs,
            &w.action,
            &w.governs,
            &w.link,
            &w.measure,
            &w.done,
            &w.amount,
        ]
        .iter()
        .any(|list| words::prefix_in(name, list).is_some())
        || [&w.own_verbs, &w.list_verbs, &w.action, &w.amount]
            .iter()
            .any(|list| words::suffix_in(name, list).is_some())
}

/// 新建公共图书馆10个、文化馆10个; 新增贷款148亿元、直接融资120亿元: the
/// items of a list of amounts joined by 、 alone, each named right before its
/// number, share the verb the first is written with (`[list-verbs]`): what
/// is counted is the new libraries, not all there are. An item with a verb
/// of its own (引进演出1.2万场、带动消费184亿元) ends the sharing.
fn verb_of_list(text: &str, recs: &mut [Rec]) {
    let mut verb: Option<&'static str> = None;
    // The list's first amount was a decrease (压减炼钢产能325万吨、炼铁426万吨):
    // so are the items that share its verb.
    let mut down = false;
    for i in 0..recs.len() {
        let (done, rest) = recs.split_at_mut(i);
        let Some(rec) = rest.first_mut() else {
            continue;
        };
        let named_right_before = rec.quantity == Quantity::Level
            && rec.surface_at + rec.surface.len() == rec.n.span.0
            && !rec.per_place;
        let joined = done.last().is_some_and(|prev| {
            text.get(prev.n.span.1..rec.surface_at) == Some("、")
                && prev.quantity == Quantity::Level
        });
        if !named_right_before {
            verb = None;
            down = false;
            continue;
        }
        let shares = joined && !own_verb(&rec.surface);
        if shares {
            if down && rec.value > 0.0 {
                rec.negate();
            }
        } else {
            down = rec.value < 0.0 && !rec.n.minus;
        }
        if let Some(own) = list_verb(&rec.surface) {
            verb = Some(own);
            continue;
        }
        match verb {
            Some(v) if shares && rec.indicator == rec.surface => {
                rec.indicator.insert_str(0, v);
                rec.shared_verb = v.len();
            }
            _ => verb = None,
        }
    }
}

/// 城市低保标准每人每月由301元提高到376元; 种粮补贴每亩再增加25元: money
/// said per person, month or area before the figure is a figure in that
/// unit (376 元/人·月), and the words of the rate are no part of the name.
fn money_per_unit(recs: &mut [Rec]) {
    const PER: &[(&str, &str)] = &[
        ("每人每月", "元/人·月"),
        ("每月每人", "元/人·月"),
        ("每人每年", "元/人·年"),
        ("每生每年", "元/生·年"),
        ("每年每人", "元/人·年"),
        ("每人", "元/人"),
        ("每月", "元/月"),
        ("每年", "元/年"),
        ("每亩", "元/亩"),
        ("每吨", "元/吨"),
        ("每平方米", "元/平方米"),
    ];
    // what may stand between the name and the rate (按每月, 不低于每年); a
    // qualifier among them bounds the figure as it would right before it
    const BEFORE: &[&str] = &[
        "不低于",
        "不少于",
        "至少",
        "不超过",
        "不高于",
        "达到",
        "按照",
        "按",
        "为",
        "达",
    ];
    let w = words::words();
    for rec in recs.iter_mut().filter(|r| r.n.unit == "元") {
        let Some(&(per, unit)) = PER.iter().find(|(p, _)| rec.indicator.ends_with(p)) else {
            continue;
        };
        let mut name = rec.indicator.len() - per.len();
        if let Some(word) = BEFORE
            .iter()
            .find(|b| rec.indicator.get(..name).is_some_and(|n| n.ends_with(*b)))
        {
            name -= word.len();
            if let Some(cmp) = numbers::qualifier_before(word)
                && rec.n.comparator == Comparator::Eq
            {
                rec.n.comparator = cmp;
            }
        }
        // (提高到每人每月, 人均每年: the link and the per-head word go too)
        let kept = rec.indicator.get(..name).map_or(0, |n| {
            let n = indicator::strip_tail(n);
            n.strip_suffix("人均").unwrap_or(n).len()
        });
        // (每吨提高至4000元, 提供每人每月150元, 统一提高至每人每月600元: a
        // rate with no name keeps it)
        if rec.indicator.get(..kept).is_none_or(|n| {
            n.chars().count() < 2
                || (n.chars().count() <= 3
                    && [&w.link, &w.own_verbs, &w.governs]
                        .iter()
                        .any(|list| words::prefix_in(n, list).is_some()))
                || n == "统一"
        }) {
            continue;
        }
        rec.indicator.truncate(kept);
        rec.n.unit = unit;
    }
}

fn count_of_same_kind(recs: &mut [Rec]) {
    // The last count that names its things: (its indicator, its unit).
    let mut things: Option<(String, &str)> = None;
    for rec in recs.iter_mut() {
        if rec.n.kind != UnitKind::Count {
            things = None;
            continue;
        }
        let same = things.as_ref().filter(|(_, unit)| *unit == rec.n.unit);
        let ind = rec.indicator.as_str();
        let size = ind.trim_end_matches('的');
        // a size in money (产值100亿元以上): 6个月以上 is how long, not how big
        let sized = size.ends_with("元以上")
            && size.bytes().any(|b| b.is_ascii_digit())
            && size.chars().count() <= 12;
        if let Some((named, _)) = same
            && sized
            && !named.ends_with("以上")
        {
            // 销售收入200亿元以上的企业: the things, without the other size
            let noun = named.rsplit("以上的").next().unwrap_or(named);
            rec.indicator = format!("{size}的{noun}");
        } else if let Some((named, _)) = same
            && LEVELS.contains(&ind)
            && let Some(level) = LEVELS.iter().find(|l| named.contains(**l))
        {
            rec.indicator = named.replacen(level, ind, 1);
        } else {
            things = Some((rec.indicator.clone(), rec.n.unit));
        }
    }
}

/// The end of the run of figures from `k` joined only as a list (、 和 及 与).
#[allow(
    clippy::indexing_slicing,
    reason = "end - 1 and end are below cands.len()"
)]
fn list_end(text: &str, cands: &[Cand], k: usize) -> usize {
    let mut end = k + 1;
    while end < cands.len() && is_list_gap(text, cands[end - 1].n.span.1, cands[end].n.span.0) {
        end += 1;
    }
    end
}

/// The records of the last clause that gave any: the list a later clause
/// may refer back to (均, 年均增长x和y).
fn last_clause(recs: &[Rec]) -> &[Rec] {
    let Some(last) = recs.last() else {
        return &[];
    };
    let n = recs
        .iter()
        .rev()
        .take_while(|r| r.clause_start == last.clause_start)
        .count();
    recs.get(recs.len() - n..).unwrap_or_default()
}

/// Whether `after`, the text after a figure, leaves it unnamed: a mark or
/// the next value of a list follows (`增长9%以上。`, `分别增长1.35%和9.7%`),
/// not a noun that names it (`推动30%教师…`).
fn ends_figure(after: &str) -> bool {
    let mut chars = after.trim_start_matches([' ', '\u{3000}']).chars();
    match chars.next() {
        None => true,
        Some('和' | '及' | '与') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => matches!(c, '，' | '。' | '；' | '、' | ',' | ';' | '）' | ')' | '\n'),
    }
}

/// Whether the text between two figures only joins them in a list: 、 和 及
/// 与.
fn is_list_gap(text: &str, end: usize, next: usize) -> bool {
    text.get(end..next)
        .map(|gap| gap.trim_matches([' ', '\u{3000}']))
        .is_some_and(|gap| matches!(gap, "、" | "和" | "及" | "与"))
}

/// 均 of 平均, 人均, 均衡, 均等: not "each".
#[allow(clippy::string_slice, reason = "at is where rfind found 均 in head")]
fn is_part_of_word_jun(head: &str, at: usize) -> bool {
    let before = head[..at].chars().next_back();
    let after = head[at + "均".len()..].chars().next();
    before.is_some_and(|c| ['平', '人', '年', '户', '亩', '日', '月'].contains(&c))
        || after.is_some_and(|c| ['衡', '等', '匀', '值', '价'].contains(&c))
}

/// `…的预期目标`, `…的控制目标` right after a number: the number is the goal.
fn after_is_target(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    ["预期目标", "控制目标", "目标", "年度目标", "奋斗目标"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// The time a heading joins to its first (“十四五”时期和2025年工作回顾,
/// 2020年和“十三五”工作回顾, 今后五年工作思路和2023年重点任务): a span of
/// years and one year, in either order.
fn other_time_joined(line: &str, mentions: &[Mention]) -> Option<Period> {
    let [first, second, ..] = mentions else {
        return None;
    };
    let span = |p: Period| matches!(p, Period::Years(..) | Period::RelativeSpan(..));
    let year = |p: Period| matches!(p, Period::Year(_) | Period::Relative(0 | -1));
    let joint = line.get(first.end..second.start)?;
    ((span(first.period) && year(second.period)) || (year(first.period) && span(second.period)))
        .then_some(second.period)
        .filter(|_| {
            joint.chars().count() <= 12
                && ["和", "及", "暨", "与", "、"]
                    .iter()
                    .any(|w| joint.contains(w))
                && !["到", "至"].iter().any(|w| joint.ends_with(w))
        })
}

/// “十五五”时期…，到2030年突破500亿元；一般公共预算收入年均增长5%以上: an
/// average rate dated by the year that closes a plan's span written before
/// it is over the span, not of its last year. `to` is the year's mention in
/// the sentence; without one, the span the paragraph carries.
fn average_over_plan(
    text: &str,
    rec: &Rec,
    mentions: &[Mention],
    to: Option<&Mention>,
    carry: &Carry,
) -> Option<Period> {
    let head = text.get(rec.clause_start..rec.n.span.0)?;
    if rec.quantity != Quantity::Growth || !head.contains("年均") {
        return None;
    }
    match (to, carry.period) {
        (Some(to), _) => match to.period {
            Period::Year(last) => plan_closed_by(mentions, to, last),
            _ => None,
        },
        (None, Some(Period::Year(_))) => carry.plan,
        _ => None,
    }
}

/// The span of years ending in `last`, written before `to`.
fn plan_closed_by(mentions: &[Mention], to: &Mention, last: i32) -> Option<Period> {
    mentions
        .iter()
        .rev()
        .filter(|m| m.end <= to.start && !m.baseline)
        .find_map(|m| match m.period {
            Period::Years(first, end) if end == last && first < last => Some(m.period),
            _ => None,
        })
}

/// 11条（段）、578公里高速公路: the first number counts the noun of the second.
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "k is a candidate of cands; close is where find found '）' in gap"
)]
fn shared_after(text: &str, cands: &[Cand], k: usize, ce: usize) -> Option<(usize, usize)> {
    let next = cands.get(k + 1)?;
    let gap = text.get(cands[k].n.span.1..next.n.span.0)?;
    let gap = match (gap.find('（'), gap.find('）')) {
        (Some(0), Some(close)) => &gap[close + '）'.len_utf8()..],
        _ => gap,
    };
    if gap != "、" {
        return None;
    }
    indicator::after_phrase(text, next.n.span.1, ce.max(next.n.span.1))
}

/// `的` and a name after an amount: 总投资10亿元的河南惠洁管业高分子新材料产业园项目.
fn after_de_name(text: &str, end: usize, ce: usize) -> Option<(usize, usize)> {
    let rest = text.get(end..ce)?;
    let name = rest.strip_prefix('的')?;
    // 总投资630亿元的京东方第8.6代AMOLED生产线项目: a project's name runs to
    // 项目, digits and all; 的19个重大产业项目, 的A等5个项目 count projects instead.
    if let Some(at) = name.find("项目")
        && name.get(..at).is_some_and(|n| {
            n.chars().count() <= 30
                && n.starts_with(subject::is_cjk)
                && !n.contains(['、', '和', '及', '等'])
        })
    {
        let start = end + '的'.len_utf8();
        return Some((start, start + at + "项目".len()));
    }
    indicator::after_phrase(text, end, ce)
}

/// The part of an amount word not already in the counted indicator:
/// 签订合同项目 + 合同总投资 → 总投资.
#[allow(
    clippy::string_slice,
    reason = "each cut is the end of a character of amount"
)]
fn amount_core<'a>(amount: &'a str, counted: &str) -> &'a str {
    let mut cut = 0;
    for (i, c) in amount.char_indices() {
        let head = &amount[..i + c.len_utf8()];
        if counted.contains(head) {
            cut = head.len();
        } else {
            break;
        }
    }
    &amount[cut..]
}

/// An item of a list that names an indicator on its own.
fn looks_like_indicator(s: &str, matcher: &Matcher) -> bool {
    const HEADS: &[&str] = &[
        "数量",
        "收入",
        "总额",
        "增加值",
        "投资",
        "产值",
        "率",
        "比重",
        "企业",
        "额",
        "量",
        "值",
        "人数",
        "起数",
        "利润",
        "总量",
        "支出",
        "产量",
        "面积",
        "人次",
        "规模",
        "效益",
        "指数",
    ];
    s.chars().count() >= 2
        && (indicator::name_str(s, matcher) != s || HEADS.iter().any(|h| s.ends_with(h)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Comparator;

    fn targets(text: &str, date: &str) -> Vec<Target> {
        let meta = Meta {
            date: Some(date.to_string()),
            ..Meta::default()
        };
        extract(text, &meta, Lexicon::builtin()).targets
    }

    #[test]
    fn a_planned_growth_rate() {
        let t = targets(
            "开发区2017年经济社会发展的预期目标是:生产总值同比增长8%以上;",
            "2017-02-15",
        );
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.indicator, "地区生产总值");
        assert_eq!(t.surface, "生产总值");
        assert_eq!(
            (t.quantity, t.value, t.unit.as_str()),
            (Quantity::Growth, 8.0, "%")
        );
        assert_eq!((t.comparator, t.status), (Comparator::Ge, Status::Target));
        assert_eq!(t.period.as_deref(), Some("2017"));
        assert_eq!(t.evidence, "生产总值同比增长8%以上");
        assert_eq!(t.subject.as_deref(), Some("开发区"));
    }

    #[test]
    fn a_reported_level() {
        let t = targets("2016年,开发区工业增加值累计完成7.7亿元。", "2017-02-15");
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].status), (770000000.0, Status::Actual));
        assert_eq!(t[0].period.as_deref(), Some("2016"));
    }

    #[test]
    fn dates_are_not_targets() {
        assert!(targets("2月13日,开发区召开2017年工作会议。", "2017-02-15").is_empty());
    }

    #[test]
    fn from_to_gives_a_baseline() {
        let t = targets("全区地区生产总值从329亿元增长到674亿元。", "2021-09-15");
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].value, t[0].baseline), (6.74e10, Some(3.29e10)));
        assert_eq!(t[0].status, Status::Actual);
    }

    #[test]
    fn fenbie_distributes() {
        let t = targets("PM2.5、PM10分别下降46.1%、44.7%。", "2021-09-15");
        let got: Vec<(&str, f64)> = t.iter().map(|t| (t.indicator.as_str(), t.value)).collect();
        assert_eq!(got, [("PM2.5", -46.1), ("PM10", -44.7)]);
    }
}
