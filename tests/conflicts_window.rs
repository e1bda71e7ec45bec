//! The conflicts a merge leaves in its file: written there and read back, warned of by
//! `check`, and settled from the window one by one, each as one undo step.

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use organigramme::app::{OrgApp, Settings};
use organigramme::doc::Document;
use organigramme::model::{Id, Organisation};

mod harness;
use harness::window_on;

fn sample() -> Organisation {
    let s = organigramme::samples::default_sample();
    organigramme::format::load_bytes("s", s.text.as_bytes())
        .unwrap()
        .organisation
}

fn unit<'a>(org: &'a mut Organisation, id: &str) -> &'a mut organigramme::model::Unit {
    org.units.iter_mut().find(|u| u.id.as_str() == id).unwrap()
}

/// Both sides renamed the same délégation; theirs also gave the finances a headcount.
fn merged() -> Organisation {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    unit(&mut ours, "deleg-rh").name = "Délégation RH (nous)".into();
    unit(&mut theirs, "deleg-rh").name = "Délégation RH (eux)".into();
    unit(&mut theirs, "serv-finances").headcount = Some(42);
    let merged = organigramme::merge::merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    // Through the file: the conflict travels in it, and check warns of it.
    let text = organigramme::format::to_string(&merged.organisation);
    let loaded = organigramme::format::load_bytes("fusion.ron", text.as_bytes()).unwrap();
    assert!((loaded.warnings.iter()).any(|w| {
        w.message
            .get(organigramme::i18n::Lang::Fr)
            .contains("1 conflit de fusion à régler")
    }),);
    loaded.organisation
}

fn window(org: Organisation) -> Harness<'static, OrgApp> {
    window_on(OrgApp::new(Document::new(org, None), Settings::default()))
}

fn name(h: &Harness<'static, OrgApp>) -> String {
    h.state()
        .doc
        .org()
        .unit(&Id::new("deleg-rh"))
        .unwrap()
        .name
        .clone()
}

#[test]
fn a_conflict_is_settled_with_their_side_in_one_undo_step() {
    let mut h = window(merged());
    assert!(h.query_by_label("1 conflit de fusion").is_some());
    assert_eq!(name(&h), "Délégation RH (nous)", "ours kept meanwhile");
    h.get_by_label("Prendre la leur").click();
    h.run_steps(3);
    assert_eq!(name(&h), "Délégation RH (eux)");
    assert!(h.state().doc.org().conflicts.is_empty());
    assert!(h.query_by_label("1 conflit de fusion").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(name(&h), "Délégation RH (nous)");
    assert_eq!(h.state().doc.org().conflicts.len(), 1);
}

#[test]
fn keeping_ours_only_clears_the_conflict() {
    let mut h = window(merged());
    h.get_by_label("Garder la nôtre").click();
    h.run_steps(3);
    assert_eq!(name(&h), "Délégation RH (nous)");
    assert!(h.state().doc.org().conflicts.is_empty());
    assert!(h.state().doc.is_dirty());
}
