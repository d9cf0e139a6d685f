//! Lines: what both input kinds are turned into before any decision is made, and the shape
//! features the decisions read.

use super::Why;
use super::normalize::{LineBuilder, Mapped, Range32};

/// What the markup said about a line (all default for plain text).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Hint {
    /// Inside `<nav>`, `<footer>`, `<aside>`, a share box…: dropped with this reason.
    pub forced: Option<Why>,
    /// `1..=6` inside `<h1>`..`<h6>`.
    pub heading: u8,
    pub list_item: bool,
    pub table_row: bool,
    /// The `alt` text of an image.
    pub image: bool,
    /// The page's own metadata names this line its headline (a front matter
    /// `title`): the title, whatever it looks like.
    pub headline: bool,
}

/// One non-empty normalized line.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub m: Mapped,
    /// Original bytes of the line break that follows it (empty when there is none, or when the
    /// break came from markup).
    pub brk: Range32,
    pub hint: Hint,
    /// The user took this line back: it stays whatever it looks like.
    pub keep: bool,
    /// The shape of `m.text`, kept in step with it.
    pub shape: Shape,
    /// What `chrome::classify` said, once asked; cleared when the text changes.
    pub verdict: std::cell::OnceCell<Option<super::chrome::Verdict>>,
}

impl Line {
    pub fn new(m: Mapped, brk: Range32, hint: Hint) -> Line {
        let shape = Shape::of(&m.text);
        Line {
            m,
            brk,
            hint,
            keep: false,
            shape,
            verdict: std::cell::OnceCell::new(),
        }
    }

    /// The chrome verdict of this line, computed once.
    pub fn verdict(&self) -> Option<super::chrome::Verdict> {
        *self
            .verdict
            .get_or_init(|| super::chrome::classify(self, &self.shape))
    }

    pub fn text(&self) -> &str {
        &self.m.text
    }
}

/// Splits plain text into normalized lines (`\n`, `\r\n`, `\r`, U+2028/2029 all end a line).
#[allow(
    clippy::string_slice,
    reason = "start and nl are line-break positions found by search, or the end"
)]
pub(crate) fn split_text(input: &str) -> Vec<Line> {
    // about a line per break: a line is large, and a growing vector copies them all
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', input.as_bytes()).count() + 1);
    let end = input.len();
    let mut start = 0;
    while start < end {
        let nl = next_break(input, start);
        let brk_end = match input[nl..].chars().next() {
            Some('\r') if input.as_bytes().get(nl + 1) == Some(&b'\n') => nl + 2,
            Some(c) => nl + c.len_utf8(),
            None => end,
        };
        let mut b = LineBuilder::with_capacity(nl - start);
        b.push_str(&input[start..nl], start as u32);
        if !b.is_empty() {
            lines.push(Line::new(
                b.finish(),
                (nl as u32, brk_end as u32),
                Hint::default(),
            ));
        }
        start = brk_end.max(start + 1);
    }
    lines
}

/// The byte offset of the first line break at or after `from` (`\n`, `\r`, U+2028, U+2029,
/// U+0085), or the end. Searched as bytes: this runs over every pasted byte.
fn next_break(input: &str, from: usize) -> usize {
    let rest = input.as_bytes().get(from..).unwrap_or_default();
    let hard = memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9, U+0085 is C2 85
    let before = rest.get(..hard).unwrap_or_default();
    let at = |i: usize| before.get(i).copied().unwrap_or(0);
    let soft = memchr::memchr2_iter(0xE2, 0xC2, before).find(|&i| match at(i) {
        0xE2 => at(i + 1) == 0x80 && matches!(at(i + 2), 0xA8 | 0xA9),
        _ => at(i + 1) == 0x85,
    });
    from + soft.unwrap_or(hard)
}

/// The words of a Markdown headline line: `# 标题` (one to six `#` and a space) or a line
/// that is bold and nothing else (`**政府工作报告**`), as documents converted to Markdown set
/// their titles. `None` for any other line.
pub(crate) fn markdown_headline(line: &str) -> Option<&str> {
    let t = line.trim();
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        let rest = t.get(hashes..)?;
        let words = rest.trim_start_matches([' ', '\u{3000}']);
        return (words.len() < rest.len() && !words.is_empty()).then_some(words);
    }
    let words = t.strip_prefix("**")?.strip_suffix("**")?;
    (!words.is_empty() && !words.contains("**")).then_some(words.trim())
}

/// Sentence-final marks; a closing quote or bracket after one of them still ends the sentence.
pub(crate) fn is_final(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '；' | ';')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\''
    )
}

/// Clause marks inside a sentence.
fn is_clause(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | ',' | ';')
}

/// Shape of a line, computed once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shape {
    /// The line without spaces: chrome like "分 享 至 手 机" is matched on this.
    pub compact: String,
    /// Characters of `compact`.
    pub len: usize,
    pub han: usize,
    pub clause: usize,
    pub stops: usize,
    pub ends_sentence: bool,
    /// Starts like a heading or list item: 一、 （一） 1. 1、 （1） ● - 第一条…
    pub marker: bool,
}

impl Shape {
    pub fn of(text: &str) -> Shape {
        let mut s = Shape {
            compact: String::with_capacity(text.len()),
            marker: super::chrome::starts_with_marker(text),
            ..Shape::default()
        };
        s.extend(text);
        s
    }

    /// The shape of this line with `more` appended (what joining two lines gives), in time
    /// proportional to `more`.
    pub fn extend(&mut self, more: &str) {
        // a digit before a comma may end the part already counted
        let mut prev_digit = self.compact.ends_with(|c: char| c.is_ascii_digit());
        let b = more.as_bytes();
        // the stretches between spaces, found with memchr, copied whole
        let mut from = 0;
        for space in memchr::memchr_iter(b' ', b).chain([b.len()]) {
            self.compact
                .push_str(more.get(from..space).unwrap_or_default());
            from = space + 1;
        }
        // counted in locals, which stay in registers, and added at the end
        let (mut len, mut han, mut stops, mut clause) = (0, 0, 0, 0);
        let mut i = 0;
        while let Some(&lead) = b.get(i) {
            // U+4E00..=U+9FFF, most characters of a page: led by E5..=E9, or E4 B8..=E4 BF
            if (0xE5..=0xE9).contains(&lead) || (lead == 0xE4 && b.get(i + 1) >= Some(&0xB8)) {
                len += 1;
                han += 1;
                prev_digit = false;
                i += 3;
                continue;
            }
            // digits and ASCII punctuation are the next most common: no decoding for them
            let c = if lead.is_ascii() {
                char::from(lead)
            } else if let Some(c) = more.get(i..).and_then(|r| r.chars().next()) {
                c
            } else {
                break;
            };
            i += c.len_utf8();
            if c == ' ' {
                continue;
            }
            len += 1;
            // punctuation first: it is most of what is left, and no mark is Han
            if matches!(c, '。' | '！' | '？' | '!' | '?') {
                stops += 1;
            } else if is_clause(c) {
                // "1,000" is a number, not a clause
                let next_digit = b
                    .get(i..)
                    .and_then(|r| r.iter().find(|&&x| x != b' '))
                    .is_some_and(u8::is_ascii_digit);
                if !(c == ',' && prev_digit && next_digit) {
                    clause += 1;
                }
            } else if is_han(c) {
                han += 1;
            }
            prev_digit = c.is_ascii_digit();
        }
        self.len += len;
        self.han += han;
        self.stops += stops;
        self.clause += clause;
        let mut tail = self.compact.chars().rev();
        self.ends_sentence = match tail.next() {
            Some(c) if is_final(c) => true,
            Some('.') => tail.next().is_some_and(|p| !p.is_ascii_alphanumeric()),
            Some(c) if is_closer(c) => tail.next().is_some_and(is_final),
            _ => false,
        };
    }

    /// A line of running prose: long enough and punctuated like a sentence.
    pub fn is_prose(&self) -> bool {
        (self.len >= 15 && self.ends_sentence && self.han * 2 >= self.len)
            || (self.len >= 40 && self.clause >= 3 && self.han * 2 >= self.len)
    }
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_blank_lines() {
        let ls = split_text("甲\r\n\r\n乙\r丙\n");
        let t: Vec<&str> = ls.iter().map(|l| l.text()).collect();
        assert_eq!(t, ["甲", "乙", "丙"]);
        assert_eq!(ls[0].brk, (3, 5));
        assert_eq!(ls[1].brk, (10, 11));
    }

    #[test]
    fn nbsp_only_line_is_blank() {
        assert!(split_text("\u{a0}\u{a0}\n\u{3000}").is_empty());
    }

    #[test]
    fn sentence_end_through_closing_quote() {
        assert!(Shape::of("他说：“要抓落实。”").ends_sentence);
        assert!(Shape::of("愿意撸起袖子加油干?").ends_sentence);
        assert!(!Shape::of("打造国家中心").ends_sentence);
        assert!(!Shape::of("版本v1.").ends_sentence);
    }

    #[test]
    fn thousands_comma_is_not_a_clause() {
        assert_eq!(Shape::of("共1,000人，其中").clause, 1);
        assert_eq!(Shape::of("共1, 000人").clause, 0);
        let mut s = Shape::of("共1");
        s.extend(",000人");
        assert_eq!(s.clause, 0);
    }

    #[test]
    fn shape_counts_characters() {
        let s = Shape::of("一 二三abc。𠀀㐀，");
        assert_eq!((s.len, s.han, s.stops, s.clause), (10, 5, 1, 1));
        assert_eq!(s.compact, "一二三abc。𠀀㐀，");
    }

    #[test]
    fn every_line_break() {
        let t: Vec<String> = split_text("甲\u{2028}乙\u{2029}丙\u{85}丁\u{2027}戊")
            .iter()
            .map(|l| l.text().to_string())
            .collect();
        assert_eq!(t, ["甲", "乙", "丙", "丁\u{2027}戊"]);
    }
}
