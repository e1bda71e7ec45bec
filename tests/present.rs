//! The presentation mode: its script in the file, the window stepping through it with a
//! clicker's keys, and the frames each step is shown in.

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use organigramme::app::{OrgApp, Settings};
use organigramme::doc::Document;
use organigramme::i18n::Lang;
use organigramme::model::{Hierarchy, Id, Organisation, Step};
use organigramme::present::{MIN_NAME_PX, Order, Screen, View, plan};
use organigramme::scene::{self, Item, Owner, Rect};
use organigramme::ui::Action;

fn sgmas() -> Organisation {
    sample("sgmas")
}

/// A head over forty units with long names: too many for one frame, even stacked.
fn forty() -> Organisation {
    let unit = |i: usize, parent: Option<&str>| organigramme::model::Unit {
        id: Id::new(format!("u{i}")),
        name: format!("Bureau numéro {i} de la sous-direction des affaires générales"),
        parent: parent.map(Id::new),
        ..Default::default()
    };
    let units = std::iter::once(unit(0, None))
        .chain((1..=40).map(|i| unit(i, Some("u0"))))
        .collect();
    Organisation {
        units,
        ..Default::default()
    }
}

fn sample(name: &str) -> Organisation {
    let path = format!("sample_orgs/{name}.ron");
    organigramme::format::load_path(std::path::Path::new(&path))
        .unwrap()
        .organisation
}

fn script() -> Vec<Step> {
    vec![
        Step {
            title: "Vue d'ensemble".into(),
            depth: Some(1),
            ..Default::default()
        },
        Step {
            title: "Les finances".into(),
            unit: Some(Id::new("sg")),
            depth: Some(2),
            spotlight: Some(Id::new("serv-finances")),
            missions: true,
        },
        Step {
            unit: Some(Id::new("deleg-rh")),
            ..Default::default()
        },
    ]
}

fn unit(org: &Organisation, id: &str) -> usize {
    org.units.iter().position(|u| u.id.0 == id).unwrap()
}

fn window(org: Organisation) -> Harness<'static, OrgApp> {
    let app = OrgApp::new(Document::new(org, None), Settings::default());
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut OrgApp| app.show(ui), app);
    h.run_steps(4);
    h
}

/// Presses `key`, then lets the transition end: `run` fails if frames keep coming after it.
fn press(h: &mut Harness<'static, OrgApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn current_step(h: &Harness<'static, OrgApp>) -> Step {
    let presenting = h.state().presenting.as_ref().unwrap();
    presenting.current_step().unwrap().clone()
}

fn position(h: &Harness<'static, OrgApp>) -> (usize, usize) {
    h.state().presenting.as_ref().unwrap().position()
}

/// The units in view, and those of them dimmed.
fn in_view(h: &Harness<'static, OrgApp>) -> (Vec<usize>, Vec<usize>) {
    let units = h.state().presenting.as_ref().unwrap().in_view();
    (
        units.iter().map(|u| u.0).collect(),
        units.iter().filter(|u| !u.1).map(|u| u.0).collect(),
    )
}

#[test]
fn a_script_saves_and_loads_back_equal() {
    let mut org = sgmas();
    assert!(
        org.presentation.is_empty(),
        "older files load with no script"
    );
    org.presentation = script();
    let text = organigramme::format::to_string(&org);
    assert!(text.contains("presentation:"), "{text}");
    let back = organigramme::format::load_bytes("x.ron", text.as_bytes()).unwrap();
    assert_eq!(back.organisation, org);
    // A file without a script writes no field for it.
    assert!(!organigramme::format::to_string(&sgmas()).contains("presentation"));
}

#[test]
fn the_keys_step_through_a_script() {
    let mut org = sgmas();
    org.presentation = script();
    let (sg, finances, rh) = (
        unit(&org, "sg"),
        unit(&org, "serv-finances"),
        unit(&org, "deleg-rh"),
    );
    let mut h = window(org);
    let fullscreen = |h: &Harness<'static, OrgApp>, on: bool| {
        let commands = &h.output().viewport_output[&egui::ViewportId::ROOT].commands;
        commands.contains(&egui::ViewportCommand::Fullscreen(on))
    };
    // The key's press alone: the frame that answers it is the harness's last output.
    h.key_down(Key::F5);
    h.step();
    assert!(
        fullscreen(&h, true),
        "the presentation takes the whole screen"
    );
    h.key_up(Key::F5);
    h.run();
    let p = h.state().presenting.as_ref().expect("F5 presents");
    assert_eq!(p.steps().len(), 3);
    assert_eq!(position(&h), (0, 0));
    assert_eq!(in_view(&h), (vec![sg], vec![]), "the head alone");
    assert_legible(&h);

    press(&mut h, Key::ArrowRight);
    assert_eq!(position(&h), (1, 0));
    let (shown, dimmed) = in_view(&h);
    assert!(shown.contains(&finances) && !dimmed.contains(&finances));
    assert!(dimmed.contains(&sg), "the rest dimmed: {dimmed:?}");
    assert_eq!(
        shown.len() - dimmed.len(),
        1,
        "only the spotlit unit in full colour"
    );
    let step = current_step(&h);
    assert!(step.missions, "its missions shown");

    press(&mut h, Key::PageDown);
    assert_eq!(position(&h), (2, 0));
    assert_eq!(in_view(&h), (vec![rh], vec![]));
    press(&mut h, Key::Space);
    assert_eq!(position(&h), (2, 0), "the last step stays");
    press(&mut h, Key::PageUp);
    assert_eq!(position(&h), (1, 0));
    press(&mut h, Key::Home);
    assert_eq!(position(&h), (0, 0));
    press(&mut h, Key::End);
    assert_eq!(position(&h), (2, 0));
    press(&mut h, Key::Num2);
    press(&mut h, Key::Enter);
    assert_eq!(position(&h), (1, 0), "2 then Entrée: the second step");
    press(&mut h, Key::ArrowLeft);
    assert_eq!(position(&h), (0, 0));

    press(&mut h, Key::B);
    assert!(h.state().presenting.as_ref().unwrap().is_blank());
    press(&mut h, Key::Period);
    assert!(!h.state().presenting.as_ref().unwrap().is_blank());
    h.key_down(Key::Escape);
    h.step();
    assert!(fullscreen(&h, false), "and gives it back");
    h.key_up(Key::Escape);
    h.run();
    assert!(h.state().presenting.is_none(), "Escape leaves");
    assert!(!h.state().doc.is_dirty(), "presenting changes nothing");
}

#[test]
fn a_click_spotlights_a_unit_until_the_next_step() {
    let mut org = sgmas();
    org.presentation = vec![
        Step {
            unit: Some(Id::new("sg")),
            depth: Some(2),
            ..Default::default()
        },
        Step {
            depth: Some(1),
            ..Default::default()
        },
    ];
    let (sg, rh) = (unit(&org, "sg"), unit(&org, "deleg-rh"));
    let mut h = window(org);
    press(&mut h, Key::F5);
    let (shown, dimmed) = in_view(&h);
    assert!(shown.contains(&rh) && dimmed.is_empty());
    let at = h.state().presenting.as_ref().unwrap().unit_pos(rh).unwrap();
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    let step = current_step(&h);
    assert_eq!(step.spotlight, Some(Id::new("deleg-rh")));
    let (shown, dimmed) = in_view(&h);
    assert!(shown.contains(&rh) && !dimmed.contains(&rh));
    assert_eq!(
        shown.len() - dimmed.len(),
        1,
        "the rest dimmed: {shown:?} {dimmed:?}"
    );
    assert!(!dimmed.is_empty(), "with its neighbours in view, dimmed");
    press(&mut h, Key::ArrowRight);
    // The head's units stacked down a spine fit one frame: the next key goes on with the
    // script, and the spotlight goes with the step it was put on.
    assert_eq!(position(&h), (1, 0), "the next key goes on with the script");
    assert_eq!(in_view(&h), (vec![sg], vec![]));
    press(&mut h, Key::ArrowLeft);
    assert_eq!(position(&h), (0, 0), "back to the step before");
    let (shown, dimmed) = in_view(&h);
    assert!(shown.contains(&rh) && dimmed.is_empty(), "{dimmed:?}");
}

#[test]
fn a_file_without_a_script_is_presented_level_by_level() {
    let org = sgmas();
    let sg = unit(&org, "sg");
    let children: Vec<usize> = (0..org.units.len())
        .filter(|&u| org.units[u].parent.as_ref().is_some_and(|p| p.0 == "sg"))
        .collect();
    let mut h = window(org);
    h.state_mut()
        .guarded(Action::Present(Order::Script), &egui::Context::default());
    h.run();
    let steps: Vec<_> = (h.state().presenting.as_ref().unwrap().steps())
        .iter()
        .map(|s| (s.unit.clone(), s.depth))
        .collect();
    // The second level, stacked down a spine, fits the screen: one step, one frame, which
    // shows every child.
    assert_eq!(steps, vec![(None, Some(1)), (None, Some(2))]);
    assert_eq!(in_view(&h), (vec![sg], vec![]));
    press(&mut h, Key::ArrowRight);
    assert_eq!(position(&h), (1, 0));
    assert_legible(&h);
    let seen = in_view(&h).0;
    for c in children {
        assert!(seen.contains(&c), "unit {c}: {seen:?}");
    }
    press(&mut h, Key::ArrowRight);
    assert_eq!(position(&h), (1, 0), "the last step, in one frame");
}

#[test]
fn the_keys_step_through_the_frames_of_a_level_too_tall_for_one() {
    let mut h = window(forty());
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    let steps = h.state().presenting.as_ref().unwrap().steps().len();
    assert_eq!(steps, 2, "the head, then its units");
    // Frame after frame, each legible, each showing whole units none of the others shows.
    let mut seen = Vec::new();
    let mut frame = 0;
    while position(&h) == (1, frame) {
        assert_legible(&h);
        seen.extend(in_view(&h).0);
        press(&mut h, Key::ArrowRight);
        frame += 1;
    }
    assert!(frame > 1, "{frame} frames");
    seen.sort_unstable();
    assert_eq!(seen, (0..41).collect::<Vec<_>>(), "every unit once");
}

#[test]
fn odd_structures_are_presented_without_a_fault() {
    let mut dangling = sgmas();
    dangling.presentation = vec![Step {
        unit: Some(Id::new("nowhere")),
        spotlight: Some(Id::new("nobody")),
        missions: true,
        ..Default::default()
    }];
    for org in [Organisation::default(), dangling] {
        let mut h = window(org);
        press(&mut h, Key::F5);
        for key in [Key::ArrowRight, Key::End, Key::ArrowLeft, Key::Home] {
            press(&mut h, key);
        }
        assert!(h.state().presenting.is_some());
        press(&mut h, Key::Escape);
    }
    // A window far smaller than a screen.
    let mut h = window(sgmas());
    h.set_size(egui::vec2(320.0, 200.0));
    press(&mut h, Key::F5);
    for _ in 0..30 {
        press(&mut h, Key::ArrowRight);
    }
    assert_legible(&h);
}

#[test]
fn the_pointer_dot_goes_after_two_idle_seconds() {
    let mut h = window(sgmas());
    press(&mut h, Key::F5);
    let delay = |h: &Harness<'static, OrgApp>| {
        h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
    };
    h.hover_at(egui::pos2(900.0, 500.0));
    h.run();
    let wait = delay(&h).as_secs_f32();
    assert!(
        wait > 1.0 && wait <= 2.0,
        "the frame that takes the dot away: {wait} s"
    );
    // The harness's frames are a quarter of a second apart.
    h.run_steps(9);
    assert_eq!(delay(&h), std::time::Duration::MAX, "then nothing");
}

/// Every name on the screen at least `MIN_NAME_PX` high.
fn assert_legible(h: &Harness<'static, OrgApp>) {
    let presenting = h.state().presenting.as_ref().expect("presenting");
    let name = presenting.smallest_name_px().expect("names on the screen");
    assert!(name >= MIN_NAME_PX, "{name}");
}

/// Each step of `org`, in the order it has without a script, as shown on a projector.
fn views(org: &Organisation) -> Vec<View> {
    let (tree, screen) = (Hierarchy::of(org), Screen::PROJECTOR);
    let mut cache = scene::Cache::default();
    (plan(org, &tree, Order::Levels, screen, Lang::Fr).into_iter())
        .map(|step| View::new(org, &tree, step, screen, Lang::Fr, &mut cache))
        .collect()
}

fn boxes(view: &View) -> impl Iterator<Item = &Item> {
    (view.scene.items.iter()).filter(|i| matches!(i.owner, Owner::Unit(_)))
}

fn inside(r: Rect, around: Rect) -> bool {
    let e = 0.01;
    r.x >= around.x - e
        && r.y >= around.y - e
        && r.right() <= around.right() + e
        && r.bottom() <= around.bottom() + e
}

/// The height of the smallest name `frame` shows, in pixels.
fn name_px(view: &View, frame: usize) -> f32 {
    let f = &view.frames[frame];
    let names = boxes(view).filter(|i| i.rect.intersects(&f.clip));
    let smallest = (names.flat_map(|i| i.lines.iter()))
        .filter(|l| l.style.bold)
        .map(|l| l.style.size)
        .fold(f32::INFINITY, f32::min);
    smallest * f.zoom
}

/// Every box of `view` lies wholly inside the part of the chart one of its frames shows,
/// and no other frame shows any of it; every frame's names are legible; and a step in
/// several frames does not waste one on a box alone (a head without its first children).
fn assert_framed_whole(view: &View, what: &str) {
    for b in boxes(view) {
        let whole = (view.frames.iter()).filter(|f| inside(b.rect, f.clip));
        let touched = (view.frames.iter()).filter(|f| b.rect.intersects(&f.clip));
        assert_eq!(
            (whole.count(), touched.count()),
            (1, 1),
            "{what}: {:?}",
            b.rect
        );
    }
    for (k, f) in view.frames.iter().enumerate() {
        assert!(inside(f.clip, f.visible()), "{what}, frame {k}: {f:?}");
        let px = name_px(view, k);
        assert!(px >= MIN_NAME_PX - 0.01, "{what}, frame {k}: {px} px");
        let shown = boxes(view).filter(|b| b.rect.intersects(&f.clip)).count();
        assert!(
            view.frames.len() == 1 || shown > 1,
            "{what}, frame {k}: {shown}"
        );
    }
}

#[test]
fn a_wide_level_is_stacked_down_a_spine_in_one_frame_that_fills_the_screen() {
    let org = sample("paris-secretariat-general");
    let views = views(&org);
    let level = &views[1];
    let (head, children): (Vec<&Item>, Vec<&Item>) = boxes(level)
        .partition(|i| matches!(i.owner, Owner::Unit(u) if org.units[u].parent.is_none()));
    assert_eq!(
        (head.len(), children.len()),
        (1, 11),
        "the head and its units"
    );
    // Down a spine from the head's centre: each child on one side of it, none beside
    // another on its side (a row under a bus would read as levels).
    let spine = head[0].rect.x + head[0].rect.w / 2.0;
    for c in &children {
        assert!(c.rect.right() < spine || c.rect.x > spine, "{:?}", c.rect);
        assert!(c.rect.y > head[0].rect.bottom());
        for d in &children {
            let same_side = (c.rect.x > spine) == (d.rect.x > spine);
            let beside = c.rect.y < d.rect.bottom() && d.rect.y < c.rect.bottom();
            assert!(
                std::ptr::eq(*c, *d) || !(same_side && beside),
                "{:?}",
                c.rect
            );
        }
    }
    // One frame, where three thin rows at 24 px each left most of the screen empty.
    assert_eq!(level.frames.len(), 1);
    assert_framed_whole(level, "Paris, level 2");
    let f = &level.frames[0];
    let tall = f.clip.h * f.zoom / f.area.h;
    assert!(tall > 0.9, "{tall} of the screen's height");
}

#[test]
fn a_level_too_tall_even_stacked_takes_frames_from_the_top() {
    let org = forty();
    let views = views(&org);
    let level = &views[1];
    // 40 boxes down a spine: a few frames, the head in the first, cut between pairs of
    // boxes from the top.
    let n = level.frames.len();
    assert!((2..=5).contains(&n), "{n} frames");
    let head = boxes(level).next().unwrap();
    assert!(inside(head.rect, level.frames[0].clip));
    let tops: Vec<f32> = level.frames.iter().map(|f| f.clip.y).collect();
    assert!(tops.is_sorted(), "{tops:?}");
    assert_framed_whole(level, "40 units");
}

#[test]
fn a_level_that_fits_once_stacked_is_one_frame() {
    let org = sgmas();
    let views = views(&org);
    let level = &views[1];
    assert_eq!((level.step.unit.clone(), level.step.depth), (None, Some(2)));
    assert_eq!(level.frames.len(), 1, "the head and its seven units");
    assert_eq!(boxes(level).count(), 8);
    assert!(name_px(level, 0) > MIN_NAME_PX);
}

#[test]
fn every_step_shows_whole_boxes_at_a_legible_size() {
    let samples = [
        "paris-secretariat-general",
        "sgmas",
        "insee-secretariat-general",
        "dgos-strategie-ressources",
    ];
    let orgs = samples.map(|s| (s.to_string(), sample(s)));
    let generated = (
        "1,000 units".to_string(),
        organigramme::generate::generate(1000, 1),
    );
    for (name, org) in orgs.into_iter().chain([generated]) {
        for (k, view) in views(&org).iter().enumerate() {
            assert_framed_whole(view, &format!("{name}, step {}", k + 1));
        }
    }
}

#[test]
fn a_cache_kept_from_a_page_chart_gives_a_screen_its_own_boxes() {
    let org = sample("paris-secretariat-general");
    let tree = Hierarchy::of(&org);
    let step = Step::default();
    let screen = organigramme::present::chart(&step, Screen::PROJECTOR, Lang::Fr);
    let page = scene::ChartOptions {
        name_width: None,
        ..screen.clone()
    };
    let mut cache = scene::Cache::default();
    scene::build_with(&org, &tree, &page, &mut cache);
    let cached = scene::build_with(&org, &tree, &screen, &mut cache);
    let fresh = scene::build(&org, &screen);
    let rects = |s: &scene::Scene| s.items.iter().map(|i| i.rect).collect::<Vec<_>>();
    assert_eq!(rects(&cached), rects(&fresh));
    assert_ne!(rects(&fresh), rects(&scene::build(&org, &page)));
}

/// A window shrunk to a strip (a minimised one is 0 × 0) leaves no room for the chart: one
/// frame, not thousands of pieces of the size of nothing, and the presentation keeps the
/// plan it had.
#[test]
fn a_screen_with_no_room_for_the_chart_is_one_frame() {
    let org = sample("paris-secretariat-general");
    let tree = Hierarchy::of(&org);
    for screen in [
        Screen {
            width: 0.0,
            height: 0.0,
        },
        Screen {
            width: 300.0,
            height: 30.0,
        },
    ] {
        let step = Step {
            depth: Some(2),
            ..Default::default()
        };
        let mut cache = scene::Cache::default();
        let view = View::new(&org, &tree, step, screen, Lang::Fr, &mut cache);
        assert_eq!(view.frames.len(), 1, "{screen:?}");
    }
    // Planning anew would start the step again at its first frame.
    let mut h = window(forty());
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    assert_eq!(position(&h), (1, 1), "the second frame of the second step");
    h.set_size(egui::vec2(200.0, 100.0));
    h.run_steps(3);
    assert_eq!(position(&h), (1, 1), "the plan kept");
}
