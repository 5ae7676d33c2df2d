//! Speech-cue matching: per-position longest-match lookups in the cue list,
//! on jieba token boundaries, outside quotations.

use super::lexicon::Lexicon;
use super::text::Text;

/// One speech cue found in the text (char indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// First char of the cue as written, prefix included (进一步表示).
    pub start: usize,
    /// First char of the verb itself (表示).
    pub verb: usize,
    /// One past the last char.
    pub end: usize,
}

impl Cue {
    /// True for cues of reports and data (显示, 表明), whose statements never
    /// run on past their sentence.
    pub fn is_report(&self, t: &Text) -> bool {
        matches!(t.sub(self.verb, self.end), "显示" | "表明")
    }
}

/// Finds every cue outside `masked` chars (quotations), in text order.
pub fn find(t: &Text, lex: &Lexicon, masked: &[bool]) -> Vec<Cue> {
    let n = t.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if masked[i] || !t.boundary[i] {
            i += 1;
            continue;
        }
        let mut hit = None;
        for k in (1..=lex.cues.max_chars.min(n - i)).rev() {
            if t.boundary[i + k] && !masked[i + k - 1] && lex.cues.contains(t.sub(i, i + k)) {
                hit = Some(i + k);
                break;
            }
        }
        let Some(end) = hit else {
            i += 1;
            continue;
        };
        if is_speech_use(t, i, end) {
            let start = prefix_start(t, lex, i);
            out.push(Cue { start, verb: i, end });
        }
        i = end;
    }
    out
}

/// Where a cue prefix (进一步, 联合) written right before the verb starts.
fn prefix_start(t: &Text, lex: &Lexicon, verb: usize) -> usize {
    for k in (1..=lex.prefixes.max_chars.min(verb)).rev() {
        if lex.prefixes.contains(t.sub(verb - k, verb)) {
            return verb - k;
        }
    }
    verb
}

/// Rejects cue words used as something other than reporting speech: passive
/// or nominalised uses (被认为, 所说, 提出的建议) and cues with nothing after them
/// but a noun modifier.
fn is_speech_use(t: &Text, start: usize, end: usize) -> bool {
    let prev = if start > 0 { t.c[start - 1] } else { '\n' };
    let next = t.c.get(end).copied().unwrap_or('\n');
    if matches!(prev, '被' | '所' | '可' | '难' | '不') {
        return false;
    }
    // 说/称 after 可以/据/听 etc. are already separate jieba words; a following
    // 的 makes the cue a modifier (宣布的消息).
    if next == '的' || next == '为' || next == '作' {
        return false;
    }
    true
}
