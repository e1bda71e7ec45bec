//! Semantic checks: what a file can say that the syntax allows but the structure forbids.
//!
//! Each finding names the place it is about (a field of one element), so that the file layer
//! can point at that very value, and is said in both languages; text from the file is shown
//! escaped ([`shown`]).

mod structure;

use super::{Id, Organisation, Target};
use crate::i18n::{Lang, Message, say, shown};
use structure::{check_hierarchy, check_ids};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// The lists of the structure whose elements a finding can be about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Units,
    Bodies,
    Relations,
    Entities,
}

/// The field of an element that a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Id,
    Name,
    Kind,
    Parent,
    Position,
    Chair,
    /// The n-th of a body's members.
    Member(usize),
    /// The n-th of the earlier units a unit takes over.
    Replaced(usize),
    From,
    To,
}

/// One field of one element: the `parent` of the third unit, the second member of a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub list: List,
    pub index: usize,
    pub field: Field,
}

impl Place {
    pub(super) fn unit(index: usize, field: Field) -> Self {
        Place {
            list: List::Units,
            index,
            field,
        }
    }
    fn body(index: usize, field: Field) -> Self {
        Place {
            list: List::Bodies,
            index,
            field,
        }
    }
    fn relation(index: usize, field: Field) -> Self {
        Place {
            list: List::Relations,
            index,
            field,
        }
    }
    fn of(target: Target, field: Field) -> Self {
        let (list, index) = match target {
            Target::Unit(i) => (List::Units, i),
            Target::Body(i) => (List::Bodies, i),
            Target::Entity(i) => (List::Entities, i),
        };
        Place { list, index, field }
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub severity: Severity,
    /// What it is about; `None` for the structure as a whole (several roots).
    pub place: Option<Place>,
    /// For an id defined several times: every definition, which the file layer names by
    /// their lines.
    pub definitions: Vec<Place>,
    pub message: Message,
}

/// Past this many units without missions, one warning names the first of them and counts
/// the others: a list of 200,000 lines says less, and took 30 MB in both languages.
const NAMED_WITHOUT_MISSIONS: usize = 20;

/// The warnings for the units (by index) that have no missions.
fn without_missions(org: &Organisation, units: &[usize]) -> Vec<Issue> {
    let id = |i: usize| shown(org.units[i].id.as_str()).to_string();
    if units.len() <= NAMED_WITHOUT_MISSIONS {
        return units
            .iter()
            .map(|&i| {
                let id = id(i);
                Issue::warning(
                    Some(Place::unit(i, Field::Id)),
                    Message::new(
                        format!("l'unité « {id} » n'a pas de missions"),
                        format!("unit “{id}” has no missions"),
                    ),
                )
            })
            .collect();
    }
    let first: Vec<String> = units[..NAMED_WITHOUT_MISSIONS]
        .iter()
        .map(|&i| id(i))
        .collect();
    let (n, more) = (units.len(), units.len() - NAMED_WITHOUT_MISSIONS);
    vec![Issue::warning(
        Some(Place::unit(units[0], Field::Id)),
        Message::new(
            format!(
                "{n} unités n'ont pas de missions : « {} » et {more} autres",
                first.join(" », « ")
            ),
            format!(
                "{n} units have no missions: “{}” and {more} more",
                first.join("”, “")
            ),
        ),
    )]
}

impl Issue {
    fn error(place: Place, message: Message) -> Self {
        Issue {
            severity: Severity::Error,
            place: Some(place),
            definitions: Vec::new(),
            message,
        }
    }
    pub fn warning(place: Option<Place>, message: Message) -> Self {
        Issue {
            severity: Severity::Warning,
            place,
            definitions: Vec::new(),
            message,
        }
    }
}

/// Figures for the one-line summary of `check`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub units: usize,
    pub bodies: usize,
    pub relations: usize,
    pub depth: usize,
    pub headcount: u64,
}

/// The farthest a unit may be placed by hand from the chart's origin: a thousand metres of
/// paper at 1 unit a millimetre; beyond, coordinates lose their precision and viewers fail.
pub const MAX_COORD: f32 = 1_000_000.0;

/// What an id that names the wrong kind of element names, with its article.
fn what(target: Target, lang: Lang) -> &'static str {
    match (target, lang) {
        (Target::Unit(_), Lang::Fr) => "une unité",
        (Target::Body(_), Lang::Fr) => "une instance",
        (Target::Entity(_), Lang::Fr) => "une entité extérieure",
        (Target::Unit(_), Lang::En) => "a unit",
        (Target::Body(_), Lang::En) => "a body",
        (Target::Entity(_), Lang::En) => "an outside entity",
    }
}

/// How a message names an element: « unité « drh » », "unit “drh”", « relation n° 2 ».
fn element(org: &Organisation, list: List, index: usize, lang: Lang) -> String {
    let id = |id: &Id| shown(id.as_str()).to_string();
    match list {
        List::Units => say!(lang, "unité « {} »", "unit “{}”", id(&org.units[index].id)),
        List::Bodies => say!(
            lang,
            "instance « {} »",
            "body “{}”",
            id(&org.bodies[index].id)
        ),
        List::Entities => say!(
            lang,
            "entité « {} »",
            "entity “{}”",
            id(&org.entities[index].id)
        ),
        List::Relations => say!(lang, "relation n° {}", "relation no. {}", index + 1),
    }
}

/// A warning for a kind written `Other("")`, `Other(" ")`: a box or a line whose kind says
/// nothing, which the user surely did not mean.
fn blank_kind(org: &Organisation, list: List, index: usize, label: Option<&str>) -> Option<Issue> {
    let label = label.filter(|l| l.trim().is_empty())?;
    let written = format!("Other(\"{}\")", shown(label));
    let (fr, en) = match list {
        List::Units => ("Observatoire", "Observatory"),
        List::Bodies => ("Séminaire", "Seminar"),
        List::Relations => ("Conseil", "Advice"),
        List::Entities => ("Fondation", "Foundation"),
    };
    let place = Place {
        list,
        index,
        field: Field::Kind,
    };
    Some(Issue::warning(
        Some(place),
        Message::each(|lang| {
            say!(
                lang,
                "{} : type {written} sans libellé (attendu : un libellé, comme Other(\"{fr}\"), ou un type de la liste)",
                "{}: kind {written} has no label (expected: a label, as in Other(\"{en}\"), or a kind from the list)",
                element(org, list, index, lang)
            )
        }),
    ))
}

/// The references between elements, each with what it must name.
#[derive(Clone, Copy)]
enum Role {
    Parent,
    Chair,
    Member,
    End,
}

impl Role {
    fn unknown(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Parent, Lang::Fr) => "parent inconnu",
            (Role::Chair, Lang::Fr) => "présidence inconnue",
            (Role::Member, Lang::Fr) => "membre inconnu",
            (Role::End, Lang::Fr) => "extrémité inconnue",
            (Role::Parent, Lang::En) => "unknown parent",
            (Role::Chair, Lang::En) => "unknown chair",
            (Role::Member, Lang::En) => "unknown member",
            (Role::End, Lang::En) => "unknown end",
        }
    }

    fn the(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Parent, Lang::Fr) => "le parent",
            (Role::Chair, Lang::Fr) => "la présidence",
            (Role::Member, Lang::Fr) => "le membre",
            (Role::End, Lang::Fr) => "l'extrémité",
            (Role::Parent, Lang::En) => "parent",
            (Role::Chair, Lang::En) => "chair",
            (Role::Member, Lang::En) => "member",
            (Role::End, Lang::En) => "end",
        }
    }

    /// What it may name, as « pas … » says it, and the expected id.
    fn must_be(self, lang: Lang) -> (&'static str, &'static str) {
        let units_only = matches!(self, Role::Parent | Role::Chair);
        match (units_only, lang) {
            (true, Lang::Fr) => ("pas une unité", "attendu : l'id d'une unité"),
            (true, Lang::En) => ("not a unit", "expected: the id of a unit"),
            (false, Lang::Fr) => (
                "pas une unité ni une entité extérieure",
                "attendu : l'id d'une unité ou d'une entité extérieure",
            ),
            (false, Lang::En) => (
                "not a unit or an outside entity",
                "expected: the id of a unit or of an outside entity",
            ),
        }
    }
}

/// The error for a reference (`parent: "X"`) that names nothing, or the wrong kind of
/// element: a chair that is a body is said to be a body, not « unknown ».
fn wrong_reference(
    org: &Organisation,
    (list, index): (List, usize),
    role: Role,
    id: &Id,
    found: Option<Target>,
) -> Message {
    let id = shown(id.as_str());
    Message::each(|lang| {
        let whose = element(org, list, index, lang);
        let (not, expected) = role.must_be(lang);
        match found {
            None => say!(
                lang,
                "{whose} : {} « {id} » ({expected})",
                "{whose}: {} “{id}” ({expected})",
                role.unknown(lang)
            ),
            Some(t) => say!(
                lang,
                "{whose} : {} « {id} » est {}, {not} ({expected})",
                "{whose}: {} “{id}” is {}, {not} ({expected})",
                role.the(lang),
                what(t, lang)
            ),
        }
    })
}

/// Warnings for the ids unit `i` says it takes over (`replaces`) that cannot be earlier
/// units: an id of this file's bodies or entities, or the unit's own. Ids gone from the file
/// are what the field is for; `diff --correspondence` checks them against the old version.
fn replaced(org: &Organisation, i: usize, named: &dyn Fn(&Id) -> Option<Target>) -> Vec<Issue> {
    let u = &org.units[i];
    let mut issues = Vec::new();
    for (k, id) in u.replaces.iter().enumerate() {
        let found = match named(id) {
            Some(Target::Unit(j)) if j != i => continue,
            None => continue,
            found => found,
        };
        let shown_id = shown(id.as_str());
        issues.push(Issue::warning(
            Some(Place::unit(i, Field::Replaced(k))),
            Message::each(|lang| {
                let whose = element(org, List::Units, i, lang);
                match found {
                    Some(t @ (Target::Body(_) | Target::Entity(_))) => say!(
                        lang,
                        "{whose} : remplace « {shown_id} », qui est {} (attendu : l'id d'une unité d'une version antérieure)",
                        "{whose}: replaces “{shown_id}”, which is {} (expected: the id of a unit of an earlier version)",
                        what(t, lang)
                    ),
                    _ => say!(
                        lang,
                        "{whose} : se remplace elle-même (attendu : l'id d'une unité d'une version antérieure)",
                        "{whose}: replaces itself (expected: the id of a unit of an earlier version)"
                    ),
                }
            }),
        ));
    }
    issues
}

pub fn validate(org: &Organisation) -> (Vec<Issue>, Stats) {
    let mut issues = Vec::new();
    let index = check_ids(org, &mut issues);
    let named = |id: &Id| index.get(id).copied();
    let is_unit = |t: Option<Target>| matches!(t, Some(Target::Unit(_)));
    let is_end = |t: Option<Target>| matches!(t, Some(Target::Unit(_) | Target::Entity(_)));

    let mut no_missions = Vec::new();
    for (i, u) in org.units.iter().enumerate() {
        let whose = (List::Units, i);
        if let Some(p) = &u.parent
            && !is_unit(named(p))
        {
            let message = wrong_reference(org, whose, Role::Parent, p, named(p));
            issues.push(Issue::error(Place::unit(i, Field::Parent), message));
        }
        if let Some(at) = &u.position
            && !(at.x.is_finite()
                && at.y.is_finite()
                && at.x.abs() <= MAX_COORD
                && at.y.abs() <= MAX_COORD)
        {
            let (x, y) = (at.x, at.y);
            issues.push(Issue::error(
                Place::unit(i, Field::Position),
                Message::each(|lang| {
                    say!(
                        lang,
                        "{} : position ({x}, {y}) hors du plan (attendu : deux nombres entre -1 000 000 et 1 000 000)",
                        "{}: position ({x}, {y}) off the plane (expected: two numbers between -1,000,000 and 1,000,000)",
                        element(org, List::Units, i, lang)
                    )
                }),
            ));
        }
        issues.extend(replaced(org, i, &named));
        if u.missions.is_empty() {
            no_missions.push(i);
        }
        issues.extend(blank_kind(org, List::Units, i, u.kind.other_label()));
    }
    issues.extend(without_missions(org, &no_missions));
    issues.extend(super::provenance::unsourced(org));
    issues.extend(super::conflict::unsettled(org));
    issues.extend(super::script::unknown_units(org));
    for (i, b) in org.bodies.iter().enumerate() {
        let whose = (List::Bodies, i);
        if let Some(c) = &b.chair
            && !is_unit(named(c))
        {
            let message = wrong_reference(org, whose, Role::Chair, c, named(c));
            issues.push(Issue::error(Place::body(i, Field::Chair), message));
        }
        for (k, m) in b.members.iter().enumerate() {
            if !is_end(named(m)) {
                let message = wrong_reference(org, whose, Role::Member, m, named(m));
                issues.push(Issue::error(Place::body(i, Field::Member(k)), message));
            }
        }
        if b.members.is_empty() && b.participants.is_empty() {
            let id = shown(b.id.as_str());
            issues.push(Issue::warning(
                Some(Place::body(i, Field::Id)),
                Message::new(
                    format!("l'instance « {id} » n'a pas de membres"),
                    format!("body “{id}” has no members"),
                ),
            ));
        }
        issues.extend(blank_kind(org, List::Bodies, i, b.kind.other_label()));
    }
    for (n, r) in org.relations.iter().enumerate() {
        if r.from == r.to {
            let id = shown(r.from.as_str());
            issues.push(Issue::warning(
                Some(Place::relation(n, Field::To)),
                Message::each(|lang| {
                    say!(
                        lang,
                        "{} : « {id} » est en relation avec elle-même (rien n'est tracé)",
                        "{}: “{id}” is related to itself (no line is drawn)",
                        element(org, List::Relations, n, lang)
                    )
                }),
            ));
        }
        for (field, end) in [(Field::From, &r.from), (Field::To, &r.to)] {
            if !is_end(named(end)) {
                let whose = (List::Relations, n);
                let message = wrong_reference(org, whose, Role::End, end, named(end));
                issues.push(Issue::error(Place::relation(n, field), message));
            }
        }
        issues.extend(blank_kind(org, List::Relations, n, r.kind.other_label()));
    }
    for (i, e) in org.entities.iter().enumerate() {
        issues.extend(blank_kind(org, List::Entities, i, e.kind.other_label()));
    }

    let depth = check_hierarchy(org, &index, &mut issues);
    let roots = org.units.iter().filter(|u| u.parent.is_none()).count();
    if roots > 1 {
        issues.push(Issue::warning(
            None,
            Message::new(
                format!("{roots} unités sans parent : le schéma a plusieurs racines"),
                format!("{roots} units without a parent: the chart has several roots"),
            ),
        ));
    }
    issues.sort_by_key(|i| std::cmp::Reverse(i.severity));
    let stats = Stats {
        units: org.units.len(),
        bodies: org.bodies.len(),
        relations: org.relations.len(),
        depth,
        headcount: org.total_headcount(),
    };
    (issues, stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;

    fn org_of(n: usize) -> Organisation {
        Organisation {
            units: (0..n)
                .map(|i| Unit {
                    id: Id::new(format!("u{i}").as_str()),
                    name: format!("Bureau {i}"),
                    parent: (i > 0).then(|| Id::new("u0")),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn warnings(org: &Organisation) -> Vec<String> {
        let (issues, _) = validate(org);
        issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
            .map(|i| i.message.get(Lang::Fr).to_string())
            .collect()
    }

    #[test]
    fn units_without_missions_are_named_a_few_at_a_time() {
        let few = warnings(&org_of(3));
        assert_eq!(few.len(), 3, "{few:?}");
        assert!(few[2].contains("« u2 » n'a pas de missions"), "{few:?}");
        let many = warnings(&org_of(500));
        assert_eq!(many.len(), 1, "{many:?}");
        assert!(many[0].starts_with("500 unités n'ont pas de missions : « u0 »"));
        assert!(many[0].ends_with("« u19 » et 480 autres"), "{many:?}");
    }

    #[test]
    fn a_unit_replaces_earlier_units_not_bodies_nor_itself() {
        let mut org = org_of(2);
        org.bodies.push(crate::model::Body {
            id: Id::new("comite"),
            participants: "tous".into(),
            ..Default::default()
        });
        org.units[1].replaces = ["gone", "u0", "comite", "u1"].map(Id::new).to_vec();
        let (issues, _) = validate(&org);
        let found: Vec<(Option<Place>, &str)> = issues
            .iter()
            .filter(|i| i.message.get(Lang::Fr).contains("remplace"))
            .inspect(|i| assert_eq!(i.severity, Severity::Warning))
            .map(|i| (i.place, i.message.get(Lang::Fr)))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, Some(Place::unit(1, Field::Replaced(2))));
        assert!(
            found[0]
                .1
                .contains("remplace « comite », qui est une instance")
        );
        assert_eq!(found[1].0, Some(Place::unit(1, Field::Replaced(3))));
        assert!(found[1].1.contains("se remplace elle-même"));
    }
}
