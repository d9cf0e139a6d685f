//! Converting byte spans to the offsets a caller counts in, once, at the
//! boundary. All positions of a text are sorted and converted in one walk over
//! it, so an analysis with a million tokens costs one pass, not a million.

use crate::analysis::{Analysis, Offsets, Span, Token};
use crate::clean::Cleaned;

/// Rewrites every position in `positions` (byte offsets into `text`) as an
/// offset of kind `to`. A position inside a character counts that character
/// as passed, so it can never land inside a UTF-16 surrogate pair.
pub fn convert(text: &str, to: Offsets, positions: &mut [&mut usize]) {
    if to == Offsets::Byte || positions.is_empty() {
        return;
    }
    positions.sort_unstable_by_key(|p| **p);
    let bytes = text.as_bytes();
    // Counted over bytes, which the compiler vectorizes: a character is its
    // leading byte (anything but 10xxxxxx), and in UTF-16 a four-byte one
    // (leading byte 11110xxx) is two units. The characters counted between
    // two positions are those that start between them, so a position inside
    // a character has counted it.
    let astral = to == Offsets::Utf16;
    let count = |from: usize, to: usize| -> usize {
        bytes.get(from..to).map_or(0, |run| {
            run.iter()
                .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(astral && b >= 0xF0))
                .sum()
        })
    };
    let mut at = 0;
    let mut units = 0;
    for p in positions.iter_mut() {
        let target = (**p).min(bytes.len());
        if target > at {
            units += count(at, target);
            at = target;
        }
        **p = units;
    }
}

fn push_span<'a>(out: &mut Vec<&'a mut usize>, span: &'a mut Span) {
    let Span(start, end) = span;
    out.push(start);
    out.push(end);
}

impl Analysis {
    /// Converts every span from byte offsets to `to`: spans into `text` with
    /// `self.text`, spans into the pasted original with `original`. Call it
    /// once; converting twice would count already-converted offsets again.
    pub fn convert_offsets(&mut self, original: &str, to: Offsets) {
        if to == Offsets::Byte {
            return;
        }
        let Analysis {
            text,
            dropped,
            alignment,
            tokens,
            targets,
            qualitative,
            warnings,
            ..
        } = self;

        let mut in_text = Vec::new();
        let mut in_source = Vec::new();
        for run in &mut alignment.runs {
            push_span(&mut in_text, &mut run.text);
            push_span(&mut in_source, &mut run.source);
        }
        for token in tokens.iter_mut() {
            push_span(&mut in_text, &mut token.span);
        }
        for target in targets.iter_mut() {
            push_span(&mut in_text, &mut target.span);
            if let Some(span) = target.source_span.as_mut() {
                push_span(&mut in_source, span);
            }
        }
        for q in qualitative.iter_mut() {
            push_span(&mut in_text, &mut q.span);
        }
        for w in warnings.iter_mut() {
            if let Some(span) = w.span.as_mut() {
                push_span(&mut in_text, span);
            }
        }
        for d in dropped.iter_mut() {
            push_span(&mut in_source, &mut d.span);
        }
        convert(text, to, &mut in_text);
        convert(original, to, &mut in_source);
    }
}

impl Cleaned {
    /// Converts every span from byte offsets to `to` (see
    /// [`Analysis::convert_offsets`]).
    pub fn convert_offsets(&mut self, original: &str, to: Offsets) {
        let mut in_text = Vec::new();
        let mut in_source = Vec::new();
        for run in &mut self.alignment.runs {
            push_span(&mut in_text, &mut run.text);
            push_span(&mut in_source, &mut run.source);
        }
        for d in &mut self.dropped {
            push_span(&mut in_source, &mut d.span);
        }
        convert(&self.text, to, &mut in_text);
        convert(original, to, &mut in_source);
    }
}

/// Converts the spans of tokens cut from `text`.
pub fn convert_tokens(text: &str, to: Offsets, tokens: &mut [Token]) {
    let mut positions = Vec::with_capacity(tokens.len() * 2);
    for t in tokens.iter_mut() {
        push_span(&mut positions, &mut t.span);
    }
    convert(text, to, &mut positions);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(text: &str, to: Offsets, mut ps: Vec<usize>) -> Vec<usize> {
        let mut refs: Vec<&mut usize> = ps.iter_mut().collect();
        convert(text, to, &mut refs);
        ps
    }

    #[test]
    fn utf16_counts_astral_characters_twice() {
        let text = "a中😀b";
        // bytes: a=0, 中=1..4, 😀=4..8, b=8..9
        assert_eq!(
            conv(text, Offsets::Utf16, vec![0, 1, 4, 8, 9]),
            vec![0, 1, 2, 4, 5]
        );
        assert_eq!(conv(text, Offsets::Char, vec![9, 0, 4]), vec![4, 0, 2]);
    }

    #[test]
    fn agrees_with_walking_the_characters() {
        let text = "a中😀b，１x\u{10FFFF}末";
        let walk = |to: Offsets, p: usize| -> usize {
            text.char_indices()
                .take_while(|&(at, _)| at < p)
                .map(|(_, c)| {
                    if to == Offsets::Utf16 {
                        c.len_utf16()
                    } else {
                        1
                    }
                })
                .sum()
        };
        let all: Vec<usize> = (0..=text.len() + 2).rev().collect();
        for to in [Offsets::Utf16, Offsets::Char] {
            let want: Vec<usize> = all.iter().map(|&p| walk(to, p)).collect();
            assert_eq!(conv(text, to, all.clone()), want, "{to:?}");
        }
    }

    #[test]
    fn byte_offsets_stay() {
        assert_eq!(conv("中文", Offsets::Byte, vec![3, 6]), vec![3, 6]);
    }

    #[test]
    fn position_inside_a_character_counts_it() {
        // byte 2 is inside 中 (bytes 0..3)
        assert_eq!(conv("中文", Offsets::Char, vec![2]), vec![1]);
    }
}
