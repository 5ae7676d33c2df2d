//! Derives pizhu's segmentation dictionary at build time from the dictionary
//! that ships inside the jieba-rs crate (`src/data/dict.txt`, ~349k words,
//! 5 MB). The repository never contains that dictionary or anything derived
//! from it: the pruned copy is written to `OUT_DIR`, packed (char ids, shared
//! prefixes, one stream per field: see `pack`), and embedded from there by
//! `src/engine/dict/packed.rs`.
//!
//! Why prune: the full dictionary is ~1.5 MB brotli on its own (the whole
//! widget download must stay under 1.5 MB) and takes ~100-200 ms to load.
//! Half of its words have frequency 2 or 3 and almost never occur in news.
//!
//! What is kept (thresholds chosen by measurement, see BENCHMARKS.md):
//! - every single character (so the DAG always has a path),
//! - every word with frequency >= `MIN_FREQ`,
//! - every proper noun (tags nr, nrt, nrfg, ns, nt, nz) with frequency >=
//!   `MIN_FREQ_NAMES`: names, places and organizations are what pizhu
//!   annotates, and their dictionary tags are the entity stage's evidence.
//! - every word of the engine's own lexicons (`src/engine/**/*.txt`: speech
//!   cues, titles, organization names and suffixes, places, ...): the rules
//!   match those words as tokens, so jieba must be able to cut them whole.
//!
//! Switches:
//! - cargo feature `full-dict` or env `PIZHU_FULL_DICT=1`: embed the whole
//!   dictionary unpruned (for comparisons).
//! - env `PIZHU_DICT_MIN_FREQ`, `PIZHU_DICT_MIN_FREQ_NAMES`: override the
//!   thresholds (for tuning runs; the defaults are the measured choice).
//! - env `PIZHU_JIEBA_DICT=/path/dict.txt`: use that file instead of locating
//!   the jieba-rs crate (e.g. for vendored or offline builds).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Words at least this frequent are kept.
const MIN_FREQ: u64 = 10;
/// Proper nouns at least this frequent are kept: 2 (the dictionary's minimum)
/// keeps all of them. 3 would save ~27k words (~110 KB brotli), but the
/// dev-set person and attribution scores drop (BENCHMARKS.md).
const MIN_FREQ_NAMES: u64 = 2;
/// jieba tags of proper nouns.
const NAME_TAGS: &[&str] = &["nr", "nrt", "nrfg", "ns", "nt", "nz"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for var in ["PIZHU_FULL_DICT", "PIZHU_DICT_MIN_FREQ", "PIZHU_DICT_MIN_FREQ_NAMES", "PIZHU_JIEBA_DICT"] {
        println!("cargo:rerun-if-env-changed={var}");
    }

    let source = locate_dict();
    println!("cargo:rerun-if-changed={}", source.display());
    let dict = fs::read_to_string(&source)
        .unwrap_or_else(|e| fail(&format!("cannot read jieba dictionary {}: {e}", source.display())));

    let full = env::var_os("CARGO_FEATURE_FULL_DICT").is_some() || env::var("PIZHU_FULL_DICT").is_ok_and(|v| v == "1");
    let min_freq = env_u64("PIZHU_DICT_MIN_FREQ", MIN_FREQ);
    let min_freq_names = env_u64("PIZHU_DICT_MIN_FREQ_NAMES", MIN_FREQ_NAMES);

    let lexicon = engine_lexicon_words();
    let mut entries: Vec<(&str, u64, &str)> = Vec::new();
    let mut total = 0usize;
    for (n, line) in dict.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq: u64 = match fields.next().map(str::parse) {
            Some(Ok(f)) => f,
            // jieba's own loader would reject this line too; say where it is.
            _ => fail(&format!("{}:{}: expected `word freq [tag]`", source.display(), n + 1)),
        };
        let tag = fields.next().unwrap_or("");
        total += 1;
        let keep = full
            || word.chars().nth(1).is_none()
            || freq >= min_freq
            || (freq >= min_freq_names && NAME_TAGS.contains(&tag))
            || lexicon.contains(word);
        if keep {
            entries.push((word, freq, tag));
        }
    }
    let kept = entries.len();
    if kept == 0 {
        fail(&format!("{} holds no dictionary entries", source.display()));
    }

    // Sorted by word (bytes, i.e. code points), so the words occurring in a
    // text can be found by binary search over the packed dictionary without
    // building jieba's trie first (src/engine/dict/lookup.rs). jieba's
    // segmentation does not depend on the order. (Grouping by tag and
    // frequency compressed ~6% better: +57 KB brotli for sorted words.)
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    // One entry per word: a repeated word would make the loaders disagree on
    // its tag (jieba keeps the first tag, the last frequency).
    if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
        fail(&format!("{}: word {:?} is listed twice", source.display(), w[0].0));
    }
    let total_freq: u64 = entries.iter().map(|e| e.1).sum();
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let packed_bytes = pack(&entries, &out_dir);
    // Exposed to the crate as `dict::INFO` (printed by the benches); the
    // source path lets benches load the full dictionary side by side.
    println!("cargo:rustc-env=PIZHU_JIEBA_DICT_SOURCE={}", source.display());
    // The sum of all frequencies: jieba's `total`, which the growing engine
    // must match exactly before it has loaded every word.
    println!("cargo:rustc-env=PIZHU_DICT_TOTAL_FREQ={total_freq}");
    println!(
        "cargo:rustc-env=PIZHU_DICT_INFO=pizhu dictionary: {kept} of {total} words, {packed_bytes} bytes packed (full={full}, min_freq={min_freq}, min_freq_names={min_freq_names})"
    );
}

/// Every word listed in the engine's lexicon files (`src/engine/**/*.txt`;
/// words are separated by whitespace, `|` or `,`; `#` starts a comment line).
fn engine_lexicon_words() -> std::collections::HashSet<String> {
    let root = Path::new(&env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("src/engine");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut words = std::collections::HashSet::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "txt") {
                println!("cargo:rerun-if-changed={}", path.display());
                let text = fs::read_to_string(&path).unwrap_or_default();
                for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
                    words.extend(
                        line.split(|c: char| c.is_whitespace() || c == '|' || c == ',')
                            .filter(|w| !w.is_empty())
                            .map(String::from),
                    );
                }
            }
        }
    }
    words
}

/// Entries per block of the packed dictionary: the first word of a block is
/// stored whole (a binary-search point), the others share a prefix with the
/// word before them. 16 measured: 32 saves ~24 KB raw but doubles the scan.
const BLOCK: usize = 16;
/// Longest word the packing stores (jieba's dictionary: 16 chars).
const MAX_CHARS: usize = 16;

/// Writes the sorted `entries` as the packed dictionary that
/// `src/engine/dict/packed.rs` reads (the format is documented there), into
/// `dict-*.bin` files and `dict-meta.rs` in `out_dir`; returns its bytes.
///
/// Why packed: as `word freq tag` text the dictionary was 2.8 MB of the
/// 4.4 MB module, which the browser receives, copies and instantiates before
/// anything runs. As char ids with shared prefixes, in one stream per field,
/// it is ~1.6 MB, and smaller under brotli too (separate streams compress
/// better than interleaved fields).
fn pack(entries: &[(&str, u64, &str)], out_dir: &Path) -> usize {
    let mut chars: Vec<char> = entries.iter().flat_map(|e| e.0.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    // Ids are u16 and u16::MAX is the lookup's "not in the dictionary".
    if chars.len() >= usize::from(u16::MAX) {
        fail(&format!("{} distinct chars: more than the packed dictionary's u16 ids hold", chars.len()));
    }
    let id = |c: char| chars.binary_search(&c).map(|i| i as u16).unwrap_or_else(|_| unreachable!("every char is listed"));
    let mut tags: Vec<&str> = entries.iter().map(|e| e.2).collect();
    tags.sort_unstable();
    tags.dedup();
    if tags.len() > 256 {
        fail(&format!("{} distinct tags: more than one byte holds", tags.len()));
    }
    let (mut heads, mut ids, mut freqs, mut tag_ids, mut blocks) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut prev: Vec<u16> = Vec::new();
    for (i, &(word, freq, tag)) in entries.iter().enumerate() {
        let w: Vec<u16> = word.chars().map(id).collect();
        if w.is_empty() || w.len() > MAX_CHARS {
            fail(&format!("word {word:?}: the packed dictionary holds words of 1 to {MAX_CHARS} chars"));
        }
        if i % BLOCK == 0 {
            blocks.extend_from_slice(&((ids.len() / 2) as u32).to_le_bytes());
            blocks.extend_from_slice(&(freqs.len() as u32).to_le_bytes());
            prev.clear();
        }
        // Sorted, distinct words: the shared prefix is shorter than the word.
        let shared = w.iter().zip(&prev).take_while(|(a, b)| a == b).count().min(w.len() - 1);
        heads.push(((shared as u8) << 4) | (w.len() - 1) as u8);
        for &c in &w[shared..] {
            ids.extend_from_slice(&c.to_le_bytes());
        }
        let mut f = freq;
        while f >= 0x80 {
            freqs.push((f as u8 & 0x7F) | 0x80);
            f >>= 7;
        }
        freqs.push(f as u8);
        tag_ids.push(tags.binary_search(&tag).map(|t| t as u8).unwrap_or_else(|_| unreachable!("every tag is listed")));
        prev = w;
    }
    let char_bytes: Vec<u8> = chars.iter().flat_map(|&c| u32::from(c).to_le_bytes()).collect();
    let mut total = 0;
    for (name, data) in [("chars", &char_bytes), ("heads", &heads), ("ids", &ids), ("freqs", &freqs), ("tags", &tag_ids), ("blocks", &blocks)] {
        total += data.len();
        fs::write(out_dir.join(format!("dict-{name}.bin")), data).unwrap_or_else(|e| fail(&format!("cannot write dict-{name}.bin: {e}")));
    }
    let meta = format!(
        "/// Entries per block (see build.rs).\npub const BLOCK: usize = {BLOCK};\n/// Longest word, in chars.\npub const MAX_CHARS: usize = {MAX_CHARS};\n/// The POS tags, indexed by the tag bytes.\npub const TAG_NAMES: &[&str] = &{tags:?};\n"
    );
    fs::write(out_dir.join("dict-meta.rs"), meta).unwrap_or_else(|e| fail(&format!("cannot write dict-meta.rs: {e}")));
    total
}

fn env_u64(var: &str, default: u64) -> u64 {
    match env::var(var) {
        Ok(v) => v.parse().unwrap_or_else(|_| fail(&format!("{var}={v} is not a number"))),
        Err(_) => default,
    }
}

/// The jieba-rs crate's `src/data/dict.txt`, so the dictionary always matches
/// the segmenter's version: from `PIZHU_JIEBA_DICT`; else the registry copy of
/// the jieba-rs version that `Cargo.lock` pins (cargo has unpacked it before
/// any build script runs); else wherever `cargo metadata` says it is (git or
/// path dependencies, vendored sources).
///
/// Why not `cargo metadata` first: offline, it needs every package of the
/// graph on disk, dev-dependencies included, so on a fresh machine the first
/// `cargo build` (before any `cargo test` fetched criterion) failed here.
fn locate_dict() -> PathBuf {
    if let Some(p) = env::var_os("PIZHU_JIEBA_DICT") {
        return PathBuf::from(p);
    }
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    if let Some(dict) = registry_dict(&manifest_dir) {
        return dict;
    }
    metadata_dict(&manifest_dir)
}

/// `$CARGO_HOME/registry/src/*/jieba-rs-<version>/src/data/dict.txt` for the
/// crates.io version of jieba-rs in `Cargo.lock`, if it is there.
fn registry_dict(manifest_dir: &Path) -> Option<PathBuf> {
    let lock = manifest_dir.join("Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    let lock = fs::read_to_string(lock).ok()?;
    let version = locked_registry_version(&lock, "jieba-rs")?;
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let registries = fs::read_dir(cargo_home.join("registry").join("src")).ok()?;
    registries
        .flatten()
        .map(|r| r.path().join(format!("jieba-rs-{version}")).join("src").join("data").join("dict.txt"))
        .find(|d| d.is_file())
}

/// The version of `package` in a `Cargo.lock` text, when it comes from a registry.
fn locked_registry_version(lock: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() != name_line {
            continue;
        }
        let version = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?.to_string();
        let source = lines.next().unwrap_or("");
        return source.contains("registry+").then_some(version);
    }
    None
}

/// The jieba-rs package that `cargo metadata` resolves for this build.
fn metadata_dict(manifest_dir: &Path) -> PathBuf {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = manifest_dir.join("Cargo.toml");
    let mut cmd = Command::new(cargo);
    cmd.args(["metadata", "--format-version", "1", "--offline", "--manifest-path"]).arg(&manifest);
    // Without a platform filter cargo wants every platform's dependencies on disk.
    if let Ok(target) = env::var("TARGET") {
        cmd.args(["--filter-platform", &target]);
    }
    let output = cmd.output().unwrap_or_else(|e| fail(&format!("cannot run `cargo metadata`: {e}")));
    if !output.status.success() {
        fail(&format!(
            "jieba-rs's dict.txt is not in the cargo registry and `cargo metadata` failed \
             (run `cargo fetch`, or set PIZHU_JIEBA_DICT to a jieba dict.txt): {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let meta: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| fail(&format!("cannot parse `cargo metadata` output: {e}")));
    let jieba_manifest = meta["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "jieba-rs")
        .and_then(|p| p["manifest_path"].as_str())
        .unwrap_or_else(|| fail("the jieba-rs package is not among this build's dependencies"));
    let dict = Path::new(jieba_manifest).with_file_name("src").join("data").join("dict.txt");
    if !dict.is_file() {
        fail(&format!(
            "jieba-rs is at {} but has no src/data/dict.txt; set PIZHU_JIEBA_DICT to a jieba dict.txt",
            Path::new(jieba_manifest).parent().unwrap_or(Path::new("")).display()
        ));
    }
    dict
}

fn fail(msg: &str) -> ! {
    eprintln!("pizhu build.rs: {msg}");
    panic!("pizhu build.rs: {msg}");
}
