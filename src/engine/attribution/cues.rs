//! Speech-cue matching: per-position longest-match lookups in the cue list,
//! on jieba token boundaries, outside quotations.

use super::lexicon::Lexicon;
use super::text::{is_comma_or_colon, Text};

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
        // On to the next char that can start a cue (one bit test per char).
        match t.c[i..].iter().position(|&ch| lex.cues.may_start(ch)) {
            Some(d) => i += d,
            None => break,
        }
        if masked[i] {
            i += 1;
            continue;
        }
        // Cue words starting here (lengths in chars, shortest first; cues
        // are at most a few chars, so eight slots hold them all); the
        // longest that fits the token boundaries wins.
        let mut lens = [0usize; 8];
        let mut found = 0;
        lex.cues.each_prefix(t.c[i..].iter().copied(), |k| {
            if found < lens.len() {
                lens[found] = k;
                found += 1;
            }
        });
        let hit = lens[..found]
            .iter()
            .rev()
            .find(|&&k| {
                let punct_after = t.c.get(i + k).is_some_and(|&c| is_comma_or_colon(c));
                t.boundary[i + k]
                    && !masked[i + k - 1]
                    && (punct_after || !lex.needs_punct.contains(t.sub(i, i + k)))
                    && (t.boundary[i] || suffix_cue(t, i, i + k))
            })
            .map(|&k| i + k);
        let Some(end) = hit else {
            i += 1;
            continue;
        };
        // 透露说 / 表示称 / 分析道: a trailing 说/称/道 belongs to the cue.
        let end = if end < n && matches!(t.c[end], '说' | '称' | '道') && !masked[end] && t.boundary.get(end + 1).copied().unwrap_or(true)
            && (!t.sub(i, end).ends_with(['说', '称', '道']) || matches!(t.sub(i, end), "报道" | "报导"))
            && (t.sub(i, end) != "消息" || {
                // 据X消息称 keeps 消息称 as its cue; 发布消息|说 is a noun, then the cue.
                let cs = super::subject::clause_start(t, i);
                t.at(cs, "据") || t.at(cs, "另据") || t.at(cs, "而据")
            })
        {
            end + 1
        } else {
            end
        };
        // A cue that needs punctuation is a noun after a 的 or 了 close
        // before it in its clause (对…的重新严格要求，… / 提出了更高要求，…).
        let nominal = lex.needs_punct.contains(t.sub(i, end))
            && (i.saturating_sub(6)..i).rev().take_while(|&k| !super::text::is_clause_punct(t.c[k]) && !super::text::is_sentence_end(t.c[k])).any(|k| matches!(t.c[k], '的' | '了'));
        if !nominal && is_speech_use(t, i, end) {
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
    "公开信", "不难看出", "由此看来", "这样看来", "看起来", "说来", "温馨提示", "友情提示",
];

/// A cue at the end of a longer jieba token (章林晓说, 14日称, 媒体报道): accepted
/// unless the token is a word of its own; a one-char cue only after a name or
/// a date, where jieba tends to glue it on.
fn suffix_cue(t: &Text, i: usize, end: usize) -> bool {
    let ts = t.tok_start(i);
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
    // A transliterated name jieba did not know (赫格塞思称) glues the cue on too.
    let translit = crate::engine::lexicon::Lexicon::get();
    // …or the last char of a name jieba split (王重|昆说): a name part right before.
    let glued_name = i - ts >= 2 && (ts..i).all(|j| translit.is_translit(t.c[j]))
        || i - ts == 1 && ts > 0 && t.tag(ts - 1).starts_with("nr") && t.tok_start(ts - 1) + 2 >= ts
        // (Or a name the entity pass found: 韩/j 正说/v.)
        || i - ts == 1 && t.person_entity[i - 1];
    // …or an adverb, the adverbial 地 or the 中 of 在…中 (俄方还|称, 慢慢地|说,
    // 在致词中|说), when a comma or colon follows: jieba cuts 还称, 地说 and
    // 中说 as one word.
    // (Or a full stop: “…”某某很自豪地说。)
    let punct_after = t.c.get(end).is_none_or(|&c| is_comma_or_colon(c) || c == '。');
    let glued_adverb = i - ts == 1 && punct_after && matches!(t.c[i - 1], '地' | '还' | '也' | '又' | '则' | '并' | '再' | '更' | '均' | '都' | '亦' | '仍' | '曾' | '即' | '就' | '中');
    // …or the last char of a word for a source that jieba split (球|探说,
    // 发言|人称): the word before and that char name an unnamed source or a title.
    let glued_source = i - ts == 1 && ts > 0 && punct_after && {
        let lx = super::lexicon::get();
        let w = t.sub(t.tok_start(ts - 1), i);
        let last = t.c[i - 1].len_utf8();
        lx.anonymous.longest_suffix(w).or_else(|| lx.title_suffix(w)).is_some_and(|x| x.len() > last)
    };
    t.tag(i).starts_with("nr") || glued_name || glued_adverb || glued_source || matches!(t.c[i - 1], '日' | '天' | '时' | '晚')
}

/// True when the chars before char `j` spell one of `words`. The char
/// right before is compared with each word's last char first: it rules out
/// nearly every word without a string compare.
fn ends_with_any(t: &Text, j: usize, words: &[&str]) -> bool {
    let Some(&prev) = j.checked_sub(1).and_then(|i| t.c.get(i)) else { return false };
    words.iter().any(|w| w.ends_with(prev) && t.ends_at(j, w))
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

/// True when the words after a topic verb close with 时 before any
/// punctuation (谈到对手时，…): a time frame for another verb.
fn frames_time(t: &Text, end: usize) -> bool {
    let mut j = end;
    while j < t.len() && j < end + 24 {
        let c = t.c[j];
        if c.is_ascii_punctuation() || "，。；：！？、“”\n".contains(c) {
            return false;
        }
        // jieba may glue the next verb on (时说), so no boundary check; 时间/时期 are nouns.
        if c == '时' && !t.c.get(j + 1).is_some_and(|n| matches!(n, '间' | '期' | '候' | '代' | '刻' | '常' | '机' | '尚' | '段')) {
            return true;
        }
        j += 1;
    }
    false
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
        return is_comma_or_colon(next) && (t.at(cs, "据") || t.at(cs, "另据") || t.at(cs, "而据"));
    }
    // （乌克兰称波克罗夫斯克）: 称 naming something inside brackets.
    if t.sub(start, end) == "称" && !is_comma_or_colon(next) {
        let closes = t.c[end..].iter().take(16).position(|&c| matches!(c, ')' | '）' | '，' | '。' | ',' | '；'));
        if closes.is_some_and(|k| matches!(t.c[end + k], ')' | '）')) {
            return false;
        }
    }
    // 指 (他指，… in Hong Kong and Taiwan usage) reports speech only with a comma or
    // colon right after it; elsewhere it is 指出/指向/是指.
    if t.sub(start, end) == "指" && !is_comma_or_colon(next) {
        return false;
    }
    if matches!(prev, '被' | '所' | '可' | '难' | '不') {
        return false;
    }
    // 意见和建议 / 批评与建议: a noun joined to a noun, not a speech verb.
    if matches!(prev, '和' | '与' | '及' | '、') && start >= 2 && matches!(t.tag(start - 2), "n" | "vn") && t.tag(start).starts_with('n') {
        return false;
    }
    // 在谈到新合同时说 / 提到此事时，…: a topic frame ending in 时, not the speech verb.
    if matches!(t.sub(start, end), "谈到" | "提到" | "说到" | "谈及" | "提及" | "谈起" | "说起" | "提起") && frames_time(t, end) {
        return false;
    }
    // 虽然说 / 客观地说 / 总的来说: a discourse marker, not reported speech.
    if t.sub(start, end) == "说" && ends_with_any(t, start, &["虽然", "虽", "如果", "客观地", "客观的", "总的来", "一般来", "严格来", "坦白", "老实"]) {
        return false;
    }
    // 不愿透露姓名 / 拒绝透露细节: refused or negated speech reports nothing.
    if ends_with_any(t, start, &["不愿", "不肯", "拒绝", "没有", "不便", "无法", "不愿意", "未"]) {
        return false;
    }
    // 作出回应 / 给予说明 / 进行了回答: the cue word used as a noun.
    if ends_with_any(t, start, &["作出", "做出", "给予", "进行", "予以", "有所", "作了", "做了", "进行了", "作出了", "做出了", "给予了"]) {
        return false;
    }
    // 说/称 after 可以/据/听 etc. are already separate jieba words; a following
    // 的 makes the cue a modifier (宣布的消息).
    if next == '的' || next == '为' || next == '作' || next == '起' || next == '了' || next == '着' {
        return false;
    }
    // 认真分析，/ 周密分析，: 分析 after an adverbial is the analysing itself.
    if t.sub(start, end) == "分析" && start > 0 {
        let ps = t.tok_start(start - 1);
        let lx = crate::engine::lexicon::Lexicon::get();
        if matches!(t.tag(start - 1), "a" | "ad" | "d" | "an" | "v" | "vn") || lx.is_not_name(t.sub(ps, start)) {
            return false;
        }
    }
    // 说过，… still reports speech; 提出过方案 does not.
    let after = t.c.get(end + 1).copied().unwrap_or('\n');
    if next == '过' && !is_comma_or_colon(after) {
        return false;
    }
    // 的报道 / 的表示 are nouns; 的回应是 still introduces the words.
    // (But 他也不讳言的说，… writes 的 for the adverbial 地: after a verb
    // or an adverb, before a comma or colon.)
    let manner = start >= 2
        && matches!(t.sub(start, end), "说" | "道" | "表示")
        && is_comma_or_colon(next)
        && matches!(t.tag(start - 2).chars().next(), Some('v' | 'a' | 'd' | 'i' | 'l'));
    if prev == '的' && next != '是' && !t.sub(start, end).ends_with('是') && !manner {
        return false;
    }
    true
}
