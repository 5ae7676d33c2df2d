//! Roles, titles and affiliations of person speakers, from every place the
//! name is written: the apposition before it (京东零售集团CEO徐雷), skipping
//! names listed with it (两任校长韩启明、陆晚舟), or a title after it (习近平主席).
//! Also completes surname-stripped names (米尔萨普 → 保罗-米尔萨普).

use super::lexicon::Lexicon;
use super::registry::Entry;
use super::speakers::is_org_name;
use super::subject::{clause_start, trim};
use super::text::{is_han, Text};

/// Longest role accepted, in chars.
const MAX_ROLE: usize = 45;

/// Fills in roles and full names for person entries.
pub fn complete(t: &Text, lex: &Lexicon, e: &mut Entry) {
    full_name(t, e);
    let mut names = vec![e.name.clone()];
    names.extend(e.aliases.iter().cloned());
    for name in &names {
        for byte in t.find_all(name) {
            let p = t.char_of(byte);
            let z = p + name.chars().count();
            if let Some(r) = role_before(t, lex, p) {
                if !e.roles.contains(&r) {
                    e.roles.push(r);
                }
            }
            if let Some(title) = lex.title_prefix(t.sub(z, z + 8)) {
                let title = title.to_string();
                if e.roles.is_empty() {
                    e.roles.push(title);
                }
            }
        }
    }
    // Roles from subject phrases carry the same byline debris: clean them all.
    let mut roles: Vec<String> = Vec::new();
    // (被誉为“…”的某公司总经理X: a 的 after a closing quote opens no role.)
    for r in e.roles.drain(..).map(|r| without_byline(&r).trim_start_matches('的').to_string()) {
        if !r.is_empty() && !roles.contains(&r) {
            roles.push(r);
        }
    }
    e.roles = roles;
    // Fullest first.
    e.roles.sort_by_key(|r| std::cmp::Reverse(r.chars().count()));
}

/// `role` after a bracket closed inside it but opened before it (某某）国务院
/// 总理 → 国务院总理), without spaces around; brackets inside a name stay
/// (张江(集团)有限公司总经理).
fn without_byline(role: &str) -> &str {
    let mut depth = 0i32;
    let mut cut = 0;
    for (i, c) in role.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth > 0 => depth -= 1,
            '）' | ')' => cut = i + c.len_utf8(),
            _ => {}
        }
    }
    let mut rest = role[cut..].trim();
    // 本报讯 (记者某某) 卫生部副司长: the dateline and its byline before the role.
    // (Only 讯 closing a dateline, followed by a space or a bracket: not 资讯.)
    // (Most roles have no 讯 at all: one char search rules out the four word searches.)
    let dateline = rest.contains('讯').then(|| ["讯 ", "讯(", "讯（", "讯\u{3000}"].iter().filter_map(|w| rest.find(w)).min()).flatten();
    if let Some(i) = dateline.filter(|&i| i <= 12) {
        rest = rest[i + '讯'.len_utf8()..].trim_start();
    }
    if rest.starts_with(['(', '（']) {
        if let Some(j) = rest.find([')', '）']) {
            let close = rest[j..].chars().next().map_or(1, char::len_utf8);
            rest = rest[j + close..].trim_start();
        }
    }
    rest.trim()
}

/// The apposition written before the name at char `p`, if it ends with a title.
fn role_before(t: &Text, lex: &Lexicon, p: usize) -> Option<String> {
    let a0 = clause_start(t, p);
    let (mut a, z) = trim(t, a0, p).unwrap_or((p, p));
    if z < p || a >= z {
        // Trailing words were stripped (在北京会见…总统X reads as a subject cut at
        // 在): only the object of an event can still be the role.
        return object_role(t, lex, a0, p);
    }
    let mut z = z;
    let is_conj = |c: char| matches!(c, '、' | '和' | '与' | '及');
    if is_conj(t.c[z - 1]) {
        // Names listed before this one share the role before them (校长韩启明、陆晚舟).
        while z > a && is_conj(t.c[z - 1]) {
            z -= 1;
            let k = (z.saturating_sub(5).max(a)..z).find(|&k| k > a && lex.title_suffix(t.sub(a, k)).is_some());
            match k {
                Some(k) if (k..z).all(|i| is_han(t.c[i])) => z = k,
                _ => return None,
            }
        }
    } else if let Some(k) = (a..z).rev().find(|&k| is_conj(t.c[k]) && k > a && (t.tag(k - 1).starts_with("nr") || lex.title_suffix(t.sub(a, k)).is_none() && t.tag(k - 1).starts_with('n'))) {
        // A部长B和C局长D: D's role is what follows the last conjunction
        // after a name (not 曾与赵又廷合作…的导演, where 与 follows an adverb).
        a = k + 1;
    }
    // 报道援引前某公司经济师X的话: the role starts after the citing verb.
    if let Some(j) = super::speakers::last_citing_verb(t, a, z.saturating_sub(2)) {
        a = j + 2;
    }
    while a < z && matches!(t.c[a], '，' | ',' | ' ') {
        a += 1;
    }
    // 盯上了76人小前锋X: after an aspect marker, the object phrase right before
    // the name may still be its apposition, when it is a short noun phrase with a title.
    if let Some(m) = (a..z).rev().find(|&i| t.boundary[i] && matches!(t.c[i], '了' | '着') && t.tag(i).starts_with('u')) {
        let rest = t.sub(m + 1, z);
        let n = z - m - 1;
        if (2..=8).contains(&n) && lex.title_suffix(rest).is_some() && !(m + 1..z).any(|i| t.tag(i).starts_with('v') && t.boundary[i] && !lex.title_suffix(t.sub(i, z)).is_some()) {
            return Some(rest.to_string());
        }
    }
    // （记者 某某）国务院总理X: the byline closed by a bracket is not the role.
    let whole = t.sub(a, z);
    let cleaned = without_byline(whole);
    let offset = cleaned.as_ptr() as usize - whole.as_ptr() as usize;
    a += whole[..offset].chars().count();
    let z = a + cleaned.chars().count();
    let s = t.sub(a, z);
    // An aspect marker means a clause (库班回击了…评论员), not an apposition.
    let clause = (a..z).any(|i| t.boundary[i] && matches!(t.c[i], '了' | '着') && t.tag(i).starts_with('u'));
    if s.is_empty() || lex.title_suffix(s).is_none() {
        return None;
    }
    // 某某在某地同某国总统X: a companion before 同/与/跟 is no part of X's role.
    let with = (a + 1..z).any(|i| matches!(t.c[i], '同' | '与' | '跟') && t.boundary[i] && t.boundary[(i + 1).min(t.len())] && (a..i).any(|k| t.person_entity[k]));
    if clause || with || z - a > MAX_ROLE || !verbs_relativised(t, a, z) {
        return object_role(t, lex, a, z);
    }
    Some(s.to_string())
}

/// The role of a name that is the object of an event (会见坦桑尼亚总统X, 同新加坡
/// 国会议长X举行会谈, 会见来华访问的南非总统X): what follows the last event
/// verb or 同/与/跟, else what follows the last 的, when it ends with a title.
fn object_role(t: &Text, lex: &Lexicon, a: usize, z: usize) -> Option<String> {
    let verb_end = (a..z)
        .filter(|&i| t.boundary[i])
        .filter_map(|i| {
            let v = event_verb_at(t, i);
            let prep = (matches!(t.c[i], '同' | '与' | '跟') && t.boundary[(i + 1).min(t.len())]).then_some(1);
            v.or(prep).map(|n| i + n)
        })
        .max();
    let de = (a..z).rev().find(|&i| t.c[i] == '的').map(|d| d + 1);
    // After a 的 that closes a relative clause past the verb, the head noun
    // phrase alone (会见来华进行国事访问的南非总统X → 南非总统).
    let order = if de > verb_end { [de, verb_end] } else { [verb_end, de] };
    for k in order.into_iter().flatten() {
        let r = t.sub(k, z);
        if k < z && z - k <= MAX_ROLE && lex.title_suffix(r).is_some() && verbs_relativised(t, k, z) {
            return Some(r.to_string());
        }
    }
    None
}

/// Event verbs that never sit inside a role: 国家副主席某某在北京会见…外长某某
/// is an event followed by a name, not an apposition. (jieba tags 支行 and
/// 导演 as verbs, so tags cannot decide this.)
const EVENT_VERBS: &[&str] = &[
    "会见", "会谈", "通话", "出席", "签署", "宣布", "表示", "访问", "抵达", "举行", "召开", "主持", "考察", "视察",
    "参加", "接受", "致电", "致信", "看望", "慰问", "前往", "发表", "指出", "强调", "说", "称", "在", "向", "对",
];

/// The length in chars of the event verb written as a whole word at char
/// `i`, if one is. The first char is compared before the text: most chars
/// start no event verb, and a string compare per verb cost ten times more.
fn event_verb_at(t: &Text, i: usize) -> Option<usize> {
    let first = *t.c.get(i)?;
    EVENT_VERBS
        .iter()
        .find(|v| v.starts_with(first) && t.at(i, v) && t.boundary[(i + v.chars().count()).min(t.len())])
        .map(|v| v.chars().count())
}

/// True when the role `a..z` holds no event verb outside a relative clause closed by 的.
fn verbs_relativised(t: &Text, a: usize, z: usize) -> bool {
    let last_de = (a..z).rev().find(|&i| t.c[i] == '的');
    (a..z).all(|i| {
        !(t.boundary[i] && event_verb_at(t, i).is_some())
            || last_de.is_some_and(|d| d > i)
    })
}

/// The role that names what the speaker does: the first one, unless it ends
/// with an academic degree (耶鲁硕士) and a later one gives a job (公司顾问).
pub fn primary<'r>(lex: &Lexicon, roles: &'r [String]) -> Option<&'r String> {
    let degree = |r: &&String| lex.title_suffix(r).is_some_and(|t| matches!(t, "硕士" | "博士" | "学士" | "博士生" | "硕士生"));
    roles.iter().find(|r| !degree(r)).or(roles.first())
}

/// The job title inside a role (the longest title it ends with).
pub fn title_of(lex: &Lexicon, role: &str) -> Option<String> {
    full_title(lex, role).map(str::to_string)
}

/// Words that qualify a title and belong to it (副外长, 前总理, 常务副市长,
/// 最高领袖, 首席助教, 代理执行干事), longest first.
const TITLE_MODIFIERS: &[&str] = &[
    "常务", "执行", "高级", "首席", "资深", "代理", "新任", "时任", "最高", "名誉", "第一", "前", "原", "副", "总", "主", "华裔",
];

/// The title a role ends with, its modifiers included.
fn full_title<'a>(lex: &Lexicon, role: &'a str) -> Option<&'a str> {
    let title = lex.title_suffix(role)?;
    let mut start = role.len() - title.len();
    // Modifiers stack (代理执行干事, 常务副市长); keep at least one char before them.
    while let Some(m) = TITLE_MODIFIERS.iter().find(|m| role[..start].ends_with(*m) && role[..start].len() > m.len()) {
        start -= m.len();
    }
    Some(&role[start..])
}

/// The organization a role names before its title (京东零售集团CEO → 京东零售集团).
pub fn affiliation_of(lex: &Lexicon, role: &str) -> Option<String> {
    let title = full_title(lex, role)?;
    let mut org = role[..role.len() - title.len()].trim_end_matches('的');
    // Titles held together (董事长兼CEO, 党委书记暨院长): peel each joined title
    // too, so the affiliation is the organization alone.
    while let Some(rest) = org.strip_suffix('兼').or_else(|| org.strip_suffix('暨')) {
        match lex.title_suffix(rest) {
            Some(t) if t.len() < rest.len() => org = rest[..rest.len() - t.len()].trim_end_matches('的'),
            _ => break,
        }
    }
    let org = org.rsplit(['、', '，', ',']).next().unwrap_or(org);
    (is_org_name(org) || (org.chars().count() >= 2 && org.chars().count() <= 12 && org.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())))
        .then(|| org.to_string())
}

/// 米尔萨普 written elsewhere as 保罗-米尔萨普: the full form becomes the name.
fn full_name(t: &Text, e: &mut Entry) {
    // No separator in the whole text: nothing to find (and no per-char index
    // to build for the search).
    if !t.marks_of(crate::engine::chars::mark::NAME_SEP).any(|i| matches!(t.c[i], '-' | '·' | '•')) {
        return;
    }
    let short = e.name.clone();
    for byte in t.find_all(&short) {
        let p = t.char_of(byte);
        if p < 2 || !matches!(t.c[p - 1], '-' | '·' | '•') {
            continue;
        }
        // The given name is the jieba token right before the separator.
        let mut k = p - 2;
        while k > 0 && !t.boundary[k] && p - 1 - k < 6 {
            k -= 1;
        }
        // jieba may split the given name too (赛迪|斯-杨): take the run of
        // transliteration chars when it reaches further back.
        let elx = crate::engine::lexicon::Lexicon::get();
        let mut k2 = p - 1;
        while k2 > 0 && p - 1 - k2 < 6 && elx.is_translit(t.c[k2 - 1]) {
            k2 -= 1;
        }
        if k2 < k {
            k = k2;
        }
        if !(k..p - 1).all(|i| is_han(t.c[i])) {
            continue;
        }
        if k < p - 1 {
            let full = t.sub(k, p + short.chars().count()).to_string();
            e.aliases.retain(|a| *a != full);
            if !e.aliases.contains(&short) {
                e.aliases.push(short.clone());
            }
            e.name = full;
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_title_was_a_degree_over_a_later_job() {
        let lex = super::super::lexicon::get();
        let roles = vec!["耶鲁硕士".to_string(), "留学服务中心顾问".to_string()];
        assert_eq!(primary(lex, &roles).map(String::as_str), Some("留学服务中心顾问"));
        let only = vec!["剑桥博士".to_string()];
        assert_eq!(primary(lex, &only).map(String::as_str), Some("剑桥博士"));
    }

    #[test]
    fn regression_affiliation_kept_a_joined_title() {
        let lex = super::super::lexicon::get();
        assert_eq!(affiliation_of(lex, "远航汽车集团董事长兼CEO").as_deref(), Some("远航汽车集团"));
        assert_eq!(affiliation_of(lex, "远航汽车集团CEO").as_deref(), Some("远航汽车集团"));
    }

    #[test]
    fn regression_affiliation_kept_the_title_modifier() {
        let lex = super::super::lexicon::get();
        for (role, org, title) in [
            ("星河国副外长", "星河国", "副外长"),
            ("星河国前总理", "星河国", "前总理"),
            ("海川市常务副市长", "海川市", "常务副市长"),
            ("北湖基金会代理执行干事", "北湖基金会", "代理执行干事"),
            ("海川证券的首席策略分析师", "海川证券", "首席策略分析师"),
        ] {
            assert_eq!(affiliation_of(lex, role).as_deref(), Some(org), "{role}");
            assert_eq!(title_of(lex, role).as_deref(), Some(title), "{role}");
        }
    }
}
