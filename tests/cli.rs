//! The `pizhu` binary end to end: files, stdin, --pretty, encodings, errors,
//! --jsonl ordering and error records.

mod support;

use pizhu::contract::Annotation;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use support::invariants::check;

const SENTENCE: &str = "青川市副市长郑明远表示：“一季度的成绩来之不易。”";

fn pizhu(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pizhu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pizhu");
    // Write on a thread so a large input cannot deadlock against a full stdout pipe.
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait for pizhu");
    writer.join().unwrap();
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_no_panic(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "panic text on stderr: {err}");
}

fn parse_annotation(json: &str, input: &str) -> Annotation {
    let ann: Annotation = serde_json::from_str(json.trim()).unwrap_or_else(|e| panic!("bad JSON ({e}): {json}"));
    check(input, &ann).unwrap();
    ann
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pizhu-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn utf8_file() {
    let path = temp_file("utf8.txt", SENTENCE.as_bytes());
    let out = pizhu(&["annotate", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.trim_end().lines().count(), 1, "compact output is one line");
    let ann = parse_annotation(&text, SENTENCE);
    assert_eq!(ann.length, SENTENCE.encode_utf16().count());
}

#[test]
fn utf8_file_with_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(SENTENCE.as_bytes());
    let path = temp_file("bom.txt", &bytes);
    let out = pizhu(&["annotate", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    parse_annotation(&stdout(&out), SENTENCE);
}

#[test]
fn stdin_dash() {
    let out = pizhu(&["annotate", "-"], SENTENCE.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    parse_annotation(&stdout(&out), SENTENCE);
}

#[test]
fn pretty_output() {
    let out = pizhu(&["annotate", "-", "--pretty"], SENTENCE.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().count() > 3, "pretty JSON spans lines: {text}");
    let compact = pizhu(&["annotate", "-"], SENTENCE.as_bytes());
    assert_eq!(parse_annotation(&text, SENTENCE), parse_annotation(&stdout(&compact), SENTENCE));
}

#[test]
fn empty_input_gives_valid_empty_annotation() {
    let out = pizhu(&["annotate", "-"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let ann = parse_annotation(&stdout(&out), "");
    assert_eq!(ann.version, 1);
    assert_eq!(ann.length, 0);
    assert!(ann.entities.is_empty() && ann.statements.is_empty() && ann.speakers.is_empty());
}

#[test]
fn gbk_and_gb18030_bytes_are_decoded() {
    for enc in [encoding_rs::GBK, encoding_rs::GB18030] {
        let (bytes, _, unmappable) = enc.encode(SENTENCE);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "the test input must not be valid UTF-8");
        let path = temp_file(&format!("{}.txt", enc.name()), &bytes);
        let out = pizhu(&["annotate", path.to_str().unwrap()], b"");
        assert!(out.status.success(), "{}: {}", enc.name(), stderr(&out));
        let ann = parse_annotation(&stdout(&out), SENTENCE);
        assert_eq!(ann.length, SENTENCE.encode_utf16().count());
        // Also through stdin.
        let out = pizhu(&["annotate", "-"], &bytes);
        assert!(out.status.success());
        parse_annotation(&stdout(&out), SENTENCE);
    }
}

#[test]
fn invalid_bytes_give_a_clear_error() {
    // Not UTF-8, and 0xFF never occurs in GB18030 either.
    let bytes = b"\xe9\x9d\x92\xff\xfe\x80abc";
    let out = pizhu(&["annotate", "-"], bytes);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("neither UTF-8 nor GB18030"), "unclear message: {err}");
    assert_no_panic(&out);
    assert!(out.stdout.is_empty(), "no partial output on error");
}

#[test]
fn missing_file_and_bad_usage() {
    let out = pizhu(&["annotate", "/nonexistent/pizhu-test.txt"], b"");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
    assert_no_panic(&out);

    for args in [&["frobnicate"][..], &["annotate"], &["annotate", "--bogus", "-"], &["annotate", "a", "b"]] {
        let out = pizhu(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_no_panic(&out);
    }
}

#[test]
fn jsonl_preserves_ids_and_order_and_reports_bad_lines() {
    let texts = ["郑明远表示：“好。”", "", "蒋一帆称，协议金额约12亿欧元。", "😀𠀀"];
    let mut input = String::new();
    // Many records so that more than one rayon batch (256) is used.
    for i in 0..600 {
        let id = if i % 3 == 0 { serde_json::json!(format!("a-{i}")) } else { serde_json::json!(i) };
        if i == 300 {
            input.push_str("{not json}\n");
            continue;
        }
        if i == 301 {
            input.push_str("{\"id\": 301}\n"); // missing text
            continue;
        }
        input.push_str(&serde_json::json!({"id": id, "text": texts[i % texts.len()]}).to_string());
        input.push('\n');
    }
    input.push_str("\n   \n"); // blank lines are skipped, not errors
    let out = pizhu(&["annotate", "--jsonl"], input.as_bytes());
    // Every line is answered; the status says two of them failed.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 of 600 lines"), "{}", stderr(&out));
    assert_no_panic(&out);
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect();
    assert_eq!(lines.len(), 600);
    for (i, rec) in lines.iter().enumerate() {
        if i == 300 || i == 301 {
            assert!(rec["annotation"].is_null(), "line {i}: {rec}");
            assert_eq!(rec["line"], i + 1, "{rec}");
            // The record without text keeps its id; the unreadable one has none.
            assert_eq!(rec["id"], if i == 301 { serde_json::json!(301) } else { serde_json::Value::Null }, "{rec}");
            assert!(rec["error"].as_str().is_some_and(|e| e.contains(&format!("line {}", i + 1))), "{rec}");
            continue;
        }
        let id = if i % 3 == 0 { serde_json::json!(format!("a-{i}")) } else { serde_json::json!(i) };
        assert_eq!(rec["id"], id, "order/ids preserved at {i}");
        assert!(rec["error"].is_null());
        let ann: Annotation = serde_json::from_value(rec["annotation"].clone()).unwrap();
        check(texts[i % texts.len()], &ann).unwrap();
    }
}

#[test]
fn help_and_version() {
    let out = pizhu(&["--help"], b"");
    assert!(out.status.success());
    assert!(stdout(&out).contains("USAGE"));
    let out = pizhu(&["--version"], b"");
    assert!(out.status.success());
    assert!(stdout(&out).contains("JSON v1"));
}
