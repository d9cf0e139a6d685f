//! Sentence patterns around numbers: which numbers are figures at all,
//! what they measure (growth, level, multiple, share) and with which sign,
//! and the structures that tie several numbers or indicators together
//! (从X增长到Y, 分别, 均, 保6争7, 与上年持平).

use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::indicator::count_len;
use super::period;
use super::subject::{is_cjk, opens_noun};
use super::text::Part;
use super::words::{first_of, has, rfind, suffix_in, words};
use crate::analysis::{Comparator, Quantity, Span};
use crate::numbers::{DECREASE, Number, UnitKind};

/// Change verbs that make a percent a growth rate.
const CHANGE: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "上涨", "递增", "扩大", "下降", "降低", "减少", "削减",
    "压减", "压缩", "缩短", "缩小", "回落", "下滑", "下跌", "上扬", "攀升", "跃升", "改善", "增速",
    "精简", "精减", "缩减", "压降", "增幅", "涨幅", "降幅", "增", "降", "减", "涨",
];

/// Whether `after`, what follows an `N条`, closes a list of policies named
/// by their articles with 等 (`等一揽子…政策`; `、稳投资6条、…12条等…措施`).
fn policy_list_follows(after: &str) -> bool {
    let mut rest = after;
    for _ in 0..8 {
        if rest.starts_with('等') {
            return true;
        }
        let Some(r) = rest.strip_prefix('、') else {
            return false;
        };
        // the next item: a few characters of name, its number, 条
        let Some(at) = r.find('条') else {
            return false;
        };
        let (item, next) = r.split_at(at);
        if item.chars().count() > 10 || !item.ends_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        rest = next.strip_prefix('条').unwrap_or(next);
    }
    false
}

/// Why a number is not a figure, or `None` when it may be one.
pub fn rejected(n: &Number, text: &str, quotes: &[Part]) -> Option<&'static str> {
    if quotes
        .iter()
        .any(|q| n.figure.0 >= q.start && n.figure.0 < q.end)
    {
        return Some("quoted");
    }
    let after = text.get(n.span.1..).unwrap_or("");
    // 信心倍增, 干劲倍增: an idiom of mood, not a multiple; so is 倍增动力,
    // 倍增信心, with its noun after it.
    const MOOD: [&str; 6] = ["信心", "干劲", "士气", "热情", "勇气", "斗志"];
    if n.kind == UnitKind::Multiple
        && (MOOD
            .iter()
            .chain(&["精神", "身价"])
            .any(|w| text.get(..n.span.0).is_some_and(|h| h.ends_with(w)))
            || MOOD.iter().chain(&["动力"]).any(|w| after.starts_with(w)))
    {
        return Some("idiom");
    }
    // 按1:1比例配套, 进行1∶1奖补: a rule of sharing costs, not a measured
    // ratio; 7:2:1: the last part of a ratio of three.
    if n.kind == UnitKind::Ratio {
        let head = text.get(..n.span.0).unwrap_or("");
        if head.ends_with([':', '：', '∶'])
            || ["按", "以", "照", "进行", "给予"]
                .iter()
                .any(|w| head.ends_with(w))
            || [
                "比例",
                "的比例",
                "配套",
                "匹配",
                "奖补",
                "补助",
                "奖励",
                "补贴",
                "出资",
            ]
            .iter()
            .any(|w| after.starts_with(w))
        {
            return Some("rule");
        }
    }
    // 离边境线3公里范围内, 沿江1公里范围内新增造林: a distance that bounds
    // a zone, not a measured length.
    if ["公里", "千米", "米", "里"].contains(&n.unit)
        && (after.starts_with("范围") || after.starts_with("以内的范围"))
    {
        return Some("zone");
    }
    // 稳企安商20条等…政策, 稳工业8条、稳投资6条、促消费12条等稳增长措施: the
    // articles of a policy named by their number, not a count.
    if n.unit == "条" && policy_list_follows(after) {
        return Some("name");
    }
    // 500千伏温西变, 110千伏以上变电站: a line's voltage names its class;
    // 30万吨级原油码头, 30万千瓦以上燃煤发电机组: a size with 级, or a
    // measure with 以上 right before the noun it sorts, is a class too (a
    // count so written is a figure: 新设3家以上技术转移分中心).
    if n.unit == "千伏" {
        return Some("class");
    }
    if n.kind == UnitKind::Measure
        && (after.starts_with('级')
            || (text
                .get(n.figure.1..n.span.1)
                .is_some_and(|q| q.ends_with("以上"))
                && after.chars().next().is_some_and(|c| is_cjk(c) && c != '的')))
    {
        return Some("class");
    }
    // 区委十一届十一次全会: a meeting's number.
    if n.unit == "次"
        && [
            "全会",
            "会议",
            "党代会",
            "代表大会",
            "全体会议",
            "常委会",
            "人代会",
            "全委会",
        ]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return Some("meeting");
    }
    // 投资过亿元、十亿元的项目, 百亿元产业: a round sum in Chinese numerals
    // before a noun is a size class.
    if n.kind == UnitKind::Money
        && n.chinese
        && !after.starts_with("大关")
        && !after.starts_with("台阶")
        && after
            .chars()
            .next()
            .is_some_and(|c| (is_cjk(c) && c != '的') || c == '、')
    {
        return Some("class");
    }
    // 会议应到代表286名，实到271名: a meeting's roll call, not a figure.
    if n.kind == UnitKind::Count
        && text.get(..n.span.0).is_some_and(|h| {
            let clause = h
                .rfind(['，', '。', '；', ',', '：', '\n'])
                .map_or(h, |i| h.get(i..).unwrap_or(h))
                .trim_start_matches(['，', '。', '；', ',', '：', '\n']);
            let clause = ["本次会议", "会议", "大会"]
                .iter()
                .find_map(|w| clause.strip_prefix(w))
                .unwrap_or(clause);
            [
                "应到",
                "实到",
                "应出席",
                "实际出席",
                "实出席",
                "列席",
                "缺席",
            ]
            .iter()
            .any(|w| clause.starts_with(w))
        })
    {
        return Some("roll call");
    }
    // 全球最大的500家跨国公司: a ranking class, not a count.
    if n.kind == UnitKind::Count
        && ["最大的", "最强的", "排名前", "前"]
            .iter()
            .any(|w| text.get(..n.span.0).is_some_and(|b| b.ends_with(w)))
    {
        return Some("class");
    }
    // $1.$2％: a broken template, not a figure.
    if text
        .get(..n.figure.0)
        .and_then(|h| h.chars().next_back())
        .is_some_and(|c| matches!(c, '$' | '.' | '/' | '#' | '@'))
    {
        return Some("broken");
    }
    let after = text.get(n.span.1..).unwrap_or("");
    let next = after.chars().next();
    if next.is_some_and(|c| c.is_ascii_alphabetic()) && !n.unit.is_empty() {
        // 5G基站 is handled by the unit check; 5A级 景区 here.
        return Some("name");
    }
    if n.chinese
        && n.value <= 10.0
        && !n.scaled
        && matches!(
            n.kind,
            UnitKind::Count | UnitKind::Measure | UnitKind::Time | UnitKind::Age
        )
    {
        // 三大攻坚战, 五个坚定不移, 四级干部: slogans count in Chinese numerals;
        // figures are written in digits.
        return Some("slogan");
    }
    if n.chinese
        && !n.scaled
        && n.value < 100.0
        && n.comparator == Comparator::Eq
        && matches!(n.kind, UnitKind::Count | UnitKind::Measure)
        && next.is_some_and(|c| is_cjk(c) && !matches!(c, '以' | '左' | '的' | '和' | '、'))
    {
        // 十五条硬措施, 十二项重点任务, 三十件民生实事: a count in Chinese
        // numerals before what it counts numbers a programme; 引进项目二十个,
        // 一百三十二个深水泊位 (reports of the 1980s write every figure so)
        // and 近三百个企业 are figures.
        return Some("slogan");
    }
    let pre = text.get(n.span.0..n.figure.0).unwrap_or("");
    let before = text.get(..n.span.0).unwrap_or("");
    // a sum before the noun it sorts (10亿元以上重大产业项目, 的龙头企业超过100家)
    let before_noun = || next.is_some_and(|c| opens_noun(c) || (c == '的' && counted_after(after)));
    if n.kind == UnitKind::Money
        && (text.get(n.figure.1..n.span.1) == Some("以上")
            || matches!(pre, "超" | "超过")
            || before.ends_with('过'))
        && before_noun()
    {
        // 10亿元以上重大产业项目, 销售额超过1亿元的龙头企业超过100家: a size
        // class, not a figure.
        return Some("class");
    }
    if n.kind == UnitKind::Money
        && n.comparator == Comparator::Range
        && before_noun()
        && !money_noun(after)
    {
        // 5亿元至10亿元项目9个: a band of sizes before a noun sorts what is
        // counted (提供300—700万元贴息贷款 measures the money it names).
        return Some("class");
    }
    if matches!(n.kind, UnitKind::Count | UnitKind::Measure) && names_rate_scope(after) {
        // 12个国控断面水质优良比例达到91.7%, 500米服务半径覆盖率100%: the
        // count or size says over what the rate is taken; the rate is the
        // figure.
        return Some("scope");
    }
    None
}

/// Whether the noun right after a sum is money itself (贴息贷款, 补助资金).
pub fn money_noun(after: &str) -> bool {
    let end = after.char_indices().nth(8).map_or(after.len(), |(i, _)| i);
    let noun = after.get(..end).unwrap_or(after);
    [
        "贷款", "资金", "补助", "补贴", "奖励", "奖补", "投资", "经费", "资助", "扶持", "基金",
        "债券",
    ]
    .iter()
    .any(|w| noun.contains(w))
}

/// Whether `after`, the text after a count, runs without a break into the
/// name of a rate and its figure in percent (国控断面水质优良比例达到91.7%).
pub fn names_rate_scope(after: &str) -> bool {
    let stop = |c: char| {
        c.is_ascii_digit() || matches!(c, '，' | '。' | '；' | '：' | '、' | ',' | ';' | '\n')
    };
    let mut from = 0;
    let at = loop {
        let Some(at) = after
            .get(from..)
            .and_then(|r| r.find(stop))
            .map(|i| from + i)
        else {
            return false;
        };
        // 3个国考断面、5个省考断面水质优良比例: the next count of a list of
        // scopes, read through
        let next = after
            .get(at..)
            .and_then(|r| r.strip_prefix('、'))
            .unwrap_or("");
        match count_len(next) {
            0 => break at,
            count => from = after.len() - next.len() + count,
        }
    };
    const LINKS: &[&str] = &[
        "达到",
        "达",
        "为",
        "保持在",
        "保持",
        "稳定在",
        "提高到",
        "提升到",
        "实现",
        "在",
    ];
    let (name, figure) = after.split_at(at);
    let percent = figure
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .starts_with(['%', '％']);
    // (the narrow links of a rate to its value; an adverb on either side)
    fn adverbs(mut s: &str) -> &str {
        for adverb in ["均", "分别", "全部", "稳定"] {
            s = s.strip_suffix(adverb).unwrap_or(s);
        }
        s
    }
    let name = adverbs(name);
    let name = adverbs(
        LINKS
            .iter()
            .find_map(|l| name.strip_suffix(l))
            .unwrap_or(name),
    );
    percent
        && figure.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().count() >= 3
        && ["率", "比例", "比重", "占比"]
            .iter()
            .any(|r| name.ends_with(r))
}

/// Whether `after`, the text after a sum, is `的` and a noun that its clause
/// goes on to count (的龙头企业达到10家, 的村达43%, or with the noun left out,
/// 100亿元以上的5家): the sum then sorts what is counted. A sum followed by 的
/// and no count (超过1亿元的好成绩, 投资超500亿元的某项目、投资约300亿元的…)
/// is a figure of its own.
fn counted_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('的') else {
        return false;
    };
    let clause = rest
        .find(['，', '。', '；', '：', '、', ',', ';', '\n'])
        .map_or(rest, |end| rest.get(..end).unwrap_or(rest));
    let Some(at) = clause.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let unit = clause
        .get(at..)
        .unwrap_or("")
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '.' | '万' | '亿' | '千' | '百')
        });
    !unit.starts_with(['元', '美'])
}

/// What a figure measures and whether its value changes sign, from its unit
/// and the words between the indicator and the number (`link`).
pub fn quantity(
    n: &Number,
    link: &str,
    indicator: &str,
    guessed_percent: bool,
) -> (Quantity, bool) {
    let decrease = is_decrease(link);
    match n.kind {
        UnitKind::Multiple => (Quantity::Multiple, false),
        // 缩小至2.5:1 is the ratio now, whichever way it moved
        UnitKind::Ratio => (Quantity::Share, false),
        UnitKind::Points => (Quantity::Growth, decrease),
        UnitKind::Percent | UnitKind::Permille => {
            if guessed_percent || is_change(link) || (link.is_empty() && is_change_word(indicator))
            {
                (Quantity::Growth, decrease)
            } else if is_change_word(indicator) || names_rate(link) {
                // 工业增速为8%, 降幅收窄至2.1%, 增速回升至5.5%: the rate itself,
                // a decline when it is one
                let down = ["降幅", "下降幅度"]
                    .iter()
                    .any(|w| indicator.ends_with(w) || has(link, w));
                (Quantity::Growth, down)
            } else {
                (Quantity::Share, false)
            }
        }
        _ => (Quantity::Level, decrease),
    }
}

/// A change verb that is not `…到/至` (提高到 53.5% is a level).
fn is_change(link: &str) -> bool {
    if ends_with_to(link) {
        return false;
    }
    CHANGE.iter().any(|w| has(link, w))
}

fn is_change_word(s: &str) -> bool {
    s.ends_with("增收") || RATE_WORDS.iter().any(|w| s.ends_with(w))
}

/// A rate of change named in the words before its number (降幅收窄至).
fn names_rate(link: &str) -> bool {
    RATE_WORDS.iter().any(|w| has(link, w))
}

/// Words naming a rate of change (物价上涨幅度控制在3%以内 is a growth rate,
/// not a share).
const RATE_WORDS: [&str; 7] = [
    "增速",
    "增幅",
    "涨幅",
    "降幅",
    "上涨幅度",
    "增长幅度",
    "下降幅度",
];

fn ends_with_to(link: &str) -> bool {
    let t = without_year_of(link.trim_end_matches(['了', ' ']));
    t.ends_with('到') || t.ends_with('至') || t.ends_with("为")
}

/// `下降到2012年的` → `下降到`: the year a level is of, written between the
/// verb and the number, does not make the verb a change.
fn without_year_of(link: &str) -> &str {
    let Some(t) = link.strip_suffix('的') else {
        return link;
    };
    let t = t.trim_end_matches(['底', '末']);
    // (降到去年的1.5%: a relative year as a written one)
    if let Some(r) = ["去年", "上年", "今年"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
    {
        return r;
    }
    let Some(t) = t.strip_suffix('年') else {
        return link;
    };
    let digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if t.len() - digits.len() == 4 {
        digits
    } else {
        link
    }
}

/// The number after `link` is a decrease: 下降, 减少, 压缩, 负增长… (not 下降到).
pub fn is_decrease(link: &str) -> bool {
    if ends_with_to(link) {
        return false;
    }
    if let Some(down) = rate_change(link) {
        return down;
    }
    has(link, "降幅")
        || has(link, "负增长")
        || (!has(link, "减免") && DECREASE.iter().any(|w| has(link, w)))
        || lower_than_before(link)
}

/// 增幅收窄2个百分点, 降幅收窄1.5个百分点, 降幅扩大1.2个百分点: how a rate of
/// change moved, when the words name the rate and then the verb. A narrower
/// decline is a rise of the rate; a narrower growth, a fall.
fn rate_change(link: &str) -> Option<bool> {
    const NARROWER: &[&str] = &[
        "收窄", "缩小", "回落", "放缓", "减缓", "下降", "降低", "减少", "下滑", "减小",
    ];
    const WIDER: &[&str] = &[
        "扩大", "加大", "加快", "提高", "提升", "上升", "加速", "回升", "增加",
    ];
    let (at, rate) = ["增速", "增幅", "涨幅", "降幅"]
        .iter()
        .filter_map(|w| rfind(link, w).map(|i| (i, *w)))
        .max_by_key(|(i, _)| *i)?;
    let after = link.get(at + rate.len()..)?;
    let narrower = NARROWER.iter().any(|w| has(after, w));
    let wider = WIDER.iter().any(|w| has(after, w));
    if narrower == wider {
        return None;
    }
    Some(narrower != (rate == "降幅"))
}

/// 比上年低, 较去年同期少了: lower than a time before, a decrease (the
/// comparison is `strip_comparison`'s; 比全省低 is a benchmark's).
fn lower_than_before(link: &str) -> bool {
    let t = link.trim_end_matches(['了', ' ']);
    t.ends_with(['低', '少']) && (has(t, "比") || has(t, "较"))
}

/// A clause that is only a verb of change before its figures (`年均增长`,
/// `同比下降`): it names no indicator of its own.
pub fn is_bare_change(head: &str) -> bool {
    let mut h = head.trim();
    for adverb in ["年均", "平均", "同比", "比上年", "分别"] {
        h = h.strip_prefix(adverb).unwrap_or(h);
    }
    // 比2005年增长, 较“十二五”末增长: a time compared with names nothing
    if let Some(rest) = h.strip_prefix(['比', '较']) {
        let time = rest.trim_end_matches(|c: char| !matches!(c, '年' | '末' | '底' | '初' | '期'));
        let after_time = period::at_start(time).and_then(|end| time.get(end..));
        if matches!(
            after_time,
            Some("" | "末" | "底" | "初" | "同期" | "年末" | "年底")
        ) && let Some(v) = rest.get(time.len()..)
        {
            h = v;
        }
    }
    matches!(
        h,
        "增长" | "增加" | "提高" | "上升" | "上涨" | "下降" | "降低" | "减少"
    )
}

/// `before` (the clause up to a figure) names a ratio of two amounts and
/// leads to its value: `城乡居民收入比缩小至`, `与农业总产值之比由2.1倍提高到`.
/// The figure is then that ratio to one, however it is written (1.94,
/// 1.94:1, 1.94倍). Not a comparison (`比上年增长`, `比2010年翻一番`): after
/// the 比 only words that lead to a value may stand.
pub fn names_ratio_to_one(before: &str) -> bool {
    const LEADS: &str = "由从缩小收窄降下至到为达保持在控制进一步以内倍:：∶.0123456789";
    let Some((head, link)) = before.rsplit_once('比') else {
        return false;
    };
    // 相比, 同比, 环比, 对比: a comparison; 相比1至10月: a figure after 比
    // only as the start of a change (由2.28:1降至)
    head.chars()
        .next_back()
        .is_some_and(|c| is_cjk(c) && !matches!(c, '相' | '同' | '环' | '对'))
        && link.ends_with(['至', '到', '为', '达', '由', '从', '在'])
        && link.chars().all(|c| LEADS.contains(c))
        && (link.starts_with(['由', '从']) || !link.contains(|c: char| c.is_ascii_digit()))
}

/// The end of a ratio name: a `%` after it without a change verb is a share.
pub fn is_ratio(indicator: &str) -> bool {
    suffix_in(indicator, &words().ratio).is_some()
}

/// 从329亿元增长到674亿元, 由45.1%提高到53.5%, 从2016年的6921亿元增加到
/// 2021年的11304亿元: the start and the value are paired when the words
/// between them are a verb of change with 到 or 至 (`增长到`, `提高至2020年的`)
/// and 从 or 由 stands before the start ([`ends_with_from`]).
pub fn is_change_to(between: &str) -> bool {
    static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"^[，,]?(?:(?:增长|增加|提高|提升|扩大|拓展|扩展|延伸|上升|跃升|攀升|倍增|翻番|增|减少|下降|降低|缩小|缩短|压缩|降|减|发展|达)(?:到|至)|(?:精简|精减|压减|缩减|压降|削减|整合|调整|优化|合并|撤并|归并|减少|下降|降低|增加|提高|扩大)(?:到|至|为))了?(?:(?:19|20)\d\d年(?:的|底)?|(?:去年|上年|今年)(?:的|底)?)?(?:不低于|超过|近)?$",
        )
    });
    between.contains(['到', '至', '为']) && BETWEEN.is_match(between)
}

/// Whether the words before the first figure of 从X增长到Y end with 从 or
/// 由 (and what may stand between it and the figure: a year, 每…).
pub fn ends_with_from(head: &str) -> bool {
    static FROM: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"(?:从|由)(?:每[^，。；\d]{1,6}?)?(?:(?:19|20)\d\d年(?:的|底)?|[一二三四]季度的|“?十?[一二三四五六七八九]五”?[末初]的?|[一二三四五六七八九十两]+年前的|(?:上年|去年|前年)[末底]?的|(?:目前|现在)的)?$",
        )
    });
    FROM.is_match(head)
}

/// The start of 从/由 before `x`, for the indicator words before it.
pub fn from_start(text: &str, x: &Number, clause_start: usize) -> usize {
    let head = text.get(clause_start..x.span.0).unwrap_or("");
    head.rfind(['从', '由'])
        .map_or(x.span.0, |i| clause_start + i)
}

/// What each pattern of [`word_figures`] cannot do without (持平, a quote
/// before 保), looked for as bytes by searchers built once.
static CHIPING: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("持平"));
static QUOTED_BAO: LazyLock<[memmem::Finder<'static>; 2]> =
    LazyLock::new(|| [memmem::Finder::new("“保"), memmem::Finder::new("\"保")]);

/// Whether `s` may hold a [`word_figures`] figure: asked once a paragraph,
/// it spares its sentences, nearly all of them, three searches each.
pub fn may_hold_word_figures(s: &str) -> bool {
    CHIPING.find(s.as_bytes()).is_some()
        || QUOTED_BAO.iter().any(|f| f.find(s.as_bytes()).is_some())
}

/// A number made from words: 与上年持平 (growth 0), 增速“保6争7” (growth at
/// least 6, aiming at 7).
pub fn word_figures(s: &str, offset: usize) -> Vec<(Number, bool)> {
    static FLAT: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(r"(?:与|和|同)(?:上年|去年|上一年|上年同期)(?:基本)?持平")
    });
    static BAO: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(r"(?:增速|增长)[“\x22]保(\d+(?:\.\d+)?)%?争(\d+(?:\.\d+)?)%?[”\x22]")
    });
    // Most sentences have neither: what each pattern cannot do without is
    // looked for first.
    let mut out = Vec::new();
    let flat = CHIPING.find(s.as_bytes()).is_some();
    let bao = QUOTED_BAO.iter().any(|f| f.find(s.as_bytes()).is_some());
    if !(flat || bao) {
        return out;
    }
    if flat {
        for m in FLAT.find_iter(s) {
            // 与上年基本持平: about level, as 左右 would say
            let about = if m.as_str().contains("基本") {
                Comparator::Approx
            } else {
                Comparator::Eq
            };
            out.push((
                word_number(offset + m.start(), offset + m.end(), 0.0, about),
                true,
            ));
        }
    }
    if bao {
        for c in BAO.captures_iter(s) {
            let (Some(m), Some(a), Some(b)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let (Ok(a), Ok(b)) = (a.as_str().parse::<f64>(), b.as_str().parse::<f64>()) else {
                continue;
            };
            let start = offset + m.start() + m.as_str().find(['“', '"']).unwrap_or(0);
            out.push((
                word_number(start, offset + m.end(), a, Comparator::Ge),
                true,
            ));
            out.push((
                word_number(start, offset + m.end(), b, Comparator::Eq),
                true,
            ));
        }
    }
    out
}

fn word_number(start: usize, end: usize, value: f64, comparator: Comparator) -> Number {
    Number {
        span: Span(start, end),
        figure: Span(start, end),
        value,
        value_high: None,
        unit: "%",
        kind: UnitKind::Percent,
        comparator,
        chinese: false,
        scaled: false,
        minus: false,
        broken: false,
    }
}

/// Where a comparison with a benchmark starts at the end of `raw`
/// (`增速高于全省`, `超省均`): the figure after it is a difference, not a
/// level of the indicator.
pub fn benchmark_at(raw: &str) -> Option<usize> {
    // 高于全省, 超省均; 比全国快, 较全省平均水平高, 比预期低, 比“十五”快; and 增速低 (0.7个百分点),
    // whose benchmark was named before or not at all, 高于城镇居民 (another
    // group's): a rate higher or lower by some points is a difference, never
    // a change of its own. (比上年低
    // is a change: strip_comparison's.)
    static BENCH: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"(?:高于|低于|快于|慢于|超过|超出|高出|领先|落后|超)(?:全省|全国|全市|全区|省均|省|国家|全州|平均|同期|上年|预期目标|预期|目标|计划)[^，。；\d]*$|(?:比|较)(?:全省|全国|全市|全区|省均|省|国家|全州|预期目标|预期|目标|计划)(?:[、和与](?:全省|全国|全市|全区|省|国家))*(?:平均水平|平均|水平)?(?:分别|均)?(?:高出|高|低|快|慢)了?$|(?:比|较)“[^”]{1,5}”(?:时期|期间)?(?:平均水平|平均增速|平均|水平)?(?:高出|高|低|快|慢)了?$|(?:增速|增幅|涨幅|速度)(?:分别|均)?(?:高出|高|低|快|慢)了?$|(?:高于|低于|快于|慢于)\p{Han}{2,8}?(?:分别|均)?$",
        )
    });
    const VERBS: [&str; 8] = ["高于", "低于", "快于", "慢于", "超", "高", "低", "快"];
    // The match taken is the leftmost and at most 14 characters long, so it
    // starts with a verb among the last 14 characters, or there is none.
    let tail = raw
        .char_indices()
        .rev()
        .nth(13)
        .map_or(raw, |(i, _)| raw.get(i..).unwrap_or(raw));
    first_of(tail, &VERBS)?;
    BENCH
        .find(raw)
        .filter(|m| m.as_str().chars().count() <= 14)
        // 不低于人均800元 bounds a figure; 低于销售收入的2% is a share of it
        .filter(|m| {
            !raw.get(..m.start()).is_some_and(|h| h.ends_with('不')) && !raw.ends_with('的')
        })
        .map(|m| m.start())
}

/// Units a person noun implies when a number is written without one
/// (`2万多师生`, `人口由54万增加到63万`).
pub fn person_noun(s: &str) -> bool {
    const PEOPLE: &[&str] = &[
        "人口",
        "师生",
        "群众",
        "居民",
        "游客",
        "人员",
        "农民",
        "工人",
        "学生",
        "职工",
        "劳动力",
        "贫困人口",
        "志愿者",
        "人才",
        "就业",
    ];
    PEOPLE.iter().any(|p| s.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::find_numbers;

    #[test]
    fn from_to_pairs() {
        let from_to = |s: &str, x: &Number, y: &Number| {
            is_change_to(&s[x.span.1..y.span.0]) && ends_with_from(&s[..x.span.0])
        };
        let s = "全区地区生产总值从329亿元增长到674亿元";
        let n = find_numbers(s);
        assert!(from_to(s, &n[0], &n[1]));
        let s = "从2016年的6921亿元增加到2021年的11304亿元";
        let n: Vec<_> = find_numbers(s)
            .into_iter()
            .filter(|n| !n.unit.is_empty())
            .collect();
        assert!(from_to(s, &n[0], &n[1]));
        let s = "地区生产总值329亿元，增长到674亿元";
        let n = find_numbers(s);
        assert!(!from_to(s, &n[0], &n[1]));
    }

    #[test]
    fn a_benchmark_is_the_leftmost_comparison_of_at_most_14_characters() {
        let cases = [
            ("增速高于全省", Some(6)),
            ("城镇居民人均可支配收入增速超全国", Some(39)),
            ("增长", None),
            ("高于全省，增速", None),
            // The leftmost comparison runs 17 characters: none is taken,
            // though a shorter one ends the text.
            ("高于全省的主要经济指标增速高于全国", None),
            ("高于全省经济指标增速高于全国", Some(0)),
            ("超", None),
        ];
        for (raw, at) in cases {
            assert_eq!(benchmark_at(raw), at, "{raw}");
        }
    }

    #[test]
    fn words_that_are_figures() {
        assert_eq!(word_figures("全社会固定资产投资与上年持平", 0).len(), 1);
        let f = word_figures("地区生产总值增速“保6争7”", 0);
        assert_eq!((f[0].0.value, f[1].0.value), (6.0, 7.0));
    }
}
