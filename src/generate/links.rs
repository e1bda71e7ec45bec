//! What ties units beyond the hierarchy: outside entities, functional relations (a few percent
//! of the units) and coordination bodies (a few percent too).

use super::Rng;
use super::words::{ENTITIES, with};
use crate::model::{Body, BodyKind, Entity, EntityKind, Id, Organisation, Relation, RelationKind};

pub fn connect(org: &mut Organisation, families: &[Vec<&str>], rng: &mut Rng) {
    let n = org.units.len();
    if n == 0 {
        return;
    }
    org.entities = (ENTITIES.lines())
        .filter_map(|line| line.split_once('|'))
        .map(|(id, name)| Entity {
            id: Id::new(id),
            name: name.into(),
            acronym: if id == "cabinet" {
                String::new()
            } else {
                id.to_uppercase()
            },
            kind: match id {
                "cabinet" => EntityKind::Cabinet,
                "ars" => EntityKind::Agence,
                "dreets" => EntityKind::ServiceDeconcentre,
                _ => EntityKind::Direction,
            },
            ..Default::default()
        })
        .collect();

    use RelationKind::*;
    // Liaison is by far the most common link in the source documents.
    let kinds = [
        EnLiaisonAvec,
        EnLiaisonAvec,
        EnLiaisonAvec,
        Coordination,
        Coordination,
        Support,
        AnimationReseau,
        Pilotage,
    ];
    let labels = [
        "appui juridique",
        "échange de données",
        "co-pilotage",
        "suivi budgétaire",
    ];
    let between = if n >= 2 { n * 2 / 100 } else { 0 };
    for k in 0..between + n / 100 + 1 {
        let from = rng.below(n);
        let to = if k < between {
            let to = rng.below(n - 1);
            org.units[to + usize::from(to >= from)].id.clone()
        } else {
            org.entities[rng.below(org.entities.len())].id.clone()
        };
        let label = if rng.chance(0.4) {
            rng.pick(&labels).into()
        } else {
            String::new()
        };
        org.relations.push(Relation {
            from: org.units[from].id.clone(),
            to,
            kind: kinds[rng.below(kinds.len())].clone(),
            label,
            source: None,
        });
    }

    // Chaired by the upper levels, the ones with an acronym.
    let upper: Vec<usize> = (0..n)
        .filter(|&i| !org.units[i].acronym.is_empty())
        .collect();
    let bodies = if n >= 3 { (n * 2).div_ceil(100) } else { 0 };
    for b in 0..bodies {
        let chair = upper[rng.below(upper.len())];
        let (kind, prefix) = [
            (BodyKind::Comite, "Comité de pilotage"),
            (BodyKind::Comite, "Comité stratégique"),
            (BodyKind::Conference, "Conférence de coordination"),
            (BodyKind::Reunion, "Réunion de suivi"),
            (BodyKind::Instance, "Instance de concertation"),
        ][rng.below(5)]
        .clone();
        let family = &families[rng.below(families.len())];
        let domain = with("de", rng.pick(family));
        let mut members: Vec<Id> = Vec::new();
        for _ in 0..rng.range(2, 8) {
            let m = &org.units[rng.below(n)].id;
            if *m != org.units[chair].id && !members.contains(m) {
                members.push(m.clone());
            }
        }
        if members.is_empty() || rng.chance(0.3) {
            members.push(org.entities[rng.below(org.entities.len())].id.clone());
        }
        let cadences = ["hebdomadaire", "mensuelle", "trimestrielle", "semestrielle"];
        org.bodies.push(Body {
            id: Id(format!("instance-{}", b + 1)),
            name: format!("{prefix} {domain}"),
            kind,
            chair: Some(org.units[chair].id.clone()),
            members,
            cadence: rng.pick(&cadences).into(),
            purpose: format!("Suivi et arbitrage des dossiers relevant {domain}."),
            ..Default::default()
        });
    }
}
