//! Synthetic but plausible French administrations, to try the editor and to measure it on
//! charts of any size. Deterministic from the seed, with its own small generator (the library
//! takes no `rand`), so that a benchmark or a bug report can name the exact structure it used.

mod links;
mod shape;
mod words;

use crate::model::{Head, Id, Mission, Organisation, Unit, UnitKind};
use words::{Words, acronym, kind_at, paragraph, vocab, with};

/// SplitMix64: a few lines, well mixed even from seed 0.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

/// Staff ranges per level, from the secretariat down to the cells.
const STAFF: [(usize, usize); 6] = [(300, 1200), (80, 600), (25, 150), (8, 45), (3, 18), (2, 9)];

/// A structure of exactly `units` units (depth 5 or 6 from a few dozen units up), valid, and
/// the same for the same seed.
pub fn generate(units: usize, seed: u64) -> Organisation {
    let mut rng = Rng(seed);
    let w = Words::new();
    let families: Vec<Vec<&str>> = (words::FAMILIES.lines())
        .map(|l| l.split('|').collect())
        .collect();
    let shape = shape::shape(units, &mut rng);
    let ministry = rng.pick(&words::MINISTRIES.split('|').collect::<Vec<_>>());
    let root_name = format!("Secrétariat général des ministères chargés {ministry}");
    let mut family_of = vec![0usize; units];
    let mut named_after = vec![false; families.len()];
    let mut out = Vec::with_capacity(units);
    for (i, &(level, parent)) in shape.iter().enumerate() {
        let kind = kind_at(level, &mut rng);
        let (word, feminine, head_m, head_f) = vocab(&kind);
        // Directions take distinct families while some are left; sub-units keep their
        // direction's, so that a bureau's name fits its sous-direction's.
        family_of[i] = match parent {
            Some(p) if p > 0 => family_of[p],
            _ => {
                let f = rng.below(families.len());
                let mut rotation = (f..f + families.len()).map(|f| f % families.len());
                rotation.find(|&f| !named_after[f]).unwrap_or(f)
            }
        };
        let family = &families[family_of[i]];
        let d1 = family[1 + rng.below(family.len() - 1)];
        let d2 = family[1 + rng.below(family.len() - 1)];
        let prep = if kind == UnitKind::Delegation {
            "à"
        } else {
            "de"
        };
        let first_of_family = level == 1 && !named_after[family_of[i]];
        named_after[family_of[i]] |= level == 1;
        let activity = with(prep, rng.pick(&w.activities));
        let name = match rng.below(10) {
            _ if level == 0 => root_name.clone(),
            _ if first_of_family => format!("{word} {}", with(prep, family[0])),
            0..4 => format!("{word} {}", with(prep, d1)),
            4..8 => format!("{word} {activity} {}", with("de", d1)),
            _ => format!("{word} {} et {}", with(prep, d1), with("de", d2)),
        };
        let female_head = rng.chance(0.5);
        let person = if rng.chance(if level <= 2 { 0.8 } else { 0.4 }) {
            let first = rng.pick(if female_head { &w.first_f } else { &w.first_m });
            format!("{first} {}", rng.pick(&w.surnames))
        } else {
            String::new()
        };
        let subject = format!(
            "{} {}",
            if feminine { "La" } else { "Le" },
            word.to_lowercase()
        );
        // The first paragraph is about the unit's own domain, the others range over its family.
        let pool: Vec<&str> = std::iter::once(d1).chain(family.iter().copied()).collect();
        let missions = (0..[1, 2, 2, 3, 3, 4][rng.below(6)])
            .map(|k| {
                let (subject, domains) = match k {
                    0 => (Some(subject.as_str()), &pool[..1]),
                    _ => (None, &pool[..]),
                };
                let text = paragraph(subject, feminine, domains, &w, &mut rng);
                Mission { text, source: None }
            })
            .collect();
        let (low, high) = STAFF[level.min(STAFF.len() - 1)];
        out.push(Unit {
            id: Id(format!("u{}", i + 1)),
            acronym: if level <= 2 {
                acronym(&name)
            } else {
                String::new()
            },
            name,
            kind,
            parent: parent.map(|p| Id(format!("u{}", p + 1))),
            head: Head {
                title: (if female_head { head_f } else { head_m }).to_string(),
                name: person,
            },
            headcount: rng.chance(0.95).then(|| rng.range(low, high) as u32),
            missions,
            ..Default::default()
        });
    }
    let mut org = Organisation {
        name: root_name.clone(),
        acronym: acronym(&root_name),
        administration: format!("Ministères chargés {ministry}"),
        description: format!(
            "Structure fictive de {units} unités, produite pour essayer l'éditeur sur un grand organigramme."
        ),
        sources: vec![format!(
            "Produite par « organigramme generate » (graine {seed}) : toute ressemblance avec une administration existante serait fortuite."
        )],
        units: out,
        ..Default::default()
    };
    links::connect(&mut org, &families, &mut rng);
    org
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;
    use std::collections::HashMap;

    #[test]
    fn the_seed_decides_everything() {
        assert_eq!(generate(300, 7), generate(300, 7));
        assert_ne!(generate(300, 7), generate(300, 8));
    }

    #[test]
    fn exactly_the_units_asked_for_and_valid() {
        for n in [0, 1, 2, 3, 10, 57, 1000] {
            for seed in [0, 1, 42] {
                let org = generate(n, seed);
                assert_eq!(org.units.len(), n);
                let (issues, stats) = validate(&org);
                assert!(issues.is_empty(), "{n} unités, graine {seed} : {issues:?}");
                if n >= 1000 {
                    assert!((5..=6).contains(&stats.depth), "profondeur {}", stats.depth);
                    assert!(!org.relations.is_empty() && !org.bodies.is_empty());
                }
            }
        }
    }

    #[test]
    fn reads_like_an_administration() {
        let org = generate(1000, 3);
        for u in &org.units {
            assert!((1..=4).contains(&u.missions.len()));
            for m in &u.missions {
                let len = m.text.chars().count();
                assert!((150..=500).contains(&len), "{len} : {}", m.text);
            }
        }
        let mut children: HashMap<&Id, usize> = HashMap::new();
        for p in org.units.iter().filter_map(|u| u.parent.as_ref()) {
            *children.entry(p).or_default() += 1;
        }
        let widest = children.values().max().copied().unwrap_or(0);
        assert!(widest >= 15, "au plus {widest} enfants");
        assert!(children.values().any(|&c| c <= 2));
        assert!(org.units.iter().any(|u| u.name.starts_with("Bureau d")));
        assert!(!org.units[0].acronym.is_empty());
    }
}
