//! The speakers of one text: merges every mention of the same source under
//! one canonical name (full names over short ones, 快手 over 快手方面).

use super::super::lexicon::FxHasher;
use super::super::model::SpeakerKind;
use super::speakers::Found;
use crate::engine::work;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

type Fx = BuildHasherDefault<FxHasher>;

/// One source being collected.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Canonical name.
    pub name: String,
    /// Person, organization or anonymous.
    pub kind: SpeakerKind,
    /// Roles seen in subject phrases.
    pub roles: Vec<String>,
    /// Other forms used.
    pub aliases: Vec<String>,
    /// Mentions (char ranges), in the order they were recorded.
    pub mentions: Vec<(usize, usize)>,
    /// The mentions' ends, ascending: coreference asks for the latest
    /// mention before a place once per pronoun.
    ends: Vec<usize>,
}

impl Entry {
    /// The end of the latest mention ending at or before char `p`.
    pub fn last_end_until(&self, p: usize) -> Option<usize> {
        self.ends[..self.ends.partition_point(|&z| z <= p)].last().copied()
    }

    fn record(&mut self, at: (usize, usize)) {
        self.mentions.push(at);
        // Mentions come mostly in text order: the insertion point is the end.
        let k = self.ends.partition_point(|&z| z <= at.1);
        self.ends.insert(k, at.1);
    }
}

/// All sources of one text.
///
/// Lookups go through indexes kept next to the entries, so adding a
/// mention costs the same with one speaker or thousands (a text repeating
/// 郑明远说： n times used to compare each new mention with all earlier ones).
#[derive(Debug, Default)]
pub struct Registry {
    /// Entries in order of creation. Add through [`Registry::add`] and
    /// [`Registry::mention`] only: the indexes below follow them.
    pub entries: Vec<Entry>,
    /// Every name and alias → the first entry using it.
    by_name: HashMap<String, usize, Fx>,
    /// Person entries' names → the first such entry.
    person_names: HashMap<String, usize, Fx>,
    /// What follows a separator (-·•) in a person entry's name (米尔萨普 of
    /// 保罗-米尔萨普) → the first such entry.
    person_tails: HashMap<String, usize, Fx>,
    /// (entry, mention) pairs already recorded.
    seen: HashSet<(usize, (usize, usize)), Fx>,
}

impl Registry {
    /// Adds a mention of `f` and returns its entry index, merging with an
    /// entry of the same name or alias (or a surname-stripped short form).
    pub fn add(&mut self, f: &Found) -> usize {
        work::add(1);
        let idx = match self.find(&f.name, f.kind) {
            Some(i) => i,
            None => {
                let idx = self.entries.len();
                self.entries.push(Entry {
                    name: f.name.clone(),
                    kind: f.kind,
                    roles: Vec::new(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    ends: Vec::new(),
                });
                index(&mut self.by_name, &f.name, idx);
                if f.kind == SpeakerKind::Person {
                    index(&mut self.person_names, &f.name, idx);
                    for tail in separated_tails(&f.name) {
                        index(&mut self.person_tails, tail, idx);
                    }
                }
                idx
            }
        };
        let e = &mut self.entries[idx];
        if f.name != e.name && !e.aliases.contains(&f.name) {
            e.aliases.push(f.name.clone());
            index(&mut self.by_name, &f.name, idx);
        }
        if let Some(a) = &f.alias {
            if *a != e.name && !e.aliases.contains(a) {
                e.aliases.push(a.clone());
                index(&mut self.by_name, a, idx);
            }
        }
        if let Some(r) = &f.role {
            if !e.roles.contains(r) {
                e.roles.push(r.clone());
            }
        }
        if self.seen.insert((idx, f.at)) {
            e.record(f.at);
        }
        idx
    }

    /// The entry called `name` (or with that alias); for a person, else the
    /// first person whose name is `name` with a given name and separator
    /// before it, or the other way round (保罗-米尔萨普 and 米尔萨普).
    pub fn find(&self, name: &str, kind: SpeakerKind) -> Option<usize> {
        if let Some(&i) = self.by_name.get(name) {
            return Some(i);
        }
        if kind != SpeakerKind::Person {
            return None;
        }
        // An entry whose name ends in -name, and an entry named like a tail of name.
        let longer = self.person_tails.get(name).copied();
        let shorter = separated_tails(name).filter_map(|tail| self.person_names.get(tail).copied()).min();
        match (longer, shorter) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Adds a role seen in a description of entry `idx`.
    pub fn add_role(&mut self, idx: usize, role: String) {
        if let Some(e) = self.entries.get_mut(idx) {
            if !role.is_empty() && !e.roles.contains(&role) {
                e.roles.push(role);
            }
        }
    }

    /// Records a mention by reference (pronoun, anaphor) of entry `idx`.
    pub fn mention(&mut self, idx: usize, at: (usize, usize)) {
        if let Some(e) = self.entries.get_mut(idx) {
            if self.seen.insert((idx, at)) {
                e.record(at);
            }
        }
    }
}

/// Maps `key` to `idx` unless an earlier entry holds it already.
fn index(map: &mut HashMap<String, usize, Fx>, key: &str, idx: usize) {
    if let Some(v) = map.get_mut(key) {
        *v = (*v).min(idx);
    } else {
        map.insert(key.to_string(), idx);
    }
}

/// What follows each name separator (-·•) in `name` (保罗-米尔萨普 →
/// 米尔萨普; A·B·C → B·C, C): the short forms that name the same person
/// with the given names dropped.
fn separated_tails(name: &str) -> impl Iterator<Item = &str> {
    name.char_indices().filter(|&(_, c)| matches!(c, '-' | '·' | '•')).map(move |(i, c)| &name[i + c.len_utf8()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, at: usize) -> Found {
        Found { name: name.to_string(), kind: SpeakerKind::Person, role: None, alias: None, at: (at, at + 2) }
    }

    #[test]
    fn short_and_full_foreign_names_are_one_person() {
        let mut reg = Registry::default();
        let full = reg.add(&person("保罗-米尔萨普", 0));
        assert_eq!(reg.add(&person("米尔萨普", 10)), full);
        let short = reg.add(&person("罗伊", 20));
        assert_eq!(reg.add(&person("布兰顿·罗伊", 30)), short);
        assert_eq!(reg.entries[full].aliases, ["米尔萨普"]);
        assert_eq!(reg.add(&person("萨普", 40)), 2, "a tail of a part is no short form");
    }

    #[test]
    fn a_repeated_mention_is_recorded_once() {
        let mut reg = Registry::default();
        let i = reg.add(&person("郑明远", 0));
        reg.add(&person("郑明远", 0));
        reg.mention(i, (0, 2));
        reg.mention(i, (5, 6));
        assert_eq!(reg.entries[i].mentions, [(0, 2), (5, 6)]);
    }
}
