//! `pizhu`: the command-line annotator.
//!
//! ```text
//! pizhu annotate FILE|-  [--pretty]   one text in, one annotation JSON out
//! pizhu annotate --jsonl [--pretty]   lines {"id","text"} on stdin, one annotation a line out
//! ```

// The CLI is native only; the wasm build of this crate (browser tests) gets an empty main.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use pizhu::contract::{self, Annotation};
    use pizhu::engine::Engine;
    use rayon::prelude::*;
    use serde::{Deserialize, Serialize};
    use std::io::{self, BufRead, Read, Write};
    use std::process::ExitCode;

    const USAGE: &str = "\
    pizhu: who said what in Chinese news text

    USAGE:
        pizhu annotate FILE [--pretty]     annotate a text file (- for stdin); prints annotation JSON v1
        pizhu annotate --jsonl             read {\"id\",\"text\"} lines on stdin, write {\"id\",\"annotation\"} lines
        pizhu --help | --version

    Input must be UTF-8; GB18030/GBK files are detected and decoded.
    Offsets in the output are UTF-16 code units (JavaScript string indices), half-open.";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        // One line instead of Rust's panic report and backtrace hint; engine
        // panics are also caught and reported per text by annotate_guarded.
        std::panic::set_hook(Box::new(|info| eprintln!("pizhu: internal error: {info}")));
        match run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(CliError::Usage(msg)) => {
                eprintln!("pizhu: {msg}\n\n{USAGE}");
                ExitCode::from(2)
            }
            Err(CliError::Failed(msg)) => {
                eprintln!("pizhu: {msg}");
                ExitCode::FAILURE
            }
        }
    }

    enum CliError {
        Usage(String),
        Failed(String),
    }

    fn run(args: &[String]) -> Result<(), CliError> {
        let flag = |name: &str| args.iter().any(|a| a == name);
        if args.is_empty() || flag("--help") || flag("-h") {
            println!("{USAGE}");
            return Ok(());
        }
        if flag("--version") || flag("-V") {
            println!("pizhu {} (annotation JSON v{})", env!("CARGO_PKG_VERSION"), contract::VERSION);
            return Ok(());
        }
        if args[0] != "annotate" {
            return Err(CliError::Usage(format!("unknown command '{}'", args[0])));
        }
        let pretty = flag("--pretty");
        let mut files = Vec::new();
        for a in &args[1..] {
            match a.as_str() {
                "--pretty" | "--jsonl" => {}
                "-" => files.push(a.clone()),
                s if s.starts_with('-') => return Err(CliError::Usage(format!("unknown option '{s}'"))),
                s => files.push(s.to_string()),
            }
        }
        if flag("--jsonl") {
            if !files.is_empty() {
                return Err(CliError::Usage("--jsonl reads stdin; give no FILE".into()));
            }
            return annotate_jsonl(pretty);
        }
        let [file] = files.as_slice() else {
            return Err(CliError::Usage("annotate takes exactly one FILE (or - for stdin)".into()));
        };
        let bytes = read_input(file)?;
        let text = decode(&bytes).map_err(|e| CliError::Failed(format!("{file}: {e}")))?;
        let engine = Engine::new();
        let ann = annotate_guarded(&engine, &text).map_err(|e| CliError::Failed(format!("{file}: {e}")))?;
        print_json(&ann, pretty)
    }

    /// Annotates `text`, turning a panic in the engine (a bug: the engine is
    /// fuzzed never to panic) into a message, so one bad text never ends a
    /// batch run and never prints a Rust backtrace at the user ([`main`]
    /// sets a one-line panic hook for the same reason).
    fn annotate_guarded(engine: &Engine, text: &str) -> Result<Annotation, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| contract::annotate(engine, text))).map_err(|payload| {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            format!("internal error while annotating (a bug in pizhu; please report it with this text): {msg}")
        })
    }

    fn read_input(file: &str) -> Result<Vec<u8>, CliError> {
        let mut bytes = Vec::new();
        let res = if file == "-" {
            io::stdin().read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::File::open(file).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
        };
        res.map_err(|e| CliError::Failed(format!("cannot read {file}: {e}")))?;
        Ok(bytes)
    }

    /// UTF-8 (a leading BOM dropped), else GB18030 (a superset of GBK) when the
    /// bytes decode cleanly as such, else an error naming the first bad byte.
    fn decode(bytes: &[u8]) -> Result<String, String> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(utf8_err) => {
                let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
                if had_errors {
                    Err(format!(
                        "input is neither UTF-8 nor GB18030/GBK (invalid UTF-8 at byte {})",
                        utf8_err.valid_up_to()
                    ))
                } else {
                    Ok(text.into_owned())
                }
            }
        }
    }

    fn print_json<T: Serialize>(value: &T, pretty: bool) -> Result<(), CliError> {
        let out = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
        let out = out.map_err(|e| CliError::Failed(format!("cannot write JSON: {e}")))?;
        let mut stdout = io::stdout().lock();
        writeln!(stdout, "{out}").map_err(|e| CliError::Failed(format!("cannot write output: {e}")))
    }

    #[derive(Deserialize)]
    struct JsonlIn {
        id: serde_json::Value,
        text: String,
    }

    #[derive(Serialize)]
    struct JsonlOut {
        id: serde_json::Value,
        /// The input line number (from 1), on error records only: an id may
        /// itself be a number, so it cannot carry the line.
        #[serde(skip_serializing_if = "Option::is_none")]
        line: Option<usize>,
        #[serde(skip_serializing_if = "Option::is_none")]
        annotation: Option<Annotation>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    }

    /// Annotates JSON lines on all cores, in batches, writing results in input
    /// order. A bad line yields an `error` record with its line number and id
    /// (when one can be read), so no input is silently dropped; the run goes on,
    /// and ends with a failure status if any line failed.
    fn annotate_jsonl(pretty: bool) -> Result<(), CliError> {
        let engine = Engine::new();
        let stdin = io::stdin().lock();
        let mut stdout = io::BufWriter::new(io::stdout().lock());
        let mut lines = stdin.lines().enumerate().peekable();
        const BATCH: usize = 256;
        let (mut failed, mut total) = (0usize, 0usize);
        while lines.peek().is_some() {
            let batch: Vec<(usize, io::Result<String>)> = lines.by_ref().take(BATCH).collect();
            let outs: Vec<Option<JsonlOut>> = batch
                .into_par_iter()
                .map(|(n, line)| {
                    let line = match line {
                        Ok(l) => l,
                        Err(e) => return Some(error_line(n, format!("line {}: {e}", n + 1))),
                    };
                    if line.trim().is_empty() {
                        return None;
                    }
                    Some(match serde_json::from_str::<JsonlIn>(&line) {
                        Ok(rec) => match annotate_guarded(&engine, &rec.text) {
                            Ok(ann) => JsonlOut { annotation: Some(ann), id: rec.id, line: None, error: None },
                            Err(e) => JsonlOut { id: rec.id, ..error_line(n, format!("line {}: {e}", n + 1)) },
                        },
                        Err(e) => {
                            let mut out = error_line(n, format!("line {}: expected {{\"id\",\"text\"}}: {e}", n + 1));
                            // Keep the id of a record that has one but no usable text.
                            if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(&line) {
                                out.id = o.get("id").cloned().unwrap_or(serde_json::Value::Null);
                            }
                            out
                        }
                    })
                })
                .collect();
            for out in outs.into_iter().flatten() {
                failed += usize::from(out.error.is_some());
                total += 1;
                let s = if pretty { serde_json::to_string_pretty(&out) } else { serde_json::to_string(&out) };
                let s = s.map_err(|e| CliError::Failed(format!("cannot write JSON: {e}")))?;
                writeln!(stdout, "{s}").map_err(|e| CliError::Failed(format!("cannot write output: {e}")))?;
            }
        }
        stdout.flush().map_err(|e| CliError::Failed(format!("cannot write output: {e}")))?;
        if failed > 0 {
            return Err(CliError::Failed(format!("{failed} of {total} lines could not be annotated (see their error records)")));
        }
        Ok(())
    }

    fn error_line(n: usize, error: String) -> JsonlOut {
        JsonlOut { id: serde_json::Value::Null, line: Some(n + 1), annotation: None, error: Some(error) }
    }
}
