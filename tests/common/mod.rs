//! What every analysis must satisfy, whatever the input: shared by the
//! property tests, the bad-input table and the regression tests.
#![allow(dead_code)] // each test file uses a different part

use std::path::PathBuf;
use std::sync::LazyLock;

use mubiao::clean::Format;
use mubiao::{Analysis, Analyzer, Options, Span};

/// One analyzer for a whole test binary: building it loads the dictionary.
pub static ANALYZER: LazyLock<Analyzer> =
    LazyLock::new(|| Analyzer::new(Options::default()).expect("default options build"));

pub fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/samples");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the seeds are next to the repository")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("seeds are UTF-8");
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    out.sort();
    out
}

fn in_bounds(text: &str, span: Span) -> bool {
    span.0 <= span.1 && text.get(span.0..span.1).is_some()
}

/// Spans in bounds and on character boundaries, evidence where it says,
/// numbers finite, alignment ordered.
pub fn check_invariants(input: &str, a: &Analysis) {
    for t in &a.targets {
        assert!(
            a.text.get(t.span.0..t.span.1) == Some(t.evidence.as_str()),
            "target span {:?} does not hold its evidence {}",
            t.span,
            short(&t.evidence)
        );
        assert!(
            t.value.is_finite(),
            "value {} of {}",
            t.value,
            short(&t.evidence)
        );
        assert!(t.value_high.is_none_or(f64::is_finite));
        assert!(t.baseline.is_none_or(f64::is_finite));
        if let Some(s) = t.source_span {
            assert!(in_bounds(input, s), "source span {s:?} of {}", t.evidence);
        }
    }
    for tok in &a.tokens {
        assert_eq!(a.text.get(tok.span.0..tok.span.1), Some(tok.word.as_str()));
    }
    for q in &a.qualitative {
        assert_eq!(a.text.get(q.span.0..q.span.1), Some(q.evidence.as_str()));
    }
    for w in &a.warnings {
        if let Some(s) = w.span {
            assert!(in_bounds(&a.text, s));
        }
    }
    for d in &a.dropped {
        assert!(in_bounds(input, d.span), "dropped span {:?}", d.span);
    }
    let mut last_end = 0;
    for run in &a.alignment.runs {
        assert!(
            in_bounds(&a.text, run.text),
            "alignment text {:?}",
            run.text
        );
        assert!(
            in_bounds(input, run.source),
            "alignment source {:?}",
            run.source
        );
        assert!(run.text.0 >= last_end, "alignment runs out of order");
        last_end = run.text.1;
    }
    for k in &a.keywords {
        assert!(k.weight.is_finite());
    }
}

/// At most 80 characters of `s`, for failure messages about huge inputs.
pub fn short(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Characters that normalization removes on purpose (src/clean/normalize.rs):
/// spaces, zero-width and format characters, control codes carry no text.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
        )
}

/// Nothing the user gave is lost: every visible character of a plain-text
/// input is in the text (through the alignment) or in a dropped line.
pub fn check_nothing_lost(input: &str, a: &Analysis) {
    if mubiao::clean::clean(input, &Default::default()).format != Format::Text {
        return;
    }
    let mut covered: Vec<Span> = a
        .alignment
        .runs
        .iter()
        .map(|r| r.source)
        .chain(a.dropped.iter().map(|d| d.span))
        .collect();
    covered.sort();
    let mut i = 0;
    for (at, c) in input.char_indices() {
        if is_invisible(c) {
            continue;
        }
        while i < covered.len() && covered[i].1 <= at {
            i += 1;
        }
        // Spans may overlap, so look at every span that starts before `at`.
        let hit = covered[i..]
            .iter()
            .take_while(|s| s.0 <= at)
            .any(|s| at < s.1);
        assert!(
            hit,
            "character {c:?} at byte {at} is neither in the text nor dropped"
        );
    }
}
