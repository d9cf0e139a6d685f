//! HTML to lines: a small tolerant tokenizer, enough for what a browser puts on the clipboard
//! as `text/html` and for a saved page's source. No tree is built and nothing recurses, so
//! ten thousand nested tags cost what ten thousand flat ones do.
//!
//! Block elements end lines, `<br>` ends a line, table cells are separated by a space;
//! `script style noscript template head select button textarea iframe svg` say nothing;
//! the text of `nav footer aside form` and of boxes whose class says share / breadcrumb /
//! related / comment / copyright becomes lines that are dropped with that reason, so the
//! reader still sees what was taken away. Every character keeps the byte range it came from
//! (an entity maps to the whole `&…;`).

use super::Why;
use super::layout::HeadMeta;
use super::lines::{Hint, Line};
use super::normalize::{LineBuilder, Range32};

/// Elements whose content is never text (`raw`: the tokenizer does not even look for tags in it).
fn silent(name: &str) -> Option<bool> {
    Some(match name {
        "script" | "style" | "textarea" | "xmp" | "iframe" | "noembed" | "noframes"
        | "noscript" | "title" => true,
        "head" | "template" | "select" | "button" | "svg" | "math" | "object" | "canvas"
        | "video" | "audio" | "map" => false,
        _ => return None,
    })
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "ul"
            | "caption"
            | "legend"
            | "body"
            | "html"
            | "option"
            | "frameset"
    )
}

fn forced_by_tag(name: &str) -> Option<Why> {
    match name {
        "nav" | "form" => Some(Why::Navigation),
        "footer" => Some(Why::Footer),
        "aside" => Some(Why::Related),
        _ => None,
    }
}

/// Readability and trafilatura read class names; we use only the unmistakable ones.
fn forced_by_class(class: &str) -> Option<Why> {
    let c = class.to_ascii_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| c.split([' ', '-', '_']).any(|t| t == *x));
    if has(&["share", "bdsharebuttonbox", "sharebox", "fenxiang"]) {
        Some(Why::Share)
    } else if has(&[
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "location",
        "position",
        "weizhi",
    ]) {
        Some(Why::Breadcrumb)
    } else if has(&["related", "xgxw", "xgwz", "relate", "recommend", "tuijian"]) {
        Some(Why::Related)
    } else if has(&["comment", "comments", "pinglun"]) {
        Some(Why::Comment)
    } else if has(&["copyright", "footer", "foot", "bottom"]) {
        Some(Why::Footer)
    } else {
        None
    }
}

/// One open element.
struct Open {
    name: String,
    hint: Hint,
    silent: bool,
    pre: bool,
}

struct Builder {
    lines: Vec<Line>,
    cur: LineBuilder,
    cur_hint: Hint,
    /// Where the current line's break will be placed (the tag that ends it).
    stack: Vec<Open>,
}

impl Builder {
    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    fn silent(&self) -> bool {
        self.top().is_some_and(|o| o.silent)
    }

    fn hint(&self) -> Hint {
        self.top().map(|o| o.hint).unwrap_or_default()
    }

    fn pre(&self) -> bool {
        self.top().is_some_and(|o| o.pre)
    }

    fn text(&mut self, c: char, r: Range32) {
        if self.silent() {
            return;
        }
        if self.cur.is_empty() {
            self.cur_hint = self.hint();
        }
        if c == '\n' && self.pre() {
            self.brk(r);
            return;
        }
        // HTML collapses its own whitespace; NBSP and the like are handled by normalization
        let c = if matches!(c, '\n' | '\r' | '\t' | '\x0C') {
            ' '
        } else {
            c
        };
        self.cur.push(c, r);
    }

    fn brk(&mut self, at: Range32) {
        let done = std::mem::take(&mut self.cur);
        if !done.is_empty() {
            self.lines
                .push(Line::new(done.finish(), (at.0, at.0), self.cur_hint));
        }
    }

    fn push(&mut self, name: &str, class: Option<&str>, style_hidden: bool) {
        let parent = self.top();
        let mut hint = parent.map(|o| o.hint).unwrap_or_default();
        let mut silent = parent.is_some_and(|o| o.silent) || style_hidden;
        let pre = parent.is_some_and(|o| o.pre) || name == "pre";
        if let Some(_raw) = self::silent(name) {
            silent = true;
        }
        if hint.forced.is_none() {
            hint.forced = forced_by_tag(name).or_else(|| class.and_then(forced_by_class));
        }
        if let [b'h', d @ b'1'..=b'6'] = name.as_bytes() {
            hint.heading = d - b'0'
        }
        match name {
            "li" | "dt" | "dd" => hint.list_item = true,
            "tr" => hint.table_row = true,
            _ => {}
        }
        self.stack.push(Open {
            name: name.to_string(),
            hint,
            silent,
            pre,
        });
    }

    /// Closes `name` if it is open near the top; a stray end tag is ignored. The search is
    /// bounded so that a page of unclosed tags stays linear.
    #[allow(clippy::indexing_slicing, reason = "k ranges below the stack's length")]
    fn pop(&mut self, name: &str) {
        let depth = self.stack.len();
        let lo = depth.saturating_sub(64);
        if let Some(k) = (lo..depth).rev().find(|&k| self.stack[k].name == name) {
            self.stack.truncate(k);
        }
    }
}

/// Decodes one character reference starting at `s[0] == '&'`: the characters and the bytes
/// used, or `None` when it is no reference (the `&` is then literal).
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "s starts with '&'; the cuts are after ASCII bytes counted in s"
)]
fn entity(s: &str) -> Option<(Vec<char>, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, start) = if matches!(b.get(2), Some(b'x' | b'X')) {
            (true, 3)
        } else {
            (false, 2)
        };
        let digits = b[start..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let num = &s[start..start + digits];
        let v = u32::from_str_radix(num, if hex { 16 } else { 10 }).unwrap_or(0xFFFD);
        let c = match v {
            0 => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        let mut used = start + digits;
        if b.get(used) == Some(&b';') {
            used += 1;
        }
        return Some((vec![c], used));
    }
    let name_len = b[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    let semi = b.get(1 + name_len) == Some(&b';');
    let c = match name {
        "nbsp" => '\u{A0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "copy" => '©',
        "reg" => '®',
        _ if !semi => return None,
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "trade" => '™',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "deg" => '°',
        "plusmn" => '±',
        "permil" => '‰',
        "yen" => '¥',
        "emsp" => '\u{2003}',
        "ensp" => '\u{2002}',
        "thinsp" => '\u{2009}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "shy" => '\u{AD}',
        "rarr" => '→',
        "larr" => '←',
        "uarr" => '↑',
        "darr" => '↓',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "sect" => '§',
        "para" => '¶',
        "cent" => '¢',
        "pound" => '£',
        "euro" => '€',
        _ => return None,
    };
    Some((vec![c], 1 + name_len + usize::from(semi)))
}

/// Pushes decoded text `s` found at byte `base` of the input.
#[allow(
    clippy::string_slice,
    reason = "i only advances by whole characters or by an entity's length, both within s"
)]
fn push_text(b: &mut Builder, s: &str, base: usize) {
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let Some(c) = rest.chars().next() else { break };
        if c == '&'
            && let Some((cs, used)) = entity(rest)
        {
            let r = ((base + i) as u32, (base + i + used) as u32);
            for c in cs {
                b.text(c, r);
            }
            i += used;
            continue;
        }
        let r = ((base + i) as u32, (base + i + c.len_utf8()) as u32);
        b.text(c, r);
        i += c.len_utf8();
    }
}

/// Decodes entities of an attribute value.
#[allow(
    clippy::string_slice,
    reason = "i only advances by whole characters or by an entity's length, both within s"
)]
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let Some(c) = rest.chars().next() else { break };
        if c == '&'
            && let Some((cs, used)) = entity(rest)
        {
            out.extend(cs);
            i += used;
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// A parsed start tag.
struct Tag<'a> {
    name: String,
    attrs: Vec<(String, &'a str, usize)>,
    end: usize,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|a| a.0 == name).map(|a| a.1)
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// Parses `<name attr=…>` starting at `at` (`s[at] == '<'`).
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "every b[i] is behind an i < b.len() test, and every cut is at an ASCII byte or the end"
)]
fn start_tag(s: &str, at: usize) -> Tag<'_> {
    let b = s.as_bytes();
    let mut i = at + 1;
    let n0 = i;
    while i < b.len() && !is_ws(b[i]) && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = s[n0..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (is_ws(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        let a0 = i;
        while i < b.len() && !is_ws(b[i]) && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        // a lone '=' or quote would stall the loop: step over it
        let aname = if i == a0 {
            i += 1;
            String::new()
        } else {
            s[a0..i].to_ascii_lowercase()
        };
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            let (v0, v1);
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                v0 = i + 1;
                let close = b[v0..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| v0 + p);
                v1 = close;
                i = (close + 1).min(b.len());
            } else {
                v0 = i;
                while i < b.len() && !is_ws(b[i]) && b[i] != b'>' {
                    i += 1;
                }
                v1 = i;
            }
            // the quote characters are ASCII, so v0..v1 lie on character boundaries
            attrs.push((aname, s.get(v0..v1).unwrap_or(""), v0));
        } else if !aname.is_empty() {
            attrs.push((aname, "", i));
        }
    }
    Tag {
        name,
        attrs,
        end: i,
    }
}

/// Position of the case-insensitive `</name` at or after `from`, or the end of input.
fn find_close(s: &str, from: usize, name: &str) -> usize {
    let b = s.as_bytes();
    let nb = name.as_bytes();
    let mut i = from;
    while let Some(p) = b.get(i..).and_then(|t| t.iter().position(|&c| c == b'<')) {
        let at = i + p;
        if b.get(at + 1) == Some(&b'/')
            && b.get(at + 2..at + 2 + nb.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(nb))
            && b.get(at + 2 + nb.len())
                .is_none_or(|&c| is_ws(c) || c == b'>' || c == b'/')
        {
            return at;
        }
        i = at + 1;
    }
    s.len()
}

fn find_from(s: &str, from: usize, pat: &str) -> Option<usize> {
    s.get(from..).and_then(|t| t.find(pat)).map(|p| from + p)
}

/// Turns HTML into lines plus what its `<head>` says.
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "every cut is at a '<' or at the start or end of a marker found by search in s, clamped to s.len()"
)]
pub(crate) fn lines(s: &str) -> (Vec<Line>, HeadMeta) {
    let mut b = Builder {
        lines: Vec::new(),
        cur: LineBuilder::default(),
        cur_hint: Hint::default(),
        stack: Vec::new(),
    };
    let mut head = HeadMeta::default();
    let bytes = s.as_bytes();
    // the Windows clipboard prefixes its HTML with "Version:0.9 StartHTML:…" lines
    let mut i = if s.trim_start().starts_with("Version:") {
        s.find('<').unwrap_or(s.len())
    } else {
        0
    };
    while i < bytes.len() {
        let Some(p) = bytes[i..].iter().position(|&c| c == b'<') else {
            push_text(&mut b, &s[i..], i);
            break;
        };
        if p > 0 {
            push_text(&mut b, &s[i..i + p], i);
        }
        let at = i + p;
        let rest = &s[at..];
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        if rest.starts_with("<!--") {
            i = find_from(s, at + 4, "-->").map_or(s.len(), |e| e + 3);
        } else if rest.starts_with("<![CDATA[") {
            let end = find_from(s, at + 9, "]]>").unwrap_or(s.len());
            push_text(&mut b, &s[at + 9..end], at + 9);
            i = (end + 3).min(s.len());
        } else if next == b'!' || next == b'?' {
            i = find_from(s, at, ">").map_or(s.len(), |e| e + 1);
        } else if next == b'/' && bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic) {
            let e = find_from(s, at, ">").map_or(s.len(), |e| e + 1);
            let name: String = s[at + 2..e]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if is_block(&name) || name == "br" {
                b.brk((at as u32, e as u32));
            }
            b.pop(&name);
            i = e;
        } else if next.is_ascii_alphabetic() {
            let tag = start_tag(s, at);
            let name = tag.name.clone();
            i = tag.end;
            if name == "meta" {
                let key = tag
                    .attr("name")
                    .or(tag.attr("property"))
                    .or(tag.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, tag.attr("content")) {
                    head.metas.push((k.to_ascii_lowercase(), decode(v)));
                }
                continue;
            }
            if matches!(
                name.as_str(),
                "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option"
            ) {
                // these close an open sibling of their kind
                let sib: &[&str] = match name.as_str() {
                    "td" | "th" => &["td", "th"],
                    "dt" | "dd" => &["dt", "dd"],
                    other => std::slice::from_ref(match other {
                        "p" => &"p",
                        "li" => &"li",
                        "tr" => &"tr",
                        _ => &"option",
                    }),
                };
                if b.top().is_some_and(|o| sib.contains(&o.name.as_str())) {
                    b.stack.pop();
                }
            }
            if is_block(&name) || name == "br" {
                b.brk((at as u32, tag.end as u32));
            }
            if matches!(name.as_str(), "td" | "th") && !b.cur.is_empty() {
                b.text(' ', (at as u32, at as u32));
            }
            if name == "img"
                && !b.silent()
                && let Some((alt, v0)) = tag.attrs.iter().find(|a| a.0 == "alt").map(|a| (a.1, a.2))
                && !alt.trim().is_empty()
            {
                b.brk((at as u32, at as u32));
                let saved = b.stack.len();
                let mut hint = b.hint();
                hint.image = true;
                b.stack.push(Open {
                    name: "img".into(),
                    hint,
                    silent: false,
                    pre: false,
                });
                push_text(&mut b, alt, v0);
                b.brk((tag.end as u32, tag.end as u32));
                b.stack.truncate(saved);
            }
            let hidden = tag.attr("hidden").is_some()
                || tag.attr("style").is_some_and(|st| {
                    let st: String = st
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    st.contains("display:none") || st.contains("visibility:hidden")
                });
            let self_closing = s[..tag.end].ends_with("/>");
            if let Some(true) = silent(&name) {
                // raw text: the content is not markup
                let close = find_close(s, tag.end, &name);
                if name == "title" {
                    head.title = Some(
                        decode(&s[tag.end..close])
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
                i = find_from(s, close, ">").map_or(s.len(), |e| e + 1);
                continue;
            }
            if !is_void(&name) && !self_closing {
                b.push(&name, tag.attr("class").or(tag.attr("id")), hidden);
            }
        } else {
            b.text('<', (at as u32, at as u32 + 1));
            i = at + 1;
        }
    }
    b.brk((s.len() as u32, s.len() as u32));
    (b.lines, head)
}

/// Whether pasted input is HTML rather than text.
#[allow(
    clippy::indexing_slicing,
    reason = "end is at most t.len(), moved back to a character boundary"
)]
pub(crate) fn looks_like_html(s: &str) -> bool {
    let blank = |c: char| c.is_whitespace() || c == '\u{FEFF}';
    let mut t = s.trim_start_matches(blank);
    // A comment opens saved pages (<!-- saved from url=… -->) and Markdown files
    // alike: what follows it tells which.
    while let Some(rest) = t.strip_prefix("<!--") {
        match rest.find("-->") {
            Some(end) => {
                t = rest
                    .get(end + 3..)
                    .unwrap_or_default()
                    .trim_start_matches(blank)
            }
            None => return true,
        }
    }
    let head: String = t.chars().take(64).collect::<String>().to_ascii_lowercase();
    if head.starts_with("version:") && s.contains("StartHTML:") {
        return true;
    }
    let starts = ["<!doctype", "<html", "<head", "<body", "<meta"];
    if starts.iter().any(|p| head.starts_with(p)) {
        return true;
    }
    // a front matter block opens a Markdown or text file, whatever tags its
    // body holds (a table's cells broken with <br>)
    if head.starts_with("---\n") || head.starts_with("---\r\n") {
        return false;
    }
    // otherwise: opening with a tag and carrying a few more of the common ones
    const TAGS: &[&str] = &[
        "<p", "<div", "<span", "<br", "<a ", "<img", "<table", "<td", "<li", "<h1", "<h2", "<h3",
        "<section", "<article", "<strong", "<font", "</p>", "</div>", "</span>",
    ];
    let mut end = t.len().min(1 << 16);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    // Every tag starts with `<` and holds no other, so its occurrences are
    // the `<`s that open it: one walk over the `<`s counts them all, without
    // a pass per tag over a lower-cased copy (tags are lower-case ASCII).
    // memchr finds the `<`s: a plain text has none, and testing its 64 KB
    // byte by byte was a tenth of cleaning it. `end` is at most `t.len()`.
    let bytes = &t.as_bytes()[..end];
    let count: usize = memchr::memchr_iter(b'<', bytes)
        .map(|i| {
            let rest = bytes.get(i..).unwrap_or_default();
            TAGS.iter()
                .filter(|tag| {
                    rest.get(..tag.len())
                        .is_some_and(|b| b.eq_ignore_ascii_case(tag.as_bytes()))
                })
                .count()
        })
        .sum();
    (t.starts_with('<') && count >= 2) || count >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        lines(s).0.into_iter().map(|l| l.m.text).collect()
    }

    #[test]
    fn blocks_and_br() {
        assert_eq!(
            texts("<div>甲<p>乙<br>丙</p>丁</div>"),
            ["甲", "乙", "丙", "丁"]
        );
    }

    #[test]
    fn inline_spans_join() {
        assert_eq!(
            texts("<p>增长<span style=\"color:red\">23.5</span>%</p>"),
            ["增长23.5%"]
        );
    }

    #[test]
    fn entities() {
        assert_eq!(
            texts(
                "<p>&ldquo;六大&rdquo;&#12298;行动&#x300B;&nbsp;A&amp;B &#x34;.2 &bogus; &lt;</p>"
            ),
            ["“六大”《行动》 A&B 4.2 &bogus; <"]
        );
    }

    #[test]
    fn script_style_and_comments_say_nothing() {
        let h = "<style>p{x:1}</style><script>if(a<b){document.write('<p>x</p>')}</script><!-- c --><p>正文</p><noscript>请开启</noscript>";
        assert_eq!(texts(h), ["正文"]);
    }

    #[test]
    fn nav_footer_are_marked() {
        let (ls, _) = lines("<nav><a>首页</a></nav><p>正文</p><footer>版权所有</footer>");
        let r: Vec<_> = ls
            .iter()
            .map(|l| (l.m.text.as_str(), l.hint.forced))
            .collect();
        assert_eq!(
            r,
            [
                ("首页", Some(Why::Navigation)),
                ("正文", None),
                ("版权所有", Some(Why::Footer))
            ]
        );
    }

    #[test]
    fn title_and_meta() {
        let (_, h) = lines(
            "<head><title>标题_某某网</title><meta name=\"PubDate\" content=\"2023-10-27 10:45\"></head>",
        );
        assert_eq!(h.title.as_deref(), Some("标题_某某网"));
        assert_eq!(h.get(&["pubdate"]), Some("2023-10-27 10:45"));
    }

    #[test]
    fn table_cells() {
        assert_eq!(
            texts("<table><tr><td>指标</td><td>增速</td></tr><tr><td>GDP<td>4.7%</tr></table>"),
            ["指标 增速", "GDP 4.7%"]
        );
    }

    #[test]
    fn img_alt_is_an_image_line() {
        let (ls, _) = lines("<p>甲</p><img src=a.jpg alt=\"码头\"><p>乙</p>");
        assert!(ls[1].hint.image);
        assert_eq!(ls[1].m.text, "码头");
    }

    #[test]
    fn map_points_into_source() {
        let s = "<p>A&amp;B</p>";
        let (ls, _) = lines(s);
        assert_eq!(ls[0].m.char_map(), vec![(3, 4), (4, 9), (9, 10)]);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let s = "<div>".repeat(100_000) + "深" + &"</div>".repeat(100_000);
        assert_eq!(texts(&s), ["深"]);
    }

    #[test]
    fn broken_markup_is_tolerated() {
        for s in [
            "<",
            "<p",
            "<p class=\"x",
            "</",
            "<!--",
            "<![CDATA[",
            "&#",
            "&#x;",
            "<a href='x>y</a>",
            "<p =>x",
            "<<>>",
        ] {
            let _ = lines(s);
        }
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("<meta charset='utf-8'><div>x</div>"));
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("<p>甲</p><p>乙</p>"));
        assert!(!looks_like_html("开发区科学规划谋新篇\n时间:2017"));
        assert!(!looks_like_html("增长率<5%的企业"));
        let table = "| 1 | 食品安全 | **已完成。**<br>（1）<br>（2）<br>（3） |\n".repeat(3);
        assert!(looks_like_html(&table));
        assert!(!looks_like_html(&format!(
            "---\ntitle: 政府工作报告\n---\n{table}"
        )));
        // a comment opens both; what follows it decides
        assert!(looks_like_html(
            "<!-- saved from url=(0041)http://www.example.gov.cn/ -->\n<html><body><p>正文</p>"
        ));
        assert!(!looks_like_html(
            "<!-- 新华社北京2009年3月14日电 -->\n\n**政府工作报告**\n——2009年3月5日在第十一届全国人民代表大会第二次会议上"
        ));
        assert!(looks_like_html("<!-- an unclosed comment"));
    }
}
