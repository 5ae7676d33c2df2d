//! Roles, titles and affiliations of person speakers, from every place the
//! name is written: the apposition before it (京东零售集团CEO徐雷), skipping
//! names listed with it (三任行长许超凡、余振东), or a title after it (习近平主席).
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
        for (byte, _) in t.s.match_indices(name.as_str()) {
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
    // Fullest first.
    e.roles.sort_by_key(|r| std::cmp::Reverse(r.chars().count()));
}

/// The apposition written before the name at char `p`, if it ends with a title.
fn role_before(t: &Text, lex: &Lexicon, p: usize) -> Option<String> {
    let a = clause_start(t, p);
    let (a, z) = trim(t, a, p).unwrap_or((p, p));
    if z < p {
        // Trailing words were stripped: the text right before the name is not a role.
        return None;
    }
    let mut s = t.sub(a, z);
    // Skip names listed before this one (行长许超凡、余振东和…).
    loop {
        let Some(c) = s.chars().last() else { break };
        if !matches!(c, '、' | '和' | '与' | '及') {
            break;
        }
        let head = &s[..s.len() - c.len_utf8()];
        let cut = head.char_indices().rev().take(5).find(|(i, _)| lex.title_suffix(&head[..*i]).is_some());
        match cut {
            Some((i, _)) if head[i..].chars().all(is_han) => s = &head[..i],
            _ => return None,
        }
    }
    let s = s.trim_start_matches(['，', ',', ' ']);
    if s.is_empty() || s.chars().count() > MAX_ROLE || lex.title_suffix(s).is_none() {
        return None;
    }
    Some(s.to_string())
}

/// The job title inside a role (the longest title it ends with).
pub fn title_of(lex: &Lexicon, role: &str) -> Option<String> {
    lex.title_suffix(role).map(str::to_string)
}

/// The organization a role names before its title (京东零售集团CEO → 京东零售集团).
pub fn affiliation_of(lex: &Lexicon, role: &str) -> Option<String> {
    let title = lex.title_suffix(role)?;
    let org = role[..role.len() - title.len()].trim_end_matches('的');
    let org = org.rsplit(['、', '，', ',']).next().unwrap_or(org);
    (is_org_name(org) || (org.chars().count() >= 2 && org.chars().count() <= 12 && org.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())))
        .then(|| org.to_string())
}

/// 米尔萨普 written elsewhere as 保罗-米尔萨普: the full form becomes the name.
fn full_name(t: &Text, e: &mut Entry) {
    let short = e.name.clone();
    for (byte, _) in t.s.match_indices(short.as_str()) {
        let p = t.char_of(byte);
        if p < 2 || !matches!(t.c[p - 1], '-' | '·' | '•') {
            continue;
        }
        // The given name is the jieba token right before the separator.
        let mut k = p - 2;
        while k > 0 && !t.boundary[k] && p - 1 - k < 6 {
            k -= 1;
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
