//! Page chrome: which lines are the site's furniture rather than the article.
//!
//! Words come from `lexicon/chrome.txt`; this file adds the limits that keep an article
//! sentence that happens to say "分享" or "联系电话" from being dropped: chrome lines are short
//! and seldom end like a sentence. Each verdict is either strong (dropped wherever it is, even
//! between two paragraphs of the body) or weak (dropped only above or below the body).

use std::sync::LazyLock;

use regex::Regex;

use super::Why;
use super::lines::{Line, Shape};
use super::meta;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub reason: Why,
    pub strong: bool,
}

const fn strong(reason: Why) -> Option<Verdict> {
    Some(Verdict {
        reason,
        strong: true,
    })
}

const fn weak(reason: Why) -> Option<Verdict> {
    Some(Verdict {
        reason,
        strong: false,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Has,
    Starts,
    Is,
}

struct Entry {
    reason: Why,
    pattern: String,
}

fn reason_named(name: &str) -> Option<Why> {
    Some(match name {
        "share" => Why::Share,
        "toolbar" => Why::Toolbar,
        "comment" => Why::Comment,
        "prev_next" => Why::PrevNext,
        "related" => Why::Related,
        "epaper" => Why::Epaper,
        "footer" => Why::Footer,
        "copyright" => Why::Copyright,
        "disclaimer" => Why::Disclaimer,
        "meta" => Why::Meta,
        "navigation" => Why::Navigation,
        _ => return None,
    })
}

/// The compiled lexicon, in file order (the first entry that matches decides).
static LEXICON: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let mut groups: Vec<(Why, Mode, Vec<String>)> = Vec::new();
    for line in include_str!("../lexicon/chrome.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(r), Some(m)) = (parts.next().and_then(reason_named), parts.next()) else {
            continue;
        };
        let mode = match m {
            "has" => Mode::Has,
            "starts" => Mode::Starts,
            "is" => Mode::Is,
            _ => continue,
        };
        let words: Vec<String> = parts.map(regex::escape).collect();
        match groups.iter_mut().find(|g| g.0 == r && g.1 == mode) {
            Some(g) => g.2.extend(words),
            None => groups.push((r, mode, words)),
        }
    }
    groups
        .into_iter()
        .map(|(reason, mode, words)| {
            let alt = words.join("|");
            // Compiled into BY_WORDS; a bad entry fails that set, which the
            // unit test below builds.
            let pattern = match mode {
                Mode::Has => format!("(?:{alt})"),
                Mode::Starts => format!(r"^[•·\-\*【\[（(\d]*(?:{alt})"),
                Mode::Is => format!(r"^[•·\-\*【\[（(]*(?:{alt})[】\]）)]*[:：]?$"),
            };
            Entry { reason, pattern }
        })
        .collect()
});

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]{1,3}[）)]|\d{1,3}[、．](?:[^\d]|$)|\d{1,3}\.(?:[^\d]|$)|\d{1,3}\s|第[一二三四五六七八九十百\d]+[章节条部分篇项]|[-•●◆■□▪▶★☆◇○※·*]|[①-⑳])",
    )
});

/// A heading number or list bullet at the start of a line.
pub(crate) fn starts_with_marker(text: &str) -> bool {
    MARKER.is_match(text)
}

/// Not in [`BY_WORDS`]: two hundred repeats of a Unicode class make a set's
/// lazy DFA give up and fall back to the slow engines.
static IMAGE_FILE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"^\S{0,200}\.(?:[jJ][pP][eE]?[gG]|[pP][nN][gG]|[gG][iI][fF]|[bB][mM][pP]|[wW][eE][bB][pP]|[sSſ][vV][gG]|[tT][iI][fF][fF]?)$",
    )
});
const LINK_ONLY: &str = r"^(?:[hH][tT][tT][pP][sSſ]?://|[wW][wW][wW]\.)\S+$";
const CAPTION_START: &str =
    r"^(?:图为|图：|图:|图片：|图片:|上图|下图|左图|右图|组图|图\d{1,2}[：:])";
const CAPTION_END: &str = r"(?:(?:记者|通讯员|摄影|摄影记者|特约摄影|实习生|见习记者)[^，。；]{0,20}摄[）)]?|[（(][^（）()]{2,24}(?:摄|供图|摄影)[）)]|供图[）)]?|资料图片?[）)]?|图片来源[:：][^，。]{0,20})$";
const EDITOR: &str = r"^[•·\-\*【\[（(]*(?:责任编辑|责编|编辑|审核|审校|校对|初审|复审|终审|一审|二审|三审|监制|签发|值班编辑|主编|编审|美编|校审|统筹)[:：/／丨|]";
/// 当前位置, 您当前所在位置, 你现在的位置, 您当前的位置, 所在位置…
pub(super) const WHERE_YOU_ARE: &str =
    r"(?:[您你]?(?:当前|现在|目前)?(?:所在|所处)?的?位置|当前页面)";

static CRUMB_SEP: LazyLock<Regex> = LazyLock::new(|| crate::re::regex(r">|＞|»|›|→"));
/// The font-size switch: 字号：大 中 小, 【字体：默认】, a bare [大 中 小] (but not 大中小型企业).
const TOOLBAR: &str = r"(?:字号|字体)[:：]?[\[【(（]?(?:大|小|默认|放大|缩小|A\+)|^[\[【(（]?大中小[\]】)）]?$|[\[【(（]大中小[\]】)）]";
const EPAPER_PAGE: &str = r"第[A-Z]?\d{1,3}版|^[A-Z]?\d{1,3}版[:：]";
static PIPE_SEP: LazyLock<Regex> = LazyLock::new(|| crate::re::regex(r"\||｜|丨"));

/// Every pattern `by_words` asks about a short line, as one set: most lines
/// are the article's and match none of them, and one pass over the line says
/// so where a dozen passes did (in the wasm build, whose `regex` has no SIMD
/// prefilters, those passes were a third of cleaning). The first patterns
/// are the ones named by the `HIT_*` indices, then the lexicon's entries in
/// order.
static BY_WORDS: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    let breadcrumb_label = format!(r"^[•·【\[]*{WHERE_YOU_ARE}[:：]?");
    let named = [
        breadcrumb_label.as_str(),
        EDITOR,
        CAPTION_START,
        CAPTION_END,
        EPAPER_PAGE,
        TOOLBAR,
        LINK_ONLY,
    ];
    crate::re::set(
        named
            .into_iter()
            .chain(LEXICON.iter().map(|e| e.pattern.as_str())),
    )
});
const HIT_BREADCRUMB_LABEL: usize = 0;
const HIT_EDITOR: usize = 1;
const HIT_CAPTION_START: usize = 2;
const HIT_CAPTION_END: usize = 3;
const HIT_EPAPER_PAGE: usize = 4;
const HIT_TOOLBAR: usize = 5;
const HIT_LINK_ONLY: usize = 6;
const HIT_LEXICON: usize = 7;

/// The longest line each kind of chrome can be (compact characters).
fn longest(reason: Why) -> usize {
    match reason {
        Why::Share | Why::Toolbar | Why::Comment | Why::Navigation => 40,
        Why::Related => 24,
        Why::Meta => 80,
        Why::PrevNext | Why::Footer => 120,
        _ => 200,
    }
}

/// The disclaimer vocabulary alone, for text of any length.
static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = include_str!("../lexicon/chrome.txt")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("disclaimer"))
        .filter_map(|rest| rest.trim_start().strip_prefix("has"))
        .flat_map(|rest| {
            rest.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
        })
        .collect();
    crate::re::regex(&format!("(?:{})", words.join("|")))
});

/// Whether text holds disclaimer words.
pub(crate) fn has_disclaimer(text: &str) -> bool {
    DISCLAIMER.is_match(text)
}

static DISCLAIMER_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(r"^[【\[（(]*(?:免责声明|版权声明|特别声明|郑重声明|声明)[:：]")
});

/// A line that reads like a disclaimer: it starts as one or uses two of its phrases.
fn disclaimer_like(c: &str) -> bool {
    DISCLAIMER_HEAD.is_match(c) || DISCLAIMER.find_iter(c).take(2).count() >= 2
}

/// Decides whether one line is chrome, from its words and its shape alone (position is
/// `layout`'s business).
pub(crate) fn classify(line: &Line, s: &Shape) -> Option<Verdict> {
    use Why::*;
    if line.hint.headline {
        return None;
    }
    // read as the page's head, not as lines of its own
    if line.hint.forced == Some(FrontMatter) {
        return strong(FrontMatter);
    }
    if line.hint.image {
        return strong(Image);
    }
    // an HTML comment in a text file (Markdown carries them): never shown, so never the
    // article
    let t = line.text().trim();
    if t.starts_with("<!--") && t.ends_with("-->") {
        return strong(Other);
    }
    let v = by_words(line, s);
    match line.hint.forced {
        // a box the markup marks (a <footer>, a share bar) is dropped whatever it says, but a
        // line in it that tells its own kind (版权所有 in a footer) is named by that kind
        Some(forced) => match v {
            Some(v) if !matches!(v.reason, Meta | Navigation | Related) => strong(v.reason),
            _ => strong(forced),
        },
        None => v,
    }
}

fn by_words(line: &Line, s: &Shape) -> Option<Verdict> {
    use Why::*;
    let c = s.compact.as_str();
    let text = line.text();
    if s.len > 200 {
        // a paragraph: only a disclaimer is that long
        return disclaimer_like(c).then_some(Verdict {
            reason: Disclaimer,
            strong: true,
        });
    }
    if s.stops == 0 && s.clause == 0 && IMAGE_FILE.is_match(c) {
        return strong(Image);
    }
    // Nearly every line asked about is prose that matches nothing. Saying which
    // patterns match takes an overlapping search that reads the whole line
    // slowly; whether any does is the set's ordinary search, several times
    // cheaper, so only the rare line that has a hit pays for naming it.
    let hits = BY_WORDS.is_match(c).then(|| BY_WORDS.matches(c));
    let hit = |i: usize| hits.as_ref().is_some_and(|h| h.matched(i));
    if s.len <= 150 && !s.ends_sentence && hit(HIT_BREADCRUMB_LABEL) {
        return strong(Breadcrumb);
    }
    if s.len <= 60 && hit(HIT_EDITOR) {
        return strong(Editor);
    }
    if s.len <= 60 && meta::byline_only(text).is_some() {
        return strong(Byline);
    }
    if s.len <= 120 && (hit(HIT_CAPTION_START) || hit(HIT_CAPTION_END)) && s.stops <= 2 {
        return strong(Caption);
    }
    if s.len <= 150 && !s.ends_sentence && meta::is_meta_line(text) {
        return strong(Meta);
    }
    if s.len <= 200 && !s.ends_sentence && s.clause <= 2 && hit(HIT_EPAPER_PAGE) {
        return strong(Epaper);
    }
    if s.len <= 60 && hit(HIT_TOOLBAR) {
        return strong(Toolbar);
    }
    // a hashtag line (#厦门经济); a Markdown heading (# 标题) has a space after its marks
    if c.starts_with(['#', '＃']) && s.len <= 30 && super::lines::markdown_headline(text).is_none()
    {
        return weak(Navigation);
    }
    for (i, e) in LEXICON.iter().enumerate() {
        if s.len > longest(e.reason) || !hit(HIT_LEXICON + i) {
            continue;
        }
        let v = match e.reason {
            Share | Toolbar | Comment if s.len <= 40 && !s.ends_sentence => strong(e.reason),
            PrevNext if s.len <= 120 => strong(e.reason),
            Related if s.len <= 24 && !s.ends_sentence => strong(e.reason),
            Epaper if s.len <= 200 && !s.ends_sentence && s.clause <= 2 => strong(e.reason),
            Footer if s.len <= 120 && !s.ends_sentence => weak(e.reason),
            Copyright if s.len <= 200 && (!s.ends_sentence || s.stops == 0) => strong(e.reason),
            // a disclaimer names itself first or says several of its words; a long
            // paragraph that mentions 举报电话 once is not one
            Disclaimer if s.len <= 60 || disclaimer_like(c) => strong(e.reason),
            Meta if s.len <= 80 && !s.ends_sentence => weak(e.reason),
            Navigation if s.len <= 40 && !s.ends_sentence => weak(e.reason),
            _ => None,
        };
        if v.is_some() {
            return v;
        }
    }
    if s.len <= 60 && !s.ends_sentence && s.clause == 0 && CRUMB_SEP.find_iter(text).count() >= 2 {
        return weak(Breadcrumb);
    }
    // "新闻中心 > 乡镇动态": one step of a breadcrumb
    if s.len <= 24 && !s.ends_sentence && s.clause == 0 && CRUMB_SEP.find_iter(text).count() == 1 {
        let short = CRUMB_SEP
            .split(c)
            .all(|seg| (1..=10).contains(&seg.chars().count()));
        if short {
            return weak(Breadcrumb);
        }
    }
    // a menu: short words between bars (a table row has figures in its cells)
    if s.len <= 100
        && !s.ends_sentence
        && s.han > 0
        && !c.bytes().any(|b| b.is_ascii_digit())
        && PIPE_SEP.find_iter(text).count() >= 2
    {
        let short = PIPE_SEP.split(c).all(|seg| seg.chars().count() <= 14);
        if short {
            return weak(Navigation);
        }
    }
    if hit(HIT_LINK_ONLY) {
        return weak(Navigation);
    }
    if s.han == 0 && s.len <= 20 && !s.ends_sentence && s.clause == 0 && !s.marker {
        return weak(Navigation);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::Hint;
    use crate::clean::normalize::Mapped;

    fn verdict(text: &str) -> Option<(Why, bool)> {
        let line = Line::new(Mapped::unmapped(text), (0, 0), Hint::default());
        classify(&line, &Shape::of(text)).map(|v| (v.reason, v.strong))
    }

    #[test]
    fn lexicon_compiles_every_group() {
        assert!(LEXICON.len() >= 15);
        assert_eq!(BY_WORDS.len(), HIT_LEXICON + LEXICON.len());
    }

    #[test]
    fn table() {
        use Why::*;
        let cases: &[(&str, Option<Why>)] = &[
            ("分 享 至 手 机", Some(Share)),
            ("您当前所在位置:驻马店广视网>社会> 正文", Some(Breadcrumb)),
            ("首页 > 政务公开 > 工作动态", Some(Breadcrumb)),
            (
                "时间:2017-02-15 10:20:01|来源:驻马店网|点击量:59767",
                Some(Meta),
            ),
            ("wangk170269.jpg", Some(Image)),
            ("• 责任编辑 / 建伟", Some(Editor)),
            ("• 审核 / 李俊杰 刘晓明", Some(Editor)),
            (
                "• 上一篇: 确保《“健康驻马店2030”规划纲要》编制工作如期完成",
                Some(PrevNext),
            ),
            ("版权声明 @ 中原网 网站版权所有", Some(Copyright)),
            ("返回主页 | 郑州晚报 | 标题导航 | 郑州日报", Some(Epaper)),
            (
                "免责声明:本文为工业园网用户自行上传并发布,仅代表该用户观点,我网仅提供信息存储空间服务。",
                Some(Disclaimer),
            ),
            ("[不良信息举报:service@cnrepark.com]", Some(Disclaimer)),
            ("图为大连港大窑湾集装箱码头。记者 孙明 摄", Some(Caption)),
            ("5月17日，工人在码头作业。（记者 孙明 摄）", Some(Caption)),
            ("本报讯 记者 沈佳 通讯员 陆海峰", Some(Byline)),
            ("（昆明日报记者 李海燕）", Some(Byline)),
            ("相关新闻", Some(Related)),
            (
                "【字体：大 中 小】 【打印本页】 【关闭窗口】",
                Some(Toolbar),
            ),
            (
                "蜀ICP备05012345号-1 川公网安备 51082302000123号",
                Some(Copyright),
            ),
            ("抓项目建设 助经济发展上台阶", None),
            (
                "会议要求各单位分享经验，扎实推进项目建设，确保完成全年目标任务。",
                None,
            ),
            ("1 项目运作提效行动", None),
            ("- 地区生产总值增长9%左右", None),
            ("2017年 经济社会发展 预期目标", None),
            ("开发区科学规划谋新篇", None),
        ];
        for (text, want) in cases {
            assert_eq!(verdict(text).map(|v| v.0), *want, "{text}");
        }
    }

    #[test]
    fn markers() {
        for t in [
            "一、出台背景",
            "（一）扩大有效投资",
            "1.地区生产总值增长6.5%左右；",
            "（1）支持企业",
            "● 推动",
            "- 地区",
            "第三条 规定",
            "1 项目运作",
        ] {
            assert!(starts_with_marker(t), "{t}");
        }
        for t in ["1.3万人", "2016年,开发区", "15%以上", "一季度全市"] {
            assert!(!starts_with_marker(t), "{t}");
        }
    }
}
