//! The mubiao command line: batch analysis, cleaning and segmentation.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use mubiao::{
    Analysis, AnalyzeOptions, Analyzer, CleanOptions, KeywordOptions, Mode, Offsets, Options,
    SegmentOptions,
};

const HELP: &str = "\
mubiao — targets (目标) from Chinese government news, offline

Usage:
  mubiao analyze [OPTIONS] [FILE...]  everything mubiao reads, as JSON
  mubiao clean [OPTIONS] [FILE]       the article body without page chrome
  mubiao segment [OPTIONS] [FILE]     words separated by one space, line by line
  mubiao help [COMMAND]

Input is UTF-8 text or HTML; with no FILE, standard input is read.
Run `mubiao help COMMAND` for a command's options.";

const HELP_ANALYZE: &str = "\
mubiao analyze [OPTIONS] [FILE...]

Prints the analysis (meta, text, dropped, alignment, tokens, keywords, targets,
qualitative, warnings) as one JSON object; with several files, one object per
line (JSON Lines) with a `file` field, in the order given.

Options:
  --format FORMAT   json (one input), jsonl (several; the default then) or csv:
                    the targets as a table (UTF-8 with BOM, for Excel), one row
                    per target with the file, title and date
  --offsets KIND    how spans count: char (default; Python and jq indexing),
                    utf16 (JavaScript) or byte (Rust)
  --no-tokens       leave out the tokens (smaller output for batches)
  --keywords N      how many keywords (default 10; 0 for none)
  --date DATE       reference date (2017, 2017-02-15) for pages without one
  --jobs N          files analyzed at once (default: the number of cores)
  --dict FILE       extra words, jieba's `word [freq] [tag]` format
  --hmm, --no-hmm   guess unknown words with jieba's HMM (default off)
  -h, --help        this help

Exit status: 0 when every input was analyzed, 2 when any could not be read.";

const HELP_CLEAN: &str = "\
mubiao clean [OPTIONS] [FILE]

Prints the article body: page chrome (breadcrumbs, share bars, meta lines,
editor credits, disclaimers, previous/next links…) removed, lines broken by the
copy joined again, full-width digits and letters made half-width.

Options:
  --json            print text, meta, dropped lines and alignment as JSON
  --offsets KIND    with --json: char (default), utf16 or byte
  -h, --help        this help";

const HELP_SEGMENT: &str = "\
mubiao segment [OPTIONS] [FILE]

Segments the input line by line, as it is (not cleaned first), and prints the
words separated by one space (the SIGHAN bakeoff format).

Options:
  --pos             append each word's part of speech: 词/n
  --mode MODE       precise (default), search or full
  --dict FILE       extra words, jieba's `word [freq] [tag]` format
  --hmm, --no-hmm   guess unknown words with jieba's HMM (default off)
  -h, --help        this help";

/// A failure the user can act on; printed as `mubiao: …`, exit status 2.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("mubiao: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Failure> {
    let Some((command, rest)) = args.split_first() else {
        println!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    };
    match command.as_str() {
        "analyze" => analyze(rest),
        "clean" => clean(rest),
        "segment" => segment(rest),
        "help" | "-h" | "--help" => {
            let text = match rest.first().map(String::as_str) {
                Some("analyze") => HELP_ANALYZE,
                Some("clean") => HELP_CLEAN,
                Some("segment") => HELP_SEGMENT,
                _ => HELP,
            };
            println!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("mubiao {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure(format!(
            "unknown command `{other}`; try `mubiao help`"
        ))),
    }
}

/// The options every command shares, and the files named.
#[derive(Default)]
struct Args {
    files: Vec<String>,
    format: Option<String>,
    offsets: Offsets,
    tokens: bool,
    keywords: Option<usize>,
    date: Option<String>,
    jobs: Option<usize>,
    dict: Option<String>,
    hmm: bool,
    pos: bool,
    json: bool,
    mode: Mode,
    help: bool,
}

fn parse_args(args: &[String], allowed: &[&str]) -> Result<Args, Failure> {
    let mut out = Args {
        tokens: true,
        offsets: Offsets::Char,
        ..Args::default()
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if !name.starts_with('-') || name == "-" {
            out.files.push(arg.clone());
            continue;
        }
        if name != "-h" && name != "--help" && !allowed.contains(&name) {
            return Err(Failure(format!("unknown option `{name}`; see --help")));
        }
        let mut value = || -> Result<String, Failure> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| Failure(format!("`{name}` needs a value")))
        };
        match name {
            "-h" | "--help" => out.help = true,
            "--format" => out.format = Some(value()?),
            "--offsets" => {
                out.offsets = match value()?.as_str() {
                    "char" => Offsets::Char,
                    "utf16" => Offsets::Utf16,
                    "byte" => Offsets::Byte,
                    v => {
                        return Err(Failure(format!(
                            "--offsets: `{v}` is not char, utf16 or byte"
                        )));
                    }
                }
            }
            "--no-tokens" => out.tokens = false,
            "--keywords" => out.keywords = Some(number(name, &value()?)?),
            "--date" => out.date = Some(value()?),
            "--jobs" => out.jobs = Some(number(name, &value()?)?.max(1)),
            "--dict" => out.dict = Some(value()?),
            "--hmm" => out.hmm = true,
            "--no-hmm" => out.hmm = false,
            "--pos" => out.pos = true,
            "--json" => out.json = true,
            "--mode" => {
                out.mode = match value()?.as_str() {
                    "precise" => Mode::Precise,
                    "search" => Mode::Search,
                    "full" => Mode::Full,
                    v => {
                        return Err(Failure(format!(
                            "--mode: `{v}` is not precise, search or full"
                        )));
                    }
                }
            }
            _ => return Err(Failure(format!("unknown option `{name}`; see --help"))),
        }
    }
    Ok(out)
}

fn number(name: &str, value: &str) -> Result<usize, Failure> {
    value
        .parse()
        .map_err(|_| Failure(format!("`{name}` needs a whole number, not `{value}`")))
}

fn read_input(path: Option<&str>) -> Result<String, Failure> {
    let (name, bytes) = match path {
        None | Some("-") => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure(format!("standard input: {e}")))?;
            ("standard input".to_string(), bytes)
        }
        Some(p) => (
            p.to_string(),
            std::fs::read(p).map_err(|e| Failure(format!("{p}: {e}")))?,
        ),
    };
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{name}: not valid UTF-8 (at byte {}); mubiao reads UTF-8 — convert other encodings first, e.g. `iconv -f GBK -t UTF-8`",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn analyzer(args: &Args) -> Result<Analyzer, Failure> {
    let user_dict = match &args.dict {
        Some(path) => Some(read_input(Some(path))?),
        None => None,
    };
    Analyzer::new(Options {
        hmm: args.hmm,
        user_dict,
        max_input_bytes: None,
    })
    .map_err(|e| {
        Failure(format!(
            "{}: {e}",
            args.dict.as_deref().unwrap_or("options")
        ))
    })
}

fn analyze(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = parse_args(
        rest,
        &[
            "--format",
            "--offsets",
            "--no-tokens",
            "--keywords",
            "--date",
            "--jobs",
            "--dict",
            "--hmm",
            "--no-hmm",
        ],
    )?;
    if args.help {
        println!("{HELP_ANALYZE}");
        return Ok(ExitCode::SUCCESS);
    }
    let format = match args.format.as_deref() {
        None if args.files.len() > 1 => "jsonl",
        None => "json",
        Some(f @ ("json" | "jsonl" | "csv")) => f,
        Some(f) => {
            return Err(Failure(format!(
                "--format: `{f}` is not json, jsonl or csv"
            )));
        }
    };
    let options = AnalyzeOptions {
        tokens: args.tokens && format != "csv",
        keywords: KeywordOptions {
            top: args
                .keywords
                .unwrap_or(if format == "csv" { 0 } else { 10 }),
            ..KeywordOptions::default()
        },
        keep_lines: Vec::new(),
        date: args.date.clone(),
    };
    // Check options before any work, so a typo fails at once.
    analyzer(&args)?.analyze_with("", &options)?;

    let inputs: Vec<Option<&str>> = if args.files.is_empty() {
        vec![None]
    } else {
        args.files.iter().map(|f| Some(f.as_str())).collect()
    };
    let out = io::stdout().lock();
    let mut out = BufWriter::new(out);
    if format == "csv" {
        out.write_all(b"\xEF\xBB\xBF")?;
        writeln!(out, "{}", csv_row(&CSV_HEADER.map(String::from)))?;
    }
    let mut failed = false;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(inputs.len());

    for_each_in_order(&inputs, jobs, &args, &options, |path, result| {
        match result {
            Ok(analysis) => match format {
                "csv" => {
                    for row in csv_rows(path.unwrap_or("-"), &analysis) {
                        writeln!(out, "{}", csv_row(&row))?;
                    }
                }
                "jsonl" => jsonl_record(&mut out, analysis, path)?,
                _ => {
                    serde_json::to_writer_pretty(&mut out, &analysis)?;
                    writeln!(out)?;
                }
            },
            Err(Failure(message)) => {
                failed = true;
                eprintln!("mubiao: {message}");
                if format == "jsonl" {
                    let line = serde_json::json!({ "file": path, "error": message });
                    writeln!(out, "{line}")?;
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// One JSON Lines record: the analysis with its `file`, the keys of every
/// object in sorted order, as a `serde_json::Value` (a BTreeMap) writes them.
/// The tokens, most of the record, are written straight, with their keys in
/// that order, rather than built as a Value each first: the same bytes, at a
/// fraction of the cost.
fn jsonl_record(
    out: &mut impl Write,
    mut analysis: Analysis,
    path: Option<&str>,
) -> Result<(), Failure> {
    /// A token with its fields in sorted order.
    #[derive(serde::Serialize)]
    struct SortedToken<'a> {
        span: mubiao::Span,
        #[serde(skip_serializing_if = "Option::is_none")]
        tag: Option<&'a str>,
        word: &'a str,
    }

    let tokens = std::mem::take(&mut analysis.tokens);
    let mut value = serde_json::to_value(&analysis)?;
    let Some(obj) = value.as_object_mut() else {
        return Err(Failure("the analysis is not a JSON object".into()));
    };
    if let Some(p) = path {
        obj.insert("file".into(), p.into());
    }
    out.write_all(b"{")?;
    for (i, (key, v)) in obj.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, key)?;
        out.write_all(b":")?;
        if key == "tokens" {
            out.write_all(b"[")?;
            for (j, t) in tokens.iter().enumerate() {
                if j > 0 {
                    out.write_all(b",")?;
                }
                let sorted = SortedToken {
                    span: t.span,
                    tag: t.tag.as_deref(),
                    word: &t.word,
                };
                serde_json::to_writer(&mut *out, &sorted)?;
            }
            out.write_all(b"]")?;
        } else {
            serde_json::to_writer(&mut *out, v)?;
        }
    }
    out.write_all(b"}\n")?;
    Ok(())
}

/// Analyzes `inputs` on `jobs` threads (one analyzer each) and hands the
/// results to `emit` in input order, as soon as each one's turn comes.
fn for_each_in_order(
    inputs: &[Option<&str>],
    jobs: usize,
    args: &Args,
    options: &AnalyzeOptions,
    mut emit: impl FnMut(Option<&str>, Result<Analysis, Failure>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Result<Analysis, Failure>)>();
    std::thread::scope(|scope| -> Result<(), Failure> {
        for _ in 0..jobs.max(1) {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                let analyzer = match analyzer(args) {
                    Ok(a) => a,
                    Err(e) => {
                        let _ = tx.send((usize::MAX, Err(e)));
                        return;
                    }
                };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = inputs.get(i) else { break };
                    let result = read_input(*path).and_then(|text| {
                        let name = path.unwrap_or("standard input");
                        // A panic is a bug in mubiao; report it for this
                        // file and carry on with the others.
                        catch_unwind(AssertUnwindSafe(|| analyzer.analyze_with(&text, options)))
                            .map_err(|_| {
                                Failure(format!(
                                    "{name}: internal error (please report it with this file)"
                                ))
                            })?
                            .map_err(|e| Failure(format!("{name}: {e}")))
                            .map(|mut a| {
                                a.convert_offsets(&text, args.offsets);
                                a
                            })
                    });
                    if tx.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut turn = 0;
        for (i, result) in rx {
            if i == usize::MAX {
                return result.map(|_| ());
            }
            pending.insert(i, result);
            while let Some(result) = pending.remove(&turn) {
                emit(inputs.get(turn).copied().flatten(), result)?;
                turn += 1;
            }
        }
        Ok(())
    })
}

const CSV_HEADER: [&str; 17] = [
    "file",
    "title",
    "date",
    "indicator",
    "surface",
    "quantity",
    "value",
    "valueHigh",
    "unit",
    "comparator",
    "status",
    "period",
    "baseline",
    "subject",
    "evidence",
    "span",
    "warnings",
];

fn csv_rows(file: &str, a: &Analysis) -> Vec<[String; 17]> {
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    a.targets
        .iter()
        .map(|t| {
            [
                file.to_string(),
                a.meta.title.clone().unwrap_or_default(),
                a.meta.date.clone().unwrap_or_default(),
                t.indicator.clone(),
                t.surface.clone(),
                t.quantity.as_str().to_string(),
                t.value.to_string(),
                num(t.value_high),
                t.unit.clone(),
                t.comparator.as_str().to_string(),
                t.status.as_str().to_string(),
                t.period.clone().unwrap_or_default(),
                num(t.baseline),
                t.subject.clone().unwrap_or_default(),
                t.evidence.clone(),
                format!("{}-{}", t.span.0, t.span.1),
                t.warnings
                    .iter()
                    .filter_map(|w| serde_json::to_value(w).ok())
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect::<Vec<_>>()
                    .join(" "),
            ]
        })
        .collect()
}

/// One RFC 4180 row: fields with a comma, quote or line break are quoted.
fn csv_row(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn clean(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = parse_args(rest, &["--json", "--offsets"])?;
    if args.help {
        println!("{HELP_CLEAN}");
        return Ok(ExitCode::SUCCESS);
    }
    let [path] = one_file(&args)?;
    let text = read_input(path)?;
    let mut cleaned = mubiao::clean::clean(&text, &CleanOptions::default());
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        cleaned.convert_offsets(&text, args.offsets);
        serde_json::to_writer_pretty(&mut out, &cleaned)?;
    } else {
        out.write_all(cleaned.text.as_bytes())?;
    }
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn one_file(args: &Args) -> Result<[Option<&str>; 1], Failure> {
    match args.files.as_slice() {
        [] => Ok([None]),
        [one] => Ok([Some(one.as_str())]),
        _ => Err(Failure(
            "this command reads one file (or standard input)".into(),
        )),
    }
}

fn segment(rest: &[String]) -> Result<ExitCode, Failure> {
    let args = parse_args(rest, &["--pos", "--mode", "--dict", "--hmm", "--no-hmm"])?;
    if args.help {
        println!("{HELP_SEGMENT}");
        return Ok(ExitCode::SUCCESS);
    }
    let [path] = one_file(&args)?;
    let text = read_input(path)?;
    let analyzer = analyzer(&args)?;
    let options = SegmentOptions {
        mode: args.mode,
        hmm: Some(args.hmm),
        pos: args.pos,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let tokens = analyzer.segment(line, &options)?;
        let mut first = true;
        for token in tokens.iter().filter(|t| !t.word.trim().is_empty()) {
            if !first {
                out.write_all(b" ")?;
            }
            first = false;
            out.write_all(token.word.as_bytes())?;
            if let Some(tag) = &token.tag {
                write!(out, "/{tag}")?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
