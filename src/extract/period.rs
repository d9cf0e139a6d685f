//! Periods: what time a figure is about. Years (`2017年`), plan spans
//! (`“十三五”` → 2016-2020), month spans (`元-9月份`, `前三季度`) and words
//! relative to the year the text treats as the present (`今年`, `去年`,
//! `五年来`).

use crate::analysis::Meta;
use crate::charset::CharSet;
use crate::numbers::{NUMERALS, chinese_numeral};

/// A period as written, before it is resolved against the present year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year(i32),
    Years(i32, i32),
    /// Months `from..=to` of `year`, or of the year in context.
    Months {
        year: Option<i32>,
        from: u32,
        to: u32,
    },
    /// The present year plus an offset (今年 0, 去年 -1).
    Relative(i32),
    /// The year being talked about (全年, 当年, 年底): the year named in the
    /// paragraph or heading, else the present.
    ContextYear,
    /// Years `present + a ..= present + b` (五年来: -5..-1).
    RelativeSpan(i32, i32),
}

/// A period written in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub period: Period,
    /// The time a figure is compared with (比2010年, 是“十三五”初的), not
    /// the time it is about.
    pub baseline: bool,
}

/// Whether a period word is 目前, 当前 or 现阶段: now as the sentence tells
/// it, which dates no sentence or section after it.
pub fn says_now(word: &str) -> bool {
    ["目前", "当前", "现阶段"].contains(&word)
}

/// A resolved period: first and last year, and months when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub from: i32,
    pub to: i32,
    pub months: Option<(u32, u32)>,
}

impl Resolved {
    pub fn format(&self) -> String {
        match self.months {
            Some((a, b)) => format!("{0}-{1:02}/{0}-{2:02}", self.from, a, b),
            None if self.from == self.to => self.from.to_string(),
            None => format!("{}-{}", self.from, self.to),
        }
    }
}

/// The characters a period may start with (see [`readings`]).
static FIRSTS: CharSet = CharSet::of(&[
    '1', '2', '3', '4', '5', '6', '7', '8', '9', '"', '“', '一', '二', '三', '四', '五', '六',
    '七', '八', '九', '十', '〇', '零', '元', '截', '前', '上', '下', '第', '过', '这', '近', '今',
    '未', '去', '本', '目', '当', '现', '全', '年', '明', '两',
]);

/// Period words written as they are, by their first character, in the
/// order they are tried (本年度 before 本年). Words of different first
/// characters never start at one place, so only the order within a list
/// matters.
fn words_from(first: char) -> &'static [&'static str] {
    match first {
        '前' => &["前三季度", "前3季度"],
        '上' => &["上半年", "上年", "上一年"],
        '下' => &["下半年"],
        '五' => &["五年来", "五年间", "五年中", "五年累计"],
        '三' => &["三年来"],
        '四' => &["四年来"],
        '两' => &["两年来"],
        '过' => &[
            "过去五年",
            "过去的五年",
            "过去三年",
            "过去5年",
            "过去3年",
            "过去一年",
            "过去的一年",
        ],
        '这' => &["这五年"],
        '近' => &["近五年", "近三年", "近5年", "近3年"],
        '今' => &["今后五年", "今后5年", "今年"],
        '未' => &["未来五年", "未来5年"],
        '去' => &["去年"],
        '本' => &["本年度", "本年"],
        '目' => &["目前"],
        '当' => &["当前", "当年"],
        '现' => &["现阶段"],
        '全' => &["全年"],
        '年' => &["年内", "年底前", "年底", "年末"],
        '明' => &["明年"],
        _ => &[],
    }
}

/// 一 to 九: the numerals a month may be written with besides 十.
const ONE_TO_NINE: &[char] = NUMERALS.split_at(9).0;

/// Every way a period may be read at byte `at` of `s`: `emit` gets the end
/// of each reading until it returns true, and so does this function. The
/// readings come in a fixed order, the first the one [`mentions`] takes: the
/// forms in the order listed, and within a form the longer reading first
/// (2020年度 before 2020年). A space may stand inside a form (`2020 年`,
/// `1-9 月`). Each form is tried only after the character `at` that can
/// start it: most characters that start a period start only a word.
///
/// The forms: a year (`2020年度`, `二〇三五年`); a five-year plan (`“十三五”`,
/// `九五`); a month span from January (`1-9月`, `元月至9月`, `一至十二月`); a
/// month span up to (`截至9月底`) or of the first months (`前8个月`); a
/// quarter (`第一季度`, `4季度`); and the words of [`words_from`]
/// (`前三季度`, `上半年`, `今年`).
fn readings(s: &str, at: usize, emit: &mut impl FnMut(usize) -> bool) -> bool {
    let b = s.as_bytes();
    let Some(c0) = s.get(at..).and_then(|r| r.chars().next()) else {
        return false;
    };
    let next = at + c0.len_utf8();
    let lit = |p: usize, w: &str| {
        b.get(p..p + w.len())
            .filter(|x| *x == w.as_bytes())
            .map(|_| p + w.len())
    };
    let any = |p: usize, set: &[char]| {
        s.get(p..)
            .and_then(|r| r.chars().next())
            .filter(|c| set.contains(c))
            .map(|c| p + c.len_utf8())
    };
    let digit = |p: usize| b.get(p).filter(|d| d.is_ascii_digit()).map(|_| p + 1);
    let space = |p: usize| if b.get(p) == Some(&b' ') { p + 1 } else { p };
    // A month's number: 12 before 1 (then 十二, 十, and one of `last`).
    let month = |p: usize, last: &[char]| {
        let ten = lit(p, "十");
        [
            digit(p).and_then(digit),
            digit(p),
            ten.and_then(|t| any(t, &['一', '二'])),
            ten,
            any(p, last),
        ]
    };
    let mut out = |e: Option<usize>| e.is_some_and(&mut *emit);
    let numerals = [
        '一', '二', '三', '四', '五', '六', '七', '八', '九', '〇', '零',
    ];

    let year = |p: usize| {
        lit(p, "19")
            .or_else(|| lit(p, "20"))
            .and_then(digit)
            .and_then(digit)
    };
    // A year written at `at`, read once for the two forms that open with one.
    let year_at = if matches!(c0, '1' | '2') {
        year(at)
    } else {
        None
    };
    // 2018—2020年, 2018年至2020年: one span, not two years
    if let Some(p) = year_at
        && let Some(p) = any(
            space(lit(p, "年").unwrap_or(p)),
            &['-', '—', '–', '~', '～', '至', '到'],
        )
        && let Some(p) = year(space(p))
        && let Some(p) = lit(space(p), "年")
        && (out(lit(p, "度")) || out(Some(p)))
    {
        return true;
    }
    // 2020年, 2020年度
    if let Some(p) = year_at
        && let Some(p) = lit(space(p), "年")
        && (out(lit(p, "度")) || out(Some(p)))
    {
        return true;
    }
    // 二〇三五年
    if numerals.contains(&c0) {
        let four = (1..4).try_fold(next, |p, _| any(p, &numerals));
        if out(four.and_then(|p| lit(p, "年"))) {
            return true;
        }
    }
    // “十三五”, 九五
    if matches!(c0, '“' | '"') || NUMERALS.contains(&c0) {
        let p = if matches!(c0, '“' | '"') { next } else { at };
        for n in [
            lit(p, "十").and_then(|t| any(t, NUMERALS.split_at(5).0)),
            any(p, &NUMERALS),
        ] {
            if let Some(p) = n.and_then(|n| lit(n, "五"))
                && (out(any(p, &['”', '"'])) || out(Some(p)))
            {
                return true;
            }
        }
    }
    // 1-9月, 元月至9月
    let p = space(next);
    if matches!(c0, '1' | '一' | '元')
        && let Some(p) = any(p, &['-', '—', '–', '~', '～', '至', '到'])
            .or_else(|| lit(p, "月").and_then(|m| any(m, &['至', '到', '—', '-'])))
        && month(space(p), ONE_TO_NINE.split_at(1).1)
            .into_iter()
            .any(|n| out(n.and_then(|n| lit(space(n), "月"))))
    {
        return true;
    }
    // 截至9月底
    if c0 == '截'
        && let Some(p) = any(next, &['至', '止'])
    {
        let p = space(lit(p, "到").unwrap_or(p));
        for n in month(p, ONE_TO_NINE) {
            if let Some(e) = n.and_then(|n| lit(space(n), "月"))
                && (out(any(e, &['底', '末', '份'])) || out(Some(e)))
            {
                return true;
            }
        }
    }
    // 8月份, 十二月份: one month (8月 alone is mostly a day's month: 8月15日,
    // 4月，国务院批复…)
    if (c0.is_ascii_digit() || NUMERALS.contains(&c0))
        && month(at, ONE_TO_NINE)
            .into_iter()
            .any(|n| out(n.and_then(|n| lit(space(n), "月份"))))
    {
        return true;
    }
    // 前8个月
    if c0 == '前' {
        let last = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '两'];
        if month(space(next), &last).into_iter().any(|n| {
            out(n
                .and_then(|n| lit(space(n), "个"))
                .and_then(|g| lit(space(g), "月")))
        }) {
            return true;
        }
    }
    // 第一季度, 4季度
    if matches!(c0, '第' | '一' | '二' | '三' | '四' | '1' | '2' | '3' | '4') {
        let p = if c0 == '第' { next } else { at };
        let q = any(p, &['一', '二', '三', '四', '1', '2', '3', '4']);
        if out(q.and_then(|q| lit(space(q), "季度"))) {
            return true;
        }
    }
    words_from(c0).iter().any(|w| out(lit(at, w)))
}

/// The first reading at `at`: where the period written there ends.
fn reading(s: &str, at: usize) -> Option<usize> {
    let mut end = None;
    readings(s, at, &mut |e| {
        end = Some(e);
        true
    });
    end
}

/// What a matched period word means; `rest` is the text after it.
fn classify(m: &str, rest: &str) -> Option<Period> {
    let month_span = |to: Option<u32>| {
        to.map(|to| Period::Months {
            year: None,
            from: 1,
            to,
        })
    };
    Some(match m {
        "前三季度" | "前3季度" => Period::Months {
            year: None,
            from: 1,
            to: 9,
        },
        "上半年" => Period::Months {
            year: None,
            from: 1,
            to: 6,
        },
        "下半年" => Period::Months {
            year: None,
            from: 7,
            to: 12,
        },
        "五年来" | "过去五年" | "过去的五年" | "这五年" | "近五年" | "五年间" | "五年中"
        | "过去5年" | "近5年" | "五年累计" => Period::RelativeSpan(-5, -1),
        "四年来" => Period::RelativeSpan(-4, -1),
        "三年来" | "过去三年" | "近三年" | "过去3年" | "近3年" => {
            Period::RelativeSpan(-3, -1)
        }
        "两年来" => Period::RelativeSpan(-2, -1),
        "今后五年" | "未来五年" | "今后5年" | "未来5年" => Period::RelativeSpan(0, 4),
        "去年" | "上年" | "过去一年" | "过去的一年" | "上一年" => {
            Period::Relative(-1)
        }
        "今年" | "本年度" | "本年" | "目前" | "当前" | "现阶段" => {
            Period::Relative(0)
        }
        "全年" | "当年" | "年内" | "年底前" | "年底" | "年末" => Period::ContextYear,
        "明年" => Period::Relative(1),
        _ => {
            let first = m.chars().next()?;
            if m.contains("季度") {
                let n = m.chars().find_map(|ch| match ch {
                    '一' | '1' => Some(1),
                    '二' | '2' => Some(2),
                    '三' | '3' => Some(3),
                    '四' | '4' => Some(4),
                    _ => None,
                })?;
                Period::Months {
                    year: None,
                    from: 3 * n - 2,
                    to: 3 * n,
                }
            } else if m.starts_with('截')
                || (m.starts_with('前') && m.ends_with('月'))
                || (m.ends_with('月') && m.contains(['-', '—', '–', '~', '～', '至', '到']))
            {
                month_span(last_month(m))?
            } else if m.ends_with("月份") {
                let n = last_month(m)?;
                Period::Months {
                    year: None,
                    from: n,
                    to: n,
                }
            } else if first.is_ascii_digit() && m.contains('年') {
                // 90年代 is a decade, not a year.
                if rest.starts_with('代') {
                    return None;
                }
                let first: i32 = m.get(0..4)?.parse().ok()?;
                // 2018—2020年: the second year ends the span
                let second = m
                    .get(4..)
                    .and_then(|r| r.find(|c: char| c.is_ascii_digit()).map(|i| (r, i)))
                    .and_then(|(r, i)| r.get(i..i + 4)?.parse::<i32>().ok());
                match second {
                    Some(last) if last > first => Period::Years(first, last),
                    _ => Period::Year(first),
                }
            } else if m.ends_with('年') {
                let y: String = m
                    .chars()
                    .filter_map(|ch| {
                        chinese_numeral(&ch.to_string())
                            .or(if ch == '〇' { Some(0.0) } else { None })
                            .map(|v| char::from(b'0' + v as u8))
                    })
                    .collect();
                Period::Year(y.parse().ok()?)
            } else {
                let (a, b) = plan_span(m, rest)?;
                // “十三五”末 is the last year, 初 the first.
                if rest.starts_with('末') || rest.starts_with("期末") {
                    Period::Year(b)
                } else if rest.starts_with('初') || rest.starts_with("期初") {
                    Period::Year(a)
                } else {
                    Period::Years(a, b)
                }
            }
        }
    })
}

/// Every period written in `s`; offsets are relative to `s`.
pub fn mentions(s: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    mentions_into(s, 0, &mut out);
    out
}

/// [`mentions`] pushed onto `out`, their offsets in `s` moved by `offset`:
/// the mentions of every paragraph go into one vector, without one of their
/// own.
#[allow(clippy::string_slice, reason = "end is where a reading of s ends")]
pub fn mentions_into(s: &str, offset: usize, out: &mut Vec<Mention>) {
    let first = out.len();
    let mut i = 0;
    // Whether the text so far has a book title open (《 after the last 》),
    // read once over it rather than searched back from every mention.
    let mut titles = Titles::default();
    while let Some((start, c)) = FIRSTS.next_in(s, i) {
        let Some(end) = reading(s, start) else {
            // no period starts inside a run of digits (the 3 of 2030): the
            // run is passed over whole
            i = if c.is_ascii_digit() {
                start
                    + s.as_bytes()
                        .get(start..)
                        .map_or(1, |r| r.iter().take_while(|b| b.is_ascii_digit()).count())
            } else {
                start + c.len_utf8()
            };
            continue;
        };
        i = end;
        let Some(period) = classify(&s[start..end], &s[end..]) else {
            continue;
        };
        let in_title = titles.open_at(s, start);
        let baseline = in_title || is_baseline(s, start, end, &period);
        out.push(Mention {
            start: start + offset,
            end: end + offset,
            period,
            baseline,
        });
    }
    attach_years(out.get_mut(first..).unwrap_or_default());
    plans_describing_a_year(s, offset, out.get_mut(first..).unwrap_or_default());
}

/// 2020年是“十三五”收官之年; 2008年，是全面完成“十一五”规划的一年: a year
/// said to be a year of a plan is the time; the plan's span only describes
/// it, and dates neither the figures nor the sentences after it.
fn plans_describing_a_year(s: &str, offset: usize, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let Some(m) = mentions.get(i) else { continue };
        if !matches!(m.period, Period::Year(_) | Period::Relative(0 | 1)) {
            continue;
        }
        let Some(rest) = s.get(m.end - offset..) else {
            continue;
        };
        let Some(said) = rest
            .trim_start_matches(['，', ','])
            .strip_prefix("是")
            .or_else(|| rest.strip_prefix("也是"))
        else {
            continue;
        };
        let clause = said.split(['。', '；', ';']).next().unwrap_or("");
        if !(clause.contains("之年") || clause.contains("一年")) {
            continue;
        }
        let end = s.len() - said.len() + clause.len() + offset;
        for later in mentions.iter_mut().skip(i + 1) {
            if later.start < end && matches!(later.period, Period::Years(..)) {
                later.baseline = true;
            }
        }
    }
}

/// The length of a period written at the very start of `s`.
#[allow(clippy::string_slice, reason = "end is where a reading of s ends")]
pub fn at_start(s: &str) -> Option<usize> {
    let end = reading(s, 0)?;
    classify(&s[..end], &s[end..]).map(|_| end)
}

/// Where a period written at the very end of `s` starts.
#[allow(
    clippy::string_slice,
    reason = "start is where FIRSTS.next_in found a character"
)]
pub fn at_end(s: &str) -> Option<usize> {
    let mut i = 0;
    while let Some((start, c)) = FIRSTS.next_in(s, i) {
        if readings(s, start, &mut |e| e == s.len()) {
            return classify(&s[start..], "").map(|_| start);
        }
        i = start + c.len_utf8();
    }
    None
}

/// A year written right before a month span is the span's year
/// (`2015年1至9月`).
#[allow(clippy::indexing_slicing, reason = "i ranges over 1..mentions.len()")]
fn attach_years(mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        if let (
            Period::Year(y),
            Period::Months {
                year: None,
                from,
                to,
            },
        ) = (mentions[i - 1].period, mentions[i].period)
            && mentions[i].start.saturating_sub(mentions[i - 1].end) <= 3
        {
            mentions[i].period = Period::Months {
                year: Some(y),
                from,
                to,
            };
            mentions[i - 1].baseline = true;
        }
    }
}

/// Whether a book title is open at a place of a text: 《荆州市国土空间总体规划
/// （2021-2035年）》 names the document, and a time in it is not the time of
/// what follows. Asked at places in order, it reads each byte once.
#[derive(Default)]
struct Titles {
    read_to: usize,
    open: bool,
}

impl Titles {
    /// Whether a 《 stands before byte `at` of `s` with no 》 after it.
    fn open_at(&mut self, s: &str, at: usize) -> bool {
        // 《 is E3 80 8A and 》 E3 80 8B: found by their last byte.
        let bytes = s.as_bytes().get(self.read_to..at).unwrap_or_default();
        for i in memchr::memchr2_iter(0x8A, 0x8B, bytes) {
            if let Some([0xE3, 0x80, last]) = i.checked_sub(2).and_then(|j| bytes.get(j..=i)) {
                self.open = *last == 0x8A;
            }
        }
        self.read_to = self.read_to.max(at);
        self.open
    }
}

/// 比2010年, 较2019年同期, 是2015年的, 在2020年基础上, 从2016年的, 与上年相比,
/// 比上年, 高于“十一五”时期, 1995年以来最高: the period a figure is compared with.
#[allow(
    clippy::string_slice,
    reason = "start and end are the bounds of a regex match in s"
)]
fn is_baseline(s: &str, start: usize, end: usize, period: &Period) -> bool {
    // 比 2010年: pasted text has spaces around numbers
    let head = s[..start].trim_end_matches(' ');
    let tail = &s[end..];
    let compared = [
        "比",
        "较",
        "与",
        "同",
        "是",
        "在",
        "从",
        "由",
        "高于",
        "低于",
        "快于",
        "慢于",
        "恢复至",
        "恢复到",
        // 接近“十三五”时期总和, 相当于“十二五”期间的总和
        "接近",
        "相当于",
    ]
    .iter()
    .any(|w| head.ends_with(w));
    // 从2002年到2006年 is the span itself, not a start compared with
    let span_from = matches!(period, Period::Years(..))
        && s[start..].starts_with(|c: char| c.is_ascii_digit())
        && ["从", "由"].iter().any(|w| head.ends_with(w));
    let compared = compared && !span_from;
    // 1951年以来最严重伏旱, 1993年以来经济增长速度的新高: the time a record
    // is held against, not the time of any figure.
    // (创近五年新高, “十三五”时期总和: a record or a sum the figure is held
    // against)
    let against = [
        "基础上",
        "相比",
        "同期相比",
        "末的",
        "初的",
        "底的",
        "新高",
        "最高",
        "最好",
        "最低",
    ]
    .iter()
    .any(|w| tail.starts_with(w))
        || tail
            .split(['，', '。', '；', ','])
            .next()
            .is_some_and(|c| c.chars().count() <= 6 && c.contains("总和"))
        || tail.strip_prefix("以来").is_some_and(|rest| {
            let clause = rest.split(['，', '。', '；', ',']).next().unwrap_or(rest);
            ["最", "新高", "首次"].iter().any(|w| clause.contains(w))
        });
    // 实施方案（2018—2020年）, 《规划（2021-2025年）》: the years of a
    // document's name, not the time of a figure after it.
    let of_name = [
        "方案", "规划", "计划", "纲要", "意见", "办法", "行动", "工程", "》",
    ]
    .iter()
    .any(|w| {
        head.strip_suffix(['（', '('])
            .is_some_and(|h| h.ends_with(w))
    });
    if of_name {
        return true;
    }
    // 完成全年目标任务的92%, 占今年计划的85%: the plan's year, not the time
    // of the share of it, which is its figure's (截至10月底…); a plan span or
    // a year written out is the share's time too (完成“七五”计划指标的101.2%)
    // (a share follows in the clause: 较好完成2013年目标任务 heads a review
    // of that year)
    let of_plan = matches!(period, Period::ContextYear | Period::Relative(0))
        && ["完成", "占", "为", "是", "达到", "达"]
            .iter()
            .any(|w| head.ends_with(w))
        && ["目标", "任务", "计划", "预算"]
            .iter()
            .any(|w| tail.starts_with(w))
        && tail
            .chars()
            .take(10)
            .take_while(|c| !matches!(c, '，' | '。' | '；' | ',' | '\n'))
            .any(|c| c.is_ascii_digit());
    if of_plan {
        return true;
    }
    // 提前完成“十四五”规划目标；一般公共预算收入增长16.1%: the plan whose goals
    // were met ahead of time, named as a thing done, not the time of the
    // figures after it (确保全面完成“十二五”规划目标 is still that time's goal).
    let plan_met = matches!(period, Period::Years(..))
        && ["完成", "实现"].iter().any(|w| head.ends_with(w))
        && ["规划", "计划", "目标"].iter().any(|w| tail.starts_with(w))
        && {
            let clause = head
                .rsplit(['，', '。', '；', ',', '\n'])
                .next()
                .unwrap_or(head);
            let from = clause.char_indices().rev().nth(9).map_or(0, |(i, _)| i);
            let near = clause.get(from..).unwrap_or(clause);
            ["提前", "超额", "已"].iter().any(|w| near.contains(w))
        };
    if plan_met {
        return true;
    }
    match period {
        // 今年以来, 全年: the present, whatever stands before.
        Period::Relative(0) | Period::Relative(1) | Period::ContextYear => false,
        // 从一季度-8.8%回升到…: a month span after 从 is still the time of
        // its figure; only 比/较/与/同 compare.
        Period::Months { .. } => {
            ["比", "较", "与", "同"].iter().any(|w| head.ends_with(w)) || against
        }
        _ => compared || against,
    }
}

/// The years of the n-th five-year plan: the third began in 1966, then
/// every five years (十三五 → 2016-2020). `rest` is what follows, to tell
/// “十五” the plan from 十五 the number.
fn plan_span(written: &str, rest: &str) -> Option<(i32, i32)> {
    let quoted = written.starts_with(['“', '"']) && written.ends_with(['”', '"']);
    let core = written.trim_matches(|c| c == '“' || c == '”' || c == '"');
    let n_text = core.strip_suffix('五')?;
    let n = chinese_numeral(n_text)? as i32;
    // “六五”普法 is a five-year campaign of legal education, not a plan.
    if rest.starts_with("普法") || rest.starts_with("”普法") {
        return None;
    }
    let context = ["期间", "时期", "规划", "计划", "末", "初", "以来", "期"]
        .iter()
        .any(|w| rest.starts_with(w));
    // 十一五 … 十五五 are unmistakable; 九五, 十五 need quotes or context.
    let clear = n >= 11 || quoted || context;
    if !clear || n < 1 {
        return None;
    }
    let start = match n {
        1 => 1953,
        2 => 1958,
        _ => 1966 + 5 * (n - 3),
    };
    Some((start, start + 4))
}

fn last_month(s: &str) -> Option<u32> {
    let body = s.trim_end_matches(['底', '末', '份']);
    let body = body.strip_suffix('月')?;
    let body = body.trim_end_matches("个").trim_end();
    let digits: String = body
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let n = if !digits.is_empty() {
        digits.parse().ok()?
    } else {
        let cn: String = body
            .chars()
            .rev()
            .take_while(|c| NUMERALS.contains(c) || *c == '两')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        chinese_numeral(&cn)? as u32
    };
    (1..=12).contains(&n).then_some(n)
}

/// “十四五”以来: a span followed by 以来 runs from its first year up to the
/// present, not to its last (a span already over stays whole).
pub fn end_spans_since(text: &str, mentions: &mut [Mention], present: Option<i32>) {
    let Some(p) = present else {
        return;
    };
    for m in mentions {
        if let Period::Years(a, b) = m.period
            && a <= p
            && p < b
            && text.get(m.end..).is_some_and(|r| r.starts_with("以来"))
        {
            m.period = Period::Years(a, p);
        }
    }
}

/// Resolves a period against the present year and the year in context
/// (for month spans written without a year). A text dated `late` in its year
/// (November, December) reviews that year and plans the next, so its spans
/// of years counted back or ahead (五年来, 今后五年) reach one year later:
/// 五年来 in December 2021 is 2017-2021, as it is in January 2022.
pub fn resolve(
    p: Period,
    present: Option<i32>,
    late: bool,
    year_context: Option<i32>,
) -> Option<Resolved> {
    match p {
        Period::Year(y) => Some(Resolved {
            from: y,
            to: y,
            months: None,
        }),
        Period::Years(a, b) => Some(Resolved {
            from: a,
            to: b,
            months: None,
        }),
        Period::Months { year, from, to } => {
            let y = year.or(year_context).or(present)?;
            Some(Resolved {
                from: y,
                to: y,
                months: Some((from, to)),
            })
        }
        Period::Relative(d) => present.map(|y| Resolved {
            from: y + d,
            to: y + d,
            months: None,
        }),
        Period::ContextYear => year_context.or(present).map(|y| Resolved {
            from: y,
            to: y,
            months: None,
        }),
        Period::RelativeSpan(a, b) => present.map(|y| {
            let y = y + i32::from(late);
            Resolved {
                from: y + a,
                to: y + b,
                months: None,
            }
        }),
    }
}

/// The year the text treats as the present: the page's date, unless the
/// text reports a month span the page's date has not reached yet (a page
/// dated February that reports 元-9月份 republishes an older text; its
/// present is the latest year it names). Without a date, the year in the
/// title.
pub fn present_year(meta: &Meta, ms: &[Mention]) -> Option<i32> {
    let date = meta.date.as_deref().unwrap_or("");
    let year: Option<i32> = date.get(0..4).and_then(|y| y.parse().ok());
    let month: Option<u32> = date.get(5..7).and_then(|m| m.parse().ok());
    if let Some(y) = year {
        if let Some(m) = month {
            // (months counted from January: 1-11月 reports them done; 下半年,
            // 四季度 or 12月 alone may be plans of the months ahead)
            let ahead = ms.iter().any(
                |x| matches!(x.period, Period::Months { year: None, from: 1, to } if to > m + 1),
            );
            let named: Vec<i32> = ms
                .iter()
                .filter_map(|x| match x.period {
                    Period::Year(v) => Some(v),
                    Period::Months { year: Some(v), .. } => Some(v),
                    _ => None,
                })
                .collect();
            if ahead && !named.iter().any(|&v| v >= y) {
                return Some(
                    named
                        .iter()
                        .copied()
                        .filter(|&v| v < y && v >= y - 5)
                        .max()
                        .unwrap_or(y - 1),
                );
            }
        }
        return Some(y);
    }
    let title = meta.title.as_deref().unwrap_or("");
    mentions(title).iter().find_map(|m| match m.period {
        Period::Year(y) if !m.baseline => Some(y),
        _ => None,
    })
}

/// Whether the article is dated late in its present year (November or
/// December), when a report reviews the year about to close (see
/// [`resolve`]).
pub fn late_in(meta: &Meta, present: Option<i32>) -> bool {
    article_month(meta).is_some_and(|(y, m)| m >= 11 && Some(y) == present)
}

/// The year and month of the article's date, when it has both.
pub fn article_month(meta: &Meta) -> Option<(i32, u32)> {
    let date = meta.date.as_deref()?;
    let year = date.get(0..4)?.parse().ok()?;
    let month = date.get(5..7)?.parse().ok()?;
    Some((year, month))
}

/// The month and day of the article's date, when it has a day.
pub fn article_day(meta: &Meta) -> Option<(u32, u32)> {
    let date = meta.date.as_deref()?;
    let month = date.get(5..7)?.parse().ok()?;
    let day = date.get(8..10)?.parse().ok()?;
    Some((month, day))
}

/// A period the title gives the whole text (细数这五年 → the five years
/// before the present).
pub fn title_period(meta: &Meta) -> Option<Period> {
    let title = meta.title.as_deref()?;
    mentions(title)
        .into_iter()
        .filter(|m| !m.baseline)
        .map(|m| m.period)
        .find(|p| matches!(p, Period::RelativeSpan(..) | Period::Years(..)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The forms [`readings`] reads, as the regex they were first written
    /// as: the test's oracle, leftmost first as the scan is.
    const PATTERN: &str = r#"(?:(?:19|20)[0-9][0-9] ?年(?:度)?|[一二三四五六七八九〇零]{4}年|[“"]?(?:十[一二三四五]|[一二三四五六七八九十])五[”"]?|(?:1|一|元) ?(?:[-—–~～至到]|月至|月到|月—|月-) ?(?:[0-9]{1,2}|十[一二]?|[二三四五六七八九]) ?月|截[至止](?:到)? ?(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九]) ?月(?:底|末|份)?|(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九]) ?月份|前 ?(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九两]) ?个 ?月|前三季度|前3季度|上半年|下半年|(?:第)?[一二三四1-4] ?季度|五年来|过去五年|过去的五年|这五年|近五年|五年间|五年中|五年累计|四年来|三年来|两年来|过去三年|近三年|过去5年|近5年|过去3年|近3年|今后五年|未来五年|今后5年|未来5年|去年|上年|过去一年|过去的一年|上一年|今年|本年度|本年|目前|当前|现阶段|全年|当年|年内|年底前|年底|年末|明年)"#;

    /// Every period-shaped stretch of `s` the scan finds, classified or not.
    fn scanned(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some((start, c)) = FIRSTS.next_in(s, i) {
            match reading(s, start) {
                Some(end) => {
                    out.push((start, end));
                    i = end;
                }
                None => i = start + c.len_utf8(),
            }
        }
        out
    }

    /// The scan agrees with the regex: the same stretches, and the same
    /// stretch at the start and at the end.
    fn agrees_with_the_pattern(s: &str) {
        let any = crate::re::regex(PATTERN);
        let first = crate::re::regex(&format!("^{PATTERN}"));
        let last = crate::re::regex(&format!("{PATTERN}$"));
        let expected: Vec<(usize, usize)> =
            any.find_iter(s).map(|m| (m.start(), m.end())).collect();
        assert_eq!(scanned(s), expected, "{s}");
        assert_eq!(reading(s, 0), first.find(s).map(|m| m.end()), "{s}");
        let mut i = 0;
        let mut at_end = None;
        while let Some((start, c)) = FIRSTS.next_in(s, i) {
            if readings(s, start, &mut |e| e == s.len()) {
                at_end = Some(start);
                break;
            }
            i = start + c.len_utf8();
        }
        assert_eq!(at_end, last.find(s).map(|m| m.start()), "{s}");
    }

    /// Every character of the forms, and some that are not.
    const PIECES: &[&str] = &[
        "1",
        "2",
        "0",
        "9",
        "3",
        "4",
        "5",
        " ",
        "年",
        "度",
        "\"",
        "“",
        "”",
        "一",
        "二",
        "三",
        "四",
        "五",
        "六",
        "七",
        "八",
        "九",
        "十",
        "〇",
        "零",
        "元",
        "-",
        "—",
        "–",
        "~",
        "～",
        "至",
        "到",
        "月",
        "截",
        "止",
        "底",
        "末",
        "份",
        "前",
        "个",
        "两",
        "季度",
        "季",
        "上",
        "下",
        "半",
        "第",
        "来",
        "过去",
        "的",
        "这",
        "近",
        "间",
        "中",
        "今后",
        "未来",
        "去",
        "本",
        "目",
        "当",
        "现阶段",
        "全",
        "内",
        "明",
        "增长",
        "，",
        "é",
        "𠀀",
    ];

    proptest! {
        #[test]
        fn the_scan_reads_what_the_pattern_matches(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..12)
        ) {
            agrees_with_the_pattern(&pieces.concat());
        }
    }

    #[test]
    fn the_scan_reads_the_samples_as_the_pattern_does() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/samples");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                for line in text.lines() {
                    agrees_with_the_pattern(line);
                }
                read += 1;
            }
        }
        assert!(read >= 5);
        for s in [
            "2020 年度",
            "“十五”",
            "十五五",
            "元月至12月",
            "1-123月",
            "截止到 9 月底",
            "“5八月份今后截",
            "十二月份",
            "前 两 个 月",
            "第 一季度",
            "本年度",
            "年底前",
        ] {
            agrees_with_the_pattern(s);
        }
    }

    fn one(s: &str, present: i32) -> Option<String> {
        let ms = mentions(s);
        let m = ms.iter().find(|m| !m.baseline)?;
        resolve(m.period, Some(present), false, None).map(|r| r.format())
    }

    #[test]
    fn late_in_the_year_spans_reach_one_year_later() {
        let at = |word: &str, late: bool| {
            let m = mentions(word)[0];
            resolve(m.period, Some(2021), late, None).map(|r| r.format())
        };
        assert_eq!(at("五年来", false).as_deref(), Some("2016-2020"));
        assert_eq!(at("五年来", true).as_deref(), Some("2017-2021"));
        assert_eq!(at("今后五年", true).as_deref(), Some("2022-2026"));
        // the calendar's words keep their year
        assert_eq!(at("今年", true).as_deref(), Some("2021"));
        assert_eq!(at("去年", true).as_deref(), Some("2020"));
        let meta = |date: &str| Meta {
            date: Some(date.to_string()),
            ..Meta::default()
        };
        assert!(late_in(&meta("2021-12-21"), Some(2021)));
        assert!(!late_in(&meta("2021-10-26"), Some(2021)));
        // a republished text whose present is an earlier year
        assert!(!late_in(&meta("2021-12-21"), Some(2020)));
    }

    #[test]
    fn plan_spans() {
        assert_eq!(one("“十二五”期间", 2013).as_deref(), Some("2011-2015"));
        assert_eq!(one("十三五时期", 2021).as_deref(), Some("2016-2020"));
        assert_eq!(one("“十五五”时期", 2026).as_deref(), Some("2026-2030"));
        assert_eq!(one("“八五”期间", 1991).as_deref(), Some("1991-1995"));
        assert_eq!(one("正月十五", 2017), None);
    }

    #[test]
    fn month_spans() {
        assert_eq!(one("元-9月份", 2011).as_deref(), Some("2011-01/2011-09"));
        assert_eq!(one("1~8月", 2021).as_deref(), Some("2021-01/2021-08"));
        assert_eq!(one("前八个月", 2011).as_deref(), Some("2011-01/2011-08"));
        assert_eq!(one("截止9月底", 2011).as_deref(), Some("2011-01/2011-09"));
        assert_eq!(one("前三季度", 2019).as_deref(), Some("2019-01/2019-09"));
        assert_eq!(
            one("2015年1至9月", 2016).as_deref(),
            Some("2015-01/2015-09")
        );
    }

    #[test]
    fn baselines_are_not_periods() {
        assert_eq!(one("是2015年的1.46倍", 2021), None);
        assert_eq!(one("比上年增长", 2021), None);
        assert_eq!(one("增速明显高于“十一五”时期", 2011), None);
        assert_eq!(one("二〇三五年远景目标", 2021).as_deref(), Some("2035"));
    }

    #[test]
    fn a_republished_text_keeps_its_own_present() {
        let meta = Meta {
            date: Some("2013-02-20".into()),
            ..Meta::default()
        };
        let text = "今年以来，元-9月份，共签约项目43个。2011年开发区承担的15个项目。";
        assert_eq!(present_year(&meta, &mentions(text)), Some(2011));
        let plain = "2012年全市生产总值增长8%，今年力争增长8.5%。";
        assert_eq!(present_year(&meta, &mentions(plain)), Some(2013));
    }
}
