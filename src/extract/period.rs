//! Periods: what time a figure is about. Years (`2017年`), plan spans
//! (`“十三五”` → 2016-2020), month spans (`元-9月份`, `前三季度`) and words
//! relative to the year the text treats as the present (`今年`, `去年`,
//! `五年来`).

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Meta;
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

/// Every way a period is written. No capture groups: the fast engines find
/// the matches, [`classify`] reads them.
const PATTERN: &str = r#"(?:(?:19|20)[0-9][0-9] ?年(?:度)?|[一二三四五六七八九〇零]{4}年|[“"]?(?:十[一二三四五]|[一二三四五六七八九十])五[”"]?|(?:1|一|元) ?(?:[-—–~～至到]|月至|月到|月—|月-) ?(?:[0-9]{1,2}|十[一二]?|[二三四五六七八九]) ?月|截[至止](?:到)? ?(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九]) ?月(?:底|末|份)?|前 ?(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九两]) ?个 ?月|前三季度|前3季度|上半年|下半年|(?:第)?[一二三四1-4] ?季度|五年来|过去五年|过去的五年|这五年|近五年|五年间|五年中|三年来|过去三年|近三年|今后五年|未来五年|去年|上年|过去一年|过去的一年|上一年|今年|本年度|本年|目前|当前|现阶段|全年|当年|年内|年底前|年底|年末|明年)"#;

static MENTION: LazyLock<Regex> = LazyLock::new(|| crate::re::regex(PATTERN));
static MENTION_START: LazyLock<Regex> = LazyLock::new(|| crate::re::regex(&format!("^{PATTERN}")));
static MENTION_END: LazyLock<Regex> = LazyLock::new(|| crate::re::regex(&format!("{PATTERN}$")));

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
        "五年来" | "过去五年" | "过去的五年" | "这五年" | "近五年" | "五年间" | "五年中" => {
            Period::RelativeSpan(-5, -1)
        }
        "三年来" | "过去三年" | "近三年" => Period::RelativeSpan(-3, -1),
        "今后五年" | "未来五年" => Period::RelativeSpan(0, 4),
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
            } else if first.is_ascii_digit() && m.contains('年') {
                // 90年代 is a decade, not a year.
                if rest.starts_with('代') {
                    return None;
                }
                Period::Year(m.get(0..4)?.parse().ok()?)
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
#[allow(clippy::string_slice, reason = "end is a regex match end in s")]
pub fn mentions(s: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in MENTION.find_iter(s) {
        let (start, end) = (m.start(), m.end());
        let Some(period) = classify(m.as_str(), &s[end..]) else {
            continue;
        };
        let baseline = is_baseline(s, start, end, &period);
        out.push(Mention {
            start,
            end,
            period,
            baseline,
        });
    }
    attach_years(&mut out);
    out
}

/// The length of a period written at the very start of `s`.
#[allow(clippy::string_slice, reason = "the offset is a regex match end in s")]
pub fn at_start(s: &str) -> Option<usize> {
    let m = MENTION_START.find(s)?;
    classify(m.as_str(), &s[m.end()..]).map(|_| m.end())
}

/// Where a period written at the very end of `s` starts.
pub fn at_end(s: &str) -> Option<usize> {
    let m = MENTION_END.find(s)?;
    classify(m.as_str(), "").map(|_| m.start())
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

/// 比2010年, 较2019年同期, 是2015年的, 在2020年基础上, 从2016年的, 与上年相比,
/// 比上年: the period a figure is compared with.
#[allow(
    clippy::string_slice,
    reason = "start and end are the bounds of a regex match in s"
)]
fn is_baseline(s: &str, start: usize, end: usize, period: &Period) -> bool {
    let head = &s[..start];
    let tail = &s[end..];
    let compared = ["比", "较", "与", "同", "是", "在", "从", "由"]
        .iter()
        .any(|w| head.ends_with(w));
    let against = ["基础上", "相比", "同期相比", "末的", "初的", "底的"]
        .iter()
        .any(|w| tail.starts_with(w));
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

/// Resolves a period against the present year and the year in context
/// (for month spans written without a year).
pub fn resolve(p: Period, present: Option<i32>, year_context: Option<i32>) -> Option<Resolved> {
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
        Period::RelativeSpan(a, b) => present.map(|y| Resolved {
            from: y + a,
            to: y + b,
            months: None,
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
            let ahead = ms
                .iter()
                .any(|x| matches!(x.period, Period::Months { year: None, to, .. } if to > m + 1));
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

    fn one(s: &str, present: i32) -> Option<String> {
        let ms = mentions(s);
        let m = ms.iter().find(|m| !m.baseline)?;
        resolve(m.period, Some(present), None).map(|r| r.format())
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
