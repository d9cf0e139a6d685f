//! A front matter block at the top of a text file, as Markdown exports and
//! static sites write it (`---`, `title: 2021年益阳市政府工作报告`, `---`):
//! the page's own title and date, like an HTML page's `<head>`. Its lines
//! are metadata, not the article; the title's value stays, as the headline
//! line, so that the text still starts with its headline and maps back to
//! what was pasted.

use super::Why;
use super::layout::HeadMeta;
use super::lines::{Hint, Line};
use super::normalize::{LineBuilder, Range32};

/// The most lines a front matter block may have: a longer run of `key:
/// value` lines between two `---` rules is the article's.
const MAX_LINES: usize = 30;

/// Reads a front matter block at the start of `lines` (split from `input`):
/// its keys, lowercased, as the head's metas and its title as the head's
/// title; its lines marked as metadata, but the title line cut to its value.
/// A text without one is left as it is.
pub(crate) fn read(input: &str, lines: &mut Vec<Line>) -> HeadMeta {
    let mut head = HeadMeta::default();
    let rule = |l: &Line| l.text().trim() == "---";
    if !lines.first().is_some_and(rule) {
        return head;
    }
    let Some(close) = lines.iter().take(MAX_LINES + 2).skip(1).position(rule) else {
        return head;
    };
    let close = close + 1;
    // `key: value` lines, and `- item` lines continuing a list under a key
    let block = lines.get(1..close).unwrap_or_default();
    let is_item = |l: &Line| l.text().trim_start().starts_with("- ");
    if block.first().is_some_and(is_item) {
        return head;
    }
    let Some(fields) = block
        .iter()
        .enumerate()
        .filter(|(_, l)| !is_item(l))
        .map(|(k, l)| field(input, l).map(|f| (k + 1, f)))
        .collect::<Option<Vec<_>>>()
    else {
        return head;
    };
    let mut title_line = None;
    for (k, (key, (at, value))) in fields {
        if key == "title" && head.title.is_none() && !value.is_empty() {
            head.title = Some(value.to_string());
            title_line = Some((k, at, value.len()));
        }
        // `source: https://…` is where the page was found, not its 来源
        let url = value.starts_with("http://") || value.starts_with("https://");
        let key = if url { "url".to_string() } else { key };
        head.metas.push((key, value.to_string()));
    }
    for line in lines.iter_mut().take(close + 1) {
        line.hint.forced = Some(Why::FrontMatter);
    }
    if let Some((k, at, len)) = title_line {
        split_title(input, lines, k, at, at + len);
    }
    head
}

/// Splits line `k` into the value of its title, `input[start..end]`, the
/// headline, and what is before and after it (`title: "`, `"`), metadata:
/// every character stays somewhere, in the text or among the dropped lines.
fn split_title(input: &str, lines: &mut Vec<Line>, k: usize, start: usize, end: usize) {
    let Some(line) = lines.get(k) else {
        return;
    };
    let (from, to) = line.m.span();
    let brk = line.brk;
    let piece = |a: usize, b: usize, brk: Range32, hint: Hint| {
        let text = input.get(a..b).unwrap_or_default();
        let mut builder = LineBuilder::with_capacity(text.len());
        builder.push_str(text, a as u32);
        (!builder.is_empty()).then(|| Line::new(builder.finish(), brk, hint))
    };
    let meta = Hint {
        forced: Some(Why::FrontMatter),
        ..Hint::default()
    };
    let headline = Hint {
        headline: true,
        ..Hint::default()
    };
    let (start32, end32) = (start as u32, end as u32);
    let tail = piece(end, to as usize, brk, meta);
    let parts: Vec<Line> = [
        piece(from as usize, start, (start32, start32), meta),
        piece(
            start,
            end,
            if tail.is_some() { (end32, end32) } else { brk },
            headline,
        ),
        tail,
    ]
    .into_iter()
    .flatten()
    .collect();
    lines.splice(k..=k, parts);
}

/// A `key: value` line as pasted: the key lowercased, and the value with the
/// byte it starts at in `input`, without surrounding spaces and quotes.
fn field<'a>(input: &'a str, line: &Line) -> Option<(String, (usize, &'a str))> {
    let (start, end) = line.m.span();
    let raw = input.get(start as usize..end as usize)?;
    let (key, value) = raw.split_once(':')?;
    let key = key.trim();
    let is_key = !key.is_empty()
        && key.len() <= 40
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !is_key {
        return None;
    }
    let trimmed = value.trim();
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|q| trimmed.strip_prefix(*q)?.strip_suffix(*q))
        .unwrap_or(trimmed)
        .trim();
    // where the value starts in the input: after the key, the colon and
    // whatever spaces and quote came before it
    let at = start as usize + raw.len() - value.len() + value.find(unquoted).unwrap_or(0);
    Some((key.to_ascii_lowercase(), (at, unquoted)))
}

#[cfg(test)]
mod tests {
    use crate::clean::{CleanOptions, DropReason, clean};

    #[test]
    fn the_title_and_date_of_front_matter_are_the_pages() {
        let text = "---\nsource: https://www.yiyang.gov.cn/a.html\ntitle: 益阳市政府工作报告（2021年1月12日 张值恒）\ndate: \"2021-01-12\"\n---\n\n——2021年1月12日在益阳市第六届人民代表大会第五次会议上\n\n市人民政府市长 张值恒\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作，请予审议。今年地区生产总值增长8%以上。\n";
        let c = clean(text, &CleanOptions::default());
        assert_eq!(
            c.meta.title.as_deref(),
            Some("益阳市政府工作报告（2021年1月12日 张值恒）")
        );
        assert!(
            c.text
                .starts_with("益阳市政府工作报告（2021年1月12日 张值恒）\n"),
            "{}",
            c.text
        );
        assert_eq!(c.meta.date.as_deref(), Some("2021-01-12"));
        let rules: Vec<&str> = c
            .dropped
            .iter()
            .filter(|d| d.reason == DropReason::MetaLine)
            .map(|d| d.text.as_str())
            .collect();
        assert!(
            rules.starts_with(&["---", "source: https://www.yiyang.gov.cn/a.html"]),
            "{rules:?}"
        );
        // the headline maps back to the value as pasted
        let title_at = text.find("益阳市").unwrap_or_default();
        assert_eq!(c.alignment.runs[0].source.0, title_at);
    }

    #[test]
    fn a_quoted_title_leaves_its_quotes_among_the_dropped() {
        let text = "---\ntitle: \"2019年政府工作报告\"\n---\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n";
        let c = clean(text, &CleanOptions::default());
        assert_eq!(c.meta.title.as_deref(), Some("2019年政府工作报告"));
        assert!(
            c.text.starts_with("2019年政府工作报告\n各位代表："),
            "{}",
            c.text
        );
        let dropped: Vec<&str> = c.dropped.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dropped, ["---", "title: \"", "\"", "---"]);
    }

    #[test]
    fn rules_around_prose_are_not_front_matter() {
        for text in [
            "---\n今年地区生产总值增长8%以上。\n---\n正文。",
            "---\ntitle: 一个没有结束的块\n正文第一段，增长8%。",
            "正文。\n---\ntitle: 不在开头\n---\n",
        ] {
            let c = clean(text, &CleanOptions::default());
            assert_ne!(c.meta.title.as_deref(), Some("一个没有结束的块"), "{text}");
            assert_ne!(c.meta.title.as_deref(), Some("不在开头"), "{text}");
        }
    }
}
