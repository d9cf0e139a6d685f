//! The whole analysis on arbitrary input: it must never panic, and what it
//! returns must hold together (spans in bounds, evidence where it says).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mubiao::{Analyzer, Options};

static ANALYZER: LazyLock<Analyzer> =
    LazyLock::new(|| Analyzer::new(Options::default()).expect("default options build"));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = ANALYZER.analyze(&text);
    for t in &a.targets {
        assert_eq!(a.text.get(t.span.0..t.span.1), Some(t.evidence.as_str()));
        assert!(t.value.is_finite());
    }
    for tok in &a.tokens {
        assert_eq!(a.text.get(tok.span.0..tok.span.1), Some(tok.word.as_str()));
    }
    for d in &a.dropped {
        assert!(text.get(d.span.0..d.span.1).is_some());
    }
});
