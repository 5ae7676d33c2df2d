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

mod charmap;
mod trie;
mod words;

pub use charmap::CharMap;
pub use trie::{Cursor, Trie};
pub use words::Words;

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

/// Per-char facts of the lexicons ([`Lexicon::char_flags`]): one table
/// lookup answers the filters that run for every token.
pub mod flag {
    /// The char alone is a surname (王).
    pub const SURNAME: u8 = 1;
    /// A two-char surname starts with the char (欧 of 欧阳).
    pub const COMPOUND_FIRST: u8 = 2;
    /// The char transliterates foreign names (斯, 尔).
    pub const TRANSLIT: u8 = 4;
    /// Some job title starts with the char.
    pub const TITLE_FIRST: u8 = 8;
    /// Some job title ends with the char.
    pub const TITLE_LAST: u8 = 16;
    /// Some organization suffix ends with the char.
    pub const SUFFIX_LAST: u8 = 32;
    /// Some well-known organization starts with the char.
    pub const ORG_FIRST: u8 = 64;
}

/// All lexicon tables, parsed once.
#[derive(Debug)]
pub struct Lexicon {
    /// The [`flag`]s of every char that has any.
    flags: CharMap<u8>,
    surnames: Trie<()>,
    /// Two-char surnames.
    compound_surnames: Set<(char, char)>,
    /// Titles, forward (at start) and reversed (at end).
    titles: Trie<()>,
    titles_rev: Trie<()>,
    org_suffixes_rev: Trie<Subkind>,
    orgs: Trie<KnownOrg>,
    max_org_chars: usize,
    places: Trie<()>,
    /// China's provincial-level divisions (also in `places`).
    regions: Trie<()>,
    not_names: Trie<()>,
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

/// Whitespace-separated entries of a file whose `#` lines are comments.
fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace)
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

impl Lexicon {
    fn parse() -> Lexicon {
        let surnames: Vec<&'static str> = words(include_str!("surnames.txt")).collect();
        let titles: Vec<&'static str> = lines(include_str!("titles.txt")).collect();
        let mut org_suffixes: Map<&'static str, Subkind> = Map::default();
        for line in lines(include_str!("org_suffixes.txt")) {
            let mut fields = line.split('\t');
            let suffix = fields.next().unwrap_or("").trim();
            let sub = fields.next().and_then(subkind_of).unwrap_or(Subkind::Other);
            if !suffix.is_empty() {
                // A later line overrides an earlier one.
                org_suffixes.insert(suffix, sub);
            }
        }
        let mut orgs = Map::default();
        // Media and government first: a name listed there keeps that subkind.
        add_orgs(&mut orgs, include_str!("media.txt"), Subkind::Media);
        add_orgs(&mut orgs, include_str!("government.txt"), Subkind::Government);
        add_orgs(&mut orgs, include_str!("orgs.txt"), Subkind::Company);

        // (char, flag) pairs, merged per char below.
        let mut flags: Vec<(char, u8)> = Vec::new();
        let mut set = |c: char, f: u8| flags.push((c, f));
        let mut compound_surnames = Set::default();
        for w in &surnames {
            let mut cs = w.chars();
            match (cs.next(), cs.next(), cs.next()) {
                (Some(c), None, _) => set(c, flag::SURNAME),
                (Some(a), Some(b), None) => {
                    set(a, flag::COMPOUND_FIRST);
                    compound_surnames.insert((a, b));
                }
                _ => {}
            }
        }
        for c in words(include_str!("translit.txt")).filter_map(|w| w.chars().next()) {
            set(c, flag::TRANSLIT);
        }
        for w in &titles {
            w.chars().next().into_iter().for_each(|c| set(c, flag::TITLE_FIRST));
            w.chars().next_back().into_iter().for_each(|c| set(c, flag::TITLE_LAST));
        }
        for w in org_suffixes.keys() {
            w.chars().next_back().into_iter().for_each(|c| set(c, flag::SUFFIX_LAST));
        }
        for w in orgs.keys() {
            w.chars().next().into_iter().for_each(|c| set(c, flag::ORG_FIRST));
        }
        let max_org_chars = orgs.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        flags.sort_unstable_by_key(|&(c, _)| c);
        flags.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 |= later.1;
            }
            same
        });
        Lexicon {
            flags: CharMap::new(flags),
            surnames: Trie::new(surnames.iter().map(|&w| (w, ()))),
            compound_surnames,
            titles: Trie::new(titles.iter().map(|&w| (w, ()))),
            titles_rev: Trie::reversed(titles.iter().map(|&w| (w, ()))),
            org_suffixes_rev: Trie::reversed(org_suffixes.iter().map(|(&w, &k)| (w, k))),
            orgs: Trie::new(orgs.iter().map(|(&w, &o)| (w, o))),
            max_org_chars,
            places: Trie::new(words(include_str!("places.txt")).chain(words(include_str!("regions.txt"))).map(|w| (w, ()))),
            regions: Trie::new(words(include_str!("regions.txt")).map(|w| (w, ()))),
            not_names: Trie::new(words(include_str!("not_names.txt")).map(|w| (w, ()))),
        }
    }

    /// The shared lexicon, parsed on first call.
    pub fn get() -> &'static Lexicon {
        LEXICON.get_or_init(Lexicon::parse)
    }

    /// The [`flag`]s of `c`.
    #[inline]
    pub fn char_flags(&self, c: char) -> u8 {
        self.flags.get(c).unwrap_or(0)
    }

    /// True when the first char of `s` has flag `f`.
    #[inline]
    fn first_has(&self, s: &str, f: u8) -> bool {
        s.chars().next().is_some_and(|c| self.char_flags(c) & f != 0)
    }

    /// True when the last char of `s` has flag `f`.
    #[inline]
    fn last_has(&self, s: &str, f: u8) -> bool {
        s.chars().next_back().is_some_and(|c| self.char_flags(c) & f != 0)
    }

    /// True when `s` is a surname (single 王 or compound 欧阳).
    pub fn is_surname(&self, s: &str) -> bool {
        self.surnames.get(s).is_some()
    }

    /// Byte length of the surname `s` starts with, preferring a compound
    /// surname (欧阳娜娜 → 6), or `None`.
    #[inline]
    pub fn surname_at_start(&self, s: &str) -> Option<usize> {
        let mut cs = s.chars();
        let a = cs.next()?;
        let f = self.char_flags(a);
        if f & (flag::SURNAME | flag::COMPOUND_FIRST) == 0 {
            return None;
        }
        if f & flag::COMPOUND_FIRST != 0 {
            if let Some(b) = cs.next() {
                if self.compound_surnames.contains(&(a, b)) {
                    return Some(a.len_utf8() + b.len_utf8());
                }
            }
        }
        (f & flag::SURNAME != 0).then_some(a.len_utf8())
    }

    /// True when `s` is exactly a job title (CEO, 主任, 高级投资经理).
    pub fn is_title(&self, s: &str) -> bool {
        self.titles.get(s).is_some()
    }

    /// Byte offset where the longest job title that `s` ends with starts
    /// (`"京东零售集团CEO"` → offset of `CEO`), or `None`.
    pub fn title_at_end(&self, s: &str) -> Option<usize> {
        if !self.last_has(s, flag::TITLE_LAST) {
            return None;
        }
        self.titles_rev.longest_suffix(s).map(|(i, ())| i)
    }

    /// [`Self::title_at_end`] among titles of at most `max` chars (what
    /// the last `max` chars of `s` can hold).
    pub fn title_at_end_within(&self, s: &str, max: usize) -> Option<usize> {
        if !self.last_has(s, flag::TITLE_LAST) {
            return None;
        }
        self.titles_rev.longest_suffix_within(s, max).map(|(i, ())| i)
    }

    /// True when some job title ends with `c` (a cheap filter before [`Self::title_at_end`]).
    #[inline]
    pub fn may_end_title(&self, c: char) -> bool {
        self.char_flags(c) & flag::TITLE_LAST != 0
    }

    /// Byte length of the longest job title that `s` starts with, or `None`.
    pub fn title_at_start(&self, s: &str) -> Option<usize> {
        if !self.first_has(s, flag::TITLE_FIRST) {
            return None;
        }
        self.titles.longest_prefix(s).map(|(e, ())| e)
    }

    /// The subkind of an organization suffix (集团 → company, 部 → government).
    pub fn org_suffix(&self, s: &str) -> Option<Subkind> {
        if !self.last_has(s, flag::SUFFIX_LAST) {
            return None;
        }
        self.org_suffixes_rev.get(s)
    }

    /// Byte offset where the longest organization suffix that `s` ends with
    /// starts, with its subkind (`"快手科技"` → (6, company)), or `None`.
    /// Callers decide whether what precedes it is a plausible name.
    pub fn org_suffix_at_end(&self, s: &str) -> Option<(usize, Subkind)> {
        if !self.last_has(s, flag::SUFFIX_LAST) {
            return None;
        }
        self.org_suffixes_rev.longest_suffix(s)
    }

    /// The lexicon entry when `s` is exactly a well-known organization.
    pub fn known_org(&self, s: &str) -> Option<KnownOrg> {
        if !self.starts_org(s) {
            return None;
        }
        self.orgs.get(s)
    }

    /// A walk through the well-known organizations, char by char (for
    /// names that run over several tokens).
    pub fn org_cursor(&self) -> Cursor<'_, KnownOrg> {
        self.orgs.cursor()
    }

    /// Byte length of the longest well-known organization `s` starts with,
    /// and its entry, or `None`.
    pub fn known_org_at_start(&self, s: &str) -> Option<(usize, KnownOrg)> {
        if !self.starts_org(s) {
            return None;
        }
        self.orgs.longest_prefix(s)
    }

    /// True when `c` is commonly used to transliterate foreign names (斯, 尔, 克).
    #[inline]
    pub fn is_translit(&self, c: char) -> bool {
        self.char_flags(c) & flag::TRANSLIT != 0
    }

    /// True when `s` is a country, region or major city (美国, 安哥拉, 北京).
    pub fn is_place(&self, s: &str) -> bool {
        self.places.get(s).is_some()
    }

    /// True when `s` is one of China's provinces, autonomous regions,
    /// municipalities or special administrative regions (四川, 北京, 香港).
    pub fn is_region(&self, s: &str) -> bool {
        self.regions.get(s).is_some()
    }

    /// True when `s` is a common word that looks like a name (高水平, 白皮书):
    /// jieba's dictionary tags some of these as person names.
    pub fn is_not_name(&self, s: &str) -> bool {
        self.not_names.get(s).is_some()
    }

    /// True when `s` names no person whatever jieba tagged it: a listed
    /// place (黎巴嫩/nr) or a common word that looks like a name (白皮书/nr).
    pub fn never_a_person(&self, s: &str) -> bool {
        self.is_place(s) || self.is_not_name(s)
    }

    /// True when some well-known organization starts with the first char of `s`
    /// (a cheap filter before longer lookups).
    #[inline]
    pub fn starts_org(&self, s: &str) -> bool {
        self.first_has(s, flag::ORG_FIRST)
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
