//! The window's view and inspector options, driven headless by their labels: staff positions,
//! how relations are shown, tooltips on the canvas and the toolbar, plurals in both languages.

use eframe::egui;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use organigramme::app::{OrgApp, Settings};
use organigramme::i18n::Lang;
use organigramme::scene::{Owner, RelationsMode};
use organigramme::ui::options::RelationsView;
use organigramme::ui::tips;
use organigramme::ui::{Action, ExportDialog, Selection};

mod harness;
use harness::window_on;

fn harness(settings: Settings) -> Harness<'static, OrgApp> {
    window_on(OrgApp::with_default_sample(settings))
}

fn unit_index(app: &OrgApp, id: &str) -> usize {
    app.doc
        .org()
        .units
        .iter()
        .position(|u| u.id.as_str() == id)
        .unwrap()
}

#[test]
fn the_staff_checkbox_sets_the_flag_and_undo_takes_it_back() {
    let mut h = harness(Settings::default());
    h.get_by_label("Délégation à la communication").click();
    h.run_steps(3);
    let unit = unit_index(h.state(), "deleg-communication");
    assert!(!h.state().doc.org().units[unit].staff);
    h.get_by_label("Rattachement d'état-major (à côté du responsable)")
        .click();
    h.run_steps(3);
    assert!(
        h.state().doc.org().units[unit].staff,
        "the box sets the flag"
    );
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(
        !h.state().doc.org().units[unit].staff,
        "undo clears it again"
    );
    assert!(!h.state().doc.is_dirty());
}

fn relations_menu(h: &mut Harness<'static, OrgApp>, choice: &str) {
    h.get_by_label("Affichage").click();
    h.run_steps(2);
    // egui labels a submenu's button with its arrow.
    h.get_by_label("Relations ⏵").click();
    h.run_steps(2);
    // A menu item's label ends with its shortcut's text, empty here.
    h.get_by_label(&format!("{choice} ")).click();
    h.run_steps(3);
}

#[test]
fn relations_listed_in_the_boxes_change_the_chart_and_the_export() {
    let mut h = harness(Settings::default());
    assert_eq!(h.state().chart.relations, RelationsMode::Lines);
    let listed = |app: &OrgApp| {
        app.scene()
            .items
            .iter()
            .filter(|i| matches!(i.owner, Owner::Unit(_)))
            .flat_map(|i| i.lines.iter())
            .any(|l| l.text.starts_with("En liaison avec"))
    };
    assert!(!listed(h.state()));
    relations_menu(&mut h, "En liste dans les cadres");
    assert_eq!(h.state().chart.relations, RelationsMode::List);
    assert_eq!(h.state().settings.relations, RelationsView::List);
    assert!(listed(h.state()), "the boxes list their relations");
    let export = h
        .state()
        .export_request(&ExportDialog::new(&h.state().chart));
    assert_eq!(export.chart.relations, RelationsMode::List);
}

#[test]
fn relations_of_the_selection_follow_the_selection() {
    let mut h = harness(Settings::default());
    relations_menu(&mut h, "Celles de la sélection seulement");
    assert_eq!(h.state().chart.relations, RelationsMode::None);
    h.get_by_label("Délégation à la communication").click();
    h.run_steps(3);
    let id = h.state().doc.org().units[unit_index(h.state(), "deleg-communication")]
        .id
        .clone();
    assert_eq!(h.state().chart.relations, RelationsMode::Of(id));
}

#[test]
fn hovering_a_unit_shows_its_head_headcount_and_missions() {
    let mut h = harness(Settings::default());
    let unit = unit_index(h.state(), "deleg-communication");
    let tip = tips::tip(h.state().doc.org(), Owner::Unit(unit), Lang::Fr).unwrap();
    let mission = tip
        .lines
        .iter()
        .find(|l| l.starts_with("• "))
        .expect("the sample's unit has missions")
        .clone();
    assert!(h.query_by_label(&mission).is_none());
    let rect = h.state().unit_screen_rect(unit).unwrap();
    h.hover_at(rect.center());
    // A tooltip is sized in one frame and shown in the next, which the canvas replays.
    h.run_steps(4);
    assert!(
        h.query_by_label(&mission).is_some(),
        "the tooltip shows « {mission} »"
    );
    h.hover_at(egui::pos2(5.0, 5.0));
    h.run_steps(4);
    assert!(h.query_by_label(&mission).is_none(), "and goes away");
}

#[test]
fn tooltips_say_who_chairs_a_body_and_cut_long_missions() {
    let mut org = (*OrgApp::with_default_sample(Settings::default()).doc.org()).clone();
    org.units[1].headcount = Some(12);
    let tip = tips::tip(&org, Owner::Unit(1), Lang::En).unwrap();
    assert!(tip.lines.contains(&"Headcount: 12".to_string()), "{tip:?}");
    let body = org.bodies.iter().position(|b| b.chair.is_some()).unwrap();
    let tip = tips::tip(&org, Owner::Body(body), Lang::Fr).unwrap();
    assert_eq!(tip.title, org.bodies[body].name);
    let chair = org.label_of(org.bodies[body].chair.as_ref().unwrap());
    assert!(tip.lines.contains(&format!("Présidence : {chair}")));
    assert_eq!(tips::cut("Un texte court.", 40), "Un texte court.");
    let long =
        "Le secrétariat général prépare et met en oeuvre la politique des ressources humaines";
    let cut = tips::cut(long, 40);
    assert!(cut.ends_with(" …") && cut.chars().count() <= 42, "{cut}");
    assert!(
        long.starts_with(cut.trim_end_matches(" …")),
        "cut at a word: {cut}"
    );
}

#[test]
fn toolbar_buttons_say_what_they_do_and_their_key() {
    let h = harness(Settings::default());
    assert_eq!(Action::Relayout.tooltip(&h.ctx, Lang::Fr), "Réorganiser");
    assert_eq!(Action::Open.tooltip(&h.ctx, Lang::En), "Open… (Ctrl+O)");
}

/// A structure of one unit and one body chaired by it, in `lang`.
fn one_of_each(lang: Lang) -> Harness<'static, OrgApp> {
    use organigramme::model::{Body, Id, Organisation, Unit};
    let org = Organisation {
        name: "Secrétariat".into(),
        units: vec![Unit {
            id: Id::new("sg"),
            name: "Secrétariat général".into(),
            ..Default::default()
        }],
        bodies: vec![Body {
            id: Id::new("cd"),
            name: "Comité de direction".into(),
            chair: Some(Id::new("sg")),
            ..Default::default()
        }],
        ..Default::default()
    };
    let settings = Settings {
        lang,
        ..Settings::default()
    };
    let app = OrgApp::new(organigramme::doc::Document::new(org, None), settings);
    window_on(app)
}

#[test]
fn the_status_bar_counts_in_the_singular_and_the_plural() {
    let h = one_of_each(Lang::En);
    assert!(h.query_by_label("1 unit · 1 body · 0 relations").is_some());
    let h = one_of_each(Lang::Fr);
    assert!(
        h.query_by_label("1 unité · 1 instance · 0 relation")
            .is_some()
    );
    let h = harness(Settings {
        lang: Lang::En,
        ..Settings::default()
    });
    let org = &h.state().doc.org();
    let status = format!(
        "{} units · {} bodies · {} relations",
        org.units.len(),
        org.bodies.len(),
        org.relations.len()
    );
    assert!(h.query_by_label(&status).is_some(), "no « {status} »");
}

#[test]
fn a_refused_cycle_is_told_in_english() {
    let h = harness(Settings::default());
    let root = unit_index(h.state(), "sg");
    let below = unit_index(h.state(), "deleg-communication");
    let org = &h.state().doc.org();
    let refused = organigramme::doc::ops::reparent(org, h.state().doc.hierarchy(), root, below)
        .expect_err("a cycle");
    assert!(refused.message(Lang::En).contains("would be a cycle"));
    assert!(refused.message(Lang::En).starts_with('“'));
    assert!(refused.to_string().contains("ce serait un cycle"));
}

#[test]
fn an_export_by_keyboard_alone_ctrl_e_enter_a_name_enter() {
    let dir = std::env::temp_dir().join(format!("organigramme-w2-keys-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness(Settings {
        file_chooser: organigramme::ui::options::ChooserKind::BuiltIn,
        recent_dirs: vec![dir.clone()],
        ..Settings::default()
    });
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    assert!(matches!(
        h.state().dialog,
        Some(organigramme::ui::Dialog::Export(_))
    ));
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(h.state().dialog.is_none(), "Enter presses « Exporter… »");
    assert!(h.state().chooser.is_open(), "which asks where to write");
    // No field is clicked: the file name field has the focus, its stem selected.
    h.event(egui::Event::Text("au-clavier".into()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    let path = dir.join("au-clavier.png");
    for _ in 0..400 {
        if path.exists() && !h.state().exporting() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    panic!("nothing written at {}", path.display());
}

/// Ctrl+− and Ctrl+= belong to the chart: the interface keeps its size (egui would scale the
/// whole window), which the Affichage menu changes instead.
#[test]
fn ctrl_minus_and_ctrl_equals_leave_the_interface_size_alone() {
    let mut h = harness(Settings::default());
    for key in [Key::Minus, Key::Minus, Key::Equals] {
        h.key_press_modifiers(egui::Modifiers::COMMAND, key);
        h.run_steps(2);
        assert_eq!(h.ctx.zoom_factor(), 1.0, "{key:?} scaled the interface");
    }
    h.get_by_label("Affichage").click();
    h.run_steps(2);
    h.get_by_label("Taille de l'interface ⏵").click();
    h.run_steps(2);
    h.get_by_label("Agrandir").click();
    h.run_steps(2);
    assert!(h.ctx.zoom_factor() > 1.05, "the menu scales the interface");
}

#[test]
fn the_performance_view_opens_from_the_view_menu() {
    let mut h = harness(Settings::default());
    h.get_by_label("Affichage").click();
    h.run_steps(2);
    h.get_by_label("Performance").click();
    h.run_steps(3);
    assert!(h.state().frames.open);
    assert!(
        h.query_by_label_contains("Aucune image encore").is_some()
            || h.query_by_label_contains("dernières images").is_some(),
        "the Performance window shows the frames"
    );
}

/// The toolbar shows the chart's zoom, and Ctrl+= changes it.
#[test]
fn the_toolbar_shows_the_charts_zoom() {
    let mut h = harness(Settings::default());
    let shown = |h: &Harness<'static, OrgApp>| format!("{:.0} %", h.state().canvas.zoom() * 100.0);
    let before = shown(&h);
    assert!(
        h.query_by_label(&before).is_some(),
        "{before} in the toolbar"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Equals);
    h.run_steps(4);
    let after = shown(&h);
    assert_ne!(before, after, "Ctrl+= zooms the chart");
    assert!(h.query_by_label(&after).is_some(), "{after} in the toolbar");
}

/// A pinch or Ctrl + wheel zooms by what it asks, about the pointer (the point under it stays
/// put), and no further than the canvas's bounds however long it goes on.
#[test]
fn the_wheel_zooms_about_the_pointer_by_what_it_asks_within_bounds() {
    let mut h = harness(Settings::default());
    let r = h.state().scene().items[h.state().scene().unit_item[0].unwrap()].rect;
    let centre = egui::pos2(r.x + r.w / 2.0, r.y + r.h / 2.0);
    let at = h.state().canvas.scene_to_screen(centre);
    h.hover_at(at);
    h.run_steps(2);
    let before = h.state().canvas.zoom();
    h.event(egui::Event::Zoom(1.5));
    h.run_steps(3);
    let zoom = h.state().canvas.zoom();
    assert!((zoom / before - 1.5).abs() < 0.01, "{before} → {zoom}");
    let moved = h.state().canvas.scene_to_screen(centre) - at;
    assert!(
        moved.length() < 1.0,
        "the point under the pointer moved {moved:?}"
    );
    // A turn of the wheel with Ctrl, which egui spreads over several frames: in all, the
    // zoom egui asks for (e^(40 / 200) for a line), not a tenth more at each frame.
    let before = h.state().canvas.zoom();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 1.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::COMMAND,
    });
    h.run_steps(10);
    let turned = h.state().canvas.zoom() / before;
    assert!((turned - 0.2f32.exp()).abs() < 0.01, "× {turned}");
    for _ in 0..40 {
        h.event(egui::Event::Zoom(1.5));
        h.run_steps(1);
    }
    h.run_steps(2);
    assert_eq!(h.state().canvas.zoom(), 8.0);
    for _ in 0..60 {
        h.event(egui::Event::Zoom(0.5));
        h.run_steps(1);
    }
    h.run_steps(2);
    assert_eq!(h.state().canvas.zoom(), 0.02);
}

/// Pointing at a body marks its member units on the canvas; leaving it clears the marks.
#[test]
fn pointing_at_a_body_marks_its_members() {
    let text = include_str!("charts/secretariat-exemple.ron");
    let org = organigramme::format::load_bytes("exemple.ron", text.as_bytes())
        .unwrap()
        .organisation;
    let app = OrgApp::new(
        organigramme::doc::Document::new(org, None),
        Settings::default(),
    );
    let mut h = window_on(app);
    let (body, member) = *h
        .state()
        .scene()
        .members
        .first()
        .expect("a body with members");
    assert!(!h.state().canvas.is_marked(member));
    let r = h.state().scene().items[body].rect;
    let centre = egui::pos2(r.x + r.w / 2.0, r.y + r.h / 2.0);
    h.hover_at(h.state().canvas.scene_to_screen(centre));
    h.run_steps(3);
    assert!(h.state().canvas.is_marked(member), "the member is marked");
    h.hover_at(egui::pos2(5.0, 5.0));
    h.run_steps(3);
    assert!(
        !h.state().canvas.is_marked(member),
        "the mark goes with the pointer"
    );
}

/// A press and a release at `pos` in one frame: a click, not a drag.
fn click_at(h: &mut Harness<'static, OrgApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(3);
}

/// Where the chart shows the first item of `owner`'s kind, on the screen.
fn on_screen(app: &OrgApp, of_kind: impl Fn(Owner) -> bool) -> (Owner, egui::Pos2) {
    let item = app
        .scene()
        .items
        .iter()
        .find(|i| of_kind(i.owner))
        .expect("one on the chart");
    let r = item.rect;
    let centre = egui::pos2(r.x + r.w / 2.0, r.y + r.h / 2.0);
    (item.owner, app.canvas.scene_to_screen(centre))
}

/// A body clicked on the chart is selected and edited in the inspector, one undo step per
/// field; an outside entity clicked is shown there too.
#[test]
fn a_body_clicked_on_the_chart_is_edited_in_the_inspector() {
    let mut h = harness(Settings::default());
    let (owner, at) = on_screen(h.state(), |o| matches!(o, Owner::Body(_)));
    let Owner::Body(b) = owner else {
        unreachable!()
    };
    let body = h.state().doc.org().bodies[b].clone();
    click_at(&mut h, at);
    assert_eq!(h.state().selection, Some(Selection::Body(body.id.clone())));
    assert!(h.query_by_label("Instance de coordination").is_some());
    let name = h
        .query_all_by_value(&body.name)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the body's name in the inspector");
    name.focus();
    h.run_steps(1);
    // Two keystrokes in two frames: two changes, merged into one undo step.
    for typed in [" plé", "nier"] {
        h.event(egui::Event::Text(typed.into()));
        h.run_steps(2);
    }
    h.key_press(Key::Tab);
    h.run_steps(2);
    let renamed = format!("{} plénier", body.name);
    assert_eq!(h.state().doc.org().bodies[b].name, renamed);
    assert_eq!(h.state().doc.undo_label(), Some("Modifier l'instance"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(
        h.state().doc.org().bodies[b],
        body,
        "one undo takes it back"
    );
    assert!(!h.state().doc.is_dirty());
    assert!(
        h.query_all_by_value(&body.name).next().is_some(),
        "the inspector still shows the body"
    );
    let (owner, at) = on_screen(h.state(), |o| matches!(o, Owner::Entity(_)));
    let Owner::Entity(e) = owner else {
        unreachable!()
    };
    click_at(&mut h, at);
    let entity = &h.state().doc.org().entities[e];
    assert_eq!(
        h.state().selection,
        Some(Selection::Entity(entity.id.clone()))
    );
    assert!(h.query_by_label("Entité extérieure").is_some());
    assert!(h.query_all_by_value(&entity.name).next().is_some());
}

#[test]
fn suppr_deletes_a_body_or_an_entity_clicked_on_the_chart_and_undo_brings_it_back() {
    let mut h = harness(Settings::default());
    let before = h.state().doc.org().clone();
    for is_body in [true, false] {
        let (_, at) = on_screen(h.state(), |o| match o {
            Owner::Body(_) => is_body,
            Owner::Entity(_) => !is_body,
            _ => false,
        });
        click_at(&mut h, at);
        h.key_press(Key::Delete);
        h.run_steps(3);
        let org = h.state().doc.org();
        let (bodies, entities) = (org.bodies.len(), org.entities.len());
        if is_body {
            assert_eq!(bodies, before.bodies.len() - 1);
        } else {
            assert_eq!(entities, before.entities.len() - 1);
        }
        assert_eq!(h.state().selection, None);
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        h.run_steps(3);
        assert_eq!(h.state().doc.org(), &before, "one undo brings it back");
    }
}
