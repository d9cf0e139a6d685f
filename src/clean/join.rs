//! Paragraph repair: a sentence that the copy broke across lines (or across blank lines) is
//! one line again; a paragraph that really ends, a heading and a list item stay as they are.

use std::sync::LazyLock;

use regex::Regex;

use super::chrome;
use super::lines::{Line, Shape};

/// "…为郑州建设国家中心城市增光添彩。记者 范光华 景静": a paragraph that ends with its byline is
/// finished even though it has no final stop.
static TRAILING_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::regex(
        r"(?:记者|通讯员|实习生|摄影|编辑|作者)[\s:：]+\p{Han}{2,4}(?:[\s、]+\p{Han}{2,4}){0,4}[)）]?$",
    )
});

/// The last `n` characters of `s`.
#[allow(clippy::string_slice, reason = "at comes from char_indices of s")]
fn tail(s: &str, n: usize) -> &str {
    let at = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[at..]
}

/// Short pieces are at most this many characters (without spaces).
const SHORT: usize = 25;

/// A heading the copy marked as Markdown (`## 一、2019年工作回顾`): a heading
/// in pasted text as much as an `<h2>` is in HTML.
fn marked_heading(line: &Line) -> bool {
    let t = line.text().trim_start();
    let level = t.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&level) && t.as_bytes().get(level) == Some(&b' ')
}

fn blocked(line: &Line, s: &Shape) -> bool {
    line.hint.heading > 0
        || marked_heading(line)
        || line.hint.table_row
        || line.hint.image
        || line.hint.list_item
        || s.marker
}

/// A line that stops in the middle of a sentence.
fn open(line: &Line, s: &Shape) -> bool {
    if line.hint.heading > 0 || marked_heading(line) || line.hint.table_row || line.hint.image {
        return false;
    }
    let last = s.compact.chars().next_back().unwrap_or('。');
    s.len >= 15
        && !s.ends_sentence
        && !matches!(last, '：' | ':' | '”' | '）' | ')' | '】' | '》')
        && (s.clause >= 1 || s.len >= SHORT)
        && s.han * 2 >= s.len
        && !TRAILING_BYLINE.is_match(tail(line.text(), 40))
}

/// How many of the following lines finish the open sentence.
fn absorb(rest: &[Line]) -> Option<usize> {
    let first = rest.first()?;
    let s = &first.shape;
    if blocked(first, s) {
        return None;
    }
    if s.ends_sentence || s.len >= SHORT {
        return Some(1);
    }
    // a run of short unpunctuated pieces joins only when a short piece that ends the sentence
    // closes it; before a long paragraph the pieces are headings
    for k in 1..=3 {
        let next = rest.get(k)?;
        let s = &next.shape;
        if blocked(next, s) {
            return None;
        }
        if s.ends_sentence && s.len < SHORT {
            return Some(k + 1);
        }
        if s.ends_sentence || s.len >= SHORT {
            return None;
        }
    }
    None
}

fn glue(cur: &mut Line, next: &Line) {
    let a = cur.m.text.chars().next_back();
    let b = next.m.text.chars().next();
    // words of Latin script keep a space between them; Chinese and numbers do not
    if a.is_some_and(|c| c.is_ascii_alphabetic()) && b.is_some_and(|c| c.is_ascii_alphabetic()) {
        cur.m.push(' ', cur.brk);
    }
    cur.m.append(&next.m);
    cur.brk = next.brk;
    cur.verdict = std::cell::OnceCell::new();
}

/// Joins broken sentences. Linear: the shape of a growing line is extended, not recomputed,
/// and only its new end is searched.
pub(crate) fn join(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut rest = lines.into_iter().peekable();
    // a small window of lines ahead, for `absorb`
    let mut ahead: std::collections::VecDeque<Line> = std::collections::VecDeque::new();
    while let Some(mut cur) = ahead.pop_front().or_else(|| rest.next()) {
        loop {
            let s = &cur.shape;
            if !open(&cur, s) {
                break;
            }
            while ahead.len() < 4 {
                match rest.next() {
                    Some(l) => ahead.push_back(l),
                    None => break,
                }
            }
            let Some(k) = absorb(ahead.make_contiguous()) else {
                break;
            };
            let mut added = String::new();
            let mut joined_s = s.clone();
            for next in ahead.iter().take(k) {
                joined_s.extend(next.text());
                added.push_str(next.text());
            }
            // pieces that only look like chrome once put together stay apart: cleaning the
            // result again must find the same lines
            if looks_like_chrome(&cur, ahead.iter().take(k), &joined_s, &added) {
                break;
            }
            for next in ahead.drain(..k) {
                glue(&mut cur, &next);
            }
            cur.shape = joined_s;
        }
        out.push(cur);
    }
    out
}

/// The shape `lines[0]` would have with the lines that finish its open sentence joined to it,
/// and how many of them there are; `None` when it is not open or nothing finishes it. For
/// the layout, which reads the page before any line is joined: a sentence the copy broke
/// into short pieces is prose as a whole.
pub(crate) fn continued(lines: &[Line]) -> Option<(usize, Shape)> {
    let first = lines.first()?;
    let mut shape = first.shape.clone();
    let mut used = 0;
    while open(first, &shape) {
        let rest = lines.get(1 + used..)?;
        let Some(k) = absorb(rest) else {
            break;
        };
        for next in rest.iter().take(k) {
            shape.extend(next.text());
        }
        used += k;
    }
    (used > 0).then_some((used, shape))
}

/// What `chrome::classify` would say of the joined line, without reading a long line whole.
fn looks_like_chrome<'a>(
    cur: &Line,
    next: impl Iterator<Item = &'a Line>,
    joined: &Shape,
    added: &str,
) -> bool {
    if joined.len > 200 {
        // only disclaimer words matter at that length; they could straddle the seam
        return chrome::has_disclaimer(&(tail(cur.text(), 12).to_string() + added));
    }
    let mut line = cur.clone();
    for n in next {
        glue(&mut line, n);
    }
    chrome::classify(&line, joined).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::split_text;

    fn joined(s: &str) -> Vec<String> {
        join(split_text(s)).into_iter().map(|l| l.m.text).collect()
    }

    #[test]
    fn broken_across_blank_line() {
        let s = "深入推进百年德化历史文化街区建设10个具体项目,打造国家中心\n\n城市建设的亮丽名片,力促马寨产业集聚区晋级省级经济开发区。";
        assert_eq!(joined(s).len(), 1);
    }

    #[test]
    fn short_tail() {
        let s = "实现创新创业载体数量达10家以上,在孵企业350\n\n家以上。\n\n搭建产学研合作和成果转化平台。";
        assert_eq!(
            joined(s),
            [
                "实现创新创业载体数量达10家以上,在孵企业350家以上。",
                "搭建产学研合作和成果转化平台。"
            ]
        );
    }

    #[test]
    fn markdown_headings_stay() {
        assert_eq!(
            joined(
                "## 一、2019年和今年以来工作回顾\n去年，我国发展面临诸多困难挑战，经济运行总体平稳。"
            ),
            vec![
                "## 一、2019年和今年以来工作回顾",
                "去年，我国发展面临诸多困难挑战，经济运行总体平稳。"
            ]
        );
    }

    #[test]
    fn headings_stay() {
        let s = "聚焦产业基础高级化、产业链现代化，超前运作，坚定转型\n产业提档升级\n积蓄强劲动能\n聚焦产业基础高级化、产业链现代化，超前运作，坚定转型。全区地区生产总值从329亿元增长到674亿元。";
        assert_eq!(joined(s).len(), 4);
    }

    #[test]
    fn byline_ends_paragraph() {
        let s = "努力完成经济社会发展各项目标任务，为郑州建设国家中心城市增光添彩。记者 范光华 景静\n2017年 经济社会发展 预期目标";
        assert_eq!(joined(s).len(), 2);
    }

    #[test]
    fn list_items_stay() {
        let s = "4.社会消费品零售总额增长7%\n5.城镇调查失业率控制在5.5%以内";
        assert_eq!(joined(s).len(), 2);
        let s = "《方案》提出，2023年全市主要预期目标如下：\n1.地区生产总值增长6.5%左右；";
        assert_eq!(joined(s).len(), 2);
    }

    #[test]
    fn three_short_pieces() {
        let s = "要统筹用地、用能、资金等要素，全年争取地方政府专项债券300亿元以上，\n新增\n建设用地\n2万亩以上。";
        assert_eq!(
            joined(s),
            [
                "要统筹用地、用能、资金等要素，全年争取地方政府专项债券300亿元以上，新增建设用地2万亩以上。"
            ]
        );
    }
}
