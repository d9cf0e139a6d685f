//! Cleaning: the pasted page in, the article out.
//!
//! People paste a news page the way a browser copies it: plain text with the
//! site's breadcrumb, share bar, 来源/点击量 line, 责任编辑 and 上一篇/下一篇
//! around the article, or the HTML a browser puts on the clipboard, or a saved
//! page's source. Both become normalized lines ([`normalize`], [`html`],
//! [`lines`]); each line is judged by its words and shape ([`chrome`]) and by
//! where it sits ([`layout`]); the metadata is read from the lines that were
//! dropped ([`meta`]); sentences the copy broke are joined again ([`join`]).
//! Every character of the result maps back to the bytes it came from.
//!
//! The text is the article: its headline on the first line (also in
//! `meta.title`), then the body, one paragraph, heading or list item a line.
//! Cleaning cleaned text changes nothing.
//!
//! ```
//! use mubiao::clean::{clean, CleanOptions};
//!
//! let page = "首页 > 新闻中心 > 今日常州\n常州前5个月工业投资增长12.3%\n\
//!             2023-06-21 08:15  来源：常州日报\n分享到：\n\
//!             1—5月，全市完成工业投资612.4亿元，同比增长１２．３％。\n（编辑：王敏）\n";
//! let c = clean(page, &CleanOptions::default());
//! assert_eq!(c.text, "常州前5个月工业投资增长12.3%\n1—5月，全市完成工业投资612.4亿元，同比增长12.3%。");
//! assert_eq!(c.meta.date.as_deref(), Some("2023-06-21T08:15:00"));
//! assert_eq!(c.meta.source.as_deref(), Some("常州日报"));
//! assert_eq!(c.meta.editors[0].name, "王敏");
//! assert_eq!(c.dropped.len(), 4);
//! ```

mod chrome;
mod front;
mod html;
mod join;
mod layout;
mod lines;
mod meta;
mod normalize;

use serde::{Deserialize, Serialize};

use crate::analysis::{AlignRun, Alignment, DropReason, Dropped, Editor, Meta, Span};
use layout::HeadMeta;
use lines::{Hint, Line};
use normalize::{Mapped, Range32};

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

/// Why a line goes, in more detail than [`DropReason`] tells the reader: the
/// metadata readers need to know a kicker from a subtitle and a byline from a
/// date line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Why {
    Navigation,
    Breadcrumb,
    Toolbar,
    Share,
    Meta,
    Byline,
    Editor,
    Kicker,
    Subtitle,
    RepeatedTitle,
    Image,
    Caption,
    Related,
    Comment,
    PrevNext,
    Epaper,
    Footer,
    Copyright,
    Disclaimer,
    Date,
    /// A line of a front matter block, read into the head instead.
    FrontMatter,
    Other,
}

impl Why {
    fn public(self) -> DropReason {
        match self {
            Why::Navigation => DropReason::Navigation,
            Why::Breadcrumb => DropReason::Breadcrumb,
            Why::Toolbar | Why::Share => DropReason::Share,
            Why::Meta | Why::Byline | Why::FrontMatter => DropReason::MetaLine,
            Why::Editor => DropReason::EditorCredit,
            Why::Kicker | Why::Subtitle => DropReason::Subtitle,
            Why::RepeatedTitle => DropReason::RepeatedTitle,
            Why::Image => DropReason::ImageFile,
            Why::Caption => DropReason::PhotoCaption,
            Why::Related => DropReason::RelatedNews,
            Why::Comment => DropReason::Interaction,
            Why::PrevNext => DropReason::PrevNext,
            Why::Epaper => DropReason::EpaperHeader,
            Why::Footer => DropReason::Footer,
            Why::Copyright => DropReason::Copyright,
            Why::Disclaimer => DropReason::Disclaimer,
            Why::Date => DropReason::Date,
            Why::Other => DropReason::Other,
        }
    }
}

/// Cleans `input`, telling HTML from text by its look.
pub fn clean(input: &str, options: &CleanOptions) -> Cleaned {
    let format = if html::looks_like_html(input) {
        Format::Html
    } else {
        Format::Text
    };
    clean_as(input, format, options)
}

/// Cleans `input` read as `format`. The text of a [`Cleaned`] is text whatever
/// it contains, so cleaning it again goes through here with [`Format::Text`].
#[allow(
    clippy::string_slice,
    reason = "cut is moved back to a character boundary first"
)]
pub fn clean_as(input: &str, format: Format, options: &CleanOptions) -> Cleaned {
    // Offsets are kept as u32 to halve the per-character map; the analyzer's
    // size limit is far below 4 GiB, and a larger input is cut at a character.
    let mut cut = input.len().min(u32::MAX as usize);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let input = &input[..cut];
    let (mut lines, head) = match format {
        Format::Html => html::lines(input),
        Format::Text => {
            let mut lines = lines::split_text(input);
            let head = front::read(input, &mut lines);
            (lines, head)
        }
    };
    let numbers = LineNumbers::new(input);
    if !options.keep_lines.is_empty() {
        for l in &mut lines {
            l.keep = options.keep_lines.contains(&numbers.of(l.m.span().0));
        }
    }
    let page = settle(lines, &head);
    let dropped = page
        .lines
        .iter()
        .filter_map(|(l, why)| {
            why.map(|why| {
                let (start, end) = l.m.span();
                let span = Span(start as usize, end as usize);
                Dropped {
                    // as pasted; an HTML block has no pasted line, so its text
                    text: match format {
                        Format::Text => input.get(span.0..span.1).unwrap_or_default().to_string(),
                        Format::Html => l.m.text.clone(),
                    },
                    reason: why.public(),
                    line: numbers.of(start),
                    span,
                }
            })
        })
        .collect();
    let meta = read_meta(&page, &head);
    // the kept lines and a break after each: room for all of them up front, not a copy of
    // the text each time it outgrows its buffer
    let kept = || page.lines.iter().filter(|(_, why)| why.is_none());
    let mut out = Mapped::with_capacity(
        kept().map(|(l, _)| l.m.text.len() + 1).sum(),
        kept().map(|(l, _)| l.m.pieces().len() + 1).sum(),
    );
    let mut prev: Option<Range32> = None;
    for (l, _) in kept() {
        if let Some(brk) = prev {
            out.push('\n', brk);
        }
        out.append(&l.m);
        prev = Some(l.brk);
    }
    let alignment = align(&out, input);
    Cleaned {
        text: out.text,
        meta,
        dropped,
        alignment,
        format,
    }
}

/// 1-based line numbers of byte offsets.
struct LineNumbers(Vec<usize>);

impl LineNumbers {
    fn new(input: &str) -> LineNumbers {
        // memchr's search, not match_indices, whose char searcher is several times slower
        LineNumbers(memchr::memchr_iter(b'\n', input.as_bytes()).collect())
    }

    fn of(&self, at: u32) -> usize {
        self.0.partition_point(|&nl| nl < at as usize) + 1
    }
}

/// Runs of the alignment: verbatim stretches merged, rewritten characters one
/// by one.
fn align(out: &Mapped, input: &str) -> Alignment {
    let mut runs: Vec<AlignRun> = Vec::new();
    // whether the last run is a verbatim copy, and so may grow
    let mut growing = false;
    let mut at = 0;
    for p in out.pieces() {
        let text = Span(at, at + p.len as usize);
        at = text.1;
        let source = Span(p.source.0 as usize, p.source.1 as usize);
        // a piece that is not a copy is one character, which may still be as it was
        let verbatim = p.copied
            || out
                .text
                .get(text.0..text.1)
                .is_some_and(|t| input.get(source.0..source.1).is_some_and(|o| o == t));
        match runs.last_mut() {
            Some(last) if verbatim && growing && last.source.1 == source.0 => {
                last.text.1 = text.1;
                last.source.1 = source.1;
            }
            _ => runs.push(AlignRun { text, source }),
        }
        growing = verbatim;
    }
    Alignment { runs }
}

/// Every line of the page in input order: the article's lines (kept: `None`) and the dropped
/// ones with their reasons.
struct Page {
    lines: Vec<(Line, Option<Why>)>,
    /// Index into `lines` of the title.
    title: Option<usize>,
    spread_date: Option<(u32, meta::Stamp)>,
}

/// Decides and repairs until nothing changes. Cleaning must give the same text when it is run
/// on its own output, and one round can expose more: two halves of a sentence that a dropped
/// caption kept apart meet, a heading's markup is gone. Each round only drops or joins lines,
/// so a few rounds suffice; every round is linear.
#[allow(
    clippy::indexing_slicing,
    reason = "decide gives one verdict per line it was given, and its spread date's line is one of them"
)]
fn settle(lines: Vec<Line>, head: &HeadMeta) -> Page {
    let empty = HeadMeta::default();
    let mut gone: Vec<(Line, Option<Why>)> = Vec::new();
    let mut cur = lines;
    let mut title_line: Option<Line> = None;
    let mut spread_date = None;
    for round in 0..4 {
        let lay = layout::decide(&cur, if round == 0 { head } else { &empty });
        if round == 0 {
            spread_date = lay.spread_date.map(|(k, s)| (cur[k].m.span().0, s));
        }
        let mut next: Vec<Line> = Vec::with_capacity(cur.len());
        let mut body: Vec<Line> = Vec::with_capacity(cur.len());
        let mut dropped_any = false;
        let title = lay.title;
        for (k, l) in cur.into_iter().enumerate() {
            match lay.drop[k] {
                Some(r) => {
                    dropped_any = true;
                    gone.push((l, Some(r)));
                }
                None if Some(k) == title => next.push(l),
                None => body.push(l),
            }
        }
        let before = body.len();
        let body = join::join(body);
        let joined_any = body.len() != before;
        title_line = title.and_then(|_| next.first().cloned());
        next.extend(body);
        // from the second round on, lines are what the text of the result will be: plain,
        // but for the line the page's metadata named its headline
        for l in &mut next {
            l.hint = Hint {
                headline: l.hint.headline,
                ..Hint::default()
            };
        }
        cur = next;
        if !dropped_any && !joined_any {
            break;
        }
    }
    let title_span = title_line.map(|l| l.m.span());
    let mut all: Vec<(Line, Option<Why>)> =
        cur.into_iter().map(|l| (l, None)).chain(gone).collect();
    all.sort_by_key(|(l, _)| l.m.span().0);
    let title = title_span.and_then(|sp| {
        all.iter()
            .position(|(l, d)| d.is_none() && l.m.span() == sp)
    });
    Page {
        lines: all,
        title,
        spread_date,
    }
}

#[allow(clippy::indexing_slicing, reason = "k ranges below n = lines.len()")]
fn read_meta(page: &Page, head: &HeadMeta) -> Meta {
    use Why as R;
    let lines = &page.lines;
    let n = lines.len();
    let reason = |k: usize| lines[k].1;
    let is = |k: usize, rs: &[Why]| reason(k).is_some_and(|r| rs.contains(&r));
    let first_body = (0..n).find(|&k| reason(k).is_none() && Some(k) != page.title);
    let top = |k: usize| first_body.is_none_or(|f| k < f);
    let text = |k: usize| lines[k].0.text();
    let body: Vec<&Line> = (0..n)
        .filter(|&k| reason(k).is_none() && Some(k) != page.title)
        .map(|k| &lines[k].0)
        .collect();
    let joined = |r: Why| {
        let parts: Vec<&str> = (0..n)
            .filter(|&k| reason(k) == Some(r))
            .map(|k| text(k).trim_start_matches(['—', '-', ' ']))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    };

    let mut m = Meta {
        // the headline's words, without the Markdown that marked it as one or the
        // spaces that set it out
        title: page.title.map(|t| {
            meta::letter_spacing_removed(lines::markdown_headline(text(t)).unwrap_or(text(t)))
        }),
        kicker: joined(R::Kicker),
        subtitle: joined(R::Subtitle),
        ..Meta::default()
    };

    // date: a labelled one, the page's own <meta>, one above the body, one below it, one in
    // the e-paper furniture; never a date out of the article's sentences
    let metas: Vec<usize> = (0..n).filter(|&k| is(k, &[R::Meta])).collect();
    let first_date = |ks: &mut dyn Iterator<Item = usize>| {
        for k in ks {
            if let Some(d) = meta::dates(text(k)).first() {
                return Some(d.1);
            }
        }
        None
    };
    let head_date = head
        .get(&[
            "pubdate",
            "publishdate",
            "article:published_time",
            "datepublished",
            "publish_date",
            "publication_date",
            "og:release_date",
            "pubtime",
            "_pubtime",
            "firstpublishedtime",
            "date",
        ])
        .and_then(|v| meta::dates(v).first().map(|d| d.1));
    let date = metas
        .iter()
        .find_map(|&k| meta::labelled_date(text(k)))
        .or(head_date)
        .or_else(|| {
            let spread_at = page.spread_date.and_then(|(at, s)| {
                lines
                    .iter()
                    .position(|(l, _)| l.m.span().0 == at)
                    .map(|k| (k, s))
            });
            let spread = spread_at.filter(|(k, _)| top(*k)).map(|(_, s)| s);
            let line = first_date(&mut metas.iter().copied().filter(|&k| top(k)));
            match (spread, line, spread_at) {
                (Some(s), Some(l), Some((sk, _))) => {
                    let lk = metas
                        .iter()
                        .copied()
                        .filter(|&k| top(k))
                        .find(|&k| !meta::dates(text(k)).is_empty());
                    Some(if lk.is_some_and(|lk| lk < sk) { l } else { s })
                }
                (s, l, _) => s.or(l),
            }
        })
        .or_else(|| first_date(&mut metas.iter().copied().filter(|&k| !top(k))))
        .or_else(|| page.spread_date.map(|(_, s)| s))
        .or_else(|| {
            first_date(&mut (0..n).filter(|&k| {
                is(
                    k,
                    &[R::Epaper, R::RepeatedTitle, R::Navigation, R::Breadcrumb],
                )
            }))
        })
        // a speech or report without a page around it: the date its headline gives
        // itself (唐山市政府工作报告（2012年2月2日 陈国鹰）), or the dateline under it
        // (——2025年3月25日在…会议上)
        .or_else(|| page.title.and_then(|t| meta::headline_date(text(t))))
        .or_else(|| {
            page.title
                .into_iter()
                .chain(0..n.min(16))
                .find_map(|k| meta::speech_date(text(k)))
        });
    m.date = date.map(|d| d.iso());

    // people, clicks
    let mut authors: Vec<String> = Vec::new();
    let mut add = |names: Vec<String>| {
        for a in names {
            if !authors.contains(&a) {
                authors.push(a);
            }
        }
    };
    for k in 0..n {
        if is(k, &[R::Byline]) {
            add(meta::byline_only(text(k)).unwrap_or_default());
        } else if is(k, &[R::Meta]) {
            add(meta::authors(text(k)));
        }
        if Some(k) == first_body {
            for l in body.iter().take(2) {
                add(meta::authors(l.text()));
            }
            if let Some(l) = body.last() {
                add(meta::authors(l.text()));
            }
        }
    }
    m.authors = authors;
    let mut editors: Vec<Editor> = Vec::new();
    for k in (0..n).filter(|&k| is(k, &[R::Editor, R::Meta])) {
        for e in meta::editors(text(k)) {
            if !editors.contains(&e) {
                editors.push(e);
            }
        }
    }
    m.editors = editors;
    m.clicks = metas.iter().find_map(|&k| meta::clicks(text(k)));

    // column and site
    let crumbs: Vec<(Option<String>, Option<String>)> = (0..n)
        .filter(|&k| is(k, &[R::Breadcrumb]))
        .map(|k| meta::breadcrumb(text(k)))
        .collect();
    let epaper_page = (0..n)
        .filter(|&k| is(k, &[R::Epaper]))
        .find_map(|k| meta::epaper_page(text(k)));
    m.column = crumbs
        .iter()
        .find_map(|c| c.1.clone())
        .or_else(|| head.get(&["columnname", "column"]).map(str::to_string))
        .or(epaper_page.filter(|p| p.chars().count() <= 10));
    m.site = head
        .get(&["sitename", "og:site_name", "site_name"])
        .map(str::to_string)
        .or_else(|| head.title_parts().1)
        .or_else(|| crumbs.iter().find_map(|c| c.0.clone()))
        .or_else(|| {
            (0..n)
                .filter(|&k| is(k, &[R::Disclaimer, R::Copyright, R::Meta]))
                .find_map(|k| meta::site(text(k)))
        })
        .or_else(|| {
            // the site's name printed over its page (XX市人民政府门户网站): one of
            // the first lines, dropped as navigation, a site name as a whole
            (0..n.min(5))
                .filter(|&k| is(k, &[R::Navigation]))
                .map(|k| text(k).trim())
                .find(|t| meta::is_site_name(t) && !t.contains(char::is_whitespace))
                .map(str::to_string)
        });

    // source: labelled, the page's <meta>, the newspaper of an e-paper page, the site
    m.source = metas
        .iter()
        .find_map(|&k| meta::source(text(k)))
        .or_else(|| {
            head.get(&["contentsource", "source", "og:article:source"])
                .map(str::to_string)
        })
        .or_else(|| {
            (0..n)
                .filter(|&k| is(k, &[R::Epaper]))
                .find_map(|k| meta::paper(text(k)))
        })
        .or_else(|| {
            // an e-paper's masthead line: 松原日报 2023年05月10日 星期三
            (0..n)
                .filter(|&k| is(k, &[R::Meta, R::Date]))
                .find_map(|k| {
                    meta::paper(text(k)).filter(|p| text(k).trim_start().starts_with(p.as_str()))
                })
        })
        .or_else(|| metas.iter().find_map(|&k| meta::office_author(text(k))))
        .or_else(|| {
            // the office that signs a dateline: 市生态环境局 2025-01-10
            (0..n)
                .filter(|&k| is(k, &[R::Meta, R::Date]))
                .find_map(|k| meta::dateline_office(text(k)))
        })
        .or_else(|| m.site.clone());
    m
}

#[cfg(test)]
mod tests;
