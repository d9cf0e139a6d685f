//! Sets of characters as bitmaps over the Basic Multilingual Plane, the
//! byte scan that finds the next character of a set in a text, and which
//! characters are Chinese.
//!
//! Scanners of running text (numbers, periods) look at every byte of it, and
//! most of it starts nothing: reading bytes against a bitmap is cheaper than
//! decoding each character, or than a regex's search for the same places.

/// Whether `c` is a Chinese character (the CJK Unified Ideographs and their
/// extension A): what a Chinese word, and so a name, is written in.
pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A set of characters of the Basic Multilingual Plane: one array index
/// tells whether a character is in it, before any hashing.
#[derive(Debug, Clone)]
pub struct CharSet {
    bits: [u64; 1024],
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet { bits: [0; 1024] }
    }
}

impl CharSet {
    /// The set of `chars`, built at compile time. Every character must be
    /// ASCII or three bytes long in UTF-8 (what [`next_in`](Self::next_in)
    /// finds): the build fails otherwise.
    #[allow(
        clippy::indexing_slicing,
        reason = "a three-byte character is below 0x10000 = 1024 × 64"
    )]
    pub const fn of(chars: &[char]) -> CharSet {
        let mut bits = [0u64; 1024];
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k] as usize;
            assert!(
                c < 0x80 || (c >= 0x800 && c < 0x10000),
                "a character of a scanned set is ASCII or three bytes long"
            );
            bits[c / 64] |= 1 << (c % 64);
            k += 1;
        }
        CharSet { bits }
    }

    /// The set of the first characters of `words`, built at compile time
    /// (a prefilter in front of a list of words); each must be ASCII or
    /// three bytes long in UTF-8, as for [`of`](Self::of).
    #[allow(
        clippy::indexing_slicing,
        reason = "a three-byte character is below 0x10000 = 1024 × 64; its bytes are checked before they are read"
    )]
    pub const fn of_firsts(words: &[&str]) -> CharSet {
        let mut bits = [0u64; 1024];
        let mut k = 0;
        while k < words.len() {
            let b = words[k].as_bytes();
            let c = if !b.is_empty() && b[0] < 0x80 {
                b[0] as usize
            } else {
                assert!(
                    b.len() >= 3 && b[0] >= 0xE0 && b[0] < 0xF0,
                    "a word of a scanned list opens with an ASCII or a three-byte character"
                );
                ((b[0] as usize & 0x0F) << 12)
                    | ((b[1] as usize & 0x3F) << 6)
                    | (b[2] as usize & 0x3F)
            };
            bits[c / 64] |= 1 << (c % 64);
            k += 1;
        }
        CharSet { bits }
    }

    pub fn insert(&mut self, c: char) {
        let i = c as usize;
        if let Some(word) = self.bits.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    /// Whether the character with code point `c` is in the set; characters
    /// outside the BMP never are.
    pub fn contains(&self, c: u32) -> bool {
        self.bits
            .get((c / 64) as usize)
            .is_some_and(|w| w & (1 << (c % 64)) != 0)
    }

    /// Whether `c` may be in the set: characters outside the BMP always may
    /// (a set built with [`insert`](Self::insert) does not record them).
    pub fn may_contain(&self, c: char) -> bool {
        (c as u32) >= 0x10000 || self.contains(c as u32)
    }

    /// The first character of the set at or after byte `from` of `text`,
    /// and where: only ASCII and three-byte characters are looked at, which
    /// is all a set built with [`of`](Self::of) holds.
    pub fn next_in(&self, text: &str, from: usize) -> Option<(usize, char)> {
        let bytes = text.as_bytes();
        let mut rest = bytes.get(from..)?;
        let at = |rest: &[u8]| bytes.len() - rest.len();
        // Most of a text is three-byte characters, so they are tested first,
        // two at a time where two follow each other (one test of the length
        // and one turn of the loop for both), and from the slice pattern
        // alone: no bounds checks, no decoding beyond the bitmap word (lead
        // and second byte) and its bit (third).
        loop {
            match *rest {
                [
                    b @ 0xE0..=0xEF,
                    b1,
                    b2,
                    c @ 0xE0..=0xEF,
                    c1,
                    c2,
                    ref tail @ ..,
                ] => {
                    if let Some(found) = self.three_byte(b, b1, b2) {
                        return Some((at(rest), found));
                    }
                    if let Some(found) = self.three_byte(c, c1, c2) {
                        return Some((at(rest) + 3, found));
                    }
                    rest = tail;
                }
                [b @ 0xE0..=0xEF, b1, b2, ref tail @ ..] => {
                    if let Some(found) = self.three_byte(b, b1, b2) {
                        return Some((at(rest), found));
                    }
                    rest = tail;
                }
                [b, ref tail @ ..] => {
                    // A continuation byte or the lead byte of a two- or
                    // four-byte character is never in a scanned set.
                    if b < 0x80 && self.contains(u32::from(b)) {
                        return Some((at(rest), char::from(b)));
                    }
                    rest = tail;
                }
                [] => return None,
            }
        }
    }

    /// The three-byte character `b b1 b2` when it is in the set.
    #[inline(always)]
    fn three_byte(&self, b: u8, b1: u8, b2: u8) -> Option<char> {
        let word = (usize::from(b & 0x0F) << 6) | usize::from(b1 & 0x3F);
        let bit = b2 & 0x3F;
        if self.bits.get(word).is_some_and(|w| w >> bit & 1 != 0) {
            char::from_u32(((word as u32) << 6) | u32::from(bit))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_in_finds_what_a_char_search_finds() {
        const SET: CharSet = CharSet::of(&['1', '-', '年', '〇', '“']);
        // (hits first and second of a pair of three-byte characters, and
        // alone after an odd run)
        for text in [
            "é2020年，“十三五”〇𠀀a-1",
            "全年增长年年有余〇一二三〇x年",
            "一二三四五年六七年",
        ] {
            let mut found = Vec::new();
            let mut i = 0;
            while let Some((at, c)) = SET.next_in(text, i) {
                found.push((at, c));
                i = at + c.len_utf8();
            }
            let expected: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| SET.contains(c as u32))
                .collect();
            assert_eq!(found, expected, "{text}");
        }
        assert!(!SET.contains('𠀀' as u32));
    }

    #[test]
    fn sets_built_at_runtime_may_hold_what_they_cannot_record() {
        let mut set = CharSet::default();
        set.insert('年');
        set.insert('𠀀');
        assert!(set.may_contain('年') && set.may_contain('𠀀') && set.may_contain('𠀁'));
        assert!(!set.may_contain('月'));
    }
}
