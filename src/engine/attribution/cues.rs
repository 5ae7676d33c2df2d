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
        if masked[i] || !lex.cues.may_start(t.c[i]) {
            i += 1;
            continue;
        }
        let mut hit = None;
        for k in (1..=lex.cues.max_chars.min(n - i)).rev() {
            if t.boundary[i + k]
                && !masked[i + k - 1]
                && lex.cues.contains(t.sub(i, i + k))
                && (t.boundary[i] || suffix_cue(t, i, i + k))
            {
                hit = Some(i + k);
                break;
            }
        }
        let Some(end) = hit else {
            i += 1;
            continue;
        };
        // 透露说 / 表示称 / 分析道: a trailing 说/称/道 belongs to the cue.
        let end = if end < n && matches!(t.c[end], '说' | '称' | '道') && !masked[end] && t.boundary.get(end + 1).copied().unwrap_or(true)
            && !t.sub(i, end).ends_with(['说', '称', '道'])
        {
            end + 1
        } else {
            end
        };
        if is_speech_use(t, i, end) {
            let start = prefix_start(t, lex, i);
            out.push(Cue { start, verb: i, end });
        }
        i = end;
    }
    out
}

/// Words that end in a cue but are not speech (小说, 据说, 简称, 新闻报道).
const NOT_CUES: &[&str] = &[
    "小说", "据说", "听说", "传说", "学说", "游说", "解说", "再说", "虽说", "演说", "胡说", "劝说", "不用说",
    "换句话说", "比如说", "可以说", "就是说", "也就是说", "简称", "号称", "堪称", "自称", "人称", "职称",
    "名称", "统称", "俗称", "昵称", "爱称", "尊称", "谦称", "对称", "总称", "并称", "合称", "又称", "戏称",
    "著称", "相称", "匀称", "通称", "泛称", "旧称", "改称", "新闻报道", "相关报道", "专题报道", "据报道",
    "公开信", "不难看出", "由此看来", "这样看来", "看起来", "说来",
];

/// A cue at the end of a longer jieba token (章林晓说, 14日称, 媒体报道): accepted
/// unless the token is a word of its own; a one-char cue only after a name or
/// a date, where jieba tends to glue it on.
fn suffix_cue(t: &Text, i: usize, end: usize) -> bool {
    let ts = t.tok_start[i];
    if ts >= i || !t.boundary[end] {
        return false;
    }
    let word = t.sub(ts, end);
    if NOT_CUES.contains(&word) {
        return false;
    }
    if end - i >= 2 {
        return true;
    }
    t.tag[i].starts_with("nr") || matches!(t.c[i - 1], '日' | '天' | '时' | '晚')
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
    // 消息 reports speech only as 据X消息，… (a noun everywhere else).
    if t.sub(start, end) == "消息" {
        let cs = super::subject::clause_start(t, start);
        return matches!(next, '，' | ',' | '：' | ':') && (t.at(cs, "据") || t.at(cs, "另据") || t.at(cs, "而据"));
    }
    if matches!(prev, '被' | '所' | '可' | '难' | '不') {
        return false;
    }
    // 不愿透露姓名 / 拒绝透露细节: refused or negated speech reports nothing.
    if ["不愿", "不肯", "拒绝", "没有", "不便", "无法", "不愿意", "未"].iter().any(|w| t.ends_at(start, w)) {
        return false;
    }
    // 作出回应 / 给予说明: the cue word used as a noun.
    if ["作出", "做出", "给予", "进行", "予以", "有所", "作了", "做了"].iter().any(|w| t.ends_at(start, w)) {
        return false;
    }
    // 说/称 after 可以/据/听 etc. are already separate jieba words; a following
    // 的 makes the cue a modifier (宣布的消息).
    if next == '的' || next == '为' || next == '作' || next == '起' || next == '了' || next == '着' {
        return false;
    }
    // 说过，… still reports speech; 提出过方案 does not.
    let after = t.c.get(end + 1).copied().unwrap_or('\n');
    if next == '过' && !matches!(after, '，' | ',' | '：' | ':') {
        return false;
    }
    // 的报道 / 的表示 are nouns; 的回应是 still introduces the words.
    if prev == '的' && next != '是' && !t.sub(start, end).ends_with('是') {
        return false;
    }
    true
}
