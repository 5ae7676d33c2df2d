//! General lexicons: surnames, job titles, organization suffixes and
//! well-known organizations (companies, government bodies, media outlets).
//!
//! The data files sit next to this module and are compiled in with
//! `include_str!`; they are parsed once, on first use ([`Lexicon::get`]),
//! which [`crate::engine::Engine::new`] triggers. Every lookup is a hash-set
//! probe over a few candidate lengths, so callers can scan text linearly.
//!
//! File format (all files): one entry a line, `#` starts a comment line,
//! an optional second field after a tab is a subkind (`company`,
//! `government`, `media`, `other`), a trailing `?` on a name marks a name
//! that is also a common word and needs organization context.
//! `surnames.txt` is whitespace separated.

use super::model::Subkind;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast, non-cryptographic hasher (FxHash) for short lexicon keys:
/// lookups run for every token, and SipHash dominated the profile.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Whole 8-byte words, then the tail as if zero-padded (same hash as
        // copying each chunk into a buffer, without a memcpy call per chunk).
        let mut words = bytes.chunks_exact(8);
        for chunk in &mut words {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            let w = tail.iter().rev().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Fx = BuildHasherDefault<FxHasher>;
type Set<T> = HashSet<T, Fx>;
type Map<K, V> = HashMap<K, V, Fx>;

/// A well-known organization name from the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownOrg {
    /// Company, government, media or other.
    pub subkind: Subkind,
    /// True when the name is also a common word (苹果, 联想): accept it only
    /// with organization context.
    pub ambiguous: bool,
}

/// All lexicon tables, parsed once.
#[derive(Debug)]
pub struct Lexicon {
    surnames: Set<&'static str>,
    titles: Set<&'static str>,
    max_title_chars: usize,
    org_suffixes: Map<&'static str, Subkind>,
    max_suffix_chars: usize,
    orgs: Map<&'static str, KnownOrg>,
    max_org_chars: usize,
    translit: Set<char>,
    places: Set<&'static str>,
    not_names: Set<&'static str>,
    // First/last characters of entries: a one-probe filter before the length loops.
    title_first: Set<char>,
    title_last: Set<char>,
    suffix_last: Set<char>,
    org_first: Set<char>,
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

fn subkind_of(s: &str) -> Option<Subkind> {
    match s.trim() {
        "company" => Some(Subkind::Company),
        "government" => Some(Subkind::Government),
        "media" => Some(Subkind::Media),
        "other" => Some(Subkind::Other),
        _ => None,
    }
}

/// Data lines of a lexicon file: trimmed, without blanks and `#` comments.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Parses `name[\tsubkind]` lines into the org table; the file's default
/// subkind applies when a line has none. Earlier files win on duplicates.
fn add_orgs(map: &mut Map<&'static str, KnownOrg>, data: &'static str, default: Subkind) {
    for line in lines(data) {
        let mut fields = line.split('\t');
        let raw = fields.next().unwrap_or("").trim();
        let subkind = fields.next().and_then(subkind_of).unwrap_or(default);
        let (name, ambiguous) = match raw.strip_suffix('?') {
            Some(n) => (n, true),
            None => (raw, false),
        };
        if !name.is_empty() {
            map.entry(name).or_insert(KnownOrg { subkind, ambiguous });
        }
    }
}

fn max_chars<'a>(keys: impl Iterator<Item = &'a &'static str>) -> usize {
    keys.map(|k| k.chars().count()).max().unwrap_or(0)
}

/// Start offsets of the suffixes of `s` of 1..=n chars, longest first
/// (no allocation: lookups run once per token).
fn suffix_starts(s: &str, n: usize) -> impl Iterator<Item = usize> + '_ {
    let from = if n == 0 { s.len() } else { s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i) };
    s[from..].char_indices().map(move |(i, _)| from + i)
}

/// End offsets of the prefixes of `s` of 1..=n chars, longest first.
fn prefix_ends(s: &str, n: usize) -> impl Iterator<Item = usize> + '_ {
    let end = if n == 0 { 0 } else { s.char_indices().nth(n).map_or(s.len(), |(i, _)| i) };
    std::iter::once(end).filter(|&e| e > 0).chain(s[..end].char_indices().rev().map(|(i, _)| i).filter(|&i| i > 0))
}

impl Lexicon {
    fn parse() -> Lexicon {
        let surnames: Set<&'static str> = include_str!("surnames.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        let titles: Set<&'static str> = lines(include_str!("titles.txt")).collect();
        let mut org_suffixes = Map::default();
        for line in lines(include_str!("org_suffixes.txt")) {
            let mut fields = line.split('\t');
            let suffix = fields.next().unwrap_or("").trim();
            let sub = fields.next().and_then(subkind_of).unwrap_or(Subkind::Other);
            if !suffix.is_empty() {
                org_suffixes.insert(suffix, sub);
            }
        }
        let mut orgs = Map::default();
        // Media and government first: a name listed there keeps that subkind.
        add_orgs(&mut orgs, include_str!("media.txt"), Subkind::Media);
        add_orgs(&mut orgs, include_str!("government.txt"), Subkind::Government);
        add_orgs(&mut orgs, include_str!("orgs.txt"), Subkind::Company);
        let translit = include_str!("translit.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .filter_map(|w| w.chars().next())
            .collect();
        let places = include_str!("places.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        let first = |it: &mut dyn Iterator<Item = &&'static str>| it.filter_map(|w| w.chars().next()).collect::<Set<char>>();
        let last = |it: &mut dyn Iterator<Item = &&'static str>| it.filter_map(|w| w.chars().next_back()).collect::<Set<char>>();
        let not_names = include_str!("not_names.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        Lexicon {
            not_names,
            title_first: first(&mut titles.iter()),
            title_last: last(&mut titles.iter()),
            suffix_last: last(&mut org_suffixes.keys()),
            org_first: first(&mut orgs.keys()),
            places,
            translit,
            max_title_chars: max_chars(titles.iter()),
            max_suffix_chars: max_chars(org_suffixes.keys()),
            max_org_chars: max_chars(orgs.keys()),
            surnames,
            titles,
            org_suffixes,
            orgs,
        }
    }

    /// The shared lexicon, parsed on first call.
    pub fn get() -> &'static Lexicon {
        LEXICON.get_or_init(Lexicon::parse)
    }

    /// True when `s` is a surname (single 王 or compound 欧阳).
    pub fn is_surname(&self, s: &str) -> bool {
        self.surnames.contains(s)
    }

    /// Byte length of the surname `s` starts with, preferring a compound
    /// surname (欧阳娜娜 → 6), or `None`.
    pub fn surname_at_start(&self, s: &str) -> Option<usize> {
        // Two chars, then one (the order of `prefix_ends(s, 2)`), without its
        // iterator chain: this runs for every token.
        let mut ends = s.char_indices().map(|(i, c)| i + c.len_utf8());
        let one = ends.next()?;
        if let Some(two) = ends.next() {
            if self.surnames.contains(&s[..two]) {
                return Some(two);
            }
        }
        self.surnames.contains(&s[..one]).then_some(one)
    }

    /// True when `s` is exactly a job title (CEO, 主任, 高级投资经理).
    pub fn is_title(&self, s: &str) -> bool {
        self.titles.contains(s)
    }

    /// Byte offset where the longest job title that `s` ends with starts
    /// (`"京东零售集团CEO"` → offset of `CEO`), or `None`.
    pub fn title_at_end(&self, s: &str) -> Option<usize> {
        if !s.chars().next_back().is_some_and(|c| self.title_last.contains(&c)) {
            return None;
        }
        suffix_starts(s, self.max_title_chars).find(|&i| self.titles.contains(&s[i..]))
    }

    /// True when some job title ends with `c` (a cheap filter before [`Self::title_at_end`]).
    pub fn may_end_title(&self, c: char) -> bool {
        self.title_last.contains(&c)
    }

    /// Byte length of the longest job title that `s` starts with, or `None`.
    pub fn title_at_start(&self, s: &str) -> Option<usize> {
        if !s.chars().next().is_some_and(|c| self.title_first.contains(&c)) {
            return None;
        }
        prefix_ends(s, self.max_title_chars).find(|&e| self.titles.contains(&s[..e]))
    }

    /// The subkind of an organization suffix (集团 → company, 部 → government).
    pub fn org_suffix(&self, s: &str) -> Option<Subkind> {
        self.org_suffixes.get(s).copied()
    }

    /// Byte offset where the longest organization suffix that `s` ends with
    /// starts, with its subkind (`"快手科技"` → (6, company)), or `None`.
    /// Callers decide whether what precedes it is a plausible name.
    pub fn org_suffix_at_end(&self, s: &str) -> Option<(usize, Subkind)> {
        if !s.chars().next_back().is_some_and(|c| self.suffix_last.contains(&c)) {
            return None;
        }
        suffix_starts(s, self.max_suffix_chars)
            .find_map(|i| self.org_suffixes.get(&s[i..]).map(|&k| (i, k)))
    }

    /// The lexicon entry when `s` is exactly a well-known organization.
    pub fn known_org(&self, s: &str) -> Option<KnownOrg> {
        self.orgs.get(s).copied()
    }

    /// Byte length of the longest well-known organization `s` starts with,
    /// and its entry, or `None`.
    pub fn known_org_at_start(&self, s: &str) -> Option<(usize, KnownOrg)> {
        if !self.starts_org(s) {
            return None;
        }
        prefix_ends(s, self.max_org_chars).find_map(|e| self.orgs.get(&s[..e]).map(|&o| (e, o)))
    }

    /// True when `c` is commonly used to transliterate foreign names (斯, 尔, 克).
    pub fn is_translit(&self, c: char) -> bool {
        self.translit.contains(&c)
    }

    /// True when `s` is a country, region or major city (美国, 安哥拉, 北京).
    pub fn is_place(&self, s: &str) -> bool {
        self.places.contains(s)
    }

    /// True when `s` is a common word that looks like a name (高水平, 白皮书):
    /// jieba's dictionary tags some of these as person names.
    pub fn is_not_name(&self, s: &str) -> bool {
        self.not_names.contains(s)
    }

    /// True when some well-known organization starts with the first char of `s`
    /// (a cheap filter before longer lookups).
    pub fn starts_org(&self, s: &str) -> bool {
        s.chars().next().is_some_and(|c| self.org_first.contains(&c))
    }

    /// The longest organization name in chars, for callers that scan windows.
    pub fn max_org_chars(&self) -> usize {
        self.max_org_chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fx_write_matches_the_buffered_definition() {
        let reference = |bytes: &[u8]| {
            let mut h = 0u64;
            for chunk in bytes.chunks(8) {
                let mut buf = [0u8; 8];
                buf[..chunk.len()].copy_from_slice(chunk);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
            }
            h
        };
        for s in ["", "a", "欧阳", "京东零售集团", "0123456789abcdefg", "中华人民共和国国务院办公厅"] {
            let mut h = FxHasher::default();
            h.write(s.as_bytes());
            assert_eq!(h.finish(), reference(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn surnames_single_and_compound() {
        let lx = Lexicon::get();
        assert!(lx.is_surname("王") && lx.is_surname("欧阳"));
        assert!(!lx.is_surname("的"));
        assert_eq!(lx.surname_at_start("欧阳明"), Some("欧阳".len()));
        assert_eq!(lx.surname_at_start("王小明"), Some("王".len()));
        assert_eq!(lx.surname_at_start("的确"), None);
        assert_eq!(lx.surname_at_start(""), None);
    }

    #[test]
    fn prefix_and_suffix_offsets_longest_first() {
        assert_eq!(prefix_ends("欧阳娜", 2).collect::<Vec<_>>(), [6, 3]);
        assert_eq!(prefix_ends("欧", 2).collect::<Vec<_>>(), [3]);
        assert_eq!(prefix_ends("", 2).count(), 0);
        assert_eq!(suffix_starts("ab京东", 3).collect::<Vec<_>>(), [1, 2, 5]);
        assert_eq!(suffix_starts("东", 3).collect::<Vec<_>>(), [0]);
        assert_eq!(suffix_starts("", 3).count(), 0);
    }

    #[test]
    fn titles_longest_at_end() {
        let lx = Lexicon::get();
        let s = "某某公司高级投资经理";
        assert_eq!(lx.title_at_end(s).map(|i| &s[i..]), Some("高级投资经理"));
        let s = "京东零售集团CEO";
        assert_eq!(lx.title_at_end(s).map(|i| &s[i..]), Some("CEO"));
        assert_eq!(lx.title_at_end("今天下雨"), None);
        assert_eq!(lx.title_at_start("副总经理张三"), Some("副总经理".len()));
    }

    #[test]
    fn org_suffixes_and_known_orgs() {
        let lx = Lexicon::get();
        assert_eq!(lx.org_suffix_at_end("某某股份有限公司"), Some(("某某".len(), Subkind::Company)));
        assert_eq!(lx.org_suffix_at_end("某某研究中心").map(|x| x.1), Some(Subkind::Other));
        assert_eq!(lx.known_org("新华社").map(|o| o.subkind), Some(Subkind::Media));
        assert_eq!(lx.known_org("外交部").map(|o| o.subkind), Some(Subkind::Government));
        assert!(lx.known_org("苹果").unwrap().ambiguous);
        assert!(!lx.known_org("京东").unwrap().ambiguous);
        assert_eq!(lx.known_org_at_start("腾讯公司").map(|x| x.0), Some("腾讯".len()));
    }
}
