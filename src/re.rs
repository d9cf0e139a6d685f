//! The one place a pattern is compiled, and Han characters in patterns
//! without the Unicode script tables.
//!
//! The `regex` crate is built with only the Unicode tables mubiao's patterns
//! need (`\d`, `\s`; see Cargo.toml): the script, category and case tables
//! would add about 300 KB to the WebAssembly, most of what a browser downloads
//! besides the dictionary, for one property. Patterns write `\p{Han}` as
//! usual and are compiled with [`regex`], which spells it out as
//! [`HAN`].

use std::borrow::Cow;

use regex::Regex;

/// `\p{Han}` (Script=Han) of the Unicode version the `regex` crate uses
/// (16.0, regex-syntax 0.8), as a character class: the same characters, so
/// every pattern matches exactly what it matched with the script table.
pub const HAN: &str = concat!(
    "[",
    "\u{2E80}-\u{2E99}\u{2E9B}-\u{2EF3}\u{2F00}-\u{2FD5}",
    "\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}",
    "\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FA6D}\u{FA70}-\u{FAD9}",
    "\u{16FE2}-\u{16FE3}\u{16FF0}-\u{16FF1}",
    "\u{20000}-\u{2A6DF}\u{2A700}-\u{2B739}\u{2B740}-\u{2B81D}\u{2B820}-\u{2CEA1}",
    "\u{2CEB0}-\u{2EBE0}\u{2EBF0}-\u{2EE5D}\u{2F800}-\u{2FA1D}",
    "\u{30000}-\u{3134A}\u{31350}-\u{323AF}",
    "]",
);

/// `pattern` with every `\p{Han}` spelled out as [`HAN`] (also inside a
/// bracket class, where it becomes a nested class).
pub fn expand(pattern: &str) -> Cow<'_, str> {
    if pattern.contains(r"\p{Han}") {
        Cow::Owned(pattern.replace(r"\p{Han}", HAN))
    } else {
        Cow::Borrowed(pattern)
    }
}

/// `pattern` compiled, `\p{Han}` spelled out. Every caller passes a pattern
/// written in the source or built from the compiled-in lexicon (escaped),
/// inside a `LazyLock`, and the tests touch every one of them: a pattern that
/// fails to compile is a bug the tests catch before release, never something
/// input can cause.
#[allow(
    clippy::expect_used,
    reason = "patterns are fixed at build time; see the comment above"
)]
pub(crate) fn regex(pattern: &str) -> Regex {
    Regex::new(&expand(pattern)).expect("a pattern fixed at build time compiles")
}

/// `patterns` compiled as one set, which tells in one pass over a text which
/// of them match it, each with `\p{Han}` spelled out. The callers' patterns
/// are fixed at build time as [`regex`]'s are, and the tests compile every
/// set.
#[allow(
    clippy::expect_used,
    reason = "patterns are fixed at build time; see the comment above"
)]
pub(crate) fn set<'a>(patterns: impl IntoIterator<Item = &'a str>) -> regex::RegexSet {
    regex::RegexSet::new(patterns.into_iter().map(expand))
        .expect("patterns fixed at build time compile")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_is_the_script_not_the_block() {
        let re = regex(r"^\p{Han}+$");
        for s in [
            "中华人民共和国",
            "々",
            "〇",
            "㐀",
            "鿿",
            "豈",
            "𠀀",
            "⺀",
            "⿕",
        ] {
            assert!(re.is_match(s), "{s}");
        }
        for s in [
            "ー", "あ", "ア", "가", "，", "。", "A", "1", "１", "·", "\u{2E9A}", "\u{FA6E}",
        ] {
            assert!(!re.is_match(s), "{s}");
        }
    }

    /// Test builds happen to have the script table (proptest's regex-syntax
    /// turns it on): there, HAN must be exactly \p{Han}, character by
    /// character.
    #[test]
    fn han_is_exactly_the_script_table() {
        let Ok(table) = Regex::new(r"^\p{Han}$") else {
            return;
        };
        let spelled = Regex::new(&format!("^{HAN}$")).unwrap();
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(table.is_match(s), spelled.is_match(s), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn han_works_inside_a_class() {
        let re = regex(r"^[\p{Han}·]{3}$");
        assert!(re.is_match("阿·里"));
        assert!(!re.is_match("阿-里"));
    }

    /// The wasm and native builds leave the other Unicode tables out, and a
    /// pattern that needs one fails to compile there, at run time. (Tests
    /// cannot see it by compiling: proptest's regex-syntax turns the tables
    /// back on for test builds.) So no pattern may ask for them.
    #[test]
    fn no_pattern_needs_the_tables_left_out() {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("re.rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let lines: Vec<&str> = text.lines().collect();
                    for (i, line) in lines.iter().enumerate() {
                        // \p{Han} is fine in a pattern given to `re::regex`
                        // (the call may stand a line or two before it).
                        let through_here = lines[i.saturating_sub(2)..=i]
                            .iter()
                            .any(|l| l.contains("re::regex("));
                        let rest = if through_here {
                            line.replace(r"\p{Han}", "")
                        } else {
                            line.to_string()
                        };
                        for needs in [r"\p{", r"\P{", "(?i"] {
                            if rest.contains(needs) {
                                found.push(format!("{}:{}: {needs}", path.display(), i + 1));
                            }
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(
            found.is_empty(),
            "patterns needing Unicode tables the build leaves out: {found:#?}"
        );
    }
}
