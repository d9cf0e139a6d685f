//! The native half of `npm run bench:analysis`: how long each stage of the
//! analysis takes on the same texts, per MB of input.
//!
//! ```sh
//! cargo run --release --example bench_analysis -- [--passes N] [--stage S] FILE...
//! ```
//!
//! Prints one JSON object: the bytes read and, per stage, the best of
//! `--passes` passes over all the files (milliseconds). The stages:
//! `segment` (the segmentation the analysis does: the cleaned text, precise
//! mode, part-of-speech tags, the analyzer's HMM setting), `clean`, `extract`
//! (targets from the cleaned text), `analyze` (everything, default
//! options) and `analyze-nokw` (the same without keywords: clean, segment,
//! extract). With `--stage`, only that stage runs, once per pass: what a
//! profiler such as `valgrind --tool=callgrind` should look at. Without
//! it, `phases` also gives the time of each of the three stages inside
//! the analysis's own order (clean, extract, segment, then the next text).

use std::time::Instant;

use mubiao::extract::extract;
use mubiao::lexicon::Lexicon;
use mubiao::{
    AnalyzeOptions, Analyzer, CleanOptions, Cleaned, KeywordOptions, Options, SegmentOptions,
};

const STAGES: [&str; 5] = ["segment", "clean", "extract", "analyze", "analyze-nokw"];

fn main() {
    let mut passes = 3;
    let mut only: Option<String> = None;
    let mut spin_us: Option<u64> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--passes" => passes = args.next().and_then(|n| n.parse().ok()).unwrap_or(passes),
            "--stage" => only = args.next(),
            "--spin-us" => spin_us = args.next().and_then(|n| n.parse().ok()),
            _ => files.push(arg),
        }
    }
    if let Some(stage) = &only
        && !STAGES.contains(&stage.as_str())
    {
        eprintln!("bench_analysis: --stage is one of {STAGES:?}");
        std::process::exit(2);
    }
    let texts: Vec<String> = files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f).unwrap_or_else(|e| {
                eprintln!("bench_analysis: {f}: {e}");
                std::process::exit(2);
            })
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();

    let analyzer = match Analyzer::new(Options::default()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench_analysis: {e}");
            std::process::exit(2);
        }
    };
    let cleaned: Vec<_> = texts
        .iter()
        .map(|t| mubiao::clean::clean(t, &CleanOptions::default()))
        .collect();
    let pos = SegmentOptions {
        pos: true,
        ..SegmentOptions::default()
    };
    let options = AnalyzeOptions::default();
    let no_keywords = AnalyzeOptions {
        keywords: KeywordOptions {
            top: 0,
            ..KeywordOptions::default()
        },
        ..AnalyzeOptions::default()
    };
    // Warm: the dictionary blocks the texts need are loaded and every
    // pattern is compiled before timing.
    for t in &texts {
        let _ = analyzer.analyze_with(t, &options);
    }

    let run = |stage: &str| {
        let options = if stage == "analyze-nokw" {
            &no_keywords
        } else {
            &options
        };
        stage_pass(stage, &analyzer, &texts, &cleaned, &pos, options)
    };

    let stages: Vec<&str> = match &only {
        Some(s) => vec![s.as_str()],
        None => STAGES.to_vec(),
    };
    let mut best = vec![f64::INFINITY; stages.len()];
    let mut check = 0;
    // Stages interleaved, so that a burst of load on a shared machine spreads
    // over all of them rather than hitting one.
    for _ in 0..passes {
        for (i, stage) in stages.iter().enumerate() {
            let t0 = Instant::now();
            check += run(stage);
            best[i] = best[i].min(t0.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let ms: Vec<String> = stages
        .iter()
        .zip(&best)
        .map(|(s, ms)| format!("\"{s}\": {ms:.3}"))
        .collect();
    // The three stages timed one by one inside the analysis's own order
    // (clean, extract, segment, next text): what each costs there, next to
    // what it costs run alone over all the texts.
    let phases = if only.is_none() {
        let mut best: Option<[f64; 3]> = None;
        for _ in 0..passes {
            let (times, n) = phases_pass(&analyzer, &texts, &pos);
            check += n;
            if best.is_none_or(|b| times.iter().sum::<f64>() < b.iter().sum::<f64>()) {
                best = Some(times);
            }
        }
        best.map_or(String::new(), |[c, s, e]| {
            format!(", \"phases\": {{\"clean\": {c:.3}, \"segment\": {s:.3}, \"extract\": {e:.3}}}")
        })
    } else {
        String::new()
    };
    let spin = match spin_us {
        Some(us) if only.is_none() => {
            let mut best = [f64::INFINITY; 2];
            for _ in 0..passes {
                for (i, gap) in [0, us].into_iter().enumerate() {
                    let (ms, n) = spin_pass(&analyzer, &cleaned, &pos, gap);
                    check += n;
                    best[i] = best[i].min(ms);
                }
            }
            format!(
                ", \"spin\": {{\"us\": {us}, \"segment\": {:.3}, \"segment after spin\": {:.3}}}",
                best[0], best[1]
            )
        }
        _ => String::new(),
    };
    println!(
        "{{\"files\": {}, \"bytes\": {bytes}, \"passes\": {passes}, \"check\": {check}, \"ms\": {{{}}}{phases}{spin}}}",
        texts.len(),
        ms.join(", ")
    );
}

/// One pass of clean, extract and segment text by text, as the analysis
/// runs them; the milliseconds spent in each, and a checksum.
fn phases_pass(analyzer: &Analyzer, texts: &[String], pos: &SegmentOptions) -> ([f64; 3], usize) {
    let mut ms = [0.0; 3];
    let mut n = 0;
    for t in texts {
        let t0 = Instant::now();
        let c = mubiao::clean::clean(t, &CleanOptions::default());
        let t1 = Instant::now();
        n += extract(&c.text, &c.meta, Lexicon::builtin()).targets.len();
        let t2 = Instant::now();
        n += analyzer.segment(&c.text, pos).map_or(0, |t| t.len());
        let t3 = Instant::now();
        for (m, d) in ms.iter_mut().zip([t1 - t0, t3 - t2, t2 - t1]) {
            *m += d.as_secs_f64() * 1000.0;
        }
    }
    (ms, n)
}

/// The milliseconds the cut of each text takes, timed alone, each cut
/// after `gap_us` microseconds of a loop that touches no memory; and a
/// checksum.
fn spin_pass(
    analyzer: &Analyzer,
    cleaned: &[Cleaned],
    pos: &SegmentOptions,
    gap_us: u64,
) -> (f64, usize) {
    let mut ms = 0.0;
    let mut n = 0;
    for c in cleaned {
        let t = Instant::now();
        let mut x = 1u64;
        while t.elapsed().as_micros() < u128::from(gap_us) {
            for _ in 0..1000 {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            }
        }
        n += usize::from(x & 1 == 1);
        let t0 = Instant::now();
        n += analyzer.segment(&c.text, pos).map_or(0, |t| t.len());
        ms += t0.elapsed().as_secs_f64() * 1000.0;
    }
    (ms, n)
}

/// One pass of `stage` over all the texts; a checksum of the results, so
/// that nothing is optimized away. Not inlined: profilers collect from here
/// (`--toggle-collect=*stage_pass*`).
#[inline(never)]
fn stage_pass(
    stage: &str,
    analyzer: &Analyzer,
    texts: &[String],
    cleaned: &[Cleaned],
    pos: &SegmentOptions,
    options: &AnalyzeOptions,
) -> usize {
    let mut n = 0;
    match stage {
        "segment" => {
            for c in cleaned {
                n += analyzer.segment(&c.text, pos).map_or(0, |t| t.len());
            }
        }
        "clean" => {
            for t in texts {
                n += mubiao::clean::clean(t, &CleanOptions::default()).text.len();
            }
        }
        "extract" => {
            for c in cleaned {
                n += extract(&c.text, &c.meta, Lexicon::builtin()).targets.len();
            }
        }
        _ => {
            for t in texts {
                n += analyzer
                    .analyze_with(t, options)
                    .map_or(0, |a| a.tokens.len());
            }
        }
    }
    n
}
