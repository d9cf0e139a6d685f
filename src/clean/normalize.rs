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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Mapped {
    pub text: String,
    /// One entry per `char` of `text`.
    pub map: Vec<Range32>,
}

impl Mapped {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Original byte range covered by the whole text.
    pub fn span(&self) -> Range32 {
        match (self.map.first(), self.map.last()) {
            (Some(a), Some(b)) => (a.0, b.1),
            _ => (0, 0),
        }
    }

    pub fn push(&mut self, c: char, r: Range32) {
        self.text.push(c);
        self.map.push(r);
    }

    pub fn append(&mut self, other: &Mapped) {
        self.text.push_str(&other.text);
        self.map.extend_from_slice(&other.map);
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

/// Characters that normalization leaves alone: printable ASCII and everything from the CJK
/// punctuation block up to (not including) the BOM and the full-width forms.
fn plain(c: char) -> bool {
    matches!(c, '!'..='~' | '\u{3001}'..='\u{FEFE}')
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
            out: Mapped {
                text: String::with_capacity(bytes),
                map: Vec::with_capacity(bytes / 2 + 4),
            },
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
                let run = rest.find(|c: char| !plain(c)).unwrap_or(rest.len());
                if run > 0 {
                    self.out.text.push_str(&rest[..run]);
                    for (i, c) in rest[..run].char_indices() {
                        let s = at + i as u32;
                        self.out.map.push((s, s + c.len_utf8() as u32));
                    }
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
        assert_eq!(m.map, vec![(0, 3), (6, 7), (7, 10), (10, 13)]);
    }
}
