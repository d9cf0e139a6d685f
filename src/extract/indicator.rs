//! Indicators: the words a number is about. Read before the number in its
//! clause (`生产总值同比增长8%`), after a counted number (`121个重大项目`),
//! or inherited from the figure before (`增长一倍,达到280亿元`). A phrase maps
//! to its canonical name (lexicon/indicators.txt) when it ends with a known
//! form and what stands before is a place or a modifier.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::period;
use super::subject::{is_cjk, opens_noun, place_prefix};
use super::words::{CharSet, find, prefix_in, suffix_in, words};
use crate::lexicon::Lexicon;
use crate::numbers::NUMERALS;

/// The forms of a lexicon as one pattern, longest first, and their
/// canonical names.
pub struct Matcher {
    pattern: Option<Regex>,
    canonical: HashMap<&'static str, &'static str>,
    /// The length in bytes of the longest form.
    longest: usize,
    /// The forms by their first character, for a quick "is one written here".
    by_first: HashMap<char, Vec<&'static str>>,
    firsts: CharSet,
    /// The last characters of the forms.
    lasts: CharSet,
}

impl Matcher {
    pub fn new(lexicon: &Lexicon) -> Matcher {
        let mut forms: Vec<&'static str> = Vec::new();
        let mut canonical = HashMap::default();
        for ind in lexicon.indicators() {
            for &f in &ind.forms {
                canonical.entry(f).or_insert(ind.canonical);
                forms.push(f);
            }
        }
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms.dedup();
        let alternation: Vec<String> = forms.iter().map(|f| regex::escape(f)).collect();
        let mut by_first: HashMap<char, Vec<&'static str>> = HashMap::default();
        let mut firsts = CharSet::default();
        let mut lasts = CharSet::default();
        for &f in &forms {
            if let Some(c) = f.chars().next() {
                by_first.entry(c).or_default().push(f);
                firsts.insert(c);
            }
            if let Some(c) = f.chars().next_back() {
                lasts.insert(c);
            }
        }
        Matcher {
            pattern: Regex::new(&alternation.join("|")).ok(),
            longest: forms.first().map_or(0, |f| f.len()),
            canonical,
            by_first,
            firsts,
            lasts,
        }
    }

    /// The canonical name of a form as written, if it is one.
    pub fn canonical_of(&self, form: &str) -> Option<&'static str> {
        self.canonical.get(form).copied()
    }

    /// Whether a known form is written in `s`.
    #[allow(clippy::string_slice, reason = "i is a char_indices offset of s")]
    pub fn has_form(&self, s: &str) -> bool {
        s.char_indices().any(|(i, c)| {
            self.firsts.may_contain(c)
                && self
                    .by_first
                    .get(&c)
                    .is_some_and(|fs| fs.iter().any(|f| s[i..].starts_with(f)))
        })
    }

    /// The last known form written in `s`, as (start, end, canonical).
    pub fn last_form(&self, s: &str) -> Option<(usize, usize, &'static str)> {
        let m = self.pattern.as_ref()?.find_iter(s).last()?;
        Some((m.start(), m.end(), self.canonical.get(m.as_str()).copied()?))
    }

    /// The known form that ends `phrase`, as (start, canonical).
    #[allow(clippy::string_slice, reason = "i is a char_indices offset of phrase")]
    pub fn form_at_end(&self, phrase: &str) -> Option<(usize, &'static str)> {
        // The longest known form that ends the phrase: try the suffixes from
        // the longest, one hash lookup each (城乡居民人均可支配收入 before
        // 居民人均可支配收入, 人均生产总值 before 生产总值).
        // Only where a form could end and start: most phrases end in no
        // form's last character, and most of their characters start none,
        // which spares hashing those suffixes.
        let last = phrase.chars().next_back()?;
        if !self.lasts.may_contain(last) {
            return None;
        }
        let from = phrase.len().saturating_sub(self.longest);
        phrase
            .char_indices()
            .filter(|&(i, c)| i >= from && self.firsts.may_contain(c))
            .find_map(|(i, _)| self.canonical.get(&phrase[i..]).map(|c| (i, *c)))
    }
}

static BUILTIN: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(Lexicon::builtin()));

/// The matcher of the built-in lexicon, compiled once.
pub fn builtin() -> &'static Matcher {
    &BUILTIN
}

/// An indicator found for a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The canonical name, or the phrase as written.
    pub indicator: String,
    /// Where the indicator words are written (absolute byte offsets).
    pub surface: (usize, usize),
    /// A place written before the indicator words.
    pub subject: Option<(usize, usize)>,
    /// Mapped to a canonical name from the lexicon.
    pub canonical: bool,
}

/// The name of an indicator written as `s` (canonical when it is known).
pub fn name_str(s: &str, matcher: &Matcher) -> String {
    name(s, 0, s.len(), matcher).indicator
}

/// Words before a known form that do not change what it measures.
const MODIFIERS: &[&str] = &[
    "区属",
    "市属",
    "县属",
    "市本级",
    "本级",
    "地方",
    "全社会",
    "全部",
    "全口径",
    "辖区",
    "全区",
    "全市",
    "全县",
    "全省",
    "全州",
    "本市",
    "我市",
    "我区",
    "我县",
    "我省",
    "市",
    "区",
    "县",
    "省",
];

/// Names the phrase `text[start..end]`: canonical when it ends with a known
/// form behind a place or a modifier, else as written.
#[allow(
    clippy::string_slice,
    reason = "at is a char_indices offset of phrase; skip and place.len() are the lengths of prefixes of prefix"
)]
pub fn name(text: &str, start: usize, end: usize, matcher: &Matcher) -> Named {
    let phrase = text.get(start..end).unwrap_or("");
    // 规上工业企业实现产值: what a sector's firms achieve is the sector's
    // figure, named without the verb.
    if let Some(joined) = actor_measure(phrase) {
        let named = name(&joined, 0, joined.len(), matcher);
        return Named {
            indicator: named.indicator,
            surface: (start, end),
            subject: None,
            canonical: named.canonical,
        };
    }
    // GDP目标增长8.5%, 固定资产投资年度目标为120亿元: the goal for a known
    // indicator is that indicator, whose status the plan word gives; 经济增长目标,
    // GDP增速目标: the goal for the indicator's rate.
    if let Some((head, _)) = goal_of(phrase)
        && (matcher.form_at_end(head).is_some() || head.ends_with("经济"))
    {
        let named = name(text, start, start + head.len(), matcher);
        if named.canonical {
            return named;
        }
    }
    // 全县经济增长6.5%, 兰州新区经济增长18.5%: the economy's growth is its
    // product's. Not a lexicon form: 经济 inside 经济建设 or 数字经济 names
    // nothing, and a form is looked for inside phrases.
    if phrase.ends_with("经济")
        && let Some(gdp) = matcher.canonical_of("生产总值")
    {
        let place = place_prefix(phrase).unwrap_or("");
        let rest = &phrase[place.len()..];
        if rest == "经济"
            || MODIFIERS
                .iter()
                .any(|m| rest.strip_prefix(m) == Some("经济"))
        {
            return Named {
                indicator: gdp.to_string(),
                surface: (start + place.len(), end),
                subject: (!place.is_empty()).then_some((start, start + place.len())),
                canonical: true,
            };
        }
    }
    let as_written = Named {
        indicator: phrase.to_string(),
        surface: (start, end),
        subject: None,
        canonical: false,
    };
    // A place is split off only before a known form (开发区工业增加值): before
    // other words it is too often part of them (新区开放开发, 市场主体).
    let Some((at, canonical)) = matcher.form_at_end(phrase) else {
        return as_written;
    };
    let prefix = &phrase[..at];
    if prefix.is_empty() || MODIFIERS.contains(&prefix) {
        return Named {
            indicator: canonical.to_string(),
            surface: (start, end),
            subject: None,
            canonical: true,
        };
    }
    // 实现地区生产总值, 完成固定资产投资, 累计生产: verbs and cue words
    // before a known form are not part of it.
    let skip = lead_len(prefix);
    let rest = &prefix[skip..];
    if rest.is_empty() || MODIFIERS.contains(&rest) {
        return Named {
            indicator: canonical.to_string(),
            surface: (start + skip, end),
            subject: None,
            canonical: true,
        };
    }
    if let Some(place) = place_prefix(prefix) {
        let rest = &prefix[place.len()..];
        let rest = &rest[lead_len(rest)..];
        if rest.is_empty() || MODIFIERS.contains(&rest) {
            return Named {
                indicator: canonical.to_string(),
                surface: (start + place.len(), end),
                subject: Some((start, start + place.len())),
                canonical: true,
            };
        }
    }
    as_written
}

/// `规上工业企业实现产值` as `规上工业产值`, `规上工业企业完成工业总产值` as
/// `规上工业总产值`, `民营企业实现增加值` as `民营企业增加值`: a sector or its
/// firms, 实现 or 完成, and what they achieve. `None` for other phrases.
#[allow(
    clippy::string_slice,
    reason = "offsets are ends of str matches and char boundaries of b"
)]
fn actor_measure(phrase: &str) -> Option<String> {
    const VERBS: &[&str] = &["累计实现", "累计完成", "共实现", "共完成", "实现", "完成"];
    const ACTORS: &[&str] = &["企业", "工业", "服务业", "行业", "产业", "农业"];
    // Every phrase is asked: one scan for the verbs' characters spares the
    // six substring searches (each sets up a searcher) in nearly all of them.
    if !phrase.contains(['实', '完']) {
        return None;
    }
    let (at, verb) = VERBS
        .iter()
        .find_map(|v| find(phrase, v).map(|at| (at, *v)))?;
    let (a, b) = (&phrase[..at], &phrase[at + verb.len()..]);
    if b.chars().count() < 2 || !ACTORS.iter().any(|w| a.ends_with(w)) || a.len() == "企业".len()
    {
        return None;
    }
    // 规上工业企业 + 工业总产值: the words the two share are written once
    let sector = a.strip_suffix("企业").unwrap_or(a);
    let shared = b
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain([b.len()])
        .filter(|&i| sector.ends_with(&b[..i]))
        .max();
    Some(match shared {
        Some(i) => format!("{sector}{}", &b[i..]),
        None if a.len() > sector.len() && b.ends_with("产值") => format!("{sector}{b}"),
        None => format!("{a}{b}"),
    })
}

/// The end of `s` without the words that link an indicator to its number
/// (同比增长, 累计完成, 比上年, 控制在, 年均增速…).
#[allow(clippy::string_slice, reason = "link is a suffix of s")]
pub fn strip_tail(s: &str) -> &str {
    let w = words();
    let mut s = s.trim_end();
    loop {
        let before = s.len();
        // 两年平均: 年平均 is not the link when a numeral stands before it;
        // 平均 is; nor is a link after a numeral alone (十是完成80个: an
        // item's number). A name ending in a numeral keeps its link apart:
        // PM10下降21%, 低保标准统一提高5%.
        let numeral = |c: char| c.is_ascii_digit() || c == '两' || NUMERALS.contains(&c);
        if let Some(link) = w.link.suffixes(s).find(|l| {
            let head = &s[..s.len() - l.len()];
            !(head.chars().next_back().is_some_and(numeral)
                && (l.starts_with('年') || head.chars().all(numeral)))
        }) {
            // 户均增收2万元, 农民人均增收1500元: income gained per head is
            // named by 增收 (per head, 增加 and 提高 only link: 养老金月人均增加)
            if link == "增收"
                && ["人均", "户均", "村均", "亩均"]
                    .iter()
                    .any(|p| s[..s.len() - link.len()].ends_with(p))
            {
                return s;
            }
            s = &s[..s.len() - link.len()];
        }
        s = strip_comparison(s);
        s = strip_time_tail(s);
        s = s.trim_end_matches([
            '的', ' ', '\u{3000}', '、', '“', '"', '从', '由', '到', '至',
        ]);
        if s.len() == before {
            return s;
        }
    }
}

/// The end of a noun phrase written with 的 before its number
/// (`占年度投资计划的`, `是2015年的`): only the comparison and 的 go.
pub fn strip_noun_tail(s: &str) -> &str {
    let s = s.trim_end().trim_end_matches('的');
    let s = strip_comparison(s).trim_end_matches('的');
    let w = words();
    // 分别是2008年的 → 分别
    match suffix_in(s, &w.link) {
        Some(l) if l.len() == s.len() => "",
        _ => s,
    }
}

/// A period or a duration at the end of a phrase: 地区生产总值一季度,
/// 固定资产投资连续3个月.
#[allow(
    clippy::string_slice,
    reason = "the offsets are regex match starts in s or the start of a suffix of s"
)]
fn strip_time_tail(s: &str) -> &str {
    static DURATION: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(r"(?:连续|持续)?(?:\d+|[一二两三四五六七八九十]+)(?:个月|个季度|年)$")
    });
    // The patterns only where they can match: after the last characters
    // periods and durations end with.
    let last = s.chars().next_back();
    if last.is_some_and(|c| c == '年' || c == '月')
        && let Some(m) = DURATION.find(s)
        // 连续5年保持100%: a duration alone names nothing (the figure is of
        // the indicator before); a bare 5年 may be all a phrase has
        && (m.start() > 0 || s.starts_with("连续") || s.starts_with("持续"))
    {
        return &s[..m.start()];
    }
    if last.is_some_and(|c| {
        [
            '年', '度', '五', '”', '"', '月', '底', '末', '份', '来', '间', '中', '前', '内', '段',
        ]
        .contains(&c)
    }) && let Some(start) = period::at_end(s)
        && start > 0
    {
        return &s[..start];
    }
    s
}

/// 比2015年, 较上年同期, 与上半年相比, 是“十三五”初的: what a change or a
/// multiple is measured against.
#[allow(
    clippy::string_slice,
    reason = "the offset is a regex match start in s"
)]
fn strip_comparison(s: &str) -> &str {
    static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"(?:比|较|与|同|是|在|恢复至|恢复到)[^，。；比较与同是在]*?(?:年|期|期间|年度|季度|月|月份|末|初|年前|上半年|下半年|基础上)(?:同期)?(?:决算数|预算数|预算|执行数)?(?:相比|比较)?(?:的|高|低|多|少)?$",
        )
    });
    // The pattern only where it can match: anchored at the end, it needs the
    // last character of one of its closing words (年 期 间 度 月 份 末 初 前 上 of
    // the time words, 数 算 of the budget words, 比 较 of 相比 比较, 的, 高 低 多 少 of 比上年高), and a
    // comparison word. Most phrases end otherwise, and the search would read
    // all of them.
    if !s.ends_with([
        '年', '期', '间', '度', '月', '份', '末', '初', '前', '上', '数', '算', '比', '较', '的',
        '高', '低', '多', '少',
    ]) || !s.contains(['比', '较', '与', '同', '是', '在', '恢'])
    {
        return s;
    }
    match COMPARED.find(s) {
        Some(m) if m.as_str().chars().count() <= 16 => &s[..m.start()],
        _ => s,
    }
}

/// How many bytes at the start of `s` are not part of the indicator: cue
/// words, time words, the whole area (全市), bullets.
#[allow(
    clippy::string_slice,
    reason = "at only advances by trimmed characters, the lengths of matched prefixes and regex match ends, within s"
)]
pub fn lead_len(s: &str) -> usize {
    static SPAN: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"^(?:到|至|在)?(?:[一二两三四五六七八九十]+|\d+)(?:年|个月|个季度)(?:来|内|间|时间)?",
        )
    });
    let w = words();
    let mut at = 0;
    loop {
        let rest = &s[at..];
        let trimmed = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '•' | '·' | '、' | '—' | '*' | '）' | ')')
        });
        if trimmed.len() != rest.len() {
            at += rest.len() - trimmed.len();
            continue;
        }
        // 表示：“今年全区地区生产总值…: the mark opening a quotation that
        // runs on past the phrase is no part of a name
        if rest.starts_with('“') && !rest.contains('”') {
            at += '“'.len_utf8();
            continue;
        }
        let ordinal = super::text::ordinal_len(rest);
        if ordinal > 0 {
            at += ordinal;
            continue;
        }
        let first = rest.chars().next().unwrap_or(' ');
        let may_be_time = first.is_ascii_digit()
            || NUMERALS.contains(&first)
            || [
                '两', '〇', '零', '“', '"', '元', '截', '前', '上', '下', '第', '今', '未', '去',
                '过', '本', '目', '当', '现', '全', '年', '明', '这', '近', '到', '至', '在',
            ]
            .contains(&first);
        let lead = if !may_be_time {
            // (对外投资额, 对口帮扶资金: 对 opens the name)
            prefix_in(rest, &w.lead)
                .filter(|l| !(*l == "对" && rest[l.len()..].starts_with(['外', '口'])))
                .map_or(0, str::len)
        } else if let Some(end) = rest.strip_prefix('到').and_then(period::at_start) {
            '到'.len_utf8() + end
        } else if let Some(end) = period::at_start(rest) {
            end
        } else if let Some(m) = SPAN.find(rest) {
            m.end()
        } else if let Some(lead) = prefix_in(rest, &w.lead) {
            lead.len()
        } else {
            0
        };
        if lead == 0 {
            return at;
        }
        // 争取到位资金: the funds in place (到位资金) were won; 争取到位上级资金:
        // the 上级资金.
        let lead = if rest[..lead] == *"争取到位" && rest[lead..].starts_with("资金") {
            "争取".len()
        } else {
            lead
        };
        // Never leave one character: 在建 stays 在建.
        let left = rest[lead..].chars().count();
        if left == 1 {
            return at;
        }
        // 在校生, 在建项目, 在孵企业: 在 of a word that says a state, not 在 a
        // time or place; 有效发明专利, 有色金属: 有 of a word, not the verb
        let word_after: &[char] = match &rest[..lead] {
            "在" => &[
                '校', '建', '园', '孵', '读', '职', '岗', '编', '册', '线', '库', '营', '运', '押',
                '用', '途', '院', '网', '档', '研', '产',
            ],
            "有" => &['效', '色', '机', '线', '氧', '偿', '价'],
            _ => &[],
        };
        if rest[lead..].starts_with(word_after) {
            return at;
        }
        at += lead;
        if let Some(r) = s[at..].strip_prefix("以来") {
            at = s.len() - r.len();
        }
    }
}

/// Words that hold a word a name stops at or a list is split at (持续, 并,
/// 与, 及, 和): 可持续发展示范区, 153个派出所合并为110个, 6家企业参与…,
/// 供热普及率、燃气气化率分别达….
const JOINED_WORDS: [&str; 14] = [
    // 15个镇成为现代化新农村示范镇: 为 of 成为, not the link 为
    "成为",
    "可持续",
    "合并",
    "撤并",
    "归并",
    "兼并",
    "参与",
    "普及",
    "涉及",
    "惠及",
    "波及",
    "及时",
    "和谐",
    "温和",
];

/// Whether the stop word or separator at `here` is inside a word: one begun
/// just before it (`before` ends with its first character) or one it opens.
fn stop_inside_word(before: &str, here: &str) -> bool {
    let prev = before.chars().next_back();
    JOINED_WORDS.iter().any(|w| {
        here.starts_with(w)
            || prev
                .and_then(|p| w.strip_prefix(p))
                .is_some_and(|tail| here.starts_with(tail))
    })
}

/// Whether `here` is the 的 that closes a relative clause over the counted
/// things (100所达到二级医院服务能力的县域医疗卫生次中心, 30家年产值超亿元的龙头企业):
/// the words before it say what the things do or have, and a noun follows.
/// What is counted is then the clause and its noun, as written.
fn relative_clause_ends(before: &str, here: &str) -> bool {
    const DOES: [&str; 14] = [
        "达到", "涉及", "具有", "具备", "拥有", "符合", "享受", "获得", "入选", "列入", "覆盖",
        "带动", "超", "过",
    ];
    // (…家庭的住房困难, …县达到小康标准的基础上: what the things have, or a
    // frame, is not what is counted)
    here.strip_prefix('的').is_some_and(|r| {
        r.chars()
            .next()
            .is_some_and(|c| is_cjk(c) && !matches!(c, '是' | '为' | '有' | '在' | '和' | '与'))
            && !["住房", "温饱", "基础", "问题"]
                .iter()
                .any(|w| r.starts_with(w))
    }) && !before.contains('的')
        && DOES.iter().any(|w| before.contains(w))
}

/// The words after a counted number that name what is counted
/// (`121个重大项目`, `60%以上的群众回迁`), up to a verb, a comma or the next
/// number. Absolute offsets.
#[allow(
    clippy::string_slice,
    reason = "the offsets are char_indices of rest and the end of a '）' found in it"
)]
pub fn after_phrase(text: &str, from: usize, limit: usize) -> Option<(usize, usize)> {
    let w = words();
    let mut start = from;
    let mut rest = text.get(from..limit)?;
    if let Some(r) = rest.strip_prefix('的') {
        start += '的'.len_utf8();
        rest = r;
    }
    // 11条（段）: an aside, not the counted thing; an aside left open
    // (420公里（牵头责任单位：…) is a note, and names nothing either.
    if rest.starts_with('（') {
        let close = rest.find('）')?;
        start += close + '）'.len_utf8();
        rest = &rest[close + '）'.len_utf8()..];
    }
    // 3至5个30-50亿元特大项目: the counted things sorted by size
    if let Some(class) = size_class(rest) {
        return after_phrase(text, start + class, limit).map(|(_, e)| (start, e));
    }
    let first = rest.chars().next()?;
    if !(is_cjk(first) || matches!(first, '“' | '"' | '（' | '(')) || first.is_ascii_alphabetic()
    {
        return None;
    }
    if prefix_in(rest, &w.after_stop).is_some() || starts_with_conjunction(rest) {
        return None;
    }
    let mut end = start;
    let mut count = 0;
    let mut at_figure = false;
    for (i, c) in rest.char_indices() {
        let here = &rest[i..];
        if i > 0
            && prefix_in(here, &w.after_stop).is_some()
            && !stop_inside_word(&rest[..i], here)
            && !relative_clause_ends(&rest[..i], here)
        {
            break;
        }
        // 8个次发达镇生产总值平均增长10.2%: an average is of the figure
        // that follows, not of the things counted
        if i > 0 && here.starts_with("平均") {
            break;
        }
        // 10家世界500强企业: digits before 强 are part of the name.
        if c.is_ascii_digit() {
            let run = here.trim_start_matches(|d: char| d.is_ascii_digit());
            // 59个投资10亿元以上的产业项目: a size class inside the name
            if i > 0
                && let Some(class) = size_class(here)
            {
                let after = start + i + class;
                return after_phrase(text, after, limit).map(|(_, e)| (start, e));
            }
            if !run.starts_with('强') {
                at_figure = true;
                break;
            }
        }
        if matches!(
            c,
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' | '\n'
        ) {
            break;
        }
        if c == '、'
            && here[c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_digit())
        {
            break;
        }
        count += 1;
        // (a relative clause and its noun may run longer)
        if count > 16 && !(count <= 24 && rest[..i].contains('的')) {
            break;
        }
        end = start + i + c.len_utf8();
    }
    // 4条国际直飞客运航线及…: a conjunction the count stops at is the next
    // item's (及以上 inside a name, 二级及以上公立医院, is not one).
    let phrase = text.get(start..end)?;
    let kept = ["以及", "及", "或", "、"]
        .iter()
        .find_map(|w| phrase.strip_suffix(w))
        .unwrap_or(phrase);
    // 七成村集体经济收入超过10万元: the link before the next figure is its own
    let kept = if at_figure { strip_tail(kept) } else { kept };
    // 加大35个中小学校建设力度, 加快3个园区建设步伐: how hard, not what
    let kept = ["力度", "步伐"]
        .iter()
        .find_map(|w| kept.strip_suffix(w).filter(|k| k.chars().count() >= 2))
        .unwrap_or(kept);
    let end = start + kept.len();
    (end > start).then_some((start, end))
}

/// The length of a size class at the start of `s` (10亿元以上的, 5000万元及以上的,
/// 30—50亿元 before a noun): a sum with 以上, or a band of sums, that sorts the
/// things named around it, not a figure.
pub fn size_class(s: &str) -> Option<usize> {
    static CLASS: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"^\d+(?:\.\d+)?(?:千万|百万|万|亿)?(?:元|美元)(?:及以上|以上)的|^\d+(?:\.\d+)?(?:千万|百万|万|亿)?(?:元|美元)?(?:—|-|－|~|～|至|到)\d+(?:\.\d+)?(?:千万|百万|万|亿)?(?:元|美元)(?:及以上|以上)?的?",
        )
    });
    let end = CLASS.find(s)?.end();
    // a band is a class only before the noun it sorts
    s.get(end..)
        .and_then(|r| r.chars().next())
        .is_some_and(opens_noun)
        .then_some(end)
}

/// Plan words written after an indicator (GDP目标, 固定资产投资目标任务),
/// longest first.
const GOALS: [&str; 7] = [
    "预期目标",
    "年度目标",
    "全年目标",
    "目标任务",
    "目标值",
    "目标",
    "计划",
];

/// `phrase` without the plan word that ends it, and without a rate word
/// (增长, 增速) before that, which the flag tells: 经济增长预期目标 →
/// (经济, true), 固定资产投资目标任务 → (固定资产投资, false).
fn goal_of(phrase: &str) -> Option<(&str, bool)> {
    let goal = GOALS.iter().find(|g| phrase.ends_with(*g))?;
    let head = phrase.get(..phrase.len() - goal.len())?;
    Some(
        ["增长", "增速"]
            .iter()
            .find_map(|v| head.strip_suffix(v))
            .map_or((head, false), |h| (h, true)),
    )
}

/// 经济增长目标, 生产总值增速预期目标: a goal for a rate of growth.
pub fn goal_for_rate(phrase: &str) -> bool {
    goal_of(phrase).is_some_and(|(_, rate)| rate)
}

/// What a clause that opens with 对 does to the things counted in it:
/// `对118条支路背街实施…四位一体的综合整治提升`, `对135个老旧小区进行改造`.
/// The count alone says how many streets there are; what the figure counts
/// is the streets treated. `clause` is the clause up to the number, `from`
/// the end of the things' name, `limit` the clause's end. The span of the
/// action's head (the words after its last 的), absolute.
#[allow(
    clippy::string_slice,
    reason = "offsets are ends of words found at the start of rest, or of 的"
)]
pub fn treated_after(
    text: &str,
    clause: &str,
    from: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    // 对 just before the count, but for a scope (全市, 城区): the things
    // counted are its object.
    let scope = &clause[clause.rfind('对')? + '对'.len_utf8()..];
    if scope.chars().count() > 4 || !scope.chars().all(is_cjk) {
        return None;
    }
    let rest = text.get(from..limit)?;
    let verb = ["进行了", "实施了", "开展了", "进行", "实施", "开展"]
        .iter()
        .find(|v| rest.starts_with(**v))?;
    let action = &rest[verb.len()..];
    let head = action.rfind('的').map_or(0, |i| i + '的'.len_utf8());
    let mut action = &action[head..];
    // a list of actions (进行综合改造、229个…) ends the first at 、
    if let Some(i) = action.find('、')
        && !action[..i].contains('“')
    {
        action = &action[..i];
    }
    let n = action.chars().count();
    let plain = action.chars().all(|c| is_cjk(c) || matches!(c, '“' | '”'));
    let start = limit - rest.len() + verb.len() + head;
    ((2..=12).contains(&n) && plain && !action.starts_with(['以', '了', '为', '和', '与', '及']))
        .then_some((start, start + action.len()))
}

/// What was done to the counted things named up to `from`, when the rest of
/// the clause says it of all or some of them: `全部完成升级改造` after
/// `119条背街小巷`, `已全部竣工` after `6个项目`. A count of 背街小巷 alone
/// does not say what the figure counts; 背街小巷升级改造 does. The span of
/// the action, absolute; `None` unless the words from `from` are [done]
/// adverbs, an optional 完成 or 实现, then an action of one to six characters
/// that ends the clause (`limit`, or a mark that ends no clause). A link word (均为, 都在,
/// 全部达到) is a figure's verb, not an action.
#[allow(
    clippy::string_slice,
    reason = "offsets are ends of words found at the start of rest, char boundaries"
)]
pub fn done_after(text: &str, from: usize, limit: usize) -> Option<(usize, usize)> {
    let w = words();
    let mut at = from;
    let mut adverbs = 0;
    while let Some(a) = prefix_in(text.get(at..limit)?, &w.done) {
        // 均衡, 均等: a word of its own, not 均 all of them
        if a == "均" && text[at + a.len()..].starts_with(['衡', '匀', '等', '值', '价', '摊'])
        {
            break;
        }
        at += a.len();
        adverbs += 1;
    }
    if adverbs == 0 {
        return None;
    }
    // `limit` ends the clause at a comma, colon or full stop; the action
    // also ends at the marks that do not end a clause (…全面完成！), and a
    // list of actions (全部完成、…) is not one.
    let rest = text.get(at..limit)?;
    let len = rest.find(['！', '？', '\n', '、']).unwrap_or(rest.len());
    // (确保3029个贫困村全部退出、35个贫困县全部摘帽: a 、 before the next
    // item's count ends the action)
    if let Some(next) = rest[len..].strip_prefix('、')
        && !next.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let mut action = &rest[..len];
    for verb in ["完成", "实现"] {
        if let Some(r) = action.strip_prefix(verb)
            && !r.is_empty()
        {
            action = r;
        }
    }
    let start = at + len - action.len();
    let linking = [
        "为", "是", "有", "达", "超", "在", "比", "较", "占", "高", "低", "居", "位", "被", "由",
        "的", "等", "和", "与", "及", "并", "按", "于", "以", "可", "能", "要", "将", "得", "到",
        "处", "属", "列", "或", "进入", "保持", "控制", "增", "减", "下降", "提高", "降",
    ];
    let plain = action
        .chars()
        .all(|c| is_cjk(c) || matches!(c, '“' | '”' | '"'));
    let n = action.chars().count();
    ((1..=6).contains(&n) && plain && !linking.iter().any(|l| action.starts_with(l)))
        .then_some((start, at + len))
}

/// `占年度计划`, `为全年目标`, `年度目标任务` (完成 already stripped): a
/// share named only by the plan it is a share of, as (joiner, plan). The
/// joiner is 占 when the text says 占, 为 or 是, and 完成 otherwise.
pub fn plan_share<'a>(indicator: &'a str, matcher: &Matcher) -> Option<(&'static str, &'a str)> {
    let (joiner, plan) = match ["占", "为", "是", "达到", "达"]
        .iter()
        .find_map(|w| indicator.strip_prefix(w).map(|r| (*w, r)))
    {
        Some(("占" | "为" | "是", r)) => ("占", r),
        Some((_, r)) => ("完成", r),
        None => ("完成", indicator),
    };
    let n = plan.chars().count();
    (["计划", "目标", "任务", "预算"]
        .iter()
        .any(|w| plan.ends_with(w))
        && (2..=8).contains(&n)
        && !plan.contains("分别")
        && !matcher.has_form(plan))
    .then_some((joiner, plan))
}

/// 是省定任务的, 是全省平均水平的 before a multiple: what the figure before is
/// measured against, which names no indicator (新开工建设保障性住房45870套，是省定
/// 任务的2.67倍: the multiple is the houses').
pub fn compared_with_benchmark(phrase: &str) -> bool {
    phrase
        .strip_prefix('是')
        .map(|r| r.strip_suffix('的').unwrap_or(r))
        .is_some_and(|b| {
            b.chars().count() <= 10
                && [
                    "任务",
                    "目标",
                    "计划",
                    "平均水平",
                    "平均",
                    "全国",
                    "全省",
                    "全市",
                    "同期",
                ]
                .iter()
                .any(|w| b.ends_with(w))
        })
}

/// 是“十一五”的, 比2002年翻了, 比上年实绩, 从五年前的: a comparison with a time and
/// nothing else, which names no indicator (the figure is of the one before).
pub fn compared_only(phrase: &str) -> bool {
    let Some(rest) = [
        "相当于",
        "恢复至",
        "恢复到",
        "比",
        "较",
        "是",
        "为",
        "从",
        "由",
    ]
    .iter()
    .find_map(|w| phrase.strip_prefix(w)) else {
        return false;
    };
    // 较改革前, 比改革之初: the time before a change, named by the change
    if let Some(what) = rest
        .strip_suffix("前")
        .or_else(|| rest.strip_suffix("之前"))
        .or_else(|| rest.strip_suffix("之初"))
        && ["改革", "整治", "改造", "实施", "开展", "试点"].contains(&what)
    {
        return true;
    }
    // 是五年前的: years before the present, counted in numerals.
    let years_ago = rest.trim_end_matches('的').strip_suffix("年前");
    if years_ago
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| NUMERALS.contains(&c) || c == '两'))
    {
        return true;
    }
    let Some(end) = super::period::at_start(rest) else {
        return false;
    };
    // 比上年（下同）: the note says the comparison holds for what follows
    let tail = rest
        .get(end..)
        .unwrap_or("")
        .trim_start_matches(['”', '"'])
        .trim_end_matches("（下同）")
        .trim_end_matches("(下同)");
    [
        "", "的", "初", "初的", "末", "末的", "实绩", "同期", "翻", "翻了",
    ]
    .contains(&tail)
}

/// 3件及提案…: a count followed by a conjunction names nothing after it.
fn starts_with_conjunction(s: &str) -> bool {
    ["以及", "及", "或"].iter().any(|w| s.starts_with(w))
        && !["及以上", "及以下", "及时", "或者"]
            .iter()
            .any(|w| s.starts_with(w))
}

/// 化学需氧量、二氧化硫排放量分别下降…: the earlier items of a list take the
/// noun that ends the last one (a word of `[head]`), unless they end with
/// one themselves or are a known indicator already (地区生产总值、粮食产量).
pub fn share_head(items: &mut [(String, usize, usize)], matcher: &Matcher) {
    let Some(((last, _, _), earlier)) = items.split_last_mut() else {
        return;
    };
    let w = super::words::words();
    let Some(head) = w.head.suffixes(last).next() else {
        return;
    };
    if last.len() == head.len() {
        return;
    }
    for (item, _, _) in earlier {
        // 事故起数和死亡人数, 绿地率和绿化覆盖率: an item ending in a measure
        // of its own is complete
        // (优良水体比例); a place is who, not what (呼和浩特市和包头市…)
        let measured = ends_in_measure(item)
            || w.ratio.suffixes(item).next().is_some()
            || w.place_suffix.suffixes(item).next().is_some();
        let bare = item.chars().count() >= 2
            && !measured
            && !item.bytes().any(|b| b.is_ascii_digit())
            && w.head.suffixes(item).next().is_none()
            && matcher.form_at_end(item).is_none();
        if bare {
            item.push_str(head);
        }
    }
}

/// Whether `name` ends in a word of measure (企业数, 吞吐量, 注册资金额,
/// 播种面积, 港口通过能力): it names how much of a thing, not the thing.
pub fn ends_in_measure(name: &str) -> bool {
    name.ends_with(['数', '率', '量', '值', '额', '入', '积', '重', '比']) || name.ends_with("能力")
}

/// Where the measure starts in `last` when `item` names a group of people
/// or households and `last` opens with another (城镇居民 and 农民人均可支配
/// 收入, 职工 and 农户人均收入): just after that group's word.
fn group_end(item: &str, last: &[char]) -> Option<usize> {
    // 工 names people after 职, 民 or 员 only (化工, 工程 do not)
    let is_group = |before: Option<&char>, c: &char| {
        // 孕产妇和婴儿死亡率: mothers and infants are groups too
        matches!(c, '民' | '户' | '妇' | '儿' | '童')
            || (*c == '工' && before.is_some_and(|b| "职民员".contains(*b)))
    };
    let mut rev = item.chars().rev();
    let (end, before) = (rev.next()?, rev.next());
    if !is_group(before.as_ref(), &end) {
        return None;
    }
    // a group is a word of two or more (农民, not the 民 of 民营企业)
    let mut at = (1..last.len().min(4)).find(|&i| {
        last.get(i)
            .is_some_and(|c| is_group(i.checked_sub(1).and_then(|b| last.get(b)), c))
    })? + 1;
    // 农民工工资: the group is 农民工
    while let (Some(a), Some(b)) = (last.get(at - 1), last.get(at)) {
        if a == b || !is_group(Some(a), b) {
            break;
        }
        at += 1;
    }
    (last.len() >= at + 2).then_some(at)
}

/// The measure after the code that opens `last` when `item` is a code too
/// (PM2.5 and PM10浓度, SO2 and COD排放量): `浓度`, `排放量`.
#[allow(
    clippy::string_slice,
    reason = "code ends before the first non-ASCII character"
)]
fn code_measure<'a>(item: &str, last: &'a str) -> Option<&'a str> {
    let is_code = |s: &str| {
        s.len() >= 2
            && s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
    };
    let code = last.find(|c: char| !c.is_ascii()).unwrap_or(last.len());
    let tail = &last[code..];
    (is_code(item) && is_code(&last[..code]) && tail.chars().count() >= 2).then_some(tail)
}

/// A list item that is only a verb of work (新开工, 维修) or ends in a level
/// without its noun (组建国家, 新增省): what it counts is named later.
pub fn unnamed_item(item: &str) -> bool {
    const VERBS: &[&str] = &[
        "新建",
        "改建",
        "扩建",
        "改扩建",
        "新开工",
        "开工",
        "竣工",
        "新增",
        "建设",
        "新投产",
        "投产",
        "完成",
        "实施",
        "创建",
        "认定",
        "组建",
        "维修",
        "改造",
        "提升",
        "培育",
        "引进",
        "配套",
        "新认定",
        "新培育",
        "新创建",
    ];
    VERBS.contains(&item)
        || item.ends_with("国家")
        || item.ends_with(['省', '市', '县', '镇', '乡'])
}

/// The length of the count `s` opens with (`3个`, `18家`), or 0: written
/// before a name, the count of its scope.
pub fn count_len(s: &str) -> usize {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match s.get(digits..).and_then(|r| r.chars().next()) {
        Some(c @ ('个' | '家' | '所' | '条' | '座')) if digits > 0 => digits + c.len_utf8(),
        _ => 0,
    }
}

/// The indicator words of a list written before 分别 or 均, split at 、 and
/// 和: `PM2.5、PM10`, `城镇、农村居民人均可支配收入` (the shared head is
/// given to each short item), `城乡居民收入` (城镇 and 农村 when `expand`).
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "i and from step by whole characters and separators within phrase; items index out, which has one entry per item; out[0] is behind out.len() == 1; n < last_chars.len() by the test before"
)]
pub fn list_items(
    text: &str,
    start: usize,
    end: usize,
    want: usize,
) -> Vec<(String, usize, usize)> {
    let phrase = text.get(start..end).unwrap_or("");
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    let seps = ["、", "和", "及", "与", "以及"];
    // 批发和零售业: a name with a separator inside is no list
    let whole: Vec<(usize, usize)> = words()
        .one_name
        .occurrences(phrase)
        .map(|(at, w)| (at, at + w.len()))
        .collect();
    let mut i = 0;
    while i < phrase.len() {
        let rest = &phrase[i..];
        // Most characters open no separator: one look at the first one
        // spares five comparisons.
        let first = rest.chars().next();
        if matches!(first, Some('、' | '和' | '及' | '与' | '以'))
            && let Some(sep) = seps.iter().find(|s| rest.starts_with(**s))
            && !whole.iter().any(|&(a, b)| a < i && i < b)
            && !stop_inside_word(&phrase[..i], rest)
            // 省控及以上考核断面: a rank and those above it, one thing
            && !["以上", "以下"].iter().any(|w| rest[sep.len()..].starts_with(w))
        {
            // 和 inside a word (和谐) is rare next to indicators; keep both sides
            // at least two characters.
            let left = phrase[from..i].chars().count();
            if left >= 2 || *sep == "、" {
                items.push((from, i));
                from = i + sep.len();
                i = from;
                continue;
            }
        }
        i += first.map_or(1, char::len_utf8);
    }
    items.push((from, phrase.len()));
    items.retain(|(a, b)| b > a);

    // 3个国考断面、5个省考断面水质优良比例: the count before an item is its
    // scope, no part of its name
    for (a, b) in &mut items {
        let count = count_len(&phrase[*a..*b]);
        if *a + count < *b {
            *a += count;
        }
    }
    let mut out: Vec<(String, usize, usize)> = items
        .iter()
        .map(|&(a, b)| (phrase[a..b].to_string(), start + a, start + b))
        .collect();

    // 城、乡居民人均可支配收入: 城 and 乡 written alone are 城镇 and 农村.
    if let [(first, ..), (second, ..)] = out.as_mut_slice()
        && first == "城"
        && second.starts_with('乡')
    {
        *first = "城镇".to_string();
        second.replace_range(..'乡'.len_utf8(), "农村");
    }
    // 城镇、农村居民人均可支配收入: the short items take the last item's head;
    // so do items written like the last one's opening (城镇居民和农村居民人均
    // 可支配收入: 城镇居民 stands where 农村居民 stands, both ending in 民).
    if out.len() >= 2 {
        let last = out.last().cloned().unwrap_or_default();
        let last_chars: Vec<char> = last.0.chars().collect();
        for item in out.iter_mut().take(items.len() - 1) {
            let n = item.0.chars().count();
            let end = item.0.chars().next_back();
            let parallel = n > 2 && end == last_chars.get(n - 1).copied();
            // 工业、建筑业增加值: a short item ending in a sector's or a kind's
            // last character (业 品 路), as the last item's longer opening
            // ends, takes what follows that opening (增加值, not 业增加值).
            // Other characters may start the next word (在职、退休职工).
            let aligned = (n <= 2 && matches!(end, Some('业' | '品' | '路')))
                .then(|| (n..n + 2).find(|&j| last_chars.get(j).copied() == end))
                .flatten();
            // (肉、蛋、奶产量: one character against one, the rest a measure)
            let (mut opening, shortest) =
                aligned.map_or((n, if n == 1 { 2 } else { 3 }), |j| (j + 1, 2));
            // 煤炭、原油、天然气产量: one character left between the opening and
            // a measure (气 of 天然气) is part of the last item's thing, and
            // the short item takes the measure alone (煤炭产量).
            if n == 2
                && aligned.is_none()
                && let Some(head) = words().head.suffixes(&last.0).next()
                && last_chars.len() == n + 1 + head.chars().count()
            {
                opening = n + 1;
            }
            if let Some(at) = group_end(&item.0, &last_chars) {
                // 城镇居民和农民人均可支配收入: two groups of people, one
                // measure; first, as a group may be shorter than the other
                // (婴儿、孕产妇死亡率)
                let tail: String = last_chars[at..].iter().collect();
                item.0.push_str(&tail);
            } else if (n <= 2 || parallel) && last_chars.len() >= opening + shortest {
                let tail: String = last_chars[opening..].iter().collect();
                item.0 = format!("{}{}", item.0, tail);
            } else if let Some(tail) = code_measure(&item.0, &last.0) {
                // PM2.5、PM10浓度: codes of pollutants, one measure
                item.0.push_str(tail);
            }
        }
    }

    // One item that stands for several: 城乡 → 城镇, 农村; 存贷款 → 存款, 贷款;
    // 一二三产 → 第一、第二、第三产业.
    if out.len() == 1 && want >= 2 {
        let (item, a, b) = out[0].clone();
        let expansions: &[(&str, &[&str])] = &[
            ("城乡居民", &["城镇居民", "农村居民"]),
            ("城乡", &["城镇", "农村"]),
            ("存贷款", &["存款", "贷款"]),
            ("一二三产业", &["第一产业", "第二产业", "第三产业"]),
            ("一二三产", &["第一产业", "第二产业", "第三产业"]),
            ("二三产业", &["第二产业", "第三产业"]),
            ("进出口", &["进口", "出口"]),
        ];
        for (from, to) in expansions {
            if let Some(at) = item.find(from)
                && to.len() == want
            {
                return to
                    .iter()
                    .map(|t| {
                        let mut s = item.clone();
                        s.replace_range(at..at + from.len(), t);
                        (s, a, b)
                    })
                    .collect();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(phrase: &str) -> (String, Option<String>) {
        let n = name(phrase, 0, phrase.len(), builtin());
        (
            n.indicator,
            n.subject.map(|(a, b)| phrase[a..b].to_string()),
        )
    }

    #[test]
    fn canonical_names() {
        assert_eq!(named("生产总值").0, "地区生产总值");
        assert_eq!(named("区属一般预算收入").0, "一般公共预算收入");
        assert_eq!(
            named("开发区工业增加值"),
            ("工业增加值".to_string(), Some("开发区".to_string()))
        );
        assert_eq!(named("人均生产总值").0, "人均地区生产总值");
        assert_eq!(named("高新技术产品出口").0, "高新技术产品出口");
        assert_eq!(
            named("规模以上工业主营务业收入").0,
            "规模以上工业主营务业收入"
        );
    }

    #[test]
    fn link_words_are_stripped() {
        assert_eq!(strip_tail("生产总值同比增长"), "生产总值");
        assert_eq!(
            strip_tail("社会消费品零售总额全年累计完成"),
            "社会消费品零售总额"
        );
        assert_eq!(
            strip_tail("PM10、PM2.5平均浓度与上半年相比分别下降"),
            "PM10、PM2.5平均浓度"
        );
    }

    #[test]
    fn lead_words_are_stripped() {
        let s = "2016年，开发区";
        assert_eq!(&s[lead_len(s)..], "，开发区");
        let s = "力争规上服务业企业";
        assert_eq!(&s[lead_len(s)..], "规上服务业企业");
    }

    #[test]
    fn shared_heads_and_expansions() {
        let s = "城镇、农村居民人均可支配收入";
        let items: Vec<String> = list_items(s, 0, s.len(), 2)
            .into_iter()
            .map(|i| i.0)
            .collect();
        assert_eq!(items, ["城镇居民人均可支配收入", "农村居民人均可支配收入"]);
        let s = "城乡居民收入";
        let items: Vec<String> = list_items(s, 0, s.len(), 2)
            .into_iter()
            .map(|i| i.0)
            .collect();
        assert_eq!(items, ["城镇居民收入", "农村居民收入"]);
    }
}
