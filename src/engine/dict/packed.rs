//! The packed dictionary that build.rs writes (its `pack`), and how to read it.
//!
//! Entries are sorted by word. A word is a sequence of char ids: indices
//! into [`CHARS`], the dictionary's distinct chars in code-point order, so
//! comparing id sequences orders words exactly as comparing their text.
//! One stream per field (they compress better apart than interleaved):
//! - `heads`: one byte per entry, `shared << 4 | (chars - 1)`: how many
//!   leading ids the word shares with the entry before it, and its length;
//! - `ids`: the unshared ids of each entry, u16 little-endian;
//! - `freqs`: each entry's frequency, LEB128;
//! - `tags`: one byte per entry, an index into [`TAG_NAMES`];
//! - `blocks`: per [`BLOCK`] entries, where the block's ids and freqs start
//!   (two u32 LE). The first word of a block shares nothing, so a search can
//!   compare it in place and decode at most one block sequentially.

include!(concat!(env!("OUT_DIR"), "/dict-meta.rs"));

/// The distinct chars of all words, sorted, as u32 LE.
static CHARS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict-chars.bin"));
static HEADS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict-heads.bin"));
static IDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict-ids.bin"));
static FREQS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict-freqs.bin"));
static TAGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict-tags.bin"));
static BLOCKS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict-blocks.bin"));

/// An id no char has: text chars missing from the dictionary map to it
/// (build.rs guarantees fewer distinct chars).
pub const NO_ID: u16 = u16::MAX;

/// Number of entries.
pub fn len() -> usize {
    HEADS.len()
}

/// Bytes of all streams (for size reports).
pub fn bytes() -> usize {
    CHARS.len() + HEADS.len() + IDS.len() + FREQS.len() + TAGS.len() + BLOCKS.len()
}

fn u32_at(data: &[u8], i: usize) -> u32 {
    data.get(4 * i..4 * i + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[inline]
fn id_at(i: usize) -> u16 {
    IDS.get(2 * i..2 * i + 2).map_or(NO_ID, |b| u16::from_le_bytes([b[0], b[1]]))
}

/// The id of `c`, or [`NO_ID`] when no dictionary word contains it.
pub fn char_id(c: char) -> u16 {
    let (mut lo, mut hi) = (0, CHARS.len() / 4);
    let key = u32::from(c);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match u32_at(CHARS, mid).cmp(&key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return mid as u16,
        }
    }
    NO_ID
}

/// The char of id `id` (U+FFFD for an id out of range, which build.rs never writes).
pub fn id_char(id: u16) -> char {
    char::from_u32(u32_at(CHARS, usize::from(id))).unwrap_or('\u{FFFD}')
}

/// The POS tag of entry `i` ("" when it has none).
pub fn tag(i: usize) -> &'static str {
    TAGS.get(i).and_then(|&t| TAG_NAMES.get(usize::from(t))).copied().unwrap_or("")
}

/// The first word of block `b`, in place: its ids start there, `len` of them.
fn block_first(b: usize) -> (usize, usize) {
    let len = usize::from(HEADS.get(b * BLOCK).map_or(0, |h| h & 15)) + 1;
    (u32_at(BLOCKS, 2 * b) as usize, len)
}

/// Compares block `b`'s first word with `key`.
fn cmp_block_first(b: usize, key: &[u16]) -> std::cmp::Ordering {
    let (at, len) = block_first(b);
    (0..len).map(|k| id_at(at + k)).cmp(key.iter().copied())
}

/// Reads entries in order from a block start: each [`Reader::advance`]
/// decodes the next entry's word and frequency.
pub struct Reader {
    /// The entry [`Reader::advance`] decodes next.
    next: usize,
    ids_at: usize,
    freqs_at: usize,
    word: [u16; MAX_CHARS],
    len: usize,
    freq: usize,
}

impl Reader {
    /// A reader whose next entry is `i` (decoding from the start of `i`'s block).
    pub fn at(i: usize) -> Reader {
        let b = i / BLOCK;
        let mut r = Reader {
            next: b * BLOCK,
            ids_at: u32_at(BLOCKS, 2 * b) as usize,
            freqs_at: u32_at(BLOCKS, 2 * b + 1) as usize,
            word: [0; MAX_CHARS],
            len: 0,
            freq: 0,
        };
        while r.next < i && r.advance() {}
        r
    }

    /// Decodes the next entry; false at the end of the dictionary.
    pub fn advance(&mut self) -> bool {
        let Some(&h) = HEADS.get(self.next) else { return false };
        let (shared, len) = (usize::from(h >> 4), usize::from(h & 15) + 1);
        for k in shared..len {
            self.word[k] = id_at(self.ids_at);
            self.ids_at += 1;
        }
        self.len = len;
        let mut f = 0usize;
        let mut shift = 0;
        while let Some(&b) = FREQS.get(self.freqs_at) {
            self.freqs_at += 1;
            f |= usize::from(b & 0x7F) << shift;
            shift += 7;
            if b < 0x80 || shift >= usize::BITS as usize {
                break;
            }
        }
        self.freq = f;
        self.next += 1;
        true
    }

    /// The index of the entry decoded last.
    pub fn index(&self) -> usize {
        self.next.wrapping_sub(1)
    }

    /// The word decoded last, as char ids.
    pub fn word(&self) -> &[u16] {
        &self.word[..self.len]
    }

    /// The frequency decoded last.
    pub fn freq(&self) -> usize {
        self.freq
    }
}

/// The first entry in `lo..hi` whose word is not less than `key`; `hi` if none.
pub fn lower_bound(key: &[u16], lo: usize, hi: usize) -> usize {
    seek(key, lo, hi).map_or(hi, |r| r.index())
}

/// [`lower_bound`] as a reader that has just decoded that entry (`None`
/// when there is none), so the caller reads its word without decoding again.
pub fn seek(key: &[u16], lo: usize, hi: usize) -> Option<Reader> {
    if lo >= hi.min(len()) {
        return None;
    }
    let hi = hi.min(len());
    // The last block in (lo's block, hi's block] starting below `key`: the
    // answer is in it or at the start of the block after it.
    let (mut bl, mut bh) = (lo / BLOCK, (hi - 1) / BLOCK);
    while bl < bh {
        let mid = bl + (bh - bl).div_ceil(2);
        if cmp_block_first(mid, key).is_lt() {
            bl = mid;
        } else {
            bh = mid - 1;
        }
    }
    let end = ((bl + 1) * BLOCK).min(hi);
    let mut r = Reader::at(lo.max(bl * BLOCK));
    while r.next < end && r.advance() {
        if r.word() >= key {
            return Some(r);
        }
    }
    if end >= hi {
        return None;
    }
    let mut r = Reader::at(end);
    r.advance().then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_round_trip_and_unknown_chars_have_no_id() {
        for c in ['中', '国', 'A', '一'] {
            let id = char_id(c);
            assert_ne!(id, NO_ID, "{c}");
            assert_eq!(id_char(id), c);
        }
        assert_eq!(char_id('\u{FFFF}'), NO_ID);
        assert_eq!(char_id('😀'), NO_ID);
    }

    #[test]
    fn words_are_sorted_and_lower_bound_agrees_with_a_scan() {
        let mut r = Reader::at(0);
        let mut words = Vec::new();
        while r.advance() {
            words.push(r.word().to_vec());
        }
        assert_eq!(words.len(), len());
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        // Keys between, at and beyond words, in several ranges.
        let n = words.len();
        for (i, w) in words.iter().enumerate().step_by(997) {
            let mut below = w.clone();
            below.push(0);
            for key in [w.clone(), below, w[..1].to_vec(), vec![w[0] + 1]] {
                for (lo, hi) in [(0, n), (i.saturating_sub(40), (i + 40).min(n)), (i, i + 1), (i + 1, (i + 3).min(n))] {
                    let lo = lo.min(hi);
                    let want = lo + words[lo..hi].partition_point(|x| x < &key);
                    assert_eq!(lower_bound(&key, lo, hi), want, "key {key:?} in {lo}..{hi}");
                }
            }
        }
        assert_eq!(lower_bound(&[NO_ID], 0, n), n);
        assert_eq!(lower_bound(&[0], 0, n), 0);
    }
}
