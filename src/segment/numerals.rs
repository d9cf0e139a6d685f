//! Numbers written in digits, joined after jieba's cut.
//!
//! jieba cuts a run of ASCII digits as one word but stops at a decimal point,
//! and it cuts full-width digits (common in pasted Chinese text: １２．５％)
//! one character at a time, so 12.5% comes out as `12 . 5 %` and ２０１７年 as
//! five words. Read as Chinese, a number is one word, and so is a number with
//! its percent sign or an integer with its date unit (2017年, 12月, 31日): the
//! PKU and MSR segmentation standards both write them so, and jieba's own HMM
//! path already keeps `12.5%` whole. This pass joins them in a precise cut;
//! every other word is jieba's.

use super::PackedTokens;

/// The digits of a number, half or full width.
fn is_digits(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

fn is_point(word: &str) -> bool {
    matches!(word, "." | "．")
}

fn is_percent(word: &str) -> bool {
    matches!(word, "%" | "％")
}

fn is_date_unit(word: &str) -> bool {
    matches!(word, "年" | "月" | "日")
}

/// Joins the numbers of `tokens`, a precise cut of `text`, in place. A joined
/// number is tagged `m` (numeral), a date `t` (time word), as jieba tags 三
/// and 今年; every other token keeps its tag.
pub(crate) fn join(text: &str, tokens: &mut PackedTokens) {
    let n = tokens.len();
    let tagged = !tokens.tags.is_empty();
    // Tokens are read at `i` and written back at `kept <= i`, so each is read
    // before anything is written over it.
    let mut kept = 0;
    let mut i = 0;
    while i < n {
        let (next, joined) = number_at(text, &tokens.spans, i);
        let start = span(&tokens.spans, i).0;
        let end = span(&tokens.spans, next - 1).1;
        let tag = match joined {
            Some(name) if tagged => Some(tokens.tag_id(name)),
            _ => tokens.tags.get(i).copied(),
        };
        if let Some(s) = tokens.spans.get_mut(2 * kept..2 * kept + 2) {
            s.copy_from_slice(&[start, end]);
        }
        if let (Some(slot), Some(tag)) = (tokens.tags.get_mut(kept), tag) {
            *slot = tag;
        }
        kept += 1;
        i = next;
    }
    tokens.spans.truncate(2 * kept);
    if tagged {
        tokens.tags.truncate(kept);
    }
}

/// Start and end of token `i` of `spans` (start, end pairs).
fn span(spans: &[usize], i: usize) -> (usize, usize) {
    match spans.get(2 * i..2 * i + 2) {
        Some(&[s, e]) => (s, e),
        _ => (0, 0),
    }
}

/// The token after the number that starts at token `i`, and the number's
/// tag when it joins tokens; `(i + 1, None)` when none starts there.
fn number_at(text: &str, spans: &[usize], i: usize) -> (usize, Option<&'static str>) {
    let n = spans.len() / 2;
    let word = |k: usize| {
        let (s, e) = span(spans, k);
        text.get(s..e).unwrap_or_default()
    };
    // Whether token `k` exists and starts where the number so far ends: a
    // space between a number and its sign is its own token and keeps them
    // apart.
    let next_is = |k: usize, end: usize, test: fn(&str) -> bool| {
        k < n && span(spans, k).0 == end && test(word(k))
    };
    if !is_digits(word(i)) {
        return (i + 1, None);
    }
    let mut end = span(spans, i).1;
    let mut j = i + 1;
    let mut point = false;
    loop {
        if next_is(j, end, is_digits) {
            end = span(spans, j).1;
            j += 1;
        } else if !point && next_is(j, end, is_point) && next_is(j + 1, span(spans, j).1, is_digits)
        {
            point = true;
            end = span(spans, j + 1).1;
            j += 2;
        } else {
            break;
        }
    }
    if next_is(j, end, is_percent) {
        (j + 1, Some("m"))
    } else if !point && next_is(j, end, is_date_unit) {
        (j + 1, Some("t"))
    } else if j > i + 1 {
        (j, Some("m"))
    } else {
        (j, None)
    }
}

#[cfg(test)]
mod tests {
    use crate::SegmentOptions;
    use crate::lexicon::Lexicon;
    use crate::segment::Segmenter;

    fn cut(text: &str, pos: bool) -> Vec<String> {
        let seg = Segmenter::new(Lexicon::builtin(), false);
        seg.segment(
            text,
            &SegmentOptions {
                pos,
                ..SegmentOptions::default()
            },
        )
        .into_iter()
        .map(|t| match t.tag {
            Some(tag) => format!("{}/{tag}", t.word),
            None => t.word,
        })
        .collect()
    }

    #[test]
    fn numbers_are_words() {
        let cases: &[(&str, &[&str])] = &[
            ("增长12.5%", &["增长", "12.5%"]),
            ("增长１２．５％", &["增长", "１２．５％"]),
            (
                "２０１７年１２月３１日",
                &["２０１７年", "１２月", "３１日"],
            ),
            ("2017年12月31日", &["2017年", "12月", "31日"]),
            ("2.5年", &["2.5", "年"]),
            ("版本3.2.1", &["版本", "3.2", ".", "1"]),
            ("12 %", &["12", " ", "%"]),
            ("1.", &["1", "."]),
            ("2017年底", &["2017", "年底"]),
            ("GDP增长2017", &["GDP", "增长", "2017"]),
            ("abc123", &["abc123"]),
        ];
        for (text, want) in cases {
            assert_eq!(cut(text, false), *want, "{text}");
        }
    }

    #[test]
    fn joined_numbers_are_tagged() {
        assert_eq!(
            cut("2017年增长8.5%", true),
            ["2017年/t", "增长/v", "8.5%/m"]
        );
    }
}
