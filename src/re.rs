//! The one place a pattern is compiled.

use regex::Regex;

/// `pattern` compiled. Every caller passes a pattern written in the source or
/// built from the compiled-in lexicon (escaped), inside a `LazyLock`, and the
/// tests touch every one of them: a pattern that fails to compile is a bug
/// the tests catch before release, never something input can cause.
#[allow(
    clippy::expect_used,
    reason = "patterns are fixed at build time; see the comment above"
)]
pub(crate) fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a pattern fixed at build time compiles")
}
