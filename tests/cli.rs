//! The command line as users run it: output shapes, exit codes, messages.

use std::path::PathBuf;
use std::process::{Command, Output};

fn mubiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mubiao"))
        .args(args)
        .output()
        .expect("the mubiao binary runs")
}

fn seed(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/samples");
    dir.join(name).to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn analyze_prints_one_json_object_with_every_key() {
    let out = mubiao(&["analyze", &seed("000_cfc0e70df7390dc8.txt")]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    for key in [
        "meta",
        "text",
        "dropped",
        "alignment",
        "tokens",
        "keywords",
        "targets",
        "qualitative",
        "warnings",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn several_files_give_json_lines_in_order() {
    let (a, b) = (
        seed("000_cfc0e70df7390dc8.txt"),
        seed("001_10f6974be214446c.txt"),
    );
    let out = mubiao(&["analyze", "--no-tokens", &a, &b]);
    assert!(out.status.success());
    let files: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(files, vec![a, b]);
}

#[test]
fn csv_starts_with_a_bom_and_a_header() {
    let out = mubiao(&[
        "analyze",
        "--format",
        "csv",
        &seed("000_cfc0e70df7390dc8.txt"),
    ]);
    let text = stdout(&out);
    assert!(
        text.starts_with("\u{FEFF}file,title,date,indicator"),
        "{text}"
    );
    assert!(text.lines().count() > 1);
}

#[test]
fn a_missing_file_is_exit_2_with_its_name() {
    let out = mubiao(&["analyze", "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}

#[test]
fn invalid_utf8_is_exit_2_with_a_hint() {
    let path = std::env::temp_dir().join("mubiao-gbk.txt");
    std::fs::write(&path, b"\xd6\xd0\xce\xc4 GBK text").unwrap();
    let out = mubiao(&["clean", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not valid UTF-8") && err.contains("iconv"),
        "{err}"
    );
}

#[test]
fn every_command_has_help() {
    for cmd in ["analyze", "clean", "segment"] {
        let out = mubiao(&[cmd, "--help"]);
        assert!(out.status.success());
        assert!(stdout(&out).contains(&format!("mubiao {cmd}")));
    }
    let out = mubiao(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn segment_prints_words_with_single_spaces() {
    let path = std::env::temp_dir().join("mubiao-seg.txt");
    std::fs::write(&path, "规模以上工业增加值增长5%\n\n十三五时期\n").unwrap();
    let out = mubiao(&["segment", "--pos", path.to_str().unwrap()]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("规模以上工业增加值/"), "{text}");
    assert_eq!(lines[1], "");
    assert!(!text.contains("  "));
}

#[test]
fn segment_takes_user_words_from_dict() {
    let dir = std::env::temp_dir();
    let text = dir.join("mubiao-userdict-text.txt");
    let dict = dir.join("mubiao-userdict.txt");
    std::fs::write(&text, "撸起袖子加油干\n").unwrap();
    std::fs::write(&dict, "# mine\n撸起袖子 1000 v\n").unwrap();
    let text = text.to_str().unwrap();
    let before = stdout(&mubiao(&["segment", text]));
    assert!(
        !before.split_whitespace().any(|w| w == "撸起袖子"),
        "{before}"
    );
    let after = stdout(&mubiao(&[
        "segment",
        "--pos",
        "--dict",
        dict.to_str().unwrap(),
        text,
    ]));
    assert!(after.starts_with("撸起袖子/v "), "{after}");
}
