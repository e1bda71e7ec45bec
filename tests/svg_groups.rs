//! The SVG a user can edit: one group per unit, body and entity named by its id in the file,
//! classed by what it is, titled with its texts; the hierarchy in one group; each relation in
//! a group that says what it joins.

use organigramme::export::svg;
use organigramme::model::{Body, Id, Mission, Organisation, Relation, RelationKind, Unit};
use organigramme::scene::{self, ChartOptions, Link, Owner};
use resvg::usvg::roxmltree::{Document, Node};
use std::collections::HashSet;

fn samples() -> Vec<(&'static str, Organisation)> {
    organigramme::samples::SAMPLES
        .iter()
        .map(|s| {
            let loaded = organigramme::format::load_bytes(s.file_name, s.text.as_bytes());
            (s.file_name, loaded.unwrap().organisation)
        })
        .collect()
}

fn groups<'a>(doc: &'a Document, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g"))
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').next() == Some(class))
        })
        .collect()
}

fn title(node: Node) -> String {
    let first = node.first_element_child().expect("a title first");
    assert!(first.has_tag_name("title"));
    first.text().unwrap_or_default().to_string()
}

#[test]
fn every_unit_body_and_entity_is_one_titled_group_with_its_id() {
    for (name, org) in samples() {
        let scene = scene::build(&org, &ChartOptions::default());
        let text = svg::write(&scene, &org, &svg::SvgOptions::default());
        assert!(!text.contains("foreignObject"));
        let doc = Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut ids = HashSet::new();
        for item in &scene.items {
            let (class, id, label) = match item.owner {
                Owner::Unit(u) => ("unit", &org.units[u].id, &org.units[u].name),
                Owner::Body(b) => ("body", &org.bodies[b].id, &org.bodies[b].name),
                Owner::Entity(e) => ("entity", &org.entities[e].id, &org.entities[e].name),
                Owner::Decoration | Owner::Label => continue,
            };
            let g = doc
                .descendants()
                .find(|n| n.has_tag_name("g") && n.attribute("id") == Some(id.as_str()))
                .unwrap_or_else(|| panic!("{name}: no group {id}"));
            assert!(ids.insert(id.as_str()), "{name}: {id} twice");
            let classes: Vec<&str> = g.attribute("class").unwrap().split(' ').collect();
            assert_eq!(classes.len(), 2, "{name}: {classes:?}");
            assert_eq!(classes[0], class);
            assert!(
                classes[1]
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name}: {classes:?}"
            );
            assert!(title(g).starts_with(label.as_str()), "{name}: {}", title(g));
            // The box and its text lines are inside the group.
            assert!(g.children().any(|c| c.has_tag_name("rect")));
            let shown = g.children().filter(|c| c.has_tag_name("text")).count();
            let lines = item.lines.iter().filter(|l| !l.text.trim().is_empty());
            assert_eq!(shown, lines.count(), "{name}: {id}");
        }
        assert!(ids.len() >= org.units.len());
    }
}

#[test]
fn a_units_title_holds_its_name_head_and_missions_and_its_class_its_kind() {
    let org = Organisation {
        name: "Test".into(),
        units: vec![Unit {
            id: Id::new("sg"),
            name: "Secrétariat général".into(),
            kind: organigramme::model::UnitKind::SousDirection,
            head: organigramme::model::Head {
                title: "Secrétaire générale".into(),
                name: "Camille Martin".into(),
            },
            missions: vec![Mission {
                text: "Il prépare le budget. Il suit son exécution.".into(),
                source: None,
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let text = svg::write(
        &scene::build(&org, &ChartOptions::default()),
        &org,
        &svg::SvgOptions::default(),
    );
    let doc = Document::parse(&text).unwrap();
    let unit = &groups(&doc, "unit")[0];
    assert_eq!(unit.attribute("id"), Some("sg"));
    assert_eq!(unit.attribute("class"), Some("unit sous-direction"));
    let title = title(*unit);
    for part in [
        "Secrétariat général",
        "Secrétaire générale",
        "Camille Martin",
        "Il prépare le budget. Il suit son exécution.",
    ] {
        assert!(title.contains(part), "{title}");
    }
}

#[test]
fn the_hierarchy_is_one_group_and_each_relation_a_group_saying_what_it_joins() {
    for (name, org) in samples() {
        let scene = scene::build(&org, &ChartOptions::default());
        let text = svg::write(&scene, &org, &svg::SvgOptions::default());
        let doc = Document::parse(&text).unwrap();
        let hierarchy = groups(&doc, "hierarchy");
        assert_eq!(hierarchy.len(), 1, "{name}");
        let count =
            |test: fn(&Link) -> bool| scene.connectors.iter().filter(|c| test(&c.link)).count();
        assert_eq!(
            hierarchy[0]
                .children()
                .filter(|c| c.has_tag_name("polyline"))
                .count(),
            count(|l| matches!(l, Link::Hierarchy(_))),
            "{name}"
        );
        let relations = groups(&doc, "relation");
        let links: HashSet<&Link> = scene
            .connectors
            .iter()
            .map(|c| &c.link)
            .filter(|l| matches!(l, Link::Relation(_)))
            .collect();
        assert_eq!(relations.len(), links.len(), "{name}");
        let polylines: usize = relations
            .iter()
            .map(|g| g.children().filter(|c| c.has_tag_name("polyline")).count())
            .sum();
        // A directed relation's arrowhead is drawn in its group, beside its line.
        assert_eq!(
            polylines,
            count(|l| matches!(l, Link::Relation(_))),
            "{name}"
        );
        let drawn: HashSet<(&str, &str)> = relations
            .iter()
            .map(|g| {
                let lines = g.children().filter(|c| c.has_tag_name("polyline")).count();
                assert!((1..=2).contains(&lines), "{name}: {lines} polylines");
                let kind = g.attribute("data-kind").unwrap();
                assert!(!kind.is_empty() && kind.is_ascii(), "{name}: {kind}");
                (
                    g.attribute("data-from").unwrap(),
                    g.attribute("data-to").unwrap(),
                )
            })
            .collect();
        for c in &scene.connectors {
            if let Link::Relation(r) = c.link {
                let r = &org.relations[r];
                assert!(drawn.contains(&(r.from.as_str(), r.to.as_str())), "{name}");
            }
        }
    }
}

#[test]
fn hostile_ids_and_texts_stay_attribute_and_title_text() {
    let nasty = "a\"b<c>&d'e";
    let mut org = Organisation {
        name: "Test".into(),
        ..Default::default()
    };
    for (i, id) in [nasty, "x"].iter().enumerate() {
        org.units.push(Unit {
            id: Id::new(*id),
            name: format!("<script>alert({i})</script>"),
            kind: organigramme::model::UnitKind::Other("Observatoire « régional » <b>".into()),
            parent: (i > 0).then(|| Id::new(nasty)),
            missions: vec![Mission {
                text: "]]> & \u{1b} \n fin".into(),
                source: None,
            }],
            ..Default::default()
        });
    }
    org.relations.push(Relation {
        from: Id::new("x"),
        to: Id::new(nasty),
        kind: RelationKind::Pilotage,
        ..Default::default()
    });
    org.bodies.push(Body {
        id: Id::new("c&d"),
        name: "Comité".into(),
        chair: Some(Id::new(nasty)),
        ..Default::default()
    });
    let text = svg::write(
        &scene::build(&org, &ChartOptions::default()),
        &org,
        &svg::SvgOptions::default(),
    );
    assert!(!text.contains("<script>") && !text.contains('\u{1b}'));
    let doc = Document::parse(&text).unwrap();
    let units = groups(&doc, "unit");
    assert_eq!(units[0].attribute("id"), Some(nasty));
    assert_eq!(
        units[0].attribute("class"),
        Some("unit observatoire-regional-b")
    );
    assert!(title(units[0]).starts_with("<script>alert(0)</script>"));
    let relation = &groups(&doc, "relation")[0];
    assert_eq!(relation.attribute("data-from"), Some("x"));
    assert_eq!(relation.attribute("data-to"), Some(nasty));
    assert_eq!(relation.attribute("data-kind"), Some("tutelle-pilotage"));
    assert_eq!(groups(&doc, "body")[0].attribute("id"), Some("c&d"));
    resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default()).unwrap();
}
