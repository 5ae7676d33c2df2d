//! The subject phrase of a cue: the words between the start of the cue's
//! clause and the cue, with leading connectives and trailing adverbials,
//! times and "在接受…采访时" phrases stripped (张国伟在接受采访时还提到 → 张国伟).

use super::super::lexicon::Lexicon as EntityLexicon;
use super::text::{is_clause_punct, is_close_quote, is_para, is_sentence_end, Text};
use crate::engine::lexicon::Words;
use std::sync::OnceLock;

/// How far back (chars) a subject phrase may reach.
const MAX_SUBJECT: usize = 60;

/// Leading connectives and framing that precede a subject (但也有业内人士提出).
const LEADING: &[&str] = &[
    "值得注意的是", "值得一提的是", "与此同时", "另一方面", "但也有", "而当时", "不过", "但是", "然而", "可是",
    "而且", "并且", "另外", "此外", "同时", "对此", "其中", "因此", "所以", "于是", "随后", "接着", "虽然",
    "尽管", "也有", "还有", "另有", "原来", "当时", "其实", "最后", "首先", "同样", "事后", "随即", "而据",
    "另据", "又据", "根据", "为此", "一直", "一度", "早就", "更是有", "甚至有", "更有", "因为", "由于", "没想到", "想不到", "不料", "谁知", "据", "但", "而", "并", "在", "则", "也", "还",
];

/// Single adverbs between a subject and its cue (徐雷也表示).
/// (昨: newspaper style for 昨天, 某某昨表示; 在: what is left of 在会上 once
/// 会上 is stripped.)
/// (很: left of 很乐观地 once the 地 adverbial is stripped; 等: 某某等表示.)
const TRAILING_CHARS: &[char] = &['将', '刚', '也', '还', '曾', '则', '更', '亦', '又', '都', '均', '就', '已', '并', '再', '即', '便', '却', '仍', '才', '皆', '早', '只', '先', '的', '昨', '在', '很', '等', '倒'];

/// Multi-char adverbials between a subject and its cue.
const TRAILING_WORDS: &[&str] = &[
    "同时", "随即", "随后", "当天", "当日", "当晚", "当时", "日前", "近日", "此前", "此后", "会后", "会上", "昨日",
    "昨天", "今天", "今日", "明天", "再次", "一再", "多次", "反复", "首先", "最后", "对此", "特别", "特意",
    "甚至", "直接", "一直", "始终", "早前", "早已", "已经", "曾经", "普遍", "纷纷", "一致", "近期", "日内",
    "上午", "下午", "晚间", "早间", "中午", "晚上", "清晰", "坦率", "大方", "方面的", "据此", "也曾", "此间",
    "同一天", "同一日", "同日", "同天", "非常", "等人", "上月", "上周", "本周", "本月", "今年", "去年", "昨晚", "今晨", "昨夜", "事后", "现场", "当场", "当面", "会见时", "随后又", "稍后", "当地时间", "刚刚", "凌晨", "深夜", "傍晚", "早上", "今早", "今晚", "晚些时候", "着重", "重点", "发表声明", "发布声明", "发表讲话", "发表谈话", "发布公告", "发表文章", "发布报告", "发表评论", "撰文", "发文", "发帖", "留言", "如是", "如此", "赛后", "首度", "首次", "公布视频", "发布视频", "分别", "深刻", "明确", "郑重", "严正", "诚恳", "动情", "(微博)", "（微博）", "大笑", "不得不", "只能", "只好", "不禁", "忍不住", "不由得", "作出批示", "作出重要批示", "作出指示", "作出重要指示", "告诉记者", "发微博", "发表微博", "发布微博", "发推文", "致辞时", "致辞",
];

/// Words between a name and its cue that only strip when a name of two or
/// more chars is left (金灿荣分析认为, but 有分析认为 keeps 分析 as the source).
const TRAILING_IF_NAMED: &[&str] = &["研判", "分析研判", "威胁", "分析", "举例", "解释", "补充", "回忆", "介绍", "通报", "笑着", "同志", "先生", "女士", "批评", "感叹", "感慨", "总结", "发言"];

/// Addressees after 向/对 (向记者表示).
const ADDRESSEES: &[&str] = &["记者", "媒体", "本报", "笔者", "本台", "外界", "公众", "大家", "新华社", "中新社", "央视", "我", "我们"];

/// What follows a subject phrase's place or occasion (在…时, 在…会上).
const OCCASION_ENDS: &[&str] = &["时", "上", "中", "期间", "之际", "后", "前", "表示"];

/// Times of day after a date (30日晚).
const TIMES_OF_DAY: &[&str] = &["晚间", "晚上", "上午", "下午", "早间", "中午", "晚", "早"];

/// Time words that open a clause before its subject (当晚, 日前).
const LEADING_TIMES: &[&str] = &["当晚", "当天", "当日", "昨日", "今日", "日前", "近日", "此前", "当地时间"];

/// The word lists above as tries, built once.
struct Lists {
    leading: Words,
    trailing_words: Words,
    trailing_if_named: Words,
    occasion_ends: Words,
    addressees: Words,
    times_of_day: Words,
    leading_times: Words,
    published: Words,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        leading: Words::forward(LEADING),
        trailing_words: Words::backward(TRAILING_WORDS),
        trailing_if_named: Words::backward(TRAILING_IF_NAMED),
        occasion_ends: Words::backward(OCCASION_ENDS),
        addressees: Words::backward(ADDRESSEES),
        times_of_day: Words::backward(TIMES_OF_DAY),
        leading_times: Words::forward(LEADING_TIMES),
        published: Words::backward(PUBLISHED),
    })
}

/// Builds the word-list tries now (the engine does this at start-up).
pub fn warm_up() {
    lists();
}

/// Start (char index) of the clause that ends at `end`: after the previous
/// comma, colon, semicolon, sentence end, paragraph break or closing quote.
pub fn clause_start(t: &Text, end: usize) -> usize {
    let lo = end.saturating_sub(MAX_SUBJECT);
    let mut i = end;
    while i > lo {
        if t.breaks_before(i) {
            return i;
        }
        let c = t.c[i - 1];
        let ascii_comma_in_number = (c == ',' || c == ':')
            && i >= 2
            && t.c[i - 2].is_ascii_digit()
            && t.c.get(i).is_some_and(|x| x.is_ascii_digit());
        if (is_clause_punct(c) && c != '、' && !ascii_comma_in_number)
            || is_sentence_end(c)
            || is_para(c)
            || is_close_quote(c)
            || c == '“'
            // (An ellipsis ends what came before: ……某某说.)
            || c == '…'
            // An opening bracket not closed before `end` (…收银员，(有消息称).
            || (matches!(c, '(' | '（') && !t.c[i..end].iter().any(|&x| matches!(x, ')' | '）')))
            || (matches!(c, ' ' | '\u{3000}') && i >= 2 && super::text::is_han(t.c[i - 2]) && t.c.get(i).is_some_and(|x| super::text::is_han(*x)))
        {
            return i;
        }
        i -= 1;
    }
    i
}

/// The subject phrase before a cue starting at `cue` (char range), or `None`
/// when nothing is left after stripping.
pub fn subject(t: &Text, cue: usize) -> Option<(usize, usize)> {
    let a = clause_start(t, cue);
    trim(t, a, cue)
}

/// Strips spaces, leading connectives and trailing adverbials from `a..z`.
pub fn trim(t: &Text, mut a: usize, mut z: usize) -> Option<(usize, usize)> {
    loop {
        let (a0, z0) = (a, z);
        while a < z && t.c[a].is_whitespace() {
            a += 1;
        }
        while z > a && t.c[z - 1].is_whitespace() {
            z -= 1;
        }
        // A connective must be a word of its own (也门 is a country, not 也 + 门).
        // 据 is the preposition at a clause start even when jieba glues it on (据越|通社).
        let is_word = |k: usize| t.boundary[a + k] || t.c[a + k - 1] == '据';
        if let Some(k) = lists().leading.first_at(t, a, |k| a + k < z && is_word(k)) {
            a += k;
        }
        a = skip_leading_glued(t, a, z);
        a = skip_leading_time(t, a, z);
        // …(图)据英国《某报》: a clause opened by 据 inside the phrase starts there.
        if let Some(j) = (a + 1..z).rev().find(|&j| t.c[j] == '据' && t.tag(j) == "p" && t.boundary[j]) {
            a = j + 1;
        }
        // 报道援引某某的话称: the one whose words are cited is the source.
        if z >= a + 4 && t.sub(z - 2, z) == "的话" {
            if let Some(j) = super::speakers::last_citing_verb(t, a, z - 4) {
                (a, z) = (j + 2, z - 2);
            }
        }
        z = strip_trailing(t, a, z);
        // A phrase opening with a preposition (向家人表示, 以谨慎回应) has its
        // subject elsewhere.
        // (以 before a title or 军/方 is Israel: 以总理内塔尼亚胡, 以军方.)
        let israel = t.c[a] == '以' && a + 1 < z && {
            let rest = t.sub(a + 1, z);
            rest.starts_with(['军', '方']) || EntityLexicon::get().title_at_start(rest).is_some()
        };
        // (Nor a preposition inside a relative clause before the name:
        // 用失业金交学费的黄女士.)
        // (An addressee's preposition keeps its rule: 向任老的亲属表示慰问.)
        let relative = !matches!(t.c[a], '向' | '对' | '给' | '跟' | '为' | '替' | '和' | '与' | '同')
            && t.sub(a, z).rsplit_once('的').is_some_and(|(_, rest)| rest.chars().count() >= 2);
        if a < z && t.boundary[a] && t.tag(a) == "p" && !matches!(t.c[a], '据' | '在') && !israel && !relative {
            return None;
        }
        if (a, z) == (a0, z0) {
            break;
        }
    }
    (a < z).then_some((a, z))
}

/// The one-char connectives jieba glues onto a name after them (但康利/nr).
pub(super) fn is_glued_connective(c: char) -> bool {
    matches!(c, '但' | '当' | '而' | '和' | '与')
}

/// Skips a one-char connective jieba glued onto the name after it
/// (但康利/nr, 但秋/nr 经武, 当泰德/x-莱昂希斯): the glued word is a name guess
/// (nr, nrt or unknown), and what follows the connective starts with a
/// surname or runs into a transliteration's separator. (但丁 alone keeps
/// its 但: at least two chars must be left.)
fn skip_leading_glued(t: &Text, a: usize, z: usize) -> usize {
    if z < a + 3 || !is_glued_connective(t.c[a]) || t.boundary[a + 1] || t.tok_start(a) != a || !matches!(t.tag(a), "nr" | "nrt" | "x") {
        return a;
    }
    let mut j = a + 1;
    while j < z && !t.boundary[j] {
        j += 1;
    }
    let translit = j < z && matches!(t.c[j], '-' | '·' | '•');
    if translit || EntityLexicon::get().surname_at_start(t.sub(a + 1, z)).is_some() {
        a + 1
    } else {
        a
    }
}

/// Third-person pronouns that can head a subject before how something was
/// said (她推托说, 他不无揶揄地说); longest first.
const HE_SHE: &[&str] = &["他们", "她们", "他", "她"];

/// Texts a source publishes (X发表署名评论文章称 → X).
const PUBLISHED: &[&str] = &["文章", "评论", "社论", "声明", "公告", "报告", "公报", "通告", "讲话", "谈话", "白皮书", "评论员文章", "消息", "通报", "新闻稿"];

/// One round of trailing strips.
fn strip_trailing(t: &Text, a: usize, z: usize) -> usize {
    if z <= a {
        return z;
    }
    // 发表 / 发布 + a short description of what was published.
    let lists = lists();
    if lists.published.first_before(t, z, |_| true).is_some() {
        if let Some(i) = (a + 1..z).rev().take(10).find(|&i| ["发表", "发布", "刊发", "刊登", "刊文"].iter().any(|v| t.at(i, v))) {
            return i;
        }
    }
    // 以色列总理办公室声明称: a body's own statement, with no 发表 before it.
    if let Some(k) = lists.published.first_before(t, z, |k| z - k >= a + 2) {
        if super::speakers::is_org_name(t.sub(a, z - k)) {
            return z - k;
        }
    }
    if let Some(k) = lists.trailing_words.first_before(t, z, |k| z - k > a) {
        return z - k;
    }
    if let Some(k) = lists.trailing_if_named.first_before(t, z, |_| true) {
        let w = t.sub(z - k, z);
        let k = z - k;
        let rest = t.sub(a, k);
        // 商户韩先生: a lone surname before 先生/女士 is the name's only
        // part, so the form of address stays (the speaker is 韩先生).
        // (k > a: the form of address may open the subject: 先生表示.)
        let lone_surname = matches!(w, "先生" | "女士")
            && k > a
            && t.tok_start(k - 1) == k - 1
            && EntityLexicon::get().surname_at_start(t.sub(k - 1, k)).is_some();
        if rest.chars().count() >= 2 && !lone_surname && !matches!(rest, "有些" | "也有" | "另有" | "还有" | "与会") && !rest.ends_with("负责") {
            return k;
        }
    }
    // 他不无揶揄地说 / 某某意味深长地说: a pronoun or a name, then an
    // adverbial of manner ending in 地 (no noun in it): the source is the
    // pronoun or the name. (Also 的 written for 地 after a verb or an
    // adverb: 他也不讳言的说, 某某感慨的说.)
    let de_for_di = t.c[z - 1] == '的' && z >= 2 && t.boundary[z - 1] && matches!(t.tag(z - 2).chars().next(), Some('v' | 'a' | 'd' | 'i' | 'l'));
    if (t.c[z - 1] == '地' || de_for_di) && z - a >= 3 {
        let pronoun = HE_SHE.iter().find(|p| t.at(a, p) && t.boundary[a + p.chars().count()]).map(|p| a + p.chars().count());
        let name = (a..z).take_while(|&i| t.person_entity[i]).count();
        let head = pronoun.or((name >= 2).then_some(a + name));
        if let Some(h) = head.filter(|&h| h < z - 1 && t.boundary[h] && (h..z - 1).all(|i| !t.tag(i).starts_with('n'))) {
            return h;
        }
    }
    // 高瞻远瞩地指出: an adverbial ending in 地.
    // (Also a 地 jieba glued onto the cue after it: 慢慢|地说.)
    let glued_to_cue = z < t.len() && t.tok_start(z - 1) == z - 1 && !t.boundary[z];
    if t.c[z - 1] == '地' && z - 1 > a && (t.tag(z - 1) == "uv" || matches!(t.tag(z - 1), "ad" | "z" | "i") || glued_to_cue) {
        let k = if t.tok_start(z - 1) < z - 1 { t.tok_start(z - 1) } else { t.tok_start(z - 2) };
        // (Nothing left, 慢慢地说: the adverbial was the whole phrase, and the
        // subject is elided.)
        if k >= a {
            return k;
        }
    }
    // A one-char adverb strips only when jieba cut it as a word of its own
    // (梁志刚 keeps its 刚, 徐克|则 loses 则), or glued it into an unknown
    // word after the name's start (王幸|男则/x, 祝兴祥|昨在/x).
    // (Also into a name guess of three or more chars ending the phrase,
    // 李哲则/nr, for adverbs no given name ends with: 王志刚 keeps its 刚.)
    let ts = t.tok_start(z - 1);
    let never_ends_name = matches!(t.c[z - 1], '则' | '很' | '等' | '也' | '还' | '却' | '都' | '就' | '昨');
    let glued = (t.tag(z - 1) == "x" && ts > a && z - 1 - a >= 2) || (never_ends_name && t.tag(z - 1) == "nr" && z - ts >= 3 && z - 1 - a >= 2 && t.boundary[z]);
    if TRAILING_CHARS.contains(&t.c[z - 1]) && z - 1 > a && (t.tok_start(z - 1) == z - 1 || glued) {
        return z - 1;
    }
    // 主席郑重提出 / 鲜明指出: an adjective used as an adverb before the cue.
    let ts = t.tok_start(z - 1);
    // (Not a given name jieba tagged as an adjective: 郑|明远.)
    if ts > a + 1 && z - ts >= 2 && t.boundary[ts] && matches!(t.tag(ts), "a" | "ad") && !t.person_entity[ts] {
        return ts;
    }
    // 埃纳尼当选后表示 / 某某回到家后说: a time clause after the subject,
    // from its verb to 后.
    // (A short subject only, a name or a title and name; 在…后 is the occasion rule's.)
    if t.c[z - 1] == '后' && z - a >= 4 && !(a..z).any(|i| t.c[i] == '在') {
        if let Some(i) = (a + 2..z - 1).find(|&i| t.boundary[i] && t.tag(i).starts_with('v')).filter(|&i| i - a <= 6) {
            return i;
        }
    }
    // 某某日前访问泰国时说 / 某某谈到此事时说: an occasion clause after a
    // person, a pronoun or a title, from its verb (or the 与 of 与某某通话时)
    // to 时. (在…时 is the occasion rule's.)
    if t.c[z - 1] == '时' && t.tok_start(z - 1) == z - 1 && z - a >= 4 {
        // (Not a char of a name jieba split: 范文|坚/v.)
        let opens = |i: usize| t.boundary[i] && !t.person_entity[i] && (t.tag(i).starts_with('v') || t.tag(i) == "p" && matches!(t.c[i], '与' | '同' | '跟' | '和'));
        if let Some(i) = (a + 2..z - 1).find(|&i| opens(i)) {
            let who = t.sub(a, i);
            // (Without a 在 before the verb: 资深顾问在|接受采访时.)
            let who = who.strip_suffix('在').unwrap_or(who);
            let named = (a..i).any(|j| t.person_entity[j]) || HE_SHE.contains(&who) || EntityLexicon::get().title_at_end(who).is_some();
            if named && z - i <= 24 {
                // (铁凝在|…时: a 在 glued onto the name goes too.)
                return if t.c[i - 1] == '在' && i - 1 > a + 1 { i - 1 } else { i };
            }
        }
    }
    // 她推托说 / 某某解释说: a two-char verb right before the cue after a
    // pronoun or a name the entity pass found; the verb tells how it was said.
    if z - a >= 3 && t.c.get(z).is_some_and(|&c| matches!(c, '说' | '道')) && t.tok_start(z - 1) == z - 2 && t.boundary[z - 2] && t.tag(z - 2) == "v" {
        let rest = t.sub(a, z - 2);
        if HE_SHE.contains(&rest) || (a..z - 2).all(|i| t.person_entity[i]) {
            return z - 2;
        }
    }
    // 某某委员代表某党中央发言说 / 他代表公司表示: the one speaking on behalf
    // of a body is the source (a name, a pronoun or a title before 代表).
    if let Some(i) = (a + 1..z.saturating_sub(3)).find(|&i| t.at(i, "代表") && t.boundary[i] && t.boundary[i + 2]) {
        let who = t.sub(a, i);
        let named = matches!(who, "他" | "她") || t.person_entity[i - 1] || EntityLexicon::get().title_at_end(who).is_some();
        if named {
            return i;
        }
    }
    // 萨拉米今天（8月5日）说: a parenthetical note after the subject.
    if matches!(t.c[z - 1], '）' | ')') {
        if let Some(o) = (a + 1..z - 1).rev().find(|&i| matches!(t.c[i], '（' | '(')) {
            return o;
        }
    }
    let z2 = strip_time(t, a, z);
    if z2 != z {
        return z2;
    }
    // 在接受…采访时 / 在…会上 / 接受…采访时: cut at the first 在/接受 after the subject.
    if lists.occasion_ends.first_before(t, z, |k| k <= z - a).is_some() {
        for i in a + 1..z {
            // (jieba may glue 在 onto a short name: 莫在|谈到, so no boundary check.)
            if t.c[i] == '在' || t.at(i, "接受") || t.at(i, "出席") || t.at(i, "做客") {
                return i;
            }
        }
    }
    // 在埃及开罗…总部 / 于… / 向国务院法制办: a locative phrase or an
    // addressee after the subject.
    // (Not a locative opening a relative clause before the subject, after an
    // adverb only: 刚在某楼盘购房的邓女士.)
    for i in a + 1..z {
        // (为此 / 就此 are one word to jieba: 某某为此辩解说, 某某就此事表示.)
        let this_matter = t.boundary[i] && (t.at(i, "为此") || t.at(i, "就此")) && t.boundary[i + 2];
        if this_matter || t.boundary[i] && t.tag(i) == "p" && matches!(t.c[i], '在' | '于' | '向' | '对' | '跟' | '给' | '为' | '就') {
            let adverb_only = i == a + 1 && matches!(t.c[a], '刚' | '正' | '曾' | '已' | '也' | '还' | '都' | '就' | '又' | '才' | '先');
            if adverb_only && (i + 1..z).any(|j| t.c[j] == '的') {
                break;
            }
            // (Nor one inside a relative clause before a name: 一直致力于…的
            // 全国政协委员某某.)
            // (向/对 still end it: 他当场向某公司的总裁某某发问, the one asked.)
            if matches!(t.c[i], '于' | '在') && (i + 1..z).rev().find(|&j| t.c[j] == '的').is_some_and(|d| (d + 1..z).any(|j| t.person_entity[j])) {
                break;
            }
            return i;
        }
        // 李红向|王明, 维兰|纽瓦为|自己: jieba glued the preposition onto the
        // end of a name it did not know (a name token of three or more
        // chars); the words after it are its object.
        if i >= a + 2
            && i + 1 < z
            && t.boundary[i + 1]
            && t.tok_start(i) + 2 <= i
            && matches!(t.c[i], '向' | '对' | '跟' | '给' | '为' | '在' | '以')
            && matches!(t.tag(i), "nr" | "nrfg" | "x")
            && t.c[t.tok_start(i)..i].iter().all(|&c| super::text::is_han(c))
        {
            return i;
        }
    }
    // 向记者 / 对媒体: the addressee is not part of the subject.
    if lists.addressees.first_before(t, z, |_| true).is_some() {
        for i in (a + 1..z).rev() {
            // (和我说: the writer is the one told.)
            if matches!(t.c[i], '向' | '对' | '跟' | '给' | '和') {
                return i;
            }
        }
    }
    z
}

/// Strips a trailing date or time (14日, 5月27日, 30日晚, 周三).
fn strip_time(t: &Text, a: usize, z: usize) -> usize {
    let mut j = z;
    if let Some(k) = lists().times_of_day.first_before(t, j, |k| j - k > a) {
        let k = j - k;
        if k > a && matches!(t.c[k - 1], '日' | '号' | '天') {
            j = k;
        }
    }
    if j > a && matches!(t.c[j - 1], '日' | '号') {
        let mut k = j - 1;
        while k > a && is_numeral(t.c[k - 1]) {
            k -= 1;
        }
        if k < j - 1 {
            // 5月27日 / 2020年5月27日
            while k > a && matches!(t.c[k - 1], '月' | '年') {
                let mut m = k - 1;
                while m > a && is_numeral(t.c[m - 1]) {
                    m -= 1;
                }
                if m == k - 1 {
                    break;
                }
                k = m;
            }
            if k > a {
                return k;
            }
        }
    }
    // 今年6月 / 去年11月: a month after a relative year (今年 strips next round).
    if j > a + 1 && t.c[j - 1] == '月' && is_numeral(t.c[j - 2]) {
        let mut k = j - 1;
        while k > a && is_numeral(t.c[k - 1]) {
            k -= 1;
        }
        if k > a && ["今年", "去年", "明年", "前年"].iter().any(|y| t.ends_at(k, y)) {
            return k;
        }
    }
    j
}

/// Skips a leading date or time followed by nothing else of a clause
/// (2月14日国家主席… rarely happens without a comma, but 当晚10点 does).
fn skip_leading_time(t: &Text, a: usize, z: usize) -> usize {
    if let Some(k) = lists().leading_times.first_at(t, a, |k| a + k < z) {
        return a + k;
    }
    // A leading time word (现在, 赛后) is not part of the subject.
    let mut e = a + 1;
    while e < z && !t.boundary[e] {
        e += 1;
    }
    if e < z && t.tag(a) == "t" && !t.c[a].is_ascii_digit() {
        return e;
    }
    a
}

/// Digits (either width) and Chinese numerals.
pub fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(c, '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '廿')
}
