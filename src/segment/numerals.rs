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

/// Joins the numbers of `tokens`, a precise cut of `text`. A joined number
/// is tagged `m` (numeral), a date `t` (time word), as jieba tags 三 and 今年.
pub(crate) fn join(text: &str, tokens: &mut PackedTokens) {
    let n = tokens.len();
    let span = |i: usize| -> (usize, usize) {
        match tokens.spans.get(2 * i..2 * i + 2) {
            Some(&[s, e]) => (s, e),
            _ => (0, 0),
        }
    };
    let word = |i: usize| {
        let (s, e) = span(i);
        text.get(s..e).unwrap_or_default()
    };
    // Whether token `i` exists and starts where the word so far ends: a
    // space between a number and its sign is its own token and keeps them
    // apart.
    let next_is =
        |i: usize, end: usize, test: fn(&str) -> bool| i < n && span(i).0 == end && test(word(i));
    // Most texts have nothing to join: leave their tokens untouched.
    let any = (0..n).any(|i| {
        is_digits(word(i))
            && (next_is(i + 1, span(i).1, is_digits)
                || next_is(i + 1, span(i).1, is_point)
                || next_is(i + 1, span(i).1, is_percent)
                || next_is(i + 1, span(i).1, is_date_unit))
    });
    if !any {
        return;
    }

    let tagged = !tokens.tags.is_empty();
    let mut tag_id = |name: &str| -> u16 {
        match tokens.tag_names.iter().position(|t| t == name) {
            Some(i) => i as u16,
            None => {
                tokens.tag_names.push(name.to_string());
                (tokens.tag_names.len() - 1) as u16
            }
        }
    };
    let (m, t) = if tagged {
        (tag_id("m"), tag_id("t"))
    } else {
        (0, 0)
    };

    let mut spans = Vec::with_capacity(tokens.spans.len());
    let mut tags = Vec::with_capacity(tokens.tags.len());
    let mut i = 0;
    while i < n {
        let (start, mut end) = span(i);
        let mut j = i + 1;
        let mut tag = None;
        if is_digits(word(i)) {
            let mut point = false;
            loop {
                if next_is(j, end, is_digits) {
                    end = span(j).1;
                    j += 1;
                } else if !point
                    && next_is(j, end, is_point)
                    && next_is(j + 1, span(j).1, is_digits)
                {
                    point = true;
                    end = span(j + 1).1;
                    j += 2;
                } else {
                    break;
                }
            }
            if next_is(j, end, is_percent) {
                end = span(j).1;
                j += 1;
            } else if !point && next_is(j, end, is_date_unit) {
                end = span(j).1;
                j += 1;
                tag = Some(t);
            }
            if j > i + 1 {
                tag = tag.or(Some(m));
            }
        }
        spans.extend([start, end]);
        if tagged {
            tags.push(tag.unwrap_or_else(|| tokens.tags.get(i).copied().unwrap_or(m)));
        }
        i = j;
    }
    tokens.spans = spans;
    tokens.tags = tags;
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
