//! People: Chinese names (surname lexicon + jieba `nr` + context), foreign
//! names joined by · or - (保罗-米尔萨普), and single-part foreign names
//! after a title (总统卢拉). jieba's `nr` tag alone over-fires (宾客, 安保),
//! so a two-character name needs name-like context on both sides.

use super::ctx::{is_han, Ctx, Trim};
use crate::engine::chars::{mark, pos, tok, BYLINE_LAST};
use crate::engine::lexicon::{flag, Words};
use std::sync::OnceLock;
use crate::engine::model::{Entity, EntityKind};
use crate::engine::span::{Span, SpanSet};

/// Characters that do not end a given name (they end words: 申请人, 银监会).
const NOT_NAME_END: &[char] = &[
    '人', '们', '会', '者', '的', '了', '着', '过', '部', '局', '委', '院', '省', '市', '县', '区', '镇', '村', '路', '街',
    '楼', '店', '业', '员', '士', '式', '性', '化', '所', '里', '上', '下', '内', '外', '赛', '季', '汇', '界', '场', '队',
    '期', '间', '面', '线', '站', '港', '湾', '桥', '州', '城', '岛', '家', '型', '类', '级', '度', '率',
    '额', '费', '价', '品', '物', '门', '网', '报', '台', '社', '司', '厂', '行', '处', '团', '组', '方', '号', '车', '机', '姓', '办',
    '宫', '府', '居', '堡', '树', '卡', '虾', '仔', '鹿', '园', '馆', '寺', '庙', '塔', '阁', '亭', '殿', '坊', '庄',
    '洞', '坝', '总', '董', '某', '哥', '姐', '爷', '嫂', '叔', '婶', '工', '师', '败', '到', '你', '我',
    '感', '观', '党', '前', '声', '媒', '裙', '衫', '裤', '鞋', '帽', '袜', '带', '包', '灯', '药', '茶', '酒', '饭', '菜', '糖', '纸', '证', '卷', '册',
];

/// Surname characters that are function words or country abbreviations first
/// (和, 在, 乌 for Ukraine): a two-char "name" starting with one is not taken.
const FUNCTION_SURNAME: &[char] = &[
    '和', '向', '都', '于', '时', '来', '那', '从', '其', '是', '与', '及', '把', '被', '对', '在', '过', '要', '有', '但',
    '通', '能', '应', '由', '乌', '巴', '俄', '以', '叙', '伊', '朝', '印', '澳', '越', '泰',
];

/// Surname characters that are mostly function words (和, 向, 都): a name starting with one
/// needs jieba's person tag, not just context.
const WEAK_SURNAME: &[char] = &[
    '和', '向', '都', '于', '时', '常', '来', '那', '从', '其', '万', '全', '明', '平', '文', '成', '信', '相', '国',
    '海', '原', '初', '门', '乐', '东', '南', '公', '司', '伊', '阿', '利', '强', '隆', '元', '宣', '由', '位', '计',
    '应', '双', '能', '谢', '花', '战', '但', '商', '通', '过', '要', '有', '是', '与', '及', '把', '被', '对', '在',
    // Country abbreviations (乌称, 巴媒, 俄方): 乌 for Ukraine, 巴 for Pakistan or Palestine …
    '乌', '巴', '俄', '以', '叙', '伊', '朝', '印', '英', '法', '德', '意', '澳', '加', '美', '日', '越', '泰',
];

/// Characters that cannot be inside a given name: they are the next word (说, 表示, 和).
const BOUND: &[char] = &[
    '说', '称', '和', '与', '及', '跟', '同', '等', '在', '是', '的', '也', '则', '还', '就', '都', '将', '已', '曾', '对',
    '向', '被', '把', '为', '从', '于', '们', '之', '并', '又', '才', '却', '但', '而', '以', '因', '所', '这', '那', '此',
    '其', '该', '了', '着', '过', '更', '很', '最', '不', '没', '未', '要', '会', '能', '可', '应', '当', '拿', '给', '让',
    '请', '个',
];

/// Words that follow a name and so cannot be part of it (李某强调 ≠ 李某强 + 调).
const AFTER_WORDS: &[&str] = &[
    "表示", "认为", "指出", "介绍", "透露", "强调", "坦言", "告诉", "回应", "宣布", "预计", "建议", "提到", "提出", "先生",
    "女士", "今天", "昨天", "今年", "去年", "日前", "近日", "当天", "会见", "会后", "回答", "回忆", "指示", "主持", "出席",
    "提醒", "介绍", "承认", "解释", "接受", "日电",
];

/// First characters of speech cues (说, 表示, 称, 认为, 指出 …).
const CUE_START: &[char] = &['说', '称', '表', '认', '指', '介', '透', '强', '坦', '告', '回', '宣', '预', '建', '提', '答', '问', '笑'];

/// Speech cues and an interview colon that may follow a name directly.
const CUES: &[&str] = &[
    "认为", "表示", "说", "称", "指出", "介绍", "透露", "强调", "坦言", "告诉", "回应", "宣布", "预计", "建议", "提到",
    "解释", "直言", "补充", "坦承", "呼吁", "承认", "笑称", "谈到", "分析", "答", "：", ":", "先生", "女士", "估计",
    "预测", "说道", "表态", "感叹", "告诫", "希望",
    // Predicates only a person takes, at a clause start (某某参加会谈, 某某陪同).
    "参加", "出席", "会见", "会晤", "陪同", "主持", "出任", "担任", "当选", "访问", "考察", "看望", "接受",
];

/// 文/张三, 图/李四: a credit with a slash.
const CREDITS: &[&str] = &["文/", "文／", "图/", "图／", "文|", "文｜"];

/// The word lists of this module as tries, built once.
struct Lists {
    cues: Words,
    after_words: Words,
    honorifics: Words,
    honorifics_rev: Words,
    bylines: Words,
    credits: Words,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        cues: Words::forward(CUES),
        after_words: Words::forward(AFTER_WORDS),
        honorifics: Words::forward(HONORIFIC),
        honorifics_rev: Words::backward(HONORIFIC),
        bylines: Words::backward(BYLINE),
        credits: Words::backward(CREDITS),
    })
}

/// [`CUES`] as a trie.
fn cues() -> &'static Words {
    &lists().cues
}

/// Builds the word-list tries now (the engine does this at start-up).
pub fn warm_up() {
    lists();
}

/// Forms of address after a surname or name (程某先生).
const HONORIFIC: &[&str] = &["先生", "女士", "小姐", "老师", "同志", "教练", "夫妇", "太太"];


/// Words right before a name in a byline or photo credit.
const BYLINE: &[&str] = &["记者", "编辑", "通讯员", "实习生", "摄影", "作者", "责编", "编译", "撰文", "校对", "报道员"];

/// Characters that may precede a name in running text (a list, a bracket).
const NAME_BEFORE: &[char] = &['据', '、', '，', ',', '（', '(', '：', ':', ' ', '\n', '和', '与', '及', '同', '跟', '给', '被', '让', '对', '向', '由', '。', '；'];

/// Characters that may follow a name in running text.
const NAME_AFTER: &[char] = &[
    '、', '，', ',', '。', '）', ')', '（', '(', '：', ':', '和', '与', '及', '等', '说', '表', '称', '也', '则', '在', '是',
    '曾', '还', '都', '就', '将', '已', '认', '指', '介', '透', '强', '坦', '告', '回', '宣', '对', '向', '被', '；', ' ', '\n',
    '！', '？', '带', '夫', '妻',
];

/// Separators inside transliterated names.
fn is_name_sep(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '‧' | '-' | '－' | '‐' | '∙' | '.')
}

/// Finds people. `found` holds works and organizations (people never overlap
/// them); `figures` likewise.
pub fn find(ctx: &Ctx, found: &[Entity], figures: &[Entity]) -> Vec<Entity> {
    let mut spans: Vec<Span> = Vec::new();
    foreign_joined(ctx, &mut spans);
    named_as(ctx, &mut spans);
    for (k, f) in ctx.chars.facts.iter().enumerate() {
        // After a title (部长纳波利塔诺, CEO徐雷) or a byline (记者 张奕); the last char
        // before (spaces, colons, slashes and bars skipped) decides cheaply whether
        // either can end there.
        let may_follow = if f.bits & tok::BEFORE_TRIMMED != 0 {
            let last = ctx.char_before(ctx.trimmed_end(ctx.tokens[k].span.start, Trim::All));
            last.is_some_and(|c| ctx.lx.may_end_title(c) || BYLINE_LAST.contains(&c))
        } else {
            f.before & flag::TITLE_LAST != 0 || f.bits & tok::BEFORE_BYLINE != 0
        };
        let surname = f.first & (flag::SURNAME | flag::COMPOUND_FIRST) != 0;
        // Most tokens are none of these: the token itself is not read.
        if !may_follow && !surname && f.pos & (pos::NR | pos::NRFG | pos::NRT) == 0 {
            continue;
        }
        let t = &ctx.tokens[k];
        let b = t.span.start;
        // A name after a title opens with a surname or a transliteration
        // char ([`name_after_title`] finds none otherwise): most tokens after
        // a title-like char fail this, before the title and byline lookups.
        let name_like = f.first & (flag::SURNAME | flag::COMPOUND_FIRST | flag::TRANSLIT) != 0;
        if may_follow && name_like && (title_before(ctx, b).is_some() || byline_before(ctx, b)) {
            if let Some(end) = name_after_title(ctx, b) {
                spans.push(Span::new(b, end));
                continue;
            }
        }
        // A name right before a speech cue or an interview colon (彭某某认为, 陈某某：).
        if let Some(end) = surname.then(|| name_before_cue(ctx, k)).flatten() {
            spans.push(Span::new(b, end));
            continue;
        }
        // jieba's person tag, checked (a name it accepts opens with a
        // surname: the first char's flag rules the rest out unread).
        if f.pos & (pos::NR | pos::NRFG) != 0 && surname {
            if let Some(end) = checked_nr(ctx, k) {
                // jieba split the surname off (吴 | 秋香): take it back.
                let mut start = split_surname(ctx, k).unwrap_or(b);
                // 甲/文乙/图: jieba glues the credit 文 of the name before onto this one.
                if ctx.char_before(start).is_some_and(|c| matches!(c, '/' | '／')) && t.word.chars().count() >= 3 && t.word.starts_with(['文', '图', '摄']) {
                    start += '文'.len_utf8();
                }
                spans.push(Span::new(start, end));
            }
        }
        // A transliterated name jieba recognised (鲁本斯), in name-like context.
        if f.pos & pos::NRT != 0 {
            if let Some(end) = checked_nrt(ctx, k) {
                spans.push(Span::new(b, end));
            }
        }
    }
    // Lists of names: 张三、李四和王五 — extend from accepted names to neighbours.
    extend_lists(ctx, &mut spans);
    // Parts of a joined foreign name used alone (米尔萨普 after 保罗-米尔萨普) are
    // short forms, not full names.
    let joined: Vec<&str> = spans
        .iter()
        .map(|s| ctx.slice(s.start, s.end))
        .filter(|w| w.chars().any(is_name_sep))
        .collect();
    // Also a clipped part (麦克格 of 麦克格雷迪). The parts, and every prefix
    // and suffix of them, in sets: scanning all joined names per span was
    // quadratic in a text of many of them.
    type FxSet<'s> = std::collections::HashSet<&'s str, std::hash::BuildHasherDefault<crate::engine::lexicon::FxHasher>>;
    let mut parts = FxSet::default();
    let mut affixes = FxSet::default();
    for p in joined.iter().flat_map(|j| j.split(is_name_sep)) {
        if parts.insert(p) {
            for (i, c) in p.char_indices() {
                affixes.insert(&p[..i + c.len_utf8()]);
                affixes.insert(&p[i..]);
            }
        }
    }
    crate::engine::work::add(joined.len());
    let is_part = |w: &str| {
        crate::engine::work::add(1);
        parts.contains(w) || w.chars().count() >= 2 && affixes.contains(w)
    };
    // Spans people may not overlap: long articles have hundreds of each.
    let blockers = SpanSet::new(
        found.iter().filter(|e| matches!(e.kind, EntityKind::Organization | EntityKind::Work)).chain(figures).map(|e| e.span),
    );
    let mut out: Vec<Entity> = Vec::new();
    for span in spans {
        if is_part(ctx.slice(span.start, span.end)) {
            continue;
        }
        if span.is_empty()
            || blockers.overlaps(span)
            || ctx.lx.known_org(ctx.slice(span.start, span.end)).is_some()
            || ctx.lx.never_a_person(ctx.slice(span.start, span.end))
            || lists().honorifics_rev.any_suffix(ctx.slice(span.start, span.end), |_| true)
            || next_to_versus(ctx, span)
        {
            continue;
        }
        out.push(Entity { kind: EntityKind::Person, subkind: None, span: with_regnal_number(ctx, span) });
    }
    // One name found by two rules, whole and clipped (米舒斯京 after 总理, and
    // jieba's 舒斯京): the clipped one inside the whole is no person of its own.
    out.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut reach = 0;
    out.retain(|e| {
        let inside = e.span.end <= reach;
        reach = reach.max(e.span.end);
        !inside
    });
    out
}

/// Names given as names (她名叫葆拉，…, 化名小丽的学生): two to four chars
/// after 名叫 or 化名, ending at punctuation or 的 (a longer run is a clause).
fn named_as(ctx: &Ctx, spans: &mut Vec<Span>) {
    // (Found from the char view's chars: a substring search of the text for
    // each marker cost more than the rest of the person pass.)
    let c = &ctx.chars.c;
    for ci in (0..c.len()).filter(|&ci| c[ci] == '名') {
        let marker = if c.get(ci + 1) == Some(&'叫') {
            ci
        } else if ci > 0 && c[ci - 1] == '化' {
            ci - 1
        } else {
            continue;
        };
        // (On a token boundary: not the 化名 of 文化名城.)
        let i = ctx.chars.b[marker];
        if ctx.token_starting(i).is_none() {
            continue;
        }
        let b = i + "名叫".len();
        let rest = ctx.after(b);
        // (Five chars at most are read: a longer run is no name, and a text of
        // many markers before long runs stays linear.)
        let len: usize = rest.chars().take_while(|&c| (is_han(c) || is_name_sep(c)) && c != '的').take(5).map(char::len_utf8).sum();
        let n = rest[..len].chars().count();
        let ends = rest[len..].chars().next().is_none_or(|c| c == '的' || !is_han(c));
        if (2..=4).contains(&n) && ends && !ctx.lx.is_place(&rest[..len]) {
            spans.push(Span::new(b, b + len));
        }
    }
}

/// `span` extended over a regnal number written right after the name
/// (费利佩六世, 查尔斯三世, 伊丽莎白二世): one to three Chinese numerals and
/// 世, not the start of a word (世纪, 世界, 世代).
fn with_regnal_number(ctx: &Ctx, span: Span) -> Span {
    let after = ctx.after(span.end);
    let digits = after.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).count();
    if !(1..=3).contains(&digits) {
        return span;
    }
    let rest = &after[digits * '一'.len_utf8()..];
    let next = rest.chars().nth(1);
    if rest.starts_with('世') && !next.is_some_and(|c| matches!(c, '纪' | '界' | '代' | '人' | '间' | '上' | '俗')) {
        Span::new(span.start, span.end + digits * '一'.len_utf8() + '世'.len_utf8())
    } else {
        span
    }
}

/// Byte end of the title that ends at `b` (spaces and a colon allowed between), or `None`.
pub(super) fn title_before(ctx: &Ctx, b: usize) -> Option<(usize, usize)> {
    let before = ctx.before(ctx.trimmed_end(b, Trim::Colons));
    // Only the last dozen characters can hold the title.
    let i = ctx.lx.title_at_end_within(before, 12)?;
    let title = &before[i..];
    // 记者/编辑 are bylines, handled there; 专家/学者 rarely precede a name directly.
    if matches!(title, "专家" | "学者" | "博士" | "代表" | "球员" | "记者" | "编辑") {
        return None;
    }
    Some((i, before.len()))
}

fn byline_before(ctx: &Ctx, b: usize) -> bool {
    // 文/张三, 图/李四: a credit with a slash.
    let raw = ctx.before(ctx.trimmed_end(b, Trim::Spaces));
    if lists().credits.any_suffix(raw, |_| true) {
        return true;
    }
    let before = ctx.before(ctx.trimmed_end(b, Trim::Credits));
    lists().bylines.any_suffix(before, |_| true)
}

/// A name right after a title: a Chinese name, or a transliterated one.
fn name_after_title(ctx: &Ctx, b: usize) -> Option<usize> {
    let run = translit_run(ctx, b, 8);
    if ctx.lx.surname_at_start(ctx.after(b)).is_some() && run < 4 {
        return chinese_name_in(ctx, b, true);
    }
    (run >= 2).then(|| b + byte_len(ctx.after(b), run))
}

/// Number of consecutive transliteration chars at `b` (at most `max`), not crossing a separator.
fn translit_run(ctx: &Ctx, b: usize, max: usize) -> usize {
    ctx.after(b).chars().take(max).take_while(|&c| ctx.lx.is_translit(c) && !BOUND.contains(&c)).count()
}

/// Byte length of the first `n` chars of `s`.
fn byte_len(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// A Chinese name (surname + one or two chars) starting at `b`: its byte end.
fn chinese_name(ctx: &Ctx, b: usize) -> Option<usize> {
    chinese_name_in(ctx, b, false)
}

/// [`chinese_name`]; `strong` when a title or byline precedes, so a name that is also a
/// word (记者马力) still counts when punctuation closes it.
fn chinese_name_in(ctx: &Ctx, b: usize, strong: bool) -> Option<usize> {
    let s = ctx.after(b);
    let sl = ctx.lx.surname_at_start(s)?;
    if sl == s.chars().next()?.len_utf8() && s.starts_with(WEAK_SURNAME) {
        let is_nr = ctx.token_starting(b).is_some_and(|k| matches!(ctx.tokens[k].tag, "nr" | "nrfg"));
        if !is_nr {
            return None;
        }
    }
    let rest = &s[sl..];
    if rest.chars().next() == s.chars().next() {
        return None;
    }
    let mut given: Vec<char> = Vec::with_capacity(2);
    for (off, c) in rest.char_indices().take(2) {
        if !is_han(c) || lists().after_words.starts(&rest[off..]) {
            break;
        }
        if BOUND.contains(&c) {
            // 孔某同介绍说: a function char is still the name's last char when a cue follows it.
            let next = &rest[off + c.len_utf8()..];
            // Only chars that also occur in given names; never adverbs (徐某也表示).
            let name_char = matches!(c, '同' | '为' | '应' | '能' | '可' | '当' | '更' | '以' | '会' | '之' | '其' | '和' | '要' | '因');
            if !(given.len() == 1 && name_char && CUES.iter().any(|w| next.starts_with(w))) {
                break;
            }
        }
        given.push(c);
    }
    let mut n = given.len();
    if n == 0 {
        return None;
    }
    // A two-char given name unless its second char ends a word (张杰说 → 张杰).
    if n == 2 && NOT_NAME_END.contains(&given[1]) {
        n = 1;
    }
    // If jieba put a word boundary after the first given char and the next word runs past
    // the name, the name is the short one (谢娜 / 何炅 in 谢娜何炅).
    if n == 2 {
        let mid = b + sl + given[0].len_utf8();
        if let Some(k) = ctx.token_starting(mid) {
            let t = &ctx.tokens[k];
            if t.span.end > mid + given[1].len_utf8() && t.word.chars().count() >= 2 && t.tag != "nr" {
                n = 1;
            }
        }
    }
    if NOT_NAME_END.contains(&given[n - 1]) && n == 1 {
        return None;
    }
    let end = b + sl + given.iter().take(n).map(|c| c.len_utf8()).sum::<usize>();
    // A word jieba knows as something else (解释/v, 安全带/n) is not a name.
    if let Some(k) = ctx.token_starting(b) {
        let t = &ctx.tokens[k];
        let closed = ctx.char_at(end).is_none_or(|c| !is_han(c));
        if t.span.end == end
            && !(strong && closed)
            && matches!(t.tag, "v" | "vn" | "n" | "a" | "ad" | "an" | "d" | "l" | "m" | "q" | "t" | "f" | "s" | "b" | "r")
        {
            return None;
        }
    }
    // 张经理, 李总: a surname with a title is not a full name.
    if ctx.lx.is_title(ctx.slice(b + sl, end)) {
        return None;
    }
    Some(end)
}

/// Accepts jieba `nr` token `k` as a person when it looks like a full name; its byte end.
fn checked_nr(ctx: &Ctx, k: usize) -> Option<usize> {
    let t = &ctx.tokens[k];
    let mut w = t.word;
    // jieba glues a cue or an adverb to the name (章林晓说, 哈文则): drop it.
    // (Only a word ending in the last char of one of them can lose any.)
    let glued = ["说", "称", "表示", "则", "就", "也", "还", "都", "却", "在", "愿", "向", "对", "和", "与", "同", "跟", "将", "于", "等"];
    let may_strip = w.chars().next_back().is_some_and(|c| {
        matches!(c, '说' | '称' | '示' | '则' | '就' | '也' | '还' | '都' | '却' | '在' | '愿' | '向' | '对' | '和' | '与' | '同' | '跟' | '将' | '于' | '等')
    });
    for cue in glued.into_iter().filter(|_| may_strip) {
        if let Some(x) = w.strip_suffix(cue) {
            // 乌称: what is left is no name at all.
            if x.chars().count() < 2 {
                return None;
            }
            w = x;
        }
    }
    let n = w.chars().count();
    let sl = ctx.lx.surname_at_start(w)?;
    // 谢谢, 常常: a doubled first char is a word, not surname + name.
    let mut cs = w.chars();
    if cs.next() == cs.next() {
        return None;
    }
    let given = w[sl..].chars().count();
    if !(1..=2).contains(&given) || n > 4 || !w.chars().all(is_han) {
        return None;
    }
    let last = w.chars().last()?;
    if NOT_NAME_END.contains(&last) {
        return None;
    }
    let end = t.span.start + w.len();
    let next = ctx.char_at(end);
    if next == Some('们') || ctx.lx.is_place(w) {
        return None;
    }
    // A title right after (习近平主席, 彭某某检察官) also marks a name.
    let title_after = ctx.lx.title_at_start(ctx.after(end)).is_some_and(|n| {
        !matches!(ctx.slice(end, end + n), "球员" | "专家" | "学者" | "代表" | "博士" | "记者" | "编辑" | "委员")
    }) || lists().honorifics.starts(ctx.after(end));
    let prev = ctx.char_before(t.span.start);
    let open_quote = |c: char| matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' | '《' | '》');
    // 河南队的某某: a member of the organization just named.
    let of_org = prev == Some('的') && k >= 2 && {
        let o = &ctx.tokens[k - 2];
        o.tag == "nt" || ctx.lx.known_org(o.word).is_some() || ctx.lx.org_suffix_at_end(o.word).is_some_and(|(i, _)| i > 0)
    };
    let prev_ok = of_org
        || prev.is_none_or(|c| NAME_BEFORE.contains(&c) || !is_han(c) && !open_quote(c))
        || title_before(ctx, t.span.start).is_some()
        || byline_before(ctx, t.span.start);
    let next_ok = next.is_none_or(|c| NAME_AFTER.contains(&c) || !is_han(c) && !open_quote(c)) || title_after;
    // A strong right context: punctuation, a speech cue or a title.
    let next_strong = next.is_none_or(|c| !is_han(c) && !open_quote(c) || CUE_START.contains(&c)) || title_after;
    if given == 2 {
        // Three-char names are rarely common words; still refuse one glued inside a phrase.
        let weak = w.starts_with(WEAK_SURNAME) && sl == 3;
        // A full name jieba's dictionary lists as a famous person's (nrfg:
        // 习近平新时代…思想, 毛泽东思想) is a name in any context.
        let famous = t.tag == "nrfg" && w.len() == t.word.len();
        (if weak { prev_ok && next_strong } else { famous || prev_ok || next_ok }).then_some(end)
    } else {
        // Two chars (张杰) are often ordinary words (宾客, 安保): want both sides, or a list.
        if w.starts_with(FUNCTION_SURNAME) {
            return None;
        }
        // (A form of address right after is as strong: 专家程阳先生.)
        let addressed = ["先生", "女士", "小姐"].iter().any(|h| ctx.after(end).starts_with(h));
        // (A title right after jieba's name guess is as strong: 张路老师.)
        let titled = title_after && t.tag == "nr" && w.len() == t.word.len();
        (prev_ok && next_ok || addressed || titled || next.is_some_and(|c| matches!(c, '、' | '（' | '('))).then_some(end)
    }
}

/// Words that turn a foreign name before them into a place or a building.
const PLACE_AFTER_NAME: &[&str] = &["机场", "大街", "大道", "广场", "港", "市", "州", "省", "大学", "体育场", "球场", "大桥", "路"];

/// True when the char at `pos` is a lone Han char closing a joined foreign name:
/// not a translit char (those runs are handled by the caller), followed by
/// punctuation, a space or the end of the text, where jieba also ends a word.
fn single_last_part(ctx: &Ctx, pos: usize) -> bool {
    let Some(c) = ctx.char_at(pos) else { return false };
    if !super::ctx::is_han(c) || c.is_numeric() {
        return false;
    }
    let next = pos + c.len_utf8();
    ctx.is_boundary(next) && ctx.char_at(next).is_none_or(|n| !super::ctx::is_han(n) && !n.is_alphanumeric())
}

/// Foreign names joined by separators: 保罗-米尔萨普, 布兰顿·罗伊.
fn foreign_joined(ctx: &Ctx, spans: &mut Vec<Span>) {
    let mut last_end = 0;
    for ci in ctx.chars.marks_of(mark::NAME_SEP) {
        let (i, c) = (ctx.chars.b[ci], ctx.chars.c[ci]);
        if !is_name_sep(c) || i < last_end {
            continue;
        }
        let after = i + c.len_utf8();
        // Left part: translit chars ending at the separator.
        let left: Vec<(usize, char)> =
            ctx.before(i).char_indices().rev().take(6).take_while(|&(_, ch)| ctx.lx.is_translit(ch)).collect();
        if left.len() < 2 || (c == '.' && left.len() < 2) {
            continue;
        }
        let start = left.last().map_or(i, |&(p, _)| p);
        // Right part, possibly several parts: A·B·C.
        let mut end = after;
        let mut pos = after;
        loop {
            let run = translit_run(ctx, pos, 8);
            // A one-char last part (赛迪斯-杨, 布兰登-罗) counts only when a word
            // boundary and no further Han char follow it.
            let lone_last = run <= 1 && end == after && single_last_part(ctx, pos);
            if lone_last {
                end = pos + ctx.char_at(pos).map_or(0, char::len_utf8);
                break;
            }
            if run < 2 && !(run == 1 && end > after) {
                break;
            }
            if run == 0 {
                break;
            }
            end = pos + byte_len(ctx.after(pos), run);
            // The name ends where jieba ends a word (杰弗森 | 本赛季), keeping two chars.
            while !ctx.is_boundary(end) && ctx.slice(pos, end).chars().count() > 2 {
                end -= ctx.char_before(end).map_or(1, char::len_utf8);
            }
            match ctx.char_at(end) {
                Some(s) if is_name_sep(s) && translit_run(ctx, end + s.len_utf8(), 8) >= 2 => pos = end + s.len_utf8(),
                _ => break,
            }
        }
        // 本-古里安机场, 加西亚-洛尔卡大街: a place named after someone, not the person.
        if end > after && PLACE_AFTER_NAME.iter().any(|w| ctx.after(end).starts_with(w)) {
            last_end = end;
            continue;
        }
        if end > after {
            // Trim a left part that swallowed a preceding word char: keep at most 4 chars when
            // the token boundary says so.
            let start = trim_left(ctx, start, i);
            spans.push(Span::new(start, end));
            last_end = end;
        }
    }
}

/// Moves a foreign name's start to a token boundary inside the left part, when
/// the left part begins in the middle of a longer word (秀德里克 → 德里克).
fn trim_left(ctx: &Ctx, start: usize, sep: usize) -> usize {
    if ctx.is_boundary(start) {
        return start;
    }
    // The first token boundary after start that leaves at least two chars.
    ctx.slice(start, sep)
        .char_indices()
        .map(|(off, _)| start + off)
        .find(|&p| p > start && ctx.is_boundary(p) && ctx.slice(p, sep).chars().count() >= 2)
        .unwrap_or(start)
}

/// From accepted names, accept neighbours in a list (张三、李四和王五).
fn extend_lists(ctx: &Ctx, spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < spans.len() && spans.len() < 10_000 {
        let s = spans[i];
        i += 1;
        // Forward: after 、/和/与/及.
        if let Some(c) = ctx.char_at(s.end).filter(|c| matches!(c, '、' | '和' | '与' | '及')) {
            let b = s.end + c.len_utf8();
            if !spans.iter().any(|x| x.start == b) {
                if let Some(e) = chinese_name(ctx, b) {
                    let next = ctx.char_at(e);
                    if next.is_none_or(|c| NAME_AFTER.contains(&c) || !is_han(c)) || ctx.is_boundary(e) {
                        spans.push(Span::new(b, e));
                    }
                }
            }
        }
    }
}

/// A Chinese name at token `k` followed directly by a speech cue, an interview
/// colon or 先生/女士, when the name starts a clause or follows an organization
/// or place (执法局颜某表示); its byte end.
fn name_before_cue(ctx: &Ctx, k: usize) -> Option<usize> {
    let t = &ctx.tokens[k];
    let b = t.span.start;
    // Cheap filters first (this runs for every token): a surname char, then a
    // cue starting within two chars after the token (a bit test per char
    // mostly), then the surname itself (a decode and a lookup).
    if ctx.lx.char_flags(ctx.chars.c[t.at]) & (flag::SURNAME | flag::COMPOUND_FIRST) == 0 {
        return None;
    }
    let after = t.at + t.chars;
    if !(after..(after + 3).min(ctx.chars.len())).any(|i| cues().first_at(ctx.chars, i, |_| true).is_some()) {
        return None;
    }
    ctx.lx.surname_at_start(t.word)?;
    let end = chinese_name(ctx, b)?;
    // (李 | 明说: jieba reads the given name's last char and the cue as one
    // word, 明说 "say plainly", after a one-char surname token.)
    let glued_cue = t.chars == 1
        && ctx.tokens.get(k + 1).is_some_and(|n| {
            let mut cs = n.word.chars();
            let (Some(given), Some(cue), None) = (cs.next(), cs.next(), cs.next()) else { return false };
            // (Not an adverb before the cue: 对杨来说, 李还说.)
            let adverb = "来再虽据听小所可要就还也又都只便却才曾仍亦并更则均".contains(given);
            n.span.start + given.len_utf8() == end && matches!(cue, '说' | '称') && !adverb
        });
    if !(ctx.is_boundary(end) || glued_cue) || !cues().starts(ctx.after(end)) {
        return None;
    }
    // The candidate must not be an ordinary word that happens to start with a surname char.
    let word = ctx.slice(b, end);
    if ctx.lx.is_place(word) || ctx.lx.known_org(word).is_some() || ctx.lx.is_title(word) {
        return None;
    }
    if t.word.starts_with(FUNCTION_SURNAME) && ctx.slice(b, end).chars().count() < 3 {
        return None;
    }
    let single_token = (t.span.end == end || glued_cue) && matches!(t.tag, "nr" | "nrfg" | "x");
    let prev = ctx.char_before(b);
    let clause_start = prev.is_none_or(|c| !is_han(c) || NAME_BEFORE.contains(&c));
    let after_body = k > 0 && {
        let p = &ctx.tokens[k - 1];
        matches!(p.tag, "ns" | "nt") || ctx.lx.org_suffix_at_end(p.word).is_some()
    };
    // A multi-token guess (陈 + 艳萍) needs a clause start; a single unknown or name token
    // may follow an organization.
    (clause_start && (single_token || t.word.chars().count() == 1) || single_token && after_body).then_some(end)
}

/// Start of a one-char surname token right before two-char `nr` token `k`
/// (吴 | 秋香 → 吴秋香), when the pair opens a clause.
fn split_surname(ctx: &Ctx, k: usize) -> Option<usize> {
    let t = &ctx.tokens[k];
    if t.word.chars().count() != 2 || k == 0 {
        return None;
    }
    let p = &ctx.tokens[k - 1];
    if p.word.chars().count() != 1 || !ctx.lx.is_surname(p.word) || p.word.starts_with(WEAK_SURNAME) {
        return None;
    }
    let before = ctx.char_before(p.span.start);
    before.is_none_or(|c| !is_han(c) || NAME_BEFORE.contains(&c)).then_some(p.span.start)
}

/// Accepts jieba `nrt` token `k` (a transliterated name) when it is made of
/// transliteration characters, is no place or organization, and sits in
/// name-like context; its byte end.
fn checked_nrt(ctx: &Ctx, k: usize) -> Option<usize> {
    let t = &ctx.tokens[k];
    let w = t.word;
    let n = w.chars().count();
    if !(3..=6).contains(&n) || !w.chars().all(|c| ctx.lx.is_translit(c)) || ctx.lx.is_place(w) || ctx.lx.known_org(w).is_some() {
        return None;
    }
    // Part of a longer place or organization name (拉斯维加斯所在的…, 鲁本斯博物馆).
    let next = ctx.char_at(t.span.end);
    let prev = ctx.char_before(t.span.start);
    let after = ctx.after(t.span.end);
    let prev_ok = prev.is_none_or(|c| !is_han(c) || NAME_BEFORE.contains(&c)) || title_before(ctx, t.span.start).is_some();
    let next_ok = next.is_none_or(|c| !is_han(c)) || CUES.iter().any(|c| after.starts_with(c)) || after.starts_with('的') && prev_ok;
    (prev_ok && next_ok || title_before(ctx, t.span.start).is_some()).then_some(t.span.end)
}

/// True when `span` stands next to "vs" / 对阵: a team in a fixture, not a person.
fn next_to_versus(ctx: &Ctx, span: Span) -> bool {
    let after = ctx.after(span.end).trim_start();
    let before = ctx.before(span.start).trim_end();
    let is_vs = |s: &str| s.eq_ignore_ascii_case("vs") || s.eq_ignore_ascii_case("v.s") || s == "对阵";
    after.get(..2).is_some_and(is_vs)
        || after.starts_with("对阵")
        || before.len() >= 2 && before.get(before.len() - 2..).is_some_and(is_vs)
        || before.ends_with("对阵")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_last_chars_cover_every_byline() {
        for w in BYLINE {
            let c = w.chars().next_back().unwrap_or(' ');
            assert!(BYLINE_LAST.contains(&c), "BYLINE_LAST misses the last char of {w}");
        }
    }
}
