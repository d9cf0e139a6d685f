//! Cleaning: from what a person pasted (plain text or HTML) to the article
//! body, its metadata, the lines that were removed and why, and a map from
//! every character of the body back to the original.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::analysis::{AlignRun, Alignment, DropReason, Dropped, Editor, Meta, Span};

/// What cleaning makes of an input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cleaned {
    pub text: String,
    pub meta: Meta,
    pub dropped: Vec<Dropped>,
    pub alignment: Alignment,
    pub format: Format,
}

/// What the input was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    #[default]
    Text,
    Html,
}

/// Options of one cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CleanOptions {
    /// Input lines (1-based, as in `Dropped::line`) the user took back: they
    /// stay in the text whatever they look like.
    pub keep_lines: Vec<usize>,
}

/// Cleans `input`.
pub fn clean(input: &str, options: &CleanOptions) -> Cleaned {
    let format = if looks_like_html(input) {
        Format::Html
    } else {
        Format::Text
    };
    let (plain, map) = match format {
        Format::Html => html_to_text(input),
        Format::Text => (input.to_string(), SourceMap::Identity),
    };
    let lines = split_lines(&plain);
    let kinds = classify(&lines, options);
    let meta = read_meta(&lines, &kinds);

    let mut text = String::with_capacity(plain.len());
    let mut runs = Vec::new();
    let mut dropped = Vec::new();
    for (line, kind) in lines.iter().zip(&kinds) {
        match kind {
            Kind::Body => {
                if !text.is_empty() {
                    text.push('\n');
                }
                push_normalized(&mut text, &mut runs, &plain, line.span, &map);
            }
            Kind::Blank => {}
            Kind::Drop(reason) => dropped.push(Dropped {
                text: line.text.to_string(),
                reason: *reason,
                line: line.number,
                span: map.span(line.span),
            }),
        }
    }
    Cleaned {
        text,
        meta,
        dropped,
        alignment: Alignment { runs },
        format,
    }
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// 1-based line number in the input.
    number: usize,
    text: &'a str,
    span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Body,
    Blank,
    Drop(DropReason),
}

fn split_lines(plain: &str) -> Vec<Line<'_>> {
    let mut start = 0;
    let mut lines = Vec::new();
    for (i, raw) in plain.split('\n').enumerate() {
        let end = start + raw.len();
        let content = raw.trim_end_matches('\r');
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        lines.push(Line {
            number: i + 1,
            text: trimmed,
            span: Span(start + lead, start + lead + trimmed.len()),
        });
        start = end + 1;
    }
    lines
}

static CHROME: LazyLock<Vec<(Regex, DropReason)>> = LazyLock::new(|| {
    [
        (
            r"当前位置|您的位置|所在位置|首页\s*[>＞]",
            DropReason::Breadcrumb,
        ),
        (
            r"^(分\s*享|分享到|分享至)|扫一扫|打印本页|关闭窗口|字号",
            DropReason::Share,
        ),
        (
            r"(来源|时间|发布时间|点击量|浏览次数|作者)\s*[:：]",
            DropReason::MetaLine,
        ),
        (r"(?i)\.(jpe?g|png|gif|bmp|webp)\s*$", DropReason::ImageFile),
        (r"^免责声明|不良信息举报", DropReason::Disclaimer),
        (
            r"责任编辑|^\W*(审核|终审|编辑)\s*[:：/]",
            DropReason::EditorCredit,
        ),
        (r"上一篇|下一篇|上一期|下一期", DropReason::PrevNext),
        (
            r"版权所有|版权声明|ICP备|Copyright|©",
            DropReason::Copyright,
        ),
        (
            r"^第\s*\w+\s*版|上一版|下一版|返回主页|标题导航",
            DropReason::EpaperHeader,
        ),
        (
            r"^(相关新闻|相关阅读|推荐阅读|热点推荐)",
            DropReason::RelatedNews,
        ),
    ]
    .into_iter()
    .map(|(p, r)| (Regex::new(p).expect("chrome patterns are valid"), r))
    .collect()
});

/// A date as pages print it: 2017-02-15 10:20:01, 2021-09/15, 2017年2月15日.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
        .expect("the date pattern is valid")
});

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"来源\s*[:：]\s*([^\s|｜]+)").expect("the source pattern is valid")
});

static EDITOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(责任编辑|审核|终审|编辑)\s*[:：/]\s*([^|｜]+)")
        .expect("the editor pattern is valid")
});

static REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"记者\s*([\p{Han}]{2,4}(?:\s+[\p{Han}]{2,4})*)")
        .expect("the reporter pattern is valid")
});

fn chrome_reason(line: &str) -> Option<DropReason> {
    CHROME
        .iter()
        .find(|(re, _)| re.is_match(line))
        .map(|(_, r)| *r)
}

/// A line of running text: long enough and punctuated like sentences.
fn is_prose(line: &str) -> bool {
    line.chars().count() >= 30 && line.contains(['。', '，', ',', '；'])
}

fn looks_like_title(line: &str) -> bool {
    let n = line.chars().count();
    (5..=60).contains(&n) && !line.ends_with(['。', '；', ';', '：', ':']) && !is_prose(line)
}

fn classify(lines: &[Line<'_>], options: &CleanOptions) -> Vec<Kind> {
    let first_prose = lines.iter().position(|l| is_prose(l.text));
    let mut kinds: Vec<Kind> = lines
        .iter()
        .map(|l| {
            if l.text.is_empty() {
                Kind::Blank
            } else if options.keep_lines.contains(&l.number) {
                Kind::Body
            } else if let Some(reason) = chrome_reason(l.text) {
                Kind::Drop(reason)
            } else {
                Kind::Body
            }
        })
        .collect();

    // The headline: the last title-shaped line before the body starts, so a
    // site name or column above it is not taken for it.
    let head_end = first_prose.unwrap_or(0);
    if let Some(title_at) = (0..head_end)
        .rev()
        .find(|&i| kinds[i] == Kind::Body && looks_like_title(lines[i].text))
    {
        for i in 0..head_end {
            if kinds[i] != Kind::Body {
                continue;
            }
            kinds[i] = if i == title_at {
                Kind::Drop(DropReason::Title)
            } else if lines[i].text == lines[title_at].text {
                Kind::Drop(DropReason::RepeatedTitle)
            } else if options.keep_lines.contains(&lines[i].number) {
                Kind::Body
            } else {
                Kind::Drop(DropReason::Other)
            };
        }
    }
    kinds
}

fn read_meta(lines: &[Line<'_>], kinds: &[Kind]) -> Meta {
    let mut meta = Meta::default();
    for (line, kind) in lines.iter().zip(kinds) {
        match kind {
            Kind::Drop(DropReason::Title) if meta.title.is_none() => {
                meta.title = Some(line.text.to_string());
            }
            Kind::Drop(_) => {
                if meta.date.is_none() {
                    meta.date = DATE.captures(line.text).map(|c| iso_date(&c));
                }
                if meta.source.is_none() {
                    meta.source = SOURCE
                        .captures(line.text)
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str().to_string());
                }
                for c in EDITOR.captures_iter(line.text) {
                    if let (Some(role), Some(name)) = (c.get(1), c.get(2)) {
                        meta.editors.push(Editor {
                            role: role.as_str().to_string(),
                            name: name.as_str().trim().to_string(),
                        });
                    }
                }
            }
            _ => {}
        }
        if let Kind::Body = kind
            && let Some(c) = REPORTER.captures(line.text)
            && meta.authors.is_empty()
            && let Some(names) = c.get(1)
        {
            meta.authors = names
                .as_str()
                .split_whitespace()
                .map(String::from)
                .collect();
        }
    }
    meta
}

fn iso_date(c: &regex::Captures<'_>) -> String {
    let part = |i: usize| c.get(i).map(|m| m.as_str().parse::<u32>().unwrap_or(0));
    let (y, m, d) = (
        part(1).unwrap_or(0),
        part(2).unwrap_or(1),
        part(3).unwrap_or(1),
    );
    match (part(4), part(5), part(6)) {
        (Some(h), Some(min), s) => {
            format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{:02}", s.unwrap_or(0))
        }
        _ => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// Appends `plain[span]` to `text` normalized, recording where each piece
/// came from in the original.
fn push_normalized(
    text: &mut String,
    runs: &mut Vec<AlignRun>,
    plain: &str,
    span: Span,
    map: &SourceMap,
) {
    let Some(line) = plain.get(span.0..span.1) else {
        return;
    };
    for (at, c) in line.char_indices() {
        let from = span.0 + at;
        let source = map.span(Span(from, from + c.len_utf8()));
        let Some(out) = normalize_char(c) else {
            continue;
        };
        let start = text.len();
        text.push(out);
        let here = Span(start, text.len());
        match runs.last_mut() {
            Some(last)
                if out == c
                    && last.text.1 == here.0
                    && last.source.1 == source.0
                    && last.text.len() == last.source.len() =>
            {
                last.text.1 = here.1;
                last.source.1 = source.1;
            }
            _ => runs.push(AlignRun { text: here, source }),
        }
    }
}

/// Full-width digits and Latin letters become half-width, odd spaces plain,
/// zero-width characters vanish; Chinese punctuation stays as written.
fn normalize_char(c: char) -> Option<char> {
    match c {
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        '\u{00A0}' | '\u{3000}' | '\u{2002}'..='\u{200A}' => Some(' '),
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '．' | '％' => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        _ => Some(c),
    }
}

/// Where the bytes of an intermediate text came from in the input.
enum SourceMap {
    /// The intermediate text is the input.
    Identity,
    /// `offsets[i]` is the input offset of byte `i`; one extra entry at the end.
    Table(Vec<usize>),
}

impl SourceMap {
    fn span(&self, span: Span) -> Span {
        match self {
            SourceMap::Identity => span,
            SourceMap::Table(t) => {
                let at = |i: usize| t.get(i).or(t.last()).copied().unwrap_or(0);
                Span(at(span.0), at(span.1.saturating_sub(1)) + 1)
            }
        }
    }
}

fn looks_like_html(input: &str) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)<(html|body|div|p|br|span|table|h[1-6]|!doctype)[\s>/]")
            .expect("the tag pattern is valid")
    });
    TAG.is_match(input)
}

/// HTML to lines of text: block tags break lines, script and style vanish.
fn html_to_text(input: &str) -> (String, SourceMap) {
    static SKIP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?is)<(script|style|noscript|template)\b.*?</(script|style|noscript|template)\s*>|<!--.*?-->")
            .expect("the skip pattern is valid")
    });
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>").expect("the tag pattern is valid")
    });
    const BLOCKS: &[&str] = &[
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "header", "footer", "ul", "ol", "table", "title",
    ];

    let mut out = String::with_capacity(input.len());
    let mut offsets = Vec::with_capacity(input.len() + 1);
    let mut push = |out: &mut String, s: &str, at: usize| {
        for (i, b) in s.bytes().enumerate() {
            let _ = b;
            offsets.push(at + i.min(s.len()));
        }
        out.push_str(s);
    };
    let mut pos = 0;
    let skipped: Vec<Span> = SKIP
        .find_iter(input)
        .map(|m| Span(m.start(), m.end()))
        .collect();
    let mut skip = skipped.iter().peekable();
    for tag in TAG.find_iter(input) {
        while skip.peek().is_some_and(|s| s.1 <= tag.start()) {
            skip.next();
        }
        if skip.peek().is_some_and(|s| s.0 <= tag.start()) {
            continue;
        }
        let chunk_end = skip
            .peek()
            .map_or(tag.start(), |s| s.0.min(tag.start()).max(pos));
        if let Some(chunk) = input.get(pos..chunk_end) {
            push(&mut out, &decode_entities(chunk), pos);
        }
        let name = TAG
            .captures(tag.as_str())
            .and_then(|c| c.get(2))
            .map(|m| m.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        if BLOCKS.contains(&name.as_str()) {
            push(&mut out, "\n", tag.start());
        }
        pos = tag.end();
    }
    if let Some(rest) = input.get(pos..) {
        push(&mut out, &decode_entities(rest), pos);
    }
    offsets.push(input.len());
    (out, SourceMap::Table(offsets))
}

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", "\u{00A0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_chrome_and_reads_meta() {
        let input = "您当前所在位置:某某网>社会> 正文\n\n分 享 至 手 机\n\n开发区科学规划谋新篇\n\n时间:2017-02-15 10:20:01|来源:某某网|点击量:59767\n\n人勤春来早。正月十五刚过,2月13日,开发区召开2017年工作会议,区、乡(办)、村、组四级干部全部参加。\n\n• 责任编辑 / 建伟\n";
        let c = clean(input, &CleanOptions::default());
        assert_eq!(c.meta.title.as_deref(), Some("开发区科学规划谋新篇"));
        assert_eq!(c.meta.date.as_deref(), Some("2017-02-15T10:20:01"));
        assert_eq!(c.meta.source.as_deref(), Some("某某网"));
        assert!(c.text.starts_with("人勤春来早。"), "{}", c.text);
        assert!(!c.text.contains("责任编辑"));
        assert!(c.dropped.iter().any(|d| d.reason == DropReason::Breadcrumb));
    }

    #[test]
    fn normalizes_full_width_and_maps_back() {
        let input = "全年增长１５％，达到目标。这是一个足够长的句子，用来说明正文的样子和标点。";
        let c = clean(input, &CleanOptions::default());
        assert!(c.text.starts_with("全年增长15%"), "{}", c.text);
        let span = c.alignment.to_source(Span(12, 14)).unwrap();
        assert_eq!(&input[span.0..span.1], "１５");
    }

    #[test]
    fn html_blocks_become_lines() {
        let input = "<div><script>alert(1)</script><p>第一段文字，内容足够长足够长足够长足够长足够长足够长足够长。</p><p>第二段&nbsp;文字。</p></div>";
        let c = clean(input, &CleanOptions::default());
        assert_eq!(c.format, Format::Html);
        assert!(!c.text.contains("alert"));
        assert!(c.text.contains("第一段文字"));
        assert!(c.text.contains("第二段 文字。"));
    }
}
