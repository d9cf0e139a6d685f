//! Character normalization that keeps meaning, and the map from every output character back to
//! the bytes it came from in what the user pasted.
//!
//! Full-width digits and Latin letters become half-width, `％` becomes `%`, a full-width `．`
//! between digits becomes `.`, every kind of space (NBSP, ideographic, en/em, tab) becomes one
//! ASCII space, runs of spaces collapse, a space between a number and `%`/`‰` goes away, and
//! zero-width characters, soft hyphens, the BOM and control characters disappear. Chinese
//! punctuation (，。、；：“”（）) is the article's own and stays as written.

/// Byte range in the original input, as `u32` to keep the per-character map small: an input
/// larger than 4 GiB is refused before cleaning starts (see `clean::clean`).
pub(crate) type Range32 = (u32, u32);

/// Normalized text with the original byte range of each of its characters.
///
/// The map is kept as pieces, not one range per character: most of a page is copied as it is,
/// and a piece for each copied stretch makes normalizing, joining and aligning cost per
/// stretch instead of per character.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Mapped {
    pub text: String,
    /// In text order, covering all of `text`.
    pieces: Vec<Piece>,
}

/// A stretch of a [`Mapped`] text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Bytes of text covered.
    pub len: u32,
    /// Where the stretch came from.
    pub source: Range32,
    /// The stretch is `source` copied byte for byte (any number of characters). Otherwise it
    /// is one character, which may or may not equal its source.
    pub copied: bool,
}

impl Mapped {
    /// A text whose characters come from nowhere (tests of line-level decisions).
    #[cfg(test)]
    pub fn unmapped(text: &str) -> Mapped {
        let mut m = Mapped::default();
        for c in text.chars() {
            m.push(c, (0, 0));
        }
        m
    }

    /// An empty text with room for `bytes` of text in `pieces` pieces.
    pub fn with_capacity(bytes: usize, pieces: usize) -> Mapped {
        Mapped {
            text: String::with_capacity(bytes),
            pieces: Vec::with_capacity(pieces),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Original byte range covered by the whole text.
    pub fn span(&self) -> Range32 {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(a), Some(b)) => (a.source.0, b.source.1),
            _ => (0, 0),
        }
    }

    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    pub fn push(&mut self, c: char, r: Range32) {
        self.text.push(c);
        self.pieces.push(Piece {
            len: c.len_utf8() as u32,
            source: r,
            copied: false,
        });
    }

    /// Appends `s`, which is `source` of the input copied as it is.
    fn push_copied(&mut self, s: &str, source: Range32) {
        self.text.push_str(s);
        self.pieces.push(Piece {
            len: s.len() as u32,
            source,
            copied: true,
        });
    }

    pub fn append(&mut self, other: &Mapped) {
        // 8 + ．2017: a full-width point between digits is a decimal point
        // (see `LineBuilder::push`), also where a join brings the digits together
        if self.text.ends_with(|c: char| c.is_ascii_digit())
            && let Some(rest) = other.text.strip_prefix('．')
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && let Some((first, pieces)) = other.pieces.split_first()
            && first.len == '．'.len_utf8() as u32
        {
            self.push('.', first.source);
            self.text.push_str(rest);
            self.pieces.extend_from_slice(pieces);
            return;
        }
        // 8． + 2017: the same with the point at the end of the text before
        if other.text.starts_with(|c: char| c.is_ascii_digit())
            && let Some(head) = self.text.strip_suffix('．')
            && head.ends_with(|c: char| c.is_ascii_digit())
            && let Some(last) = self.pieces.pop()
        {
            let width = '．'.len_utf8() as u32;
            self.text.truncate(self.text.len() - width as usize);
            let point = if last.copied && last.len > width {
                // the point ends a stretch copied as it is: the stretch
                // keeps the bytes before it
                self.pieces.push(Piece {
                    len: last.len - width,
                    source: (last.source.0, last.source.1 - width),
                    copied: true,
                });
                (last.source.1 - width, last.source.1)
            } else {
                last.source
            };
            self.push('.', point);
        }
        self.text.push_str(&other.text);
        self.pieces.extend_from_slice(&other.pieces);
    }

    /// The source range of every character (what tests compare).
    #[cfg(test)]
    pub fn char_map(&self) -> Vec<Range32> {
        let mut map = Vec::new();
        let mut at = 0;
        for p in &self.pieces {
            let text = &self.text[at..at + p.len as usize];
            at += p.len as usize;
            if p.copied {
                map.extend(text.char_indices().map(|(i, c)| {
                    let s = p.source.0 + i as u32;
                    (s, s + c.len_utf8() as u32)
                }));
            } else {
                map.push(p.source);
            }
        }
        map
    }
}

/// What one input character becomes.
enum Class {
    Drop,
    Space,
    Keep(char),
}

fn classify(c: char) -> Class {
    match c {
        // zero-width and format characters: invisible, carry nothing
        '\u{200B}'..='\u{200D}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}' => Class::Drop,
        c if c.is_whitespace() => Class::Space,
        c if c.is_control() => Class::Drop,
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            // FF10..FF5A map onto ASCII by a fixed offset
            char::from_u32(c as u32 - 0xFEE0).map_or(Class::Keep(c), Class::Keep)
        }
        '\u{FF05}' => Class::Keep('%'),
        _ => Class::Keep(c),
    }
}

/// Characters that normalization leaves alone, from the blocks most of a page is written in:
/// printable ASCII, the general punctuation Chinese text uses (—…“”‘’‰※, not the spaces and
/// invisible marks around it), the CJK punctuation block up to (not including) the BOM, and
/// the full-width forms that [`classify`] keeps as they are (，：（）, not ％ or the full-width
/// digits and letters). Not `．`, which becomes `.` between digits (see `LineBuilder::push`).
fn plain(c: char) -> bool {
    matches!(
        c,
        '!'..='~'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{FEFE}'
            | '\u{FF01}'..='\u{FF5F}'
    ) && c != '\u{FF0E}'
        && matches!(classify(c), Class::Keep(k) if k == c)
}

/// Bytes at the start of `s` that are [`plain`] characters. Read as bytes where it is cheap:
/// this runs over every pasted byte. Every three-byte sequence led by E4..=EE is in
/// U+4000..=U+EFFF, which is plain; one led by E3 is in U+3000..=U+3FFF, plain but for
/// U+3000 (E3 80 80).
#[allow(
    clippy::string_slice,
    reason = "i advances by whole characters, so it is a character boundary of s"
)]
fn plain_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&lead) = b.get(i) {
        match lead {
            0x21..=0x7E => i += 1,
            0xE4..=0xEE => i += 3,
            // U+3000..=U+3FFF (、。《》 and the like): all plain but the ideographic space
            0xE3 if b.get(i + 1..i + 3) != Some(&[0x80, 0x80]) => i += 3,
            0xE2 | 0xE3 | 0xEF => match s[i..].chars().next() {
                Some(c) if plain(c) => i += 3,
                _ => break,
            },
            _ => break,
        }
    }
    i
}

/// Builds one normalized line from a stream of original characters.
#[derive(Default)]
pub(crate) struct LineBuilder {
    out: Mapped,
    pending_space: Option<Range32>,
    /// The last pushed character is a full-width `．` that becomes `.` if a digit follows a digit.
    fw_dot: bool,
}

impl LineBuilder {
    /// A builder with room for a line of `bytes` bytes.
    pub fn with_capacity(bytes: usize) -> LineBuilder {
        LineBuilder {
            out: Mapped::with_capacity(bytes, 0),
            ..LineBuilder::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub fn push(&mut self, c: char, r: Range32) {
        // the common case: a character that stays as it is, with nothing pending
        if self.pending_space.is_none() && !self.fw_dot && plain(c) {
            self.out.push(c, r);
            return;
        }
        let k = match classify(c) {
            Class::Drop => return,
            Class::Space => {
                if !self.out.is_empty() && self.pending_space.is_none() {
                    self.pending_space = Some(r);
                }
                return;
            }
            Class::Keep(k) => k,
        };
        let last = self.out.text.chars().next_back();
        if self.fw_dot {
            self.fw_dot = false;
            let before = self.out.text.chars().rev().nth(1);
            if self.pending_space.is_none()
                && k.is_ascii_digit()
                && before.is_some_and(|b| b.is_ascii_digit())
            {
                self.out.text.pop();
                self.out.text.push('.');
                if let Some(p) = self.out.pieces.last_mut() {
                    p.len = 1;
                }
            }
        }
        if let Some(sp) = self.pending_space.take() {
            // "15 %" is one number: the space inside it is an artefact of the page
            let glue = (k == '%' || k == '‰') && last.is_some_and(|l| l.is_ascii_digit());
            if !glue {
                self.out.push(' ', sp);
            }
        }
        self.out.push(k, r);
        if c == '\u{FF0E}' {
            self.fw_dot = true;
        }
    }

    /// Pushes the characters of `s`, which starts at byte `base` of the input. Runs of
    /// characters that stay as they are are copied whole.
    #[allow(
        clippy::string_slice,
        reason = "run comes from find in rest and n is the length of rest's first character"
    )]
    pub fn push_str(&mut self, s: &str, base: u32) {
        let mut rest = s;
        let mut at = base;
        while !rest.is_empty() {
            if self.pending_space.is_none() && !self.fw_dot {
                let run = plain_len(rest);
                if run > 0 {
                    self.out.push_copied(&rest[..run], (at, at + run as u32));
                    rest = &rest[run..];
                    at += run as u32;
                    continue;
                }
            }
            let Some(c) = rest.chars().next() else { break };
            let n = c.len_utf8();
            self.push(c, (at, at + n as u32));
            rest = &rest[n..];
            at += n as u32;
        }
    }

    /// The normalized line; trailing spaces are dropped.
    pub fn finish(self) -> Mapped {
        self.out
    }
}

/// Normalizes a string whose characters map onto themselves (used for text that is already
/// in hand, such as HTML attribute values, and by tests).
#[cfg(test)]
pub(crate) fn normalize_str(s: &str) -> String {
    let mut b = LineBuilder::default();
    b.push_str(s, 0);
    b.finish().text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_letters_and_percent() {
        assert_eq!(normalize_str("ＧＤＰ增长６．２％"), "GDP增长6.2%");
    }

    #[test]
    fn space_inside_a_percentage_goes() {
        assert_eq!(normalize_str("增长15 %以上"), "增长15%以上");
        assert_eq!(normalize_str("增长５．９ ％；"), "增长5.9%；");
    }

    #[test]
    fn spaces_collapse_and_trim() {
        assert_eq!(
            normalize_str("\u{3000}\u{3000}开发区\u{a0}\u{a0} 招商\t "),
            "开发区 招商"
        );
    }

    #[test]
    fn zero_width_and_bom_vanish() {
        assert_eq!(
            normalize_str("\u{feff}规模以上\u{200b}工业\u{200d}"),
            "规模以上工业"
        );
    }

    #[test]
    fn chinese_punctuation_stays() {
        let s = "（一）会议指出：“项目为王”，要抓落实；确保完成！";
        assert_eq!(normalize_str(s), s);
    }

    #[test]
    fn full_width_dot_outside_numbers_stays() {
        assert_eq!(normalize_str("第一．总则"), "第一．总则");
    }

    #[test]
    fn plain_len_agrees_with_plain() {
        let s = "ab\u{3000}\u{3001}中\u{FEFE}\u{FEFF}\u{FF10}x\u{2FFF}～。，：\u{FF05}\u{FF0E}\u{FF60}é𠀀 \t";
        for (i, _) in s.char_indices() {
            let rest = &s[i..];
            let want = rest.find(|c: char| !plain(c)).unwrap_or(rest.len());
            assert_eq!(plain_len(rest), want, "at {rest:?}");
        }
    }

    #[test]
    fn plain_len_agrees_with_plain_on_every_three_byte_character() {
        // the byte-level shortcuts of plain_len cover whole blocks of these
        for c in ('\u{800}'..='\u{FFFF}').filter(|c| c.len_utf8() == 3) {
            let want = if plain(c) { 3 } else { 0 };
            assert_eq!(
                plain_len(c.encode_utf8(&mut [0; 4])),
                want,
                "{:X}",
                c as u32
            );
        }
    }

    #[test]
    fn idempotent() {
        for s in ["ＧＤＰ增长６．２ ％", "\u{3000}a  b\u{a0}", "１５ ％以上"] {
            let once = normalize_str(s);
            assert_eq!(normalize_str(&once), once);
        }
    }

    #[test]
    fn map_points_at_original_bytes() {
        let s = "Ａ\u{200b} ５％";
        let mut b = LineBuilder::default();
        for (i, c) in s.char_indices() {
            b.push(c, (i as u32, (i + c.len_utf8()) as u32));
        }
        let m = b.finish();
        assert_eq!(m.text, "A 5%");
        assert_eq!(m.char_map(), vec![(0, 3), (6, 7), (7, 10), (10, 13)]);
    }
}
