//! Numbers as Chinese texts write them: Arabic, Chinese and mixed numerals
//! (`3122`, `二十一`, `1.3万`, `3万多`), full-width digits, 万/亿/万亿 scaling,
//! a unit from `lexicon/units.txt`, the qualifier around them (`以上`, `左右`,
//! `不超过`, `控制在…以内`), ranges (`6%—7%`, `2—3个`) and the multiples
//! `翻番`, `翻两番`, `倍增`.
//!
//! ```
//! use mubiao::numbers::parse;
//! use mubiao::Comparator;
//!
//! let n = parse("3万多个").unwrap();
//! assert_eq!((n.value, n.unit, n.comparator), (30000.0, "个", Comparator::Gt));
//! let n = parse("下降5.5%—6%").unwrap();
//! assert_eq!((n.value, n.value_high), (-6.0, Some(-5.5)));
//! ```
//!
//! [`find_numbers`] scans a text and is strict about Chinese numerals (a
//! Chinese numeral needs a unit or a scale word, so 一是, 十三五 and 正月十五
//! are not numbers); [`parse`] reads one phrase that is known to be a
//! quantity, and also takes a leading change verb (`下降2.6%` is -2.6).

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::analysis::{Comparator, Span};
use crate::charset::CharSet;

const UNITS: &str = include_str!("lexicon/units.txt");

/// What a unit measures; extraction reads the quantity and the place of the
/// indicator from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// `%`
    Percent,
    /// `个百分点`
    Points,
    /// `‰`
    Permille,
    /// `元`, `美元`
    Money,
    /// Measure words that count things: 个 家 所 名 …
    Count,
    /// Physical units: 平方米 吨 千瓦 …
    Measure,
    /// 天 小时 个工作日 …
    Time,
    /// 岁
    Age,
    /// 倍 番
    Multiple,
    /// `:1`, the ratio of two amounts written as 2.31:1
    Ratio,
    /// No unit was written.
    None,
}

/// A unit as written and the base unit it is reported in (`名` → `人`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub written: &'static str,
    pub base: &'static str,
    pub kind: UnitKind,
}

/// A number found in a text, normalized to its base unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Where the number, its unit and its qualifiers are written.
    pub span: Span,
    /// Where the figure itself is written: numerals, scale and unit, without
    /// the qualifiers around it.
    pub figure: Span,
    pub value: f64,
    pub value_high: Option<f64>,
    /// Base unit after scaling (`亿元` → `元`); empty when none is written.
    pub unit: &'static str,
    pub kind: UnitKind,
    pub comparator: Comparator,
    /// Written in Chinese numerals only (`两万`, `一倍`).
    pub chinese: bool,
    /// A scale word (万, 亿, 千, 百) is part of the figure.
    pub scaled: bool,
    /// A minus sign is written (`-2.6%`).
    pub minus: bool,
    /// The figure is cut by a line break (`350\n家以上`) or its qualifier is
    /// stranded after a full stop (`6.5％。以内`).
    pub broken: bool,
}

static UNIT_LIST: LazyLock<Vec<Unit>> = LazyLock::new(|| {
    let mut units: Vec<Unit> = UNITS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut parts = line.split('|').map(str::trim);
            let written = parts.next()?;
            let base = parts.next()?;
            let kind = match parts.next()? {
                "percent" => UnitKind::Percent,
                "points" => UnitKind::Points,
                "permille" => UnitKind::Permille,
                "money" => UnitKind::Money,
                "count" => UnitKind::Count,
                "measure" => UnitKind::Measure,
                "time" => UnitKind::Time,
                "age" => UnitKind::Age,
                "multiple" => UnitKind::Multiple,
                "ratio" => UnitKind::Ratio,
                _ => return None,
            };
            Some(Unit {
                written,
                base,
                kind,
            })
        })
        .collect();
    // Longest first, so 个百分点 is tried before 个.
    units.sort_by_key(|u| std::cmp::Reverse(u.written.len()));
    units
});

/// The units by their first character, longest first: a unit test looks at
/// a handful of units, not all of them.
static UNIT_INDEX: LazyLock<FxHashMap<char, Vec<Unit>>> = LazyLock::new(|| {
    let mut index: FxHashMap<char, Vec<Unit>> = FxHashMap::default();
    for u in UNIT_LIST.iter() {
        if let Some(c) = u.written.chars().next() {
            index.entry(c).or_default().push(*u);
        }
    }
    index
});

/// Every unit mubiao reads, longest written form first.
pub fn units() -> &'static [Unit] {
    &UNIT_LIST
}

/// The unit written at the start of `s`, if any.
pub fn unit_at(s: &str) -> Option<Unit> {
    let first = s.chars().next()?;
    UNIT_INDEX
        .get(&first)?
        .iter()
        .find(|u| s.starts_with(u.written))
        .copied()
}

/// Qualifiers written before a number, longest first.
const PRE: &[(&str, Comparator)] = &[
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不超过", Comparator::Le),
    ("不高于", Comparator::Le),
    ("不多于", Comparator::Le),
    ("控制在", Comparator::Le),
    ("至少", Comparator::Ge),
    ("最少", Comparator::Ge),
    ("最多", Comparator::Le),
    ("超过", Comparator::Gt),
    ("突破", Comparator::Gt),
    ("首破", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("大于", Comparator::Gt),
    // 迈上3000亿元台阶: at or past a mark
    ("迈上", Comparator::Ge),
    ("跨上", Comparator::Ge),
    ("登上", Comparator::Ge),
    ("站上", Comparator::Ge),
    ("迈入", Comparator::Ge),
    ("跨入", Comparator::Ge),
    ("跨越", Comparator::Ge),
    ("迈过", Comparator::Ge),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("不足", Comparator::Lt),
    ("大约", Comparator::Approx),
    ("接近", Comparator::Approx),
    ("将近", Comparator::Approx),
    ("约", Comparator::Approx),
    ("近", Comparator::Approx),
    ("逾", Comparator::Gt),
    ("超", Comparator::Gt),
];

/// The comparator a qualifier written before a number says (`不低于` → `>=`).
pub fn qualifier_before(word: &str) -> Option<Comparator> {
    PRE.iter().find(|(w, _)| *w == word).map(|&(_, c)| c)
}

/// The last bytes of the qualifiers of [`PRE`], as a set.
#[allow(
    clippy::indexing_slicing,
    reason = "k < PRE.len(), a byte indexes 256 entries, and no qualifier is empty"
)]
static PRE_LAST: [bool; 256] = {
    let mut set = [false; 256];
    let mut k = 0;
    while k < PRE.len() {
        let w = PRE[k].0.as_bytes();
        set[w[w.len() - 1] as usize] = true;
        k += 1;
    }
    set
};

/// The qualifier of [`POST`] that `rest` starts with: the last byte of each
/// compared first, which spares a `memcmp` for nearly all.
fn post_at(rest: &str) -> Option<(&'static str, Comparator)> {
    let r = rest.as_bytes();
    POST.iter()
        .find(|(w, _)| {
            let w = w.as_bytes();
            r.get(w.len().wrapping_sub(1)) == w.last() && r.starts_with(w)
        })
        .copied()
}

/// Qualifiers written after a number, longest first.
const POST: &[(&str, Comparator)] = &[
    ("以上", Comparator::Ge),
    ("左右", Comparator::Approx),
    ("上下", Comparator::Approx),
    ("以内", Comparator::Le),
    ("以下", Comparator::Le),
    ("之内", Comparator::Le),
];

/// Words that make the number after them a decrease (`下降2.6%` is -2.6).
pub const DECREASE: &[&str] = &[
    "下降", "降低", "减少", "削减", "压缩", "缩短", "缩小", "回落", "下滑", "下跌", "压减", "精简",
    "精减", "减", "降",
];

/// Words that make the number after them an increase.
pub const INCREASE: &[&str] = &[
    "增长", "增加", "提高", "上升", "上涨", "提升", "扩大", "上扬", "攀升", "跃升", "增",
];

/// 一 to 十, the numerals that number headings and ordinals.
pub const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const RANGE_DASH: &[char] = &['—', '–', '-', '－', '~', '～', '至', '―'];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Looking for numbers inside running text.
    Scan,
    /// Reading a phrase known to be a quantity.
    Parse,
}

/// One numeral with its scale: `1.3万`, `3万多`, `二十一亿`.
#[derive(Debug, Clone)]
struct Figure<'t> {
    /// ASCII digits of an Arabic numeral (full-width made half-width), or
    /// empty for a Chinese one: borrowed from the text as most are written.
    digits: Cow<'t, str>,
    /// The value of a Chinese numeral.
    chinese_value: f64,
    chinese: bool,
    exponent: i32,
    /// 多 or 余 after the numeral or its scale.
    more: bool,
    start: usize,
    end: usize,
    text: &'t str,
}

impl Figure<'_> {
    fn value(&self, exponent: i32) -> Option<f64> {
        let v = if self.chinese {
            self.chinese_value * 10f64.powi(exponent)
        } else {
            scaled(&self.digits, exponent)?
        };
        v.is_finite().then_some(v)
    }

    fn is_single_digit(&self) -> bool {
        self.text
            .get(self.start..self.end)
            .is_some_and(|s| s.chars().count() == 1)
    }
}

/// Every number in `text`, in order. Numbers without a unit are included
/// (with an empty unit): extraction decides whether they mean anything.
pub fn find_numbers(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    find_numbers_into(text, &mut out);
    out
}

/// [`find_numbers`] appended to `out`: extraction reads every sentence into
/// one buffer instead of growing a new vector for each.
#[allow(
    clippy::string_slice,
    reason = "at is where STARTS.next_in found a character of text, and i the end of that character"
)]
pub fn find_numbers_into(text: &str, out: &mut Vec<Number>) {
    let mut i = 0;
    while let Some((at, c)) = STARTS.next_in(text, i) {
        i = at + c.len_utf8();
        let prev = prev_char(text, at);
        let digit = is_digit(c);
        // 第3位, 第六次: an ordinal, not an amount.
        if prev == Some('第') && digit {
            i = skip_digits(text, at);
            continue;
        }
        // 百分之十五, 三分之一
        if fraction_at(text, at)
            && let Some(n) = read_fraction(text, at)
        {
            i = n.span.1.max(i);
            out.push(n);
            continue;
        }
        let starts = digit
            || ((c == '-' || c == '－') && next_is_digit(text, i))
            || c == '翻'
            || c == '倍'
            || (is_chinese_start(c, Mode::Scan)
                && !vague_before(text, at)
                && text[i..]
                    .chars()
                    .next()
                    .is_some_and(|n| GOES_ON.may_contain(n)));
        // 突破万亿元大关: a scale word alone after a verb of passing.
        let bare_scale = matches!(c, '百' | '千' | '万' | '亿')
            && ["突破", "超过", "首破", "跨越", "跨上", "迈上"]
                .iter()
                .any(|w| text[..at].ends_with(w));
        if starts || bare_scale {
            // A digit right after a letter is part of a name: PM2.5, G20, 5G
            // is handled by the unit check; H7N9, COVID-19.
            // (GDP4.77亿元, 人均GDP6.4万元: after an indicator's letters, a sum
            // or a rate is a figure; not after one letter, which in a scanned
            // text is often a misread digit: 增长I4.8%, 1O5亿元)
            let letters = text[..at].len()
                - text[..at]
                    .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                    .len();
            let named = digit
                && letters > 0
                && !(letters >= 2
                    && text.get(skip_digits(text, at)..).is_some_and(|r| {
                        ["%", "亿元", "万元", "元", "亿美元", "万美元", "美元"]
                            .iter()
                            .any(|u| r.starts_with(u))
                    }));
            let mode = if bare_scale { Mode::Parse } else { Mode::Scan };
            if !named
                && let Some(n) = read(text, at, mode).filter(|n| !bare_scale || !n.unit.is_empty())
            {
                i = n.span.1.max(i);
                out.push(n);
                continue;
            }
            if digit {
                // Skip the rest of this run of digits: 2.5 in PM2.5 is not a number.
                i = skip_digits(text, at);
            }
        }
    }
}

/// Characters a number may start with: digits, minus signs, 翻 倍, the
/// scale words, 两 and the [`NUMERALS`]. Found by a byte scan: most of a
/// text starts nothing, and decoding each character to learn that cost more
/// than the rest of the search.
#[allow(
    clippy::indexing_slicing,
    reason = "k < all.len() = OTHERS.len() + NUMERALS.len(), checked when the constant is built"
)]
static STARTS: CharSet = {
    const OTHERS: [char; 29] = [
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
        '７', '８', '９', '-', '－', '翻', '倍', '百', '千', '万', '亿', '两',
    ];
    let mut all = ['\0'; OTHERS.len() + NUMERALS.len()];
    let mut k = 0;
    while k < all.len() {
        all[k] = if k < OTHERS.len() {
            OTHERS[k]
        } else {
            NUMERALS[k - OTHERS.len()]
        };
        k += 1;
    }
    CharSet::of(&all)
};

/// The characters that may follow the first numeral of a Chinese number
/// in running text: more numerals and scale words, 多 or 余, a unit, a range
/// dash, a space before a unit. After any other (一是, 进一步, 三农) the numeral
/// is alone, with no unit or scale, which [`read`] rejects in running text:
/// it is not asked.
static GOES_ON: LazyLock<CharSet> = LazyLock::new(|| {
    let mut set = CharSet::default();
    for c in "零〇一二两三四五六七八九十百千万亿多余 \u{3000}\u{a0}".chars() {
        set.insert(c);
    }
    for &c in RANGE_DASH.iter().chain(UNIT_INDEX.keys()) {
        set.insert(c);
    }
    set
});

/// Reads one phrase that is a quantity: an optional change verb (`下降`,
/// `增长`), an optional `控制在`, then one number with its unit and
/// qualifiers, and nothing else. `None` when the phrase holds no definite
/// number (`十几个`, `数百名`) or more than one.
#[allow(clippy::string_slice, reason = "w is a prefix of rest")]
pub fn parse(phrase: &str) -> Option<Number> {
    let phrase = phrase.trim();
    let mut rest = phrase;
    let mut sign = 1.0;
    if let Some(w) = DECREASE.iter().find(|w| rest.starts_with(**w)) {
        sign = -1.0;
        rest = &rest[w.len()..];
    } else if let Some(w) = INCREASE.iter().find(|w| rest.starts_with(**w)) {
        rest = &rest[w.len()..];
    }
    let offset = phrase.len() - rest.len();
    let start = rest
        .char_indices()
        .find(|&(_, c)| {
            is_digit(c)
                || c == '-'
                || c == '－'
                || c == '翻'
                || c == '倍'
                || is_chinese_start(c, Mode::Parse)
        })
        .map(|(i, _)| offset + i)?;
    // Only a qualifier may come before the figure.
    let before = phrase.get(offset..start)?;
    if !before.is_empty() && qualifier_before(before).is_none() {
        return None;
    }
    let n = read(phrase, start, Mode::Parse)?;
    if phrase.get(n.span.1..).is_some_and(|r| !r.trim().is_empty()) {
        return None;
    }
    Some(if sign < 0.0 { negate(n) } else { n })
}

/// The number turned into a decrease: values negated, a range kept in order
/// (value ≤ valueHigh), the comparator as written (下降2%以上 stays `>=`).
pub fn negate(mut n: Number) -> Number {
    n.value = -n.value;
    if let Some(high) = n.value_high {
        let high = -high;
        if high < n.value {
            n.value_high = Some(n.value);
            n.value = high;
        } else {
            n.value_high = Some(high);
        }
    }
    n
}

/// The power of ten of a Chinese scale word.
pub fn exponent_of(word: &str) -> i32 {
    match word {
        "万亿" => 12,
        "亿" => 8,
        "万" => 4,
        "千" => 3,
        "百" => 2,
        _ => 0,
    }
}

/// `digits × 10^exponent`, rounded once: 4.39亿 is exactly 439000000, where
/// 4.39 × 1e8 in floating point is not.
pub fn scaled(digits: &str, exponent: i32) -> Option<f64> {
    // Most figures carry no scale, and "{digits}e0" reads as digits does:
    // no string to build; the others are written on the stack.
    let value: Option<f64> = if exponent == 0 {
        digits.parse().ok()
    } else {
        let mut buf = [0u8; 64];
        let mut out: &mut [u8] = &mut buf;
        match std::io::Write::write_fmt(&mut out, format_args!("{digits}e{exponent}")) {
            Ok(()) => {
                let len = 64 - out.len();
                std::str::from_utf8(buf.get(..len).unwrap_or_default())
                    .ok()
                    .and_then(|s| s.parse().ok())
            }
            // Too long for the buffer: a numeral nobody writes, but read all the same.
            Err(_) => format!("{digits}e{exponent}").parse().ok(),
        }
    };
    // A run of digits too long for a double is not a figure anyone wrote.
    value.filter(|v| v.is_finite())
}

/// The value of a Chinese numeral written alone (`二十一`, `两万`, `一百零五`).
pub fn chinese_numeral(s: &str) -> Option<f64> {
    let (value, used) = read_chinese(s, 0, Mode::Parse)?;
    (used == s.len()).then_some(value)
}

fn read(text: &str, start: usize, mode: Mode) -> Option<Number> {
    if fraction_at(text, start) {
        return read_fraction(text, start);
    }
    let c = text.get(start..)?.chars().next()?;
    if c == '翻' {
        return read_fan(text, start);
    }
    if c == '倍' {
        let rest = text.get(start..)?;
        if rest.starts_with("倍增") && ends_statement(text, start + "倍增".len()) {
            return Some(multiple(text, start, start + "倍增".len(), 1.0, "倍"));
        }
        return None;
    }
    let mut p = start;
    let mut minus = false;
    if c == '-' || c == '－' {
        minus = true;
        p += c.len_utf8();
    }
    let first = read_figure(text, p, mode)?;
    let mut end = first.end;
    let mut broken = false;
    let (unit, after_unit) = match read_unit(text, end, &first, mode) {
        Some((u, e, b)) => {
            broken |= b;
            (Some(u), e)
        }
        None => (None, end),
    };
    end = after_unit;
    let mut more = first.more;
    // 一倍多, 翻一番多, 四成多: 多 after the unit of a multiple or of tenths.
    if unit.is_some_and(|u| u.kind == UnitKind::Multiple || u.written == "成")
        && text.get(end..)?.starts_with('多')
    {
        more = true;
        end += '多'.len_utf8();
    }

    let mut value = first.value(first.exponent)?;
    let mut value_high = None;
    let mut unit = unit;
    let mut scaled_any = first.exponent != 0
        || (first.chinese
            && text
                .get(first.start..first.end)
                .is_some_and(|s| s.contains(['万', '亿'])));

    // A range: 6%—7%, 6.5—7%, 2至3个, 3—5万人, 100亿—120亿元.
    if let Some(dash) = text.get(end..).and_then(|s| s.chars().next())
        && RANGE_DASH.contains(&dash)
        && !minus
    {
        let q = end + dash.len_utf8();
        if let Some(second) = read_figure(text, q, mode)
            && second.chinese == first.chinese
        {
            let second_unit = read_unit(text, second.end, &second, mode);
            let compatible = match (unit, second_unit) {
                (Some(a), Some((b, _, _))) => a.base == b.base,
                (None, Some(_)) | (Some(_), None) => true,
                (None, None) => false,
            };
            if compatible {
                let low_exp = if first.exponent == 0 && second.exponent != 0 && unit.is_none() {
                    second.exponent
                } else {
                    first.exponent
                };
                let low = first.value(low_exp)?;
                let high = second.value(second.exponent)?;
                if low <= high {
                    value = low;
                    value_high = Some(high);
                    scaled_any |= second.exponent != 0;
                    if let Some((u, e, b)) = second_unit {
                        unit = Some(u);
                        end = e;
                        broken |= b;
                    } else {
                        end = second.end;
                    }
                }
            }
        }
    }

    // 四成, 三至四成: tenths, written with a single numeral and no scale.
    if unit.is_some_and(|u| u.written == "成") {
        if scaled_any || value > 10.0 || value_high.is_some_and(|h| h > 10.0) {
            return None;
        }
        value *= 10.0;
        value_high = value_high.map(|h| h * 10.0);
    }

    // Chinese numerals in running text need a unit or a scale word: 一是,
    // 十三五 and 正月十五 are not quantities.
    if mode == Mode::Scan && first.chinese && unit.is_none() && !scaled_any {
        return None;
    }
    if mode == Mode::Scan && first.chinese && first.is_single_digit() && unit.is_none() {
        return None;
    }

    let figure_end = end;
    // Qualifier after the figure, possibly stranded after a full stop.
    let mut post = None;
    let rest = text.get(end..)?;
    if let Some((w, cmp)) = post_at(rest) {
        post = Some(cmp);
        end += w.len();
    } else if let Some(r) = rest.strip_prefix('。')
        && let Some((w, cmp)) = post_at(r)
        && matches!(cmp, Comparator::Le)
    {
        post = Some(cmp);
        end += '。'.len_utf8() + w.len();
        broken = true;
    } else if unit.is_some_and(|u| u.kind == UnitKind::Time) && rest.starts_with('内') {
        post = Some(Comparator::Le);
        end += '内'.len_utf8();
    }

    // Qualifier before the figure.
    let pre = pre_at(text.get(..start)?);
    let span_start = pre.map_or(start, |(w, _)| start - w.len());

    let comparator = if value_high.is_some() {
        Comparator::Range
    } else if let Some(p) = post {
        p
    } else if more {
        Comparator::Gt
    } else if let Some((_, c)) = pre {
        *c
    } else {
        Comparator::Eq
    };

    if minus {
        value = -value;
    }
    let (unit_base, kind) = unit.map_or(("", UnitKind::None), |u| (u.base, u.kind));
    Some(Number {
        span: Span(span_start, end),
        figure: Span(start, figure_end),
        value,
        value_high,
        unit: unit_base,
        kind,
        comparator,
        chinese: first.chinese,
        scaled: scaled_any,
        minus,
        broken,
    })
}

/// The qualifier written right before a figure (不低于, 超过, 近), if any.
fn pre_at(head: &str) -> Option<&'static (&'static str, Comparator)> {
    // The byte before first: most figures have no qualifier before them,
    // and most bytes end none.
    let tail = head.as_bytes().last();
    tail.filter(|&&b| PRE_LAST.get(usize::from(b)) == Some(&true))
        .and_then(|_| {
            PRE.iter()
                .find(|(w, _)| w.as_bytes().last() == tail && head.ends_with(*w))
        })
}

/// Whether a percent in words or a fraction starts at `start`: 百分之,
/// 千分之, or a numeral and 分之.
fn fraction_at(text: &str, start: usize) -> bool {
    let Some(rest) = text.get(start..) else {
        return false;
    };
    let mut chars = rest.chars();
    match chars.next() {
        Some('百' | '千') => chars.as_str().starts_with("分之"),
        Some(c) if NUMERALS.contains(&c) => chars.as_str().starts_with("分之"),
        _ => false,
    }
}

/// 百分之十七点六, 百分之5, 千分之三, 三分之一, 三分之二以上: a percent or
/// permille written in words, or a fraction (as a percent).
fn read_fraction(text: &str, start: usize) -> Option<Number> {
    let rest = text.get(start..)?;
    let (value, end, unit, kind) = if let Some((per, unit, kind)) = [
        ("百分之", "%", UnitKind::Percent),
        ("千分之", "‰", UnitKind::Permille),
    ]
    .into_iter()
    .find(|(w, _, _)| rest.starts_with(*w))
    {
        let at = start + per.len();
        let (value, used) = if text.get(at..)?.starts_with(|c: char| is_digit(c)) {
            let figure = read_figure(text, at, Mode::Parse)?;
            (figure.value(0)?, figure.end - at)
        } else {
            read_decimal_words(text, at)?
        };
        (value, at + used, unit, kind)
    } else {
        let (denominator, used) = read_chinese(text, start, Mode::Parse)?;
        let at = start + used;
        let after = text.get(at..)?.strip_prefix("分之")?;
        let at = text.len() - after.len();
        let (numerator, used) = read_chinese(text, at, Mode::Parse)?;
        if denominator < 2.0 || numerator <= 0.0 || numerator > denominator {
            return None;
        }
        (
            numerator / denominator * 100.0,
            at + used,
            "%",
            UnitKind::Percent,
        )
    };
    let (end, post) = match post_at(text.get(end..)?) {
        Some((w, cmp)) => (end + w.len(), Some(cmp)),
        None => (end, None),
    };
    let pre = pre_at(text.get(..start)?);
    Some(Number {
        span: Span(pre.map_or(start, |(w, _)| start - w.len()), end),
        figure: Span(start, end),
        value,
        value_high: None,
        unit,
        kind,
        comparator: post.or(pre.map(|(_, c)| *c)).unwrap_or(Comparator::Eq),
        chinese: true,
        scaled: false,
        minus: false,
        broken: false,
    })
}

/// 十七点六, 九十: a Chinese numeral with decimals read after 点.
fn read_decimal_words(text: &str, at: usize) -> Option<(f64, usize)> {
    let (whole, used) = read_chinese(text, at, Mode::Parse)?;
    let Some(decimals) = text.get(at + used..)?.strip_prefix('点') else {
        return Some((whole, used));
    };
    let digits: Vec<(u8, usize)> = decimals
        .chars()
        .map_while(|c| chinese_digit(c).map(|d| (d, c.len_utf8())))
        .collect();
    if digits.is_empty() {
        return Some((whole, used));
    }
    let fraction = digits
        .iter()
        .rev()
        .fold(0.0, |acc, &(d, _)| (acc + f64::from(d)) / 10.0);
    let bytes: usize = digits.iter().map(|&(_, len)| len).sum();
    Some((whole + fraction, used + '点'.len_utf8() + bytes))
}

/// 翻番, 翻一番, 翻两番, 翻一番多.
fn read_fan(text: &str, start: usize) -> Option<Number> {
    let after = start + '翻'.len_utf8();
    let rest = text.get(after..)?;
    // 千人托位数翻倍增长: 翻倍 is 翻番 said plainly
    if let Some((c, unit)) = [('番', "番"), ('倍', "倍")]
        .into_iter()
        .find(|&(c, _)| rest.starts_with(c))
    {
        let end = after + c.len_utf8();
        if followed_by_name(text, end) {
            return None;
        }
        return Some(multiple(text, start, end, 1.0, unit));
    }
    let (value, used) = if rest.starts_with(|c: char| is_digit(c)) {
        let figure = read_figure(text, after, Mode::Parse)?;
        (figure.value(0)?, figure.end - after)
    } else {
        read_chinese(rest, 0, Mode::Parse)?
    };
    if !text.get(after + used..)?.starts_with('番') {
        return None;
    }
    let end = after + used + '番'.len_utf8();
    if followed_by_name(text, end) {
        return None;
    }
    Some(multiple(text, start, end, value, "番"))
}

fn multiple(text: &str, start: usize, end: usize, value: f64, unit: &'static str) -> Number {
    let (end, comparator) = match text.get(end..) {
        Some(r) if r.starts_with('多') => (end + '多'.len_utf8(), Comparator::Gt),
        Some(r) if r.starts_with("以上") => (end + "以上".len(), Comparator::Ge),
        _ => (end, Comparator::Eq),
    };
    Number {
        span: Span(start, end),
        figure: Span(start, end),
        value,
        value_high: None,
        unit,
        kind: UnitKind::Multiple,
        comparator,
        chinese: true,
        scaled: false,
        minus: false,
        broken: false,
    }
}

/// 收入实现倍增。, 5年倍增、…: 倍增 as a statement ends its clause. Before
/// other words it names a programme or a manner (工业倍增升级行动, 倍增发展,
/// 倍增作用), and 成倍增长 is "many times", no figure.
fn ends_statement(text: &str, end: usize) -> bool {
    text.get(end..).is_none_or(|r| {
        r.is_empty()
            || r.starts_with([
                '。', '，', '；', '、', '：', '！', '？', '）', '\n', ',', ';', '.',
            ])
    })
}

/// 倍增计划, 翻番工程: the name of a programme, not a statement; 倍增效应 is
/// an effect named, not a figure.
fn followed_by_name(text: &str, end: usize) -> bool {
    text.get(end..).is_some_and(|r| {
        [
            "计划",
            "行动",
            "工程",
            "目标",
            "的目标",
            "任务",
            "效应",
            "”",
        ]
        .iter()
        .any(|w| r.starts_with(w))
    })
}

/// Reads a numeral and its scale at `p`: digits or Chinese numerals, then
/// 多/余, 万/亿/千/百, 多/余.
fn read_figure(text: &str, p: usize, mode: Mode) -> Option<Figure<'_>> {
    let c = text.get(p..)?.chars().next()?;
    let mut fig = Figure {
        digits: Cow::Borrowed(""),
        chinese_value: 0.0,
        chinese: false,
        exponent: 0,
        more: false,
        start: p,
        end: p,
        text,
    };
    let mut q = if is_digit(c) {
        let (digits, end) = read_arabic(text, p)?;
        fig.digits = digits;
        end
    } else if is_chinese_start(c, mode) {
        let (value, used) = read_chinese(text, p, mode)?;
        fig.chinese = true;
        fig.chinese_value = value;
        p + used
    } else {
        return None;
    };
    // 10余万, 3万多, 100余万
    loop {
        let rest = text.get(q..)?;
        if let Some(more) = ['多', '余'].iter().find(|m| rest.starts_with(**m)) {
            // 余 of 余额 is not "more than".
            if rest.starts_with("余额") {
                break;
            }
            fig.more = true;
            q += more.len_utf8();
            continue;
        }
        if !fig.chinese {
            // Scale after Arabic digits (1.3万, 2.5万亿), or a space before it.
            let (skip, r) = skip_space(rest);
            if let Some(scale) = scale_at(r)
                && unit_at(r).is_none_or(|u| !u.written.starts_with(scale))
            {
                fig.exponent += exponent_of(scale);
                q += skip + scale.len();
                continue;
            }
        }
        break;
    }
    fig.end = q;
    Some(fig)
}

fn scale_at(s: &str) -> Option<&'static str> {
    ["万亿", "亿", "万", "千", "百"]
        .into_iter()
        .find(|w| s.starts_with(w))
}

/// Digits (ASCII or full-width) with a decimal point and thousands commas:
/// the ASCII digits of the numeral and where it ends.
#[allow(
    clippy::string_slice,
    reason = "end counts ASCII bytes from the start of rest"
)]
fn read_arabic(text: &str, p: usize) -> Option<(Cow<'_, str>, usize)> {
    // Most numerals are ASCII digits with at most one point inside: those
    // are their own digits, borrowed. Anything after them that the full
    // reading below might take (a full-width digit or point, a thousands
    // comma, a second point) sends the numeral there.
    let rest = text.get(p..)?;
    let bytes = rest.as_bytes();
    let run = |from: usize| {
        from + bytes
            .get(from..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let int = run(0);
    let end = match bytes.get(int..) {
        Some([b'.', d, ..]) if d.is_ascii_digit() => run(int + 1),
        _ => int,
    };
    let plain = int > 0
        && rest[end..]
            .chars()
            .next()
            .is_none_or(|c| !(is_digit(c) || matches!(c, '.' | '．' | ',' | ' ')));
    if plain {
        return Some((Cow::Borrowed(&rest[..end]), p + end));
    }
    let mut digits = String::new();
    let q = read_arabic_into(text, p, &mut digits)?;
    Some((Cow::Owned(digits), q))
}

/// [`read_arabic`] for any writing: the digits pushed onto `digits`.
#[allow(
    clippy::indexing_slicing,
    reason = "three has at least three characters by the test before"
)]
fn read_arabic_into(text: &str, p: usize, digits: &mut String) -> Option<usize> {
    let mut q = p;
    let mut seen_point = false;
    let mut iter = text.get(p..)?.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if let Some(d) = digit_value(c) {
            digits.push(char::from(b'0' + d));
            q = p + i + c.len_utf8();
        } else if (c == '.' || c == '．') && !seen_point {
            match iter.peek() {
                Some(&(_, n)) if is_digit(n) => {
                    seen_point = true;
                    digits.push('.');
                }
                // 85. 63%: a space the typesetting put after the point, in
                // running text (not `1. 2019年…`, a list number)
                Some(&(_, ' '))
                    if after_words(text, p)
                        && text
                            .get(p + i + c.len_utf8() + 1..)
                            .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit())) =>
                {
                    seen_point = true;
                    digits.push('.');
                    iter.next();
                }
                _ => break,
            }
        } else if c == ' ' && !seen_point {
            // 20 000元: a space between thousands, one to three digits
            // before it, exactly three after, and the figure's unit or scale
            // right after them (not columns of figures, 100 200 300).
            let group = text.get(p + i + 1..)?.as_bytes();
            let ok = (1..=3).contains(&digits.len())
                && group.len() > 3
                && group.iter().take(3).all(u8::is_ascii_digit)
                && !group[3].is_ascii_digit()
                && !matches!(group[3], b' ' | b'.' | b',' | b'\n')
                && after_words(text, p);
            if !ok {
                break;
            }
        } else if c == ',' && !seen_point {
            // 1,234: exactly three digits after the comma, then no digit.
            let after = text.get(p + i + 1..)?;
            let three: Vec<char> = after.chars().take(4).collect();
            let ok = three.len() >= 3
                && three[..3].iter().all(|c| c.is_ascii_digit())
                && three.get(3).is_none_or(|c| !is_digit(*c));
            if !ok {
                break;
            }
        } else {
            break;
        }
    }
    (!digits.is_empty()).then_some(q)
}

/// Reads a Chinese numeral at byte `p` of `text`; returns its value and the
/// bytes used. Two digits in a row (一二, 十三五, 二〇三五) are not a
/// quantity but a name or a year, and give `None`.
#[allow(clippy::string_slice, reason = "i is a char_indices offset of s")]
fn read_chinese(text: &str, p: usize, mode: Mode) -> Option<(f64, usize)> {
    let s = text.get(p..)?;
    let first = s.chars().next()?;
    if !is_chinese_start(first, mode) {
        return None;
    }
    let (mut yi, mut wan, mut section, mut num) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    let mut has_num = false;
    let mut last_was_digit = false;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if let Some(d) = chinese_digit(c) {
            if last_was_digit {
                return None;
            }
            num = f64::from(d);
            has_num = d != 0 || has_num;
            last_was_digit = d != 0;
        } else if let Some(u) = match c {
            '十' => Some(10.0),
            '百' => Some(100.0),
            '千' => Some(1000.0),
            _ => None,
        } {
            // 千瓦, 千米, 百分点: a unit, not a scale.
            if c != '十' && unit_at(&s[i..]).is_some_and(|un| un.written.starts_with(c)) {
                break;
            }
            let n = if has_num || num > 0.0 { num } else { 1.0 };
            section += n * u;
            num = 0.0;
            has_num = false;
            last_was_digit = false;
        } else if c == '万' {
            wan += (section + num).max(if section + num == 0.0 { 1.0 } else { 0.0 }) * 1e4;
            section = 0.0;
            num = 0.0;
            has_num = false;
            last_was_digit = false;
        } else if c == '亿' {
            let base = yi + wan + section + num;
            yi = if base == 0.0 { 1e8 } else { base * 1e8 };
            wan = 0.0;
            section = 0.0;
            num = 0.0;
            has_num = false;
            last_was_digit = false;
        } else {
            break;
        }
        used = i + c.len_utf8();
    }
    let value = yi + wan + section + num;
    // 亿亿亿…: a run too long for a double is not a figure anyone wrote.
    if used == 0 || !value.is_finite() || value > 1e20 {
        return None;
    }
    Some((value, used))
}

fn read_unit<'t>(
    text: &'t str,
    end: usize,
    figure: &Figure<'t>,
    mode: Mode,
) -> Option<(Unit, usize, bool)> {
    let rest = text.get(end..)?;
    if let Some(u) = unit_at(rest)
        && unit_fits(rest, u)
    {
        return Some((u, end + u.written.len(), false));
    }
    // A space inside the writing of a number: 15 %, 30 亿元 (the scale is
    // read with the figure). Not before a measure word: `1 项目运作提效行动`
    // is a list number and a heading.
    let (skip, r) = skip_space(rest);
    if skip > 0
        && !r.starts_with('\n')
        && let Some(u) = unit_at(r)
        && matches!(
            u.kind,
            UnitKind::Percent | UnitKind::Points | UnitKind::Permille
        )
    {
        return Some((u, end + skip + u.written.len(), false));
    }
    if figure.exponent != 0
        && skip > 0
        && let Some(u) = unit_at(r)
        && u.kind == UnitKind::Money
    {
        return Some((u, end + skip + u.written.len(), false));
    }
    // 讲座9 次, 研发中心 30 个: a space the page's typesetting left between
    // a figure and its measure word, in running text. A figure opening its
    // line or item (`1 项目运作提效行动`) is a list number, not a count.
    if skip > 0
        && !figure.chinese
        && !r.starts_with('\n')
        && let Some(u) = unit_at(r)
        && matches!(
            u.kind,
            UnitKind::Count | UnitKind::Measure | UnitKind::Time | UnitKind::Money
        )
        && unit_fits(r, u)
        && after_words(text, figure.start)
    {
        return Some((u, end + skip + u.written.len(), false));
    }
    // `在孵企业350\n家以上`: a line break left inside the figure by the copy.
    if mode == Mode::Scan && !figure.chinese {
        let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
        if let Some(after) = trimmed.strip_prefix('\n') {
            let after = after.trim_start_matches([' ', '\u{3000}']);
            if let Some(u) = unit_at(after)
                && u.kind == UnitKind::Count
                && unit_fits(after, u)
            {
                let at = text.len() - after.len();
                return Some((u, at + u.written.len(), true));
            }
        }
    }
    None
}

/// A unit that is really the start of a word: 项目, 元旦, 天然气, 人民.
#[allow(
    clippy::string_slice,
    reason = "rest starts with u.written, which is how the unit was found"
)]
fn unit_fits(rest: &str, u: Unit) -> bool {
    let after = &rest[u.written.len()..];
    // 2.31:1 but not a time (10:15), a map scale (1:1000) or the middle of
    // a ratio of three (7:1:2)
    if u.kind == UnitKind::Ratio {
        return !after
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ':' | '：' | '∶'));
    }
    // Matched as a character, not a string: this runs for every unit read.
    let mut chars = u.written.chars();
    let single = match (chars.next(), chars.next()) {
        (Some(c), None) => c,
        _ => return true,
    };
    let clash: &[&str] = match single {
        '项' => &["目"],
        '元' => &["旦", "素", "宵", "首"],
        '天' => &["然", "津", "下", "空", "府"],
        '人' => &["民", "才", "大", "口", "员", "们", "工", "均", "社", "防"],
        '家' => &["庭", "具", "电", "乡", "园"],
        '名' => &["单", "称", "列", "片", "牌", "优", "校"],
        '所' => &["有", "以", "在", "得", "属", "谓"],
        '条' => &["件", "例", "款"],
        '台' => &["阶", "湾", "风"],
        '座' => &["谈"],
        '米' => &["见"],
        '场' => &["馆", "所", "景"],
        '部' => &["门", "分", "署", "长", "委", "署"],
        '批' => &["次"],
        '件' => &["事"],
        '块' => &["钱"],
        // 成 as tenths (四成, 超六成) and not as the verb or word it starts
        // (一成不变, 成本, 成员, 成都)
        '成' => &[
            "不", "本", "员", "都", "果", "效", "交", "立", "熟", "功", "长", "绩", "型", "品",
            "就", "年", "份", "人", "团", "家", "才", "片", "规", "套", "像", "形", "分", "色",
            "活", "真", "批", "群", "药", "语",
        ],
        _ => &[],
    };
    !clash.iter().any(|c| after.starts_with(c))
}

/// Whether the figure at `start` follows a Chinese word in its line (spaces
/// aside), as a count in a sentence does and a list number does not.
fn after_words(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|h| {
            h.trim_end_matches([' ', '\u{3000}', '\u{a0}'])
                .chars()
                .next_back()
        })
        .is_some_and(crate::charset::is_cjk)
}

fn skip_space(s: &str) -> (usize, &str) {
    let t = s.trim_start_matches([' ', '\u{3000}', '\u{a0}']);
    (s.len() - t.len(), t)
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese numeral may start here. In running text it must start with a
/// digit or 十 (百姓, 千方百计, 万科 are words); a phrase may be 千亿.
fn is_chinese_start(c: char, mode: Mode) -> bool {
    match c {
        '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => {
            true
        }
        '百' | '千' | '万' | '亿' => mode == Mode::Parse,
        _ => false,
    }
}

/// 几十, 数百, 十几: no definite number.
fn vague_before(text: &str, i: usize) -> bool {
    prev_char(text, i).is_some_and(|p| matches!(p, '几' | '数' | '好' | '第' | '初' | '星'))
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn next_is_digit(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(is_digit)
}

fn skip_digits(text: &str, i: usize) -> usize {
    let rest = text.get(i..).unwrap_or("");
    let len: usize = rest
        .chars()
        .take_while(|&c| is_digit(c) || c == '.' || c == '．')
        .map(char::len_utf8)
        .sum();
    i + len.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Number {
        let found: Vec<Number> = find_numbers(text)
            .into_iter()
            .filter(|n| !n.unit.is_empty())
            .collect();
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn a_numeral_is_read_on_only_before_what_may_go_on() {
        for u in units() {
            let first = u.written.chars().next().unwrap();
            assert!(GOES_ON.may_contain(first), "{}", u.written);
        }
        for s in ["一是", "进一步", "三农", "十分重要", "统一"] {
            assert!(find_numbers(s).is_empty(), "{s}");
        }
        for (s, value) in [
            ("一百个", 100.0),
            ("三至五个", 3.0),
            ("两 %", 2.0),
            ("一倍多", 1.0),
        ] {
            assert_eq!(find_numbers(s).first().map(|n| n.value), Some(value), "{s}");
        }
    }

    #[test]
    fn scales_money_to_yuan() {
        let n = one("达到4.39亿元");
        assert_eq!((n.value, n.unit), (439000000.0, "元"));
    }

    #[test]
    fn arabic_numerals_read_alike_borrowed_or_built() {
        for s in [
            "2020年",
            "6.5%",
            "1,234元",
            "1,2345",
            "１２.５％",
            "3．5万",
            "3.5.6",
            "12.",
            "7,",
            "4.39亿",
            "0.5１",
            "99",
        ] {
            let mut built = String::new();
            let end = read_arabic_into(s, 0, &mut built);
            let read = read_arabic(s, 0);
            assert_eq!(
                read.as_ref().map(|(d, e)| (d.as_ref(), *e)),
                end.map(|e| (built.as_str(), e)),
                "{s}"
            );
        }
        assert_eq!(scaled("4.39", 8), Some(439000000.0));
        assert_eq!(
            scaled(&"1".repeat(70), 4),
            format!("{}e4", "1".repeat(70)).parse().ok()
        );
    }

    #[test]
    fn qualifiers_become_comparators() {
        assert_eq!(one("增长8%以上").comparator, Comparator::Ge);
        assert_eq!(one("增长12%左右").comparator, Comparator::Approx);
        assert_eq!(one("突破360亿元").comparator, Comparator::Gt);
        assert_eq!(one("提高2个百分点").unit, "百分点");
    }

    #[test]
    fn chinese_numerals_need_a_unit_in_running_text() {
        assert!(find_numbers("一是转变思维方式，“十三五”时期，正月十五").is_empty());
        let n = one("辖区生产总值增长一倍");
        assert_eq!((n.value, n.unit), (1.0, "倍"));
    }

    #[test]
    fn chinese_numeral_values() {
        for (s, v) in [
            ("二十一", 21.0),
            ("一百零五", 105.0),
            ("三千五百万", 3.5e7),
            ("一万二千", 12000.0),
            ("两万亿", 2e12),
            ("十五", 15.0),
            ("千亿", 1e11),
            ("三亿五千万", 3.5e8),
        ] {
            assert_eq!(chinese_numeral(s), Some(v), "{s}");
        }
        assert_eq!(chinese_numeral("十三五"), None);
        assert_eq!(chinese_numeral("二〇三五"), None);
    }

    #[test]
    fn starts_are_found_as_bytes() {
        let text = "a1－２，十年翻番é𠀀倍增一二两三四五六七八九百千万亿-x";
        let mut found = Vec::new();
        let mut i = 0;
        while let Some((at, c)) = STARTS.next_in(text, i) {
            found.push((at, c));
            i = at + c.len_utf8();
        }
        let expected: Vec<(usize, char)> = text
            .char_indices()
            .filter(|(_, c)| STARTS.contains(*c as u32))
            .collect();
        assert_eq!(found, expected);
        assert_eq!(found.len(), 21);
    }

    #[test]
    fn names_with_digits_are_not_numbers() {
        assert!(find_numbers("PM2.5").is_empty());
        assert!(one("PM2.5浓度下降10.7%").value == 10.7);
    }

    #[test]
    fn a_hyphen_between_numbers_is_a_range_not_a_minus() {
        let n = one("增长8%-8.5%");
        assert_eq!((n.value, n.value_high), (8.0, Some(8.5)));
        let n = one("增长-2.6%");
        assert_eq!(n.value, -2.6);
    }

    #[test]
    fn a_list_number_before_a_heading_is_not_a_count() {
        assert!(
            find_numbers("1 项目运作提效行动")
                .iter()
                .all(|n| n.unit.is_empty())
        );
    }

    #[test]
    fn a_line_break_inside_a_figure_is_read_through() {
        let n = one("在孵企业350\n家以上。");
        assert_eq!(
            (n.value, n.unit, n.comparator),
            (350.0, "家", Comparator::Ge)
        );
        assert!(n.broken);
    }
}
