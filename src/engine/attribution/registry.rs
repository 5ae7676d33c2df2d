//! The speakers of one text: merges every mention of the same source under
//! one canonical name (full names over short ones, 快手 over 快手方面).

use super::super::model::SpeakerKind;
use super::speakers::Found;

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
    /// Mentions (char ranges).
    pub mentions: Vec<(usize, usize)>,
}

/// All sources of one text.
#[derive(Debug, Default)]
pub struct Registry {
    /// Entries in order of creation.
    pub entries: Vec<Entry>,
}

impl Registry {
    /// Adds a mention of `f` and returns its entry index, merging with an
    /// entry of the same name or alias (or a surname-stripped short form).
    pub fn add(&mut self, f: &Found) -> usize {
        let idx = match self.find(&f.name, f.kind) {
            Some(i) => i,
            None => {
                self.entries.push(Entry {
                    name: f.name.clone(),
                    kind: f.kind,
                    roles: Vec::new(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                });
                self.entries.len() - 1
            }
        };
        let e = &mut self.entries[idx];
        if f.name != e.name && !e.aliases.contains(&f.name) {
            e.aliases.push(f.name.clone());
        }
        if let Some(a) = &f.alias {
            if *a != e.name && !e.aliases.contains(a) {
                e.aliases.push(a.clone());
            }
        }
        if let Some(r) = &f.role {
            if !e.roles.contains(r) {
                e.roles.push(r.clone());
            }
        }
        if !e.mentions.contains(&f.at) {
            e.mentions.push(f.at);
        }
        idx
    }

    /// The entry called `name` (or with that alias).
    pub fn find(&self, name: &str, kind: SpeakerKind) -> Option<usize> {
        let exact = self.entries.iter().position(|e| e.name == name || e.aliases.iter().any(|a| a == name));
        exact.or_else(|| {
            (kind == SpeakerKind::Person).then_some(())?;
            self.entries.iter().position(|e| e.kind == SpeakerKind::Person && same_person(&e.name, name))
        })
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
            if !e.mentions.contains(&at) {
                e.mentions.push(at);
            }
        }
    }
}

/// 保罗-米尔萨普 and 米尔萨普: one is the other with the given name dropped.
fn same_person(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    long.len() > short.len()
        && long.ends_with(short)
        && long[..long.len() - short.len()].ends_with(['-', '·', '•'])
}
