//! Reading the page's metadata out of its chrome lines: date, source, people, clicks, column,
//! site. Everything here works on one normalized line at a time.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::lines::is_han;
use crate::analysis::Editor;

/// A calendar date with an optional time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub y: u16,
    pub mo: u8,
    pub d: u8,
    pub time: Option<(u8, u8, u8)>,
}

impl Stamp {
    pub fn new(y: u32, mo: u32, d: u32, time: Option<(u32, u32, u32)>) -> Option<Stamp> {
        Stamp::since(1990, y, mo, d, time)
    }

    /// A date no earlier than the year `first`: a page's own date is from the
    /// web's years (a 1980 in its chrome is something else), a speech's
    /// dateline may be from any year.
    fn since(first: u32, y: u32, mo: u32, d: u32, time: Option<(u32, u32, u32)>) -> Option<Stamp> {
        if !(first..=2100).contains(&y)
            || !(1..=12).contains(&mo)
            || d < 1
            || d > days_in_month(y, mo)
        {
            return None;
        }
        let time = match time {
            Some((h, m, s)) if h < 24 && m < 60 && s < 60 => Some((h as u8, m as u8, s as u8)),
            Some(_) => return None,
            None => None,
        };
        // midnight on the dot is an archive placeholder, not a time anyone published at
        let time = time.filter(|t| *t != (0, 0, 0));
        Some(Stamp {
            y: y as u16,
            mo: mo as u8,
            d: d as u8,
            time,
        })
    }

    /// ISO 8601: `2017-02-15` or `2017-02-15T10:20:01`.
    pub fn iso(&self) -> String {
        match self.time {
            Some((h, m, s)) => format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                self.y, self.mo, self.d, h, m, s
            ),
            None => format!("{:04}-{:02}-{:02}", self.y, self.mo, self.d),
        }
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:\s*(?:星期|周)[一二三四五六日天])?(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?",
    )
});

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

/// Every valid date in a line, with its byte position.
pub(crate) fn dates(line: &str) -> Vec<(usize, Stamp)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    for c in DATE.captures_iter(line) {
        let Some(all) = c.get(0) else { continue };
        // a date glued to more digits is an id or a file name, not a date
        if all.start() > 0
            && bytes
                .get(all.start() - 1)
                .is_some_and(|b| b.is_ascii_digit())
        {
            continue;
        }
        if bytes.get(all.end()).is_some_and(|b| b.is_ascii_digit()) {
            continue;
        }
        // 2024年1-10月 is a span of months: 年 pairs with 月 only (an
        // e-paper's path may mix - and /)
        let sep = |a: usize, b: usize| {
            let (Some(x), Some(y)) = (c.get(a), c.get(b)) else {
                return "";
            };
            line.get(x.end()..y.start()).unwrap_or("").trim()
        };
        let marks = (sep(1, 2), sep(2, 3));
        if (marks.0 == "年") != (marks.1 == "月") {
            continue;
        }
        let time = num(&c, 4)
            .zip(num(&c, 5))
            .map(|(h, m)| (h, m, num(&c, 6).unwrap_or(0)));
        let (Some(y), Some(mo), Some(d)) = (num(&c, 1), num(&c, 2), num(&c, 3)) else {
            continue;
        };
        if let Some(s) = Stamp::new(y, mo, d, time) {
            out.push((all.start(), s));
        }
    }
    out
}

/// `——2025年3月25日在西安市第十七届人民代表大会第六次会议上`,
/// `二〇二三年一月十五日在北京市…会议上`, `1981年11月30日和12月1日在…上的报告`,
/// `政府工作报告（2012年2月1日在吉林省…会议上 省长王儒林）`,
/// `在四川省第十一届人民代表大会第三次会议上（2010年1月26日）`, `（二〇〇三年一月十日）`
/// on a line of its own: the line under a speech's headline that says when and
/// where it was given, in Arabic or Chinese numerals, the date before the
/// meeting or in brackets after it or alone.
static SPEECH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    const Y: &str = r"((?:19|20)\d{2}|[〇○Ο零O0一二三四五六七八九]{4})";
    const N: &str = r"(\d{1,2}|[一二三四五六七八九十]{1,3})";
    const MORE: &str = r"(?:\s*[至、和到\-－—]\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?";
    const MEETING: &str = r"在[^在]{2,60}?(?:会议|大会|会)上";
    crate::re::regex(&format!(
        r"(?:^|[\s*—―\-－(（在]){Y}\s*年\s*{N}\s*月\s*{N}\s*日{MORE}\s*{MEETING}|{MEETING}\s*[(（]\s*{Y}\s*年\s*{N}\s*月\s*{N}\s*日\s*[)）]|^[\s*]*[(（]\s*{Y}\s*年\s*{N}\s*月\s*{N}\s*日\s*[)）][\s*]*$"
    ))
});

/// The value of a numeral as dates write it: Arabic digits, `二〇二三` digit
/// by digit, or `十五`, `二十一`, `三十` as month and day numbers.
fn date_number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or_else(|| ['○', 'Ο', '零', 'O', '0'].contains(&c).then_some(0))
            .map(|d| d as u32)
    };
    match s.split_once('十') {
        Some((tens, ones)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                digit(tens.chars().next()?)?
            };
            let ones = if ones.is_empty() {
                0
            } else {
                digit(ones.chars().next()?)?
            };
            Some(tens * 10 + ones)
        }
        None => s.chars().try_fold(0, |n, c| Some(n * 10 + digit(c)?)),
    }
}

/// The date of a speech's dateline (see [`SPEECH_DATE`]); its first day
/// when it spans several.
pub(crate) fn speech_date(line: &str) -> Option<Stamp> {
    // a line of its own: a sentence that names a date and a meeting is news
    if line.chars().count() > 100 || line.contains(['，', '。', '；', '！', '？', ',', ';']) {
        return None;
    }
    let c = SPEECH_DATE.captures(line)?;
    let part = |i: usize| {
        [i, i + 3, i + 6]
            .iter()
            .find_map(|&g| c.get(g))
            .and_then(|m| date_number(m.as_str()))
    };
    Stamp::since(1949, part(1)?, part(2)?, part(3)?, None)
}

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"(?:发布时间|发表时间|发布日期|发稿时间|时间|日期|发布于|发表于)\s*[:：]?\s*$",
    )
});

/// A date introduced by a label such as 发布时间：. The date a document was
/// written (成文日期) or last touched (更新时间) is not when it was published.
#[allow(
    clippy::string_slice,
    reason = "the offsets are the starts of regex matches in line"
)]
pub(crate) fn labelled_date(line: &str) -> Option<Stamp> {
    dates(line)
        .into_iter()
        .find(|(at, _)| {
            let before = &line[..*at];
            DATE_LABEL.is_match(before) && !NOT_PUBLISHED.is_match(before)
        })
        .map(|(_, s)| s)
}

static NOT_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(r"(?:成文|发文|更新|修改|生效|截止)(?:日期|时间)\s*[:：]?\s*$")
});

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"(?:发布时间|发表时间|发布日期|发稿时间|更新时间|时间|日期|来源|信息来源|稿源|文章来源|来源于|作者|浏览次数|浏览量|浏览|点击量|点击数|点击|阅读量|阅读数|阅读|访问量|访问次数|字号|人气|发布机构|发文机关|索引号|主题分类|体裁分类|组配分类|服务对象|成文日期|发文日期|发文字号|文号|标题|有效性|主题词|公开方式|公开范围|点赞数|评论数|转发数|收藏数)(?:\s*[:：]|\s*[|｜丨]\s)",
    )
});
static STARTS_WITH_DATE: LazyLock<Regex> =
    LazyLock::new(|| crate::re::regex(r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"));

/// A line of labelled fields (时间：… 来源：… 点击：…) or a line that starts with a date.
pub(crate) fn is_meta_line(line: &str) -> bool {
    let labels = LABEL.find_iter(line).count();
    let starts_label = LABEL.find(line).is_some_and(|m| m.start() <= 3);
    if starts_label || labels >= 2 {
        return true;
    }
    if STARTS_WITH_DATE.is_match(line) && !dates(line).is_empty() {
        // the rest of a dated line is short: a weekday, a time, a label or two
        return line.chars().count() <= 80;
    }
    false
}

/// A short line that carries a full date and no sentence: an account line, a dateline.
pub(crate) fn is_dated_line(line: &str, len: usize, clause: usize) -> bool {
    len <= 60 && clause == 0 && !dates(line).is_empty() && !is_dated_headline(line)
}

/// The date a headline gives itself in brackets (see [`is_dated_headline`]).
pub(crate) fn headline_date(line: &str) -> Option<Stamp> {
    is_dated_headline(line)
        .then(|| dates(line).first().map(|d| d.1))
        .flatten()
}

/// `益阳市政府工作报告（2021年1月12日 张值恒）`, `在全市经济工作会议上的讲话（2021年1月12日）`:
/// a headline of six Chinese characters or more with its date in brackets closing the line.
#[allow(
    clippy::string_slice,
    reason = "open is where rfind found a bracket in inner"
)]
fn is_dated_headline(line: &str) -> bool {
    let Some(inner) = line.trim_end().strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(open) = inner.rfind(['（', '(']) else {
        return false;
    };
    let head = &inner[..open];
    head.chars().filter(|&c| is_han(c)).count() >= 6 && dates(head).is_empty()
}

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    // 来源：常州日报, and in WeChat articles 来源 | 常州日报
    crate::re::regex(
        r"(?:信息来源|文章来源|稿件来源|来源于|来源|稿源|出处)(?:\s*[:：]|\s*[|｜丨]\s)\s*",
    )
});
static FIELD_END: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"\s{2,}|\s*[|｜丨【\[]|\s+(?:作者|记者|编辑|责任编辑|时间|发布|点击|浏览|阅读|字号|访问|日期)",
    )
});

/// The value after 来源：, up to the next field.
#[allow(
    clippy::string_slice,
    reason = "the offsets are regex match bounds in line and rest"
)]
pub(crate) fn source(line: &str) -> Option<String> {
    let m = SOURCE.find(line)?;
    let rest = &line[m.end()..];
    let end = FIELD_END.find(rest).map_or(rest.len(), |e| e.start());
    // 来源：县税务局 2025-09-10: the date after one space is no part of it
    let end = dates(&rest[..end]).first().map_or(end, |&(at, _)| at);
    let v = rest[..end]
        .trim()
        .trim_end_matches(['。', '，', ',', '.', ';', '；']);
    let n = v.chars().count();
    ((2..=30).contains(&n) && v.chars().any(is_han)).then(|| v.to_string())
}

/// The office given as the author (`作者：县教育局`, `供稿单位：区统计局`): the
/// page's source when it names no other.
#[allow(
    clippy::string_slice,
    reason = "the offsets are regex match bounds in line and rest"
)]
pub(crate) fn office_author(line: &str) -> Option<String> {
    static BY: LazyLock<Regex> =
        LazyLock::new(|| crate::re::regex(r"(?:作者|供稿单位|供稿|撰稿单位)\s*[:：]\s*"));
    let m = BY.find(line)?;
    let rest = &line[m.end()..];
    let end = FIELD_END.find(rest).map_or(rest.len(), |e| e.start());
    let v = rest[..end].trim();
    let n = v.chars().count();
    ((3..=20).contains(&n) && v.chars().all(is_han) && ORGAN.is_match(v)).then(|| v.to_string())
}

/// The office that signs a dateline of its own: `市生态环境局 2025-01-10`.
#[allow(
    clippy::string_slice,
    reason = "the offset is a date match start in line"
)]
pub(crate) fn dateline_office(line: &str) -> Option<String> {
    let (at, _) = *dates(line).first()?;
    let before = line[..at].trim();
    // 2025-11-05  县财政局: the office after the date (and its time)
    let who = if before.is_empty() {
        line[at..]
            .trim_start_matches(|c: char| !c.is_whitespace())
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':')
            .trim()
    } else {
        before
    };
    let n = who.chars().count();
    let office = [
        "局",
        "委",
        "办",
        "办公室",
        "政府",
        "委员会",
        "中心",
        "厅",
        "院",
        "站",
        "署",
        "协会",
        "街道",
        "镇",
        "乡",
        "宣传部",
    ];
    ((3..=20).contains(&n) && who.chars().all(is_han) && office.iter().any(|w| who.ends_with(w)))
        .then(|| who.to_string())
}

static CLICKS: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"(?:点击量|点击数|点击|浏览次数|浏览量|浏览|阅读量|阅读数|阅读|访问量|访问次数|人气)\s*[:：]?\s*(\d{1,12})",
    )
});

pub(crate) fn clicks(line: &str) -> Option<u64> {
    CLICKS
        .captures(line)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
}

/// Roles that introduce the people who wrote the article.
static AUTHOR_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"(?:摄影记者|记者|通讯员|实习生|作者|撰稿人|撰稿|撰文|采写|文\s*[/／]|文图\s*[/／]|图文\s*[/／])\s*[:：/／]?\s*",
    )
});
/// Roles of the people who edited and approved it.
static EDITOR_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"(责任编辑|值班编辑|责编|编辑|审核|审校|校对|初审|复审|终审|一审|二审|三审|监制|签发|主编|编审|美编|校审|统筹)\s*[:：/／丨|]\s*",
    )
});
static ANY_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"^(?:摄影记者|记者|通讯员|实习生|作者|撰稿|撰文|采写|责任编辑|值班编辑|责编|编辑|审核|审校|校对|初审|复审|终审|监制|签发|主编|编审|美编|摄影|摄)",
    )
});
static NAME: LazyLock<Regex> =
    LazyLock::new(|| crate::re::regex(r"^\p{Han}{2,4}(?:·\p{Han}{1,8})?"));

static ORGAN: LazyLock<Regex> =
    LazyLock::new(|| crate::re::regex(r"(?:局|委|办|厅|处|政府|中心|公司|报|台|网|社|站|所|院)$"));

/// Names after a role: 2–4 Han characters each, separated by spaces, 、 or ，, each ending at a
/// separator, a bracket or the end. Returns the names and the byte length consumed.
#[allow(
    clippy::string_slice,
    reason = "pos only advances by regex match ends and by trimmed whitespace, within s"
)]
fn names_at(s: &str) -> (Vec<String>, usize) {
    let mut names = Vec::new();
    let mut pos = 0;
    loop {
        let rest = &s[pos..];
        if ANY_ROLE.is_match(rest) {
            break;
        }
        let Some(m) = NAME.find(rest) else { break };
        let after = &rest[m.end()..];
        let ok_end = after.is_empty()
            || after.starts_with([' ', '、', '，', ',', '）', ')', '】', ']', '/', '／'])
            || after.starts_with("摄")
            || ANY_ROLE.is_match(after);
        if !ok_end {
            break;
        }
        // 作者：县发改局 names an office, not a person
        if !ORGAN.is_match(m.as_str()) {
            names.push(m.as_str().to_string());
        }
        pos += m.end();
        let skip = s[pos..].len() - s[pos..].trim_start_matches([' ', '、', '，', ',']).len();
        pos += skip;
    }
    (names, pos)
}

/// Authors named anywhere in a line (记者 张静 王璐, 文/李明, 作者：记者 张晓雨).
#[allow(
    clippy::string_slice,
    reason = "the offset is a regex match end in line"
)]
pub(crate) fn authors(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(m) = AUTHOR_ROLE.find_at(line, from) {
        let (names, used) = names_at(&line[m.end()..]);
        for n in names {
            if !out.contains(&n) {
                out.push(n);
            }
        }
        from = m.end() + used;
        if from >= line.len() {
            break;
        }
    }
    out
}

/// Editors with their roles (责任编辑：李娟, 审核 / 李俊杰 刘晓明).
#[allow(
    clippy::string_slice,
    reason = "the offset is a regex match end in line"
)]
pub(crate) fn editors(line: &str) -> Vec<Editor> {
    let mut out = Vec::new();
    for c in EDITOR_ROLE.captures_iter(line) {
        let (Some(role), Some(all)) = (c.get(1), c.get(0)) else {
            continue;
        };
        let (names, _) = names_at(&line[all.end()..]);
        for name in names {
            out.push(Editor {
                role: role.as_str().to_string(),
                name,
            });
        }
    }
    out
}

static BYLINE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"^[（(【\[]?\s*(?:(?:本报讯|本台讯|本网讯|\p{Han}{2,10}讯)\s*[】\]]?\s*[（(]?\s*)?(?:\p{Han}{0,10}?(?:日报|晚报|报社|报|电视台|广播电视台|台|网|融媒体中心|新闻中心))?\s*(?:首席|特约|见习|实习|全媒体|融媒体|融媒)?",
    )
});

/// A line that is nothing but a byline ("本报讯 记者 沈佳 通讯员 陆海峰", "（昆明日报记者 李海燕）"):
/// the names it gives.
#[allow(
    clippy::string_slice,
    reason = "the offsets are regex match ends, and lengths names_at used, within the slice searched"
)]
pub(crate) fn byline_only(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.trim_end_matches([')', '）', '】', ']', ' ']);
    if matches!(
        inner.trim_start_matches(['【', '[', '（', '(']),
        "本报讯" | "本台讯" | "本网讯"
    ) {
        return Some(Vec::new());
    }
    let head = BYLINE_HEAD.find(inner).map_or(0, |m| m.end());
    let mut rest = &inner[head..];
    let mut names = Vec::new();
    let mut roles = 0;
    while !rest.is_empty() {
        let m = AUTHOR_ROLE.find(rest).filter(|m| m.start() == 0)?;
        roles += 1;
        let (ns, used) = names_at(&rest[m.end()..]);
        if ns.is_empty() {
            return None;
        }
        names.extend(ns);
        rest = rest[m.end() + used..].trim_start();
    }
    (roles > 0).then_some(names)
}

static CRUMB_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(&format!(
        r"^.*?{}\s*[:：]?\s*",
        super::chrome::WHERE_YOU_ARE
    ))
});
static CRUMB_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| crate::re::regex(r"\s*(?:>>|->|>|＞|»|›|→)\s*"));

const NOT_A_COLUMN: &[&str] = &[
    "首页",
    "网站首页",
    "主页",
    "Home",
    "正文",
    "内容",
    "正文内容",
    "详情",
    "详细内容",
    "文章内容",
    "阅读文章",
    "新闻详情",
];

/// Site and column from a breadcrumb line.
#[allow(
    clippy::string_slice,
    reason = "the offset is a regex match end in line"
)]
pub(crate) fn breadcrumb(line: &str) -> (Option<String>, Option<String>) {
    let body = CRUMB_LABEL.find(line).map_or(line, |m| &line[m.end()..]);
    let segs: Vec<&str> = CRUMB_SPLIT
        .split(body)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut site = None;
    let mut rest: Vec<&str> = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        if NOT_A_COLUMN.contains(s) {
            continue;
        }
        if i == 0 && is_site_name(s) {
            site = Some(s.to_string());
            continue;
        }
        rest.push(s);
    }
    (site, rest.last().map(|s| s.to_string()))
}

/// A headline set letter-spaced (`2 0 2 3 年 政府工作报告`, `政 府 工 作 报 告`) as
/// written: the spaces around a run of three or more single characters go, the
/// space between two words (`国务院总理 李强`) stays.
pub(crate) fn letter_spacing_removed(title: &str) -> String {
    let words: Vec<&str> = title.split(' ').filter(|w| !w.is_empty()).collect();
    let single = |k: usize| words.get(k).is_some_and(|w| w.chars().count() == 1);
    // a word is spaced out when it is one of three single characters in a row
    let spaced: Vec<bool> = (0..words.len())
        .map(|k| (k.saturating_sub(2)..=k).any(|a| (a..a + 3).all(single)))
        .collect();
    let mut out = String::with_capacity(title.len());
    for (k, w) in words.iter().enumerate() {
        let at = |i: usize| spaced.get(i).copied().unwrap_or(false);
        let joined = k > 0 && (at(k) || at(k - 1));
        if k > 0 && !joined {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Looks like the name of a website or outlet.
pub(crate) fn is_site_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=20).contains(&n)
        && [
            "网",
            "网站",
            "门户",
            "在线",
            "政府",
            "发布",
            "客户端",
            "频道",
        ]
        .iter()
        .any(|e| s.ends_with(e))
}

static PAPER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(r"\p{Han}{2,6}?(?:日报|晚报|早报|时报|商报|都市报|法制报|经济报)")
});

/// The first newspaper named in a line (e-paper navigation).
pub(crate) fn paper(line: &str) -> Option<String> {
    PAPER.find(line).map(|m| m.as_str().to_string())
}

static EPAPER_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(r"第\s*[A-Z]?\d{1,3}\s*版\s*[:：]\s*(\p{Han}[\p{Han}·（）()“”]{1,30})")
});

/// The page name of an e-paper header (第01版：要闻 → 要闻).
pub(crate) fn epaper_page(line: &str) -> Option<String> {
    EPAPER_PAGE
        .captures(line)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

static UPLOADED_BY: LazyLock<Regex> =
    LazyLock::new(|| crate::re::regex(r"本文为(\p{Han}{2,12}?)(?:用户|网友|会员)"));
static COPYRIGHT_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"版权所有\s*(?:[:：]\s*©?|©)\s*(\p{Han}{2,20})|[@©]\s*(\p{Han}{2,20}?)\s*(?:网站)?版权所有|(\p{Han}{2,20}?)(?:网站)?版权所有|(?:©|Copyright)\s*(?:\d{4}\s*(?:-\s*\d{4})?)?\s*(\p{Han}{2,20})",
    )
});
static ACCOUNT: LazyLock<Regex> = LazyLock::new(|| crate::re::regex(r"^原创\s+(\S{2,20})\s"));

/// The site named by a disclaimer, a copyright line or a WeChat account line.
pub(crate) fn site(line: &str) -> Option<String> {
    if let Some(c) = UPLOADED_BY.captures(line) {
        return c.get(1).map(|m| m.as_str().to_string());
    }
    if let Some(c) = ACCOUNT.captures(line) {
        return c.get(1).map(|m| m.as_str().to_string());
    }
    let c = COPYRIGHT_OWNER.captures(line)?;
    (1..=4)
        .find_map(|i| c.get(i))
        .map(|m| m.as_str().to_string())
}

/// The date spread over lines: `2013` / `02/20` / `09:04`, or a badge `27` / `2022-07`.
pub(crate) fn spread_date(lines: &[&str]) -> Option<(Stamp, usize)> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| crate::re::regex(r"^((?:19|20)\d{2})年?$"));
    static MONTH_DAY: LazyLock<Regex> =
        LazyLock::new(|| crate::re::regex(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?$"));
    static YEAR_MONTH: LazyLock<Regex> =
        LazyLock::new(|| crate::re::regex(r"^((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})月?$"));
    static DAY: LazyLock<Regex> = LazyLock::new(|| crate::re::regex(r"^(\d{1,2})日?$"));
    static TIME: LazyLock<Regex> =
        LazyLock::new(|| crate::re::regex(r"^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$"));
    let get = |i: usize| lines.get(i).copied().unwrap_or("");
    let time_at = |i: usize| {
        TIME.captures(get(i))
            .and_then(|c| Some((num(&c, 1)?, num(&c, 2)?, num(&c, 3).unwrap_or(0))))
    };
    if let (Some(y), Some(md)) = (YEAR.captures(get(0)), MONTH_DAY.captures(get(1))) {
        let t = time_at(2);
        let s = Stamp::new(num(&y, 1)?, num(&md, 1)?, num(&md, 2)?, t)?;
        return Some((s, if t.is_some() { 3 } else { 2 }));
    }
    if let (Some(d), Some(ym)) = (DAY.captures(get(0)), YEAR_MONTH.captures(get(1))) {
        let t = time_at(2);
        let s = Stamp::new(num(&ym, 1)?, num(&ym, 2)?, num(&d, 1)?, t)?;
        return Some((s, if t.is_some() { 3 } else { 2 }));
    }
    if let (Some(ym), Some(d)) = (YEAR_MONTH.captures(get(0)), DAY.captures(get(1))) {
        let s = Stamp::new(num(&ym, 1)?, num(&ym, 2)?, num(&d, 1)?, None)?;
        return Some((s, 2));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_dated_in_brackets_is_not_a_dated_line() {
        for (line, dated) in [
            ("2023-06-21 08:15  来源：常州日报", true),
            ("发布时间：2021年1月12日", true),
            ("通知公告（2021-01-12）", true),
            ("益阳市政府工作报告（2021年1月12日 张值恒）", false),
            ("在全市经济工作会议上的讲话（2021年1月12日）", false),
            ("2021年1月12日全市经济工作会议召开（图）", true),
        ] {
            let len = line.chars().filter(|c| *c != ' ').count();
            assert_eq!(is_dated_line(line, len, 0), dated, "{line}");
        }
    }

    fn iso(line: &str) -> Option<String> {
        dates(line).first().map(|(_, s)| s.iso())
    }

    #[test]
    fn date_forms() {
        assert_eq!(
            iso("时间:2017-02-15 10:20:01|来源:驻马店网").as_deref(),
            Some("2017-02-15T10:20:01")
        );
        assert_eq!(
            iso("2021-09/15/N02/20210915N02_brief.jpg").as_deref(),
            Some("2021-09-15")
        );
        assert_eq!(iso("2017年2月15日").as_deref(), Some("2017-02-15"));
        // a span of months, not 10 January
        assert_eq!(iso("2024年1-10月全县主要经济指标运行情况"), None);
        assert_eq!(iso("2023年03月08日 星期三").as_deref(), Some("2023-03-08"));
        assert_eq!(
            iso("2023/05/18 14:06:32 来源").as_deref(),
            Some("2023-05-18T14:06:32")
        );
        assert_eq!(
            iso("1263679 2021-09-15 00:00:00 三").as_deref(),
            Some("2021-09-15")
        );
        assert_eq!(iso("2023-13-01"), None);
        assert_eq!(iso("2023-02-30"), None);
        assert_eq!(iso("编号20210915123"), None);
    }

    #[test]
    fn headline_dates() {
        let iso = |l: &str| headline_date(l).map(|s| s.iso());
        assert_eq!(
            iso("唐山市政府工作报告（2012年2月2日 陈国鹰）").as_deref(),
            Some("2012-02-02")
        );
        assert_eq!(
            iso("在全市经济工作会议上的讲话（2021年1月12日）").as_deref(),
            Some("2021-01-12")
        );
        assert_eq!(iso("2021年1月12日全市经济工作会议召开（图）"), None);
    }

    #[test]
    fn speech_datelines() {
        for (line, date) in [
            ("**（二〇〇三年一月十日）**", Some("2003-01-10")),
            (
                "——2025年3月25日在西安市第十七届人民代表大会第六次会议上",
                Some("2025-03-25"),
            ),
            (
                "二〇二三年一月十五日在北京市第十六届人民代表大会第一次会议上",
                Some("2023-01-15"),
            ),
            (
                "**――二〇一九年一月九日在厦门市第十五届人民代表大会第三次会议上**",
                Some("2019-01-09"),
            ),
            (
                "——二Ο一八年一月十日在武汉市第十四届人民代表大会第二次会议上",
                Some("2018-01-10"),
            ),
            (
                "——1955年7月5日至6日在第一届全国人民代表大会第二次会议上",
                Some("1955-07-05"),
            ),
            (
                "——1981年11月30日和12月1日在第五届全国人民代表大会第四次会议上",
                Some("1981-11-30"),
            ),
            (
                "2002年3月26日在拉萨市第七届人民代表大会第六次会议上的政府工作报告",
                Some("2002-03-26"),
            ),
            (
                "——二〇二一年一月二十三日在北京市第十五届人民代表大会第四次会议上",
                Some("2021-01-23"),
            ),
            (
                "二〇二〇年十二月三十一日在市政府常务会议上",
                Some("2020-12-31"),
            ),
            (
                "——二0一四年一月十五日在内蒙古自治区第十二届人民代表大会第二次会议上",
                Some("2014-01-15"),
            ),
            (
                "政府工作报告（2012年2月1日在吉林省第十一届人民代表大会第五次会议上 省长王儒林）",
                Some("2012-02-01"),
            ),
            (
                "在四川省第十一届人民代表大会第三次会议上（2010年1月26日）",
                Some("2010-01-26"),
            ),
            (
                "**—在河北省第十届人民代表大会第二次会议上（二〇〇四年一月八日）**",
                Some("2004-01-08"),
            ),
            (
                "——在一九九七年二月十五日在山东省第八届人民代表大会第五次会议上",
                Some("1997-02-15"),
            ),
            (
                "**政府工作报告**——二〇一七年二月二十日在海南省第五届人民代表大会第五次会议上",
                Some("2017-02-20"),
            ),
            ("——2023年1月在鞍山市第十七届人民代表大会第二次会议上", None),
            // news, not a dateline
            ("2017年1月19日，在区委全会上，区长作了报告", None),
            (
                "2017年1月19日在区委全会上讲话时强调，要撸起袖子加油干。",
                None,
            ),
            ("——3 月 1 日 在海口市第十三届人民代表大会第二次会议上", None),
            ("二〇二三年十三月一日在大会上", None),
        ] {
            assert_eq!(
                speech_date(line).map(|s| s.iso()).as_deref(),
                date,
                "{line}"
            );
        }
    }

    #[test]
    fn spread() {
        assert_eq!(
            spread_date(&["2013", "02/20", "09:04"]).map(|(s, n)| (s.iso(), n)),
            Some(("2013-02-20T09:04:00".into(), 3))
        );
        assert_eq!(
            spread_date(&["27", "2022-07", "标题"]).map(|(s, n)| (s.iso(), n)),
            Some(("2022-07-27".into(), 2))
        );
        assert_eq!(spread_date(&["2013", "标题"]), None);
    }

    #[test]
    fn office_authors() {
        for (line, office) in [
            (
                "作者：县教育局　　时间：2026-12-02　　阅读次数：",
                Some("县教育局"),
            ),
            (
                "发布时间：2026-07-15 16:40:21 作者：商务局 阅读：562次",
                Some("商务局"),
            ),
            ("供稿单位：区统计局", Some("区统计局")),
            ("作者：王晓燕　点击：", None),
            ("作者：记者 张晓雨", None),
        ] {
            assert_eq!(office_author(line).as_deref(), office, "{line}");
        }
    }

    #[test]
    fn dateline_offices() {
        for (line, office) in [
            ("市生态环境局 2025-01-10", Some("市生态环境局")),
            ("青山镇人民政府  2024年3月2日", Some("青山镇人民政府")),
            ("2025-11-05  县财政局", Some("县财政局")),
            ("2025-11-05 09:30 县财政局", Some("县财政局")),
            ("2025-11-05 星期三", None),
            ("发布时间 2025-01-10", None),
            ("我市召开 2025-01-10", None),
        ] {
            assert_eq!(dateline_office(line).as_deref(), office, "{line}");
        }
    }

    #[test]
    fn sources() {
        assert_eq!(
            source("来源：县税务局 2025-09-10").as_deref(),
            Some("县税务局")
        );
        assert_eq!(
            source("时间:2017-02-15 10:20:01|来源:驻马店网|点击量:59767").as_deref(),
            Some("驻马店网")
        );
        assert_eq!(
            source("发布时间：2023-04-18 09:30 来源：剑阁县发展和改革局 浏览次数：1268").as_deref(),
            Some("剑阁县发展和改革局")
        );
        assert_eq!(
            source("2023-06-21 08:15  来源：常州日报").as_deref(),
            Some("常州日报")
        );
        assert_eq!(
            source("信息来源：潍坊日报  作者：记者 张晓雨").as_deref(),
            Some("潍坊日报")
        );
        assert_eq!(source("来源 | 潍坊日报").as_deref(), Some("潍坊日报"));
    }

    #[test]
    fn people() {
        assert_eq!(
            authors("【驻马店广视网讯】(记者 张静 王璐)今天上午，全市"),
            ["张静", "王璐"]
        );
        assert_eq!(
            authors("为郑州建设国家中心城市增光添彩。记者 范光华 景静"),
            ["范光华", "景静"]
        );
        assert_eq!(
            authors("本报讯（记者 周振 通讯员 陈立新）记者昨日从市发改委获悉"),
            ["周振", "陈立新"]
        );
        assert_eq!(
            authors("4月25日，记者从天水市统计局获悉"),
            Vec::<String>::new()
        );
        assert_eq!(authors("信息来源：潍坊日报  作者：记者 张晓雨"), ["张晓雨"]);
        let e = editors("• 审核 / 李俊杰 刘晓明");
        assert_eq!(e.len(), 2);
        assert_eq!((e[1].role.as_str(), e[1].name.as_str()), ("审核", "刘晓明"));
        assert_eq!(editors("（编辑：王敏）")[0].name, "王敏");
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline_only("本报讯 记者 沈佳 通讯员 陆海峰"),
            Some(vec!["沈佳".into(), "陆海峰".into()])
        );
        assert_eq!(
            byline_only("（昆明日报记者 李海燕）"),
            Some(vec!["李海燕".into()])
        );
        assert_eq!(
            byline_only("（赣南日报全媒体记者 刘燕 钟晓）"),
            Some(vec!["刘燕".into(), "钟晓".into()])
        );
        assert_eq!(byline_only("记者：林路平"), Some(vec!["林路平".into()]));
        assert_eq!(byline_only("记者从市统计局获悉，一季度"), None);
        assert_eq!(byline_only("开发区科学规划谋新篇"), None);
    }

    #[test]
    fn crumbs() {
        assert_eq!(
            breadcrumb("您当前所在位置:驻马店广视网>社会> 正文"),
            (Some("驻马店广视网".into()), Some("社会".into()))
        );
        assert_eq!(
            breadcrumb("首页 > 政务公开 > 工作动态"),
            (None, Some("工作动态".into()))
        );
        assert_eq!(
            breadcrumb("您现在的位置：网站首页 » 新闻中心 » 赣州要闻")
                .1
                .as_deref(),
            Some("赣州要闻")
        );
    }

    #[test]
    fn sites() {
        assert_eq!(
            site("免责声明:本文为工业园网用户自行上传并发布").as_deref(),
            Some("工业园网")
        );
        assert_eq!(
            site("原创 厦门发布 厦门发布 2023-05-06 18:30 发表于福建").as_deref(),
            Some("厦门发布")
        );
        assert_eq!(
            paper("返回主页 | 郑州晚报 | 标题导航 | 郑州日报").as_deref(),
            Some("郑州晚报")
        );
        assert_eq!(epaper_page("第01版：要闻").as_deref(), Some("要闻"));
        assert_eq!(
            site("嘉兴日报社版权所有 未经书面授权不得复制").as_deref(),
            Some("嘉兴日报社")
        );
        assert_eq!(
            site("版权声明 @ 中原网 网站版权所有").as_deref(),
            Some("中原网")
        );
        assert_eq!(
            site("版权所有 © 佛山市人民政府 粤ICP备05081234号").as_deref(),
            Some("佛山市人民政府")
        );
        assert_eq!(
            site("Copyright © 2023 赣州市人民政府 All Rights Reserved").as_deref(),
            Some("赣州市人民政府")
        );
    }

    #[test]
    fn letter_spaced_headlines_are_closed_up() {
        assert_eq!(
            letter_spacing_removed("2 0 2 3 年 政府工作报告"),
            "2023年政府工作报告"
        );
        assert_eq!(letter_spacing_removed("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(letter_spacing_removed("国务院总理 李强"), "国务院总理 李强");
        assert_eq!(
            letter_spacing_removed("习近平 在 会上讲话"),
            "习近平 在 会上讲话"
        );
    }
}
