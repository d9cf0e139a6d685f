//! The shape of a cleaned text: paragraphs, headings, sentences, clauses, and
//! the quoted stretches whose numbers are names (“1521”工程, “300米见绿”).

use crate::charset::CharSet;
use crate::numbers::{NUMERALS, UnitKind, unit_at};

/// A stretch of the text, by byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub start: usize,
    pub end: usize,
}

impl Part {
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The paragraphs of `text` (lines), joining a line that ends inside a figure
/// with the next (`在孵企业350` / `家以上。`).
pub fn paragraphs(text: &str) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut start = 0;
    // Line breaks found with `memchr`'s vector search: `match_indices`
    // steps through the text a word at a time.
    for i in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let part = Part { start, end: i };
        start = i + 1;
        if let Some(last) = out.last_mut()
            && cut_inside_figure(last.of(text), part.of(text))
        {
            last.end = part.end;
            continue;
        }
        if !part.of(text).trim().is_empty() {
            out.push(part);
        }
    }
    out
}

fn cut_inside_figure(before: &str, after: &str) -> bool {
    before.ends_with(|c: char| c.is_ascii_digit())
        && unit_at(after.trim_start()).is_some_and(|u| u.kind == UnitKind::Count)
}

/// The sentences of a paragraph and its short quotations and book titles,
/// appended to `sents` and `quotes`, in one pass over its bytes. A full
/// stop right before 以内/以下 is a copy error inside a figure (`6.5％。以内`),
/// not a sentence end. Numbers inside a quotation are names and slogans
/// (“1521”工程, “300米见绿”).
#[allow(
    clippy::string_slice,
    reason = "o, start and end are offsets of whole characters found in s, or its end"
)]
pub fn sentences_and_quotes(text: &str, para: Part, sents: &mut Vec<Part>, quotes: &mut Vec<Part>) {
    let s = para.of(text);
    let mut start = 0;
    let mut open: Option<(char, usize)> = None;
    let bytes = s.as_bytes();
    let mut i = 0;
    loop {
        // Characters are stepped over whole; most are CJK ideographs, led
        // by E4..=E9, and none of those is a mark: they are stepped over
        // first, in a loop of their own.
        while let Some(0xE4..=0xE9) = bytes.get(i) {
            i += 3;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let width = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0.. => 4,
            _ => 1,
        };
        let Some(c) = mark_at(bytes, i) else {
            i += width;
            continue;
        };
        let end = i + c.len_utf8();
        match (open, c) {
            (None, '“' | '《' | '"' | '「') => open = Some((c, i)),
            (Some(('“', o)), '”')
            | (Some(('《', o)), '》')
            | (Some(('"', o)), '"')
            | (Some(('「', o)), '」') => {
                if is_short(&s[o..i]) {
                    quotes.push(Part {
                        start: para.start + o,
                        end: para.start + end,
                    });
                }
                open = None;
            }
            _ => {}
        }
        let stop = match c {
            '。' => !["以内", "以下", "以上"]
                .iter()
                .any(|w| s.get(end..).is_some_and(|r| r.starts_with(w))),
            '；' | ';' | '！' | '？' | '!' | '?' | '\n' => true,
            _ => false,
        };
        if stop {
            if !s[start..end].trim().is_empty() {
                sents.push(Part {
                    start: para.start + start,
                    end: para.start + end,
                });
            }
            start = end;
        }
        i = end;
    }
    if start < s.len() && !s[start..].trim().is_empty() {
        sents.push(Part {
            start: para.start + start,
            end: para.end,
        });
    }
}

/// The mark that starts at byte `i`, of those that end a sentence or open or
/// close a quotation, read from its bytes: most characters of a paragraph
/// are none of them, and are not decoded.
fn mark_at(bytes: &[u8], i: usize) -> Option<char> {
    let c = match bytes.get(i..)? {
        [b @ (b';' | b'!' | b'?' | b'\n' | b'"'), ..] => char::from(*b),
        [0xE2, 0x80, 0x9C, ..] => '“',
        [0xE2, 0x80, 0x9D, ..] => '”',
        [0xE3, 0x80, 0x82, ..] => '。',
        [0xE3, 0x80, 0x8A, ..] => '《',
        [0xE3, 0x80, 0x8B, ..] => '》',
        [0xE3, 0x80, 0x8C, ..] => '「',
        [0xE3, 0x80, 0x8D, ..] => '」',
        [0xEF, 0xBC, 0x81, ..] => '！',
        [0xEF, 0xBC, 0x9B, ..] => '；',
        [0xEF, 0xBC, 0x9F, ..] => '？',
        _ => return None,
    };
    Some(c)
}

/// Whether a quotation is short enough to be a name or a slogan: at most
/// 40 characters, counted only when the bytes leave it open.
fn is_short(quoted: &str) -> bool {
    let short = match quoted.len() {
        0..=40 => true,
        161.. => false,
        _ => quoted.chars().count() <= 40,
    };
    // “今年，我们将力争增长7%以上。”: words someone said, read as any
    // sentence; a name or a slogan has no full stop
    short && !quoted.contains(['。', '！', '？', '；'])
}

/// Where the clause holding byte `at` of the text starts: after the last
/// comma or colon before it, or at the sentence start.
pub fn clause_start(text: &str, sentence: Part, at: usize) -> usize {
    let head = text.get(sentence.start..at).unwrap_or("").as_bytes();
    // '，' is EF BC 8C and '：' EF BC 9A: searched as bytes, from the end
    let mark = memchr::memrchr3_iter(b',', b':', 0xEF, head).find_map(|i| {
        let (end, colon) = match head.get(i..) {
            Some([b',', ..]) => (i + 1, false),
            Some([b':', ..]) => (i + 1, true),
            Some([0xEF, 0xBC, 0x8C, ..]) => (i + 3, false),
            Some([0xEF, 0xBC, 0x9A, ..]) => (i + 3, true),
            _ => return None,
        };
        let inside = colon && between_digits(text, sentence.start + i, sentence.start + end);
        (!inside).then_some(end)
    });
    sentence.start + mark.unwrap_or(0)
}

/// The text from the start of the clause holding byte `start` (after the
/// last comma, colon, stop or line break before it) to byte `end`.
pub fn clause_to(text: &str, start: usize, end: usize) -> &str {
    let head = text.get(..start).unwrap_or("");
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '，' | ',' | '：' | ':' | '。' | '；' | ';' | '\n'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    text.get(from..end).unwrap_or("")
}

/// A colon between digits is part of a figure (2.31:1, 10:15), not a
/// clause mark.
fn between_digits(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    start
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .is_some_and(u8::is_ascii_digit)
        && bytes.get(end).is_some_and(u8::is_ascii_digit)
}

/// Where the clause holding byte `at` ends: the next comma or colon, or the
/// sentence end.
pub fn clause_end(text: &str, sentence: Part, at: usize) -> usize {
    // Found by a byte scan: `str::find` with a list of characters decodes
    // each one, and this runs several times for every figure.
    static MARKS: CharSet = CharSet::of(&['，', ',', '：', ':', '。', '；', ';']);
    let tail = text.get(at..sentence.end).unwrap_or("");
    let mut from = 0;
    while let Some((i, c)) = MARKS.next_in(tail, from) {
        if !(matches!(c, '：' | ':') && between_digits(text, at + i, at + i + c.len_utf8())) {
            return at + i;
        }
        from = i + c.len_utf8();
    }
    sentence.end
}

/// A heading or a lead-in line: short, without a full stop, or numbered
/// (`一、2022年工作回顾`, `1 项目运作提效行动`, `2017年 经济社会发展 预期目标`).
pub fn is_heading(line: &str) -> bool {
    let t = strip_marks(line);
    // Only whether it has up to 40 characters matters: a line of more than
    // 160 bytes has more, and a paragraph is not counted through.
    let n = if t.len() > 160 { 41 } else { t.chars().count() };
    if n == 0 {
        return false;
    }
    if n <= 40 && numbered(t) && !t.contains(['，', ',']) {
        return true;
    }
    n <= 30 && !t.contains(['。', '；', '，', ',']) && !t.starts_with(['-', '•', '·'])
}

/// A numbered heading run into the paragraph after it, when the copy lost
/// the line break (`一、2013年工作回顾2013年，面对…`).
pub fn glued_heading(line: &str) -> Option<&str> {
    use std::sync::LazyLock;
    static GLUED: LazyLock<regex::Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"^\**(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^，。；,]*?(?:回顾|安排|目标|任务|成就|部署|打算|计划|重点工作|主要工作)+(?:(?:全面|基本|顺利|圆满|超额)?(?:完成|实现))?",
        )
    });
    let line = line.trim_start();
    // **一、…回顾**2012年，…, **（十）…取得新成效。**全区…: bold marks
    // say where a numbered heading ends, whatever its words.
    if let Some(inner) = line.strip_prefix("**")
        && let Some(close) = inner.find("**")
        && numbered(strip_marks(inner))
        && inner.get(..close).is_some_and(|h| h.chars().count() <= 50)
    {
        return line.get(..close + 4);
    }
    // Only a line numbered as both patterns begin (一、 or （一）, after any
    // asterisks) can be a glued heading: the patterns run on those alone, not
    // on every 一是… or （1）… paragraph.
    let unmarked = line.trim_start_matches('*');
    let (body, close) = match unmarked.strip_prefix('（') {
        Some(r) => (r, '）'),
        None => (unmarked, '、'),
    };
    let after = body.trim_start_matches(NUMERALS);
    if after.len() == body.len() || !after.starts_with(close) {
        return None;
    }
    // 一、凝心聚力，攻坚克难，经济社会发展稳中向好刚刚过去的2013年，面对…: a
    // heading of any words run into a review's opening, which says the section.
    static GLUED_REVIEW: LazyLock<regex::Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"^\**(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^。；;]{2,40}?(?:刚刚过去的|过去的?)(?:(?:19|20)[0-9]{2}年|一年)",
        )
    });
    // 一、“十四五”发展成就和2025年工作回顾“十四五”时期是…: a heading joining
    // two parts reads on through the second
    static JOINED: LazyLock<regex::Regex> = LazyLock::new(|| {
        crate::re::regex(
            r"^(?:和|及|暨|与|、)[^，。；,“”]{0,16}?(?:回顾|安排|目标|任务|成就|部署|打算|计划|重点工作|主要工作)",
        )
    });
    if let Some(m) = GLUED
        .find(line)
        .filter(|m| m.as_str().chars().count() <= 34)
    {
        let joined = line.get(m.end()..).and_then(|rest| JOINED.find(rest));
        return line.get(..m.end() + joined.map_or(0, |j| j.end()));
    }
    // The review's words are looked for first, with a SIMD search.
    memchr::memmem::find(line.as_bytes(), "过去".as_bytes())
        .and_then(|_| GLUED_REVIEW.find(line))
        .map(|m| m.as_str())
}

/// A line ending with a colon that introduces what follows
/// (`到2018年，我们将努力实现以下主要目标任务：`).
pub fn is_lead_in(line: &str) -> bool {
    let t = strip_marks(line);
    (t.ends_with('：') || t.ends_with(':')) && t.chars().count() <= 60
}

/// The length of the number that opens a list item (`（8）`, `(3)`, `3.`,
/// `12、`, `3）`, `二是`, `十一、`, `①`, `⑴`), or 0: it numbers the item and
/// names nothing.
pub fn ordinal_len(s: &str) -> usize {
    let Some(first) = s.chars().next() else {
        return 0;
    };
    if ('\u{2460}'..='\u{249B}').contains(&first) {
        return first.len_utf8();
    }
    let open = matches!(first, '（' | '(');
    let body_from = if open { first.len_utf8() } else { 0 };
    let rest = s.get(body_from..).unwrap_or("");
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let numerals: usize = rest
        .chars()
        .take_while(|c| NUMERALS.contains(c))
        .map(char::len_utf8)
        .sum();
    let (len, arabic) = match (digits, numerals) {
        (1..=2, _) => (digits, true),
        (0, 1..=6) => (numerals, false),
        _ => return 0,
    };
    let after = rest.get(len..).unwrap_or("");
    let Some(close) = after.chars().next() else {
        return 0;
    };
    let next = after.get(close.len_utf8()..).unwrap_or("");
    let closes = match close {
        '）' | ')' => true,
        // 一、二、三产业, 1、2号线: numbers listed, not a numbered item
        '、' => !open && !next.starts_with(|c: char| c.is_ascii_digit() || NUMERALS.contains(&c)),
        '.' | '．' => !open && arabic && !next.starts_with(|c: char| c.is_ascii_digit()),
        '是' => !open && !arabic,
        _ => false,
    };
    if closes {
        body_from + len + close.len_utf8()
    } else {
        0
    }
}

/// The level of a numbered heading: 1 for 一、, 2 for （一）, 3 for 1. and
/// （1）; 0 for a heading without a number.
pub fn heading_level(line: &str) -> usize {
    let t = strip_marks(line);
    if !numbered(t) {
        return 0;
    }
    match t.chars().next() {
        Some('（' | '(') => {
            if t.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
                3
            } else {
                2
            }
        }
        Some(c) if c.is_ascii_digit() => 3,
        Some('第') => 1,
        // 一是…, 二是…: points inside a section, below its （一）
        _ if t.chars().find(|c| !NUMERALS.contains(c)) == Some('是') => 3,
        _ => 1,
    }
}

fn numbered(t: &str) -> bool {
    let mut chars = t.chars();
    let first = chars.next();
    match first {
        Some(c) if NUMERALS.contains(&c) => {
            matches!(t.chars().find(|c| !NUMERALS.contains(c)), Some('、' | '是'))
        }
        Some('（' | '(') => t
            .chars()
            .nth(1)
            .is_some_and(|c| NUMERALS.contains(&c) || c.is_ascii_digit()),
        // (2012 年工作回顾: a year spaced from 年, not a number)
        Some(c) if c.is_ascii_digit() => {
            let mut after = t.trim_start_matches(|c: char| c.is_ascii_digit()).chars();
            matches!(after.next(), Some(' ' | '、' | '.' | '．' | '\u{3000}'))
                && !after
                    .next()
                    .is_some_and(|c| matches!(c, '年' | '月' | '日'))
        }
        Some('第') => t.contains("部分") || t.contains('章'),
        _ => false,
    }
}

/// The line without Markdown emphasis and list marks.
pub fn strip_marks(line: &str) -> &str {
    line.trim()
        .trim_matches(|c: char| c == '*' || c == '#' || c == '_' || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels() {
        assert_eq!(heading_level("一、2020年工作回顾"), 1);
        assert_eq!(heading_level("（三）持续发力创新名城建设"), 2);
        assert_eq!(heading_level("1 项目运作提效行动"), 3);
        assert_eq!(heading_level("10. 2022年市安排10件民生实事完成情况："), 3);
        // a year spaced from 年 is no list number
        assert_eq!(heading_level("2012 年工作回顾"), 0);
        assert_eq!(heading_level("**2013 年工作回顾**"), 0);
    }

    #[test]
    fn glued_headings_run_to_their_last_word() {
        assert_eq!(
            glued_heading("一、2000年工作和“九五”计划回顾2000年是承前启后的一年。"),
            Some("一、2000年工作和“九五”计划回顾")
        );
        assert_eq!(
            glued_heading("二、2014年工作安排2014年是全面深化改革的开局之年。"),
            Some("二、2014年工作安排")
        );
        assert_eq!(glued_heading("2000年是承前启后的一年。"), None);
        assert_eq!(
            glued_heading("**一、五次会议确定任务的完成情况和五年工作回顾**2012年，面对…"),
            Some("**一、五次会议确定任务的完成情况和五年工作回顾**")
        );
        assert_eq!(
            glued_heading("**（十）人民群众生活显著改善，和谐社会建设取得新成效。**全区…"),
            Some("**（十）人民群众生活显著改善，和谐社会建设取得新成效。**")
        );
    }

    #[test]
    fn marks_are_read_from_bytes_as_decoding_reads_them() {
        const MARKS: &str = ";!?\n\"“”。《》「」！；？";
        let s = "“十四五”，、。—…：（）％《规划》「x」！；？;!?\n\"a é𠀀年";
        for (i, c) in s.char_indices() {
            assert_eq!(
                mark_at(s.as_bytes(), i),
                MARKS.contains(c).then_some(c),
                "{c}"
            );
        }
        assert_eq!(mark_at(s.as_bytes(), s.len()), None);
    }

    #[test]
    fn a_figure_cut_by_a_line_break_stays_in_one_paragraph() {
        let text = "在孵企业350\n家以上。\n下一段";
        let p = paragraphs(text);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].of(text), "在孵企业350\n家以上。");
    }

    #[test]
    fn a_stranded_qualifier_does_not_end_the_sentence() {
        let text = "人口自然增长率控制在6.5％。以内。下一句。";
        let para = Part {
            start: 0,
            end: text.len(),
        };
        let (mut s, mut quotes) = (Vec::new(), Vec::new());
        sentences_and_quotes(text, para, &mut s, &mut quotes);
        assert_eq!(s[0].of(text), "人口自然增长率控制在6.5％。以内。");
    }

    #[test]
    fn glued_headings_are_read_only_after_a_heading_number() {
        let glued = [
            ("一、2013年工作回顾2013年，面对", Some("一、2013年工作回顾")),
            (
                "**（二）今年的主要任务和目标要求",
                Some("**（二）今年的主要任务和目标"),
            ),
            (
                "一、“十四五”发展成就和2025年工作回顾“十四五”时期是",
                Some("一、“十四五”发展成就和2025年工作回顾"),
            ),
            (
                "十一、凝心聚力，稳中向好刚刚过去的2013年，面对",
                Some("十一、凝心聚力，稳中向好刚刚过去的2013年"),
            ),
            (
                "一、开启新征程 实现“十四五”良好开局过去一年，我们",
                Some("一、开启新征程 实现“十四五”良好开局过去一年"),
            ),
            ("一是完成年度目标任务", None),
            ("（1）工作回顾", None),
            ("一、过去的一年", None),
            ("二、", None),
            ("（三", None),
        ];
        for (line, heading) in glued {
            assert_eq!(glued_heading(line), heading, "{line}");
        }
    }

    #[test]
    fn list_ordinals() {
        for (s, n) in [
            ("（8）城镇", "（8）".len()),
            ("(3)新增", 3),
            ("3.国家级", 2),
            ("12、新增", "12、".len()),
            ("3）建成", "3）".len()),
            ("二是新建", "二是".len()),
            ("十一、新增", "十一、".len()),
            ("①购置", "①".len()),
            ("（一）经济", "（一）".len()),
            ("3.5万人", 0),
            ("一、二、三产业", 0),
            ("1、2号线", 0),
            ("（一是", 0),
            ("第三产业", 0),
            ("2023年", 0),
            ("", 0),
        ] {
            assert_eq!(ordinal_len(s), n, "{s}");
        }
    }

    #[test]
    fn headings() {
        assert!(is_heading("一、2022年工作回顾"));
        assert!(is_heading("**一、过去五年工作回顾**"));
        assert!(is_heading("2017年 经济社会发展 预期目标"));
        assert!(is_heading("1 项目运作提效行动"));
        assert!(!is_heading("- 地区生产总值增长9%左右"));
        assert!(!is_heading("新建停车位1万个。"));
    }
}
