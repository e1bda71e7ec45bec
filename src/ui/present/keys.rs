//! What the presenter's keys and clicks do: a clicker's keys move through the steps' frames,
//! a click on a unit spotlights it.

use super::paint::Px;
use super::{Presenter, Request};
use crate::doc::Document;
use crate::i18n::Lang;
use crate::present::{Light, Screen, Step, View};
use crate::scene::Owner;
use eframe::egui::{self, Key};

impl Presenter {
    /// The keys a clicker sends, and a few of the keyboard's.
    pub(super) fn keys(&mut self, ui: &egui::Ui, doc: &Document, lang: Lang) -> Option<Request> {
        let pressed: Vec<Key> = ui.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key, pressed: true, ..
                    } => Some(*key),
                    _ => None,
                })
                .collect()
        });
        let steps = self.steps.len();
        let mut request = None;
        for key in pressed {
            let (step, frame) = self.at;
            let to = match key {
                Key::ArrowRight | Key::PageDown | Key::Space => {
                    if frame + 1 < self.frames_of(step, doc, lang) {
                        (step, frame + 1)
                    } else if step + 1 < steps {
                        (step + 1, 0)
                    } else {
                        self.at
                    }
                }
                Key::ArrowLeft | Key::PageUp => match (step, frame) {
                    (_, 1..) => (step, frame - 1),
                    (1.., 0) => (step - 1, self.frames_of(step - 1, doc, lang) - 1),
                    _ => self.at,
                },
                Key::Home => (0, 0),
                Key::End => {
                    let last = steps.saturating_sub(1);
                    (last, self.frames_of(last, doc, lang) - 1)
                }
                Key::Enter => match std::mem::take(&mut self.typed).parse::<usize>() {
                    // Step n, counted from 1, at its first frame.
                    Ok(n) => (n.clamp(1, steps.max(1)) - 1, 0),
                    Err(_) => continue,
                },
                Key::B | Key::Period => {
                    self.blank = !self.blank;
                    continue;
                }
                Key::Escape => {
                    request = Some(Request::Leave);
                    continue;
                }
                Key::A => {
                    request = self.current_step().cloned().map(Request::AddStep);
                    continue;
                }
                other => {
                    self.typed.extend(digit(other));
                    continue;
                }
            };
            // Any move goes back to the script, and lights the screen again.
            self.at = to;
            self.clicked = None;
            self.blank = false;
        }
        request
    }

    /// A click on a unit spotlights it, and shows its missions.
    pub(super) fn click(
        &mut self,
        at: Option<egui::Pos2>,
        px: &Px,
        doc: &Document,
        screen: Screen,
        lang: Lang,
    ) {
        let Some(at) = at else { return };
        let Some((view, frame)) = self.current() else {
            return;
        };
        let p = (at - px.origin) * px.per_point;
        let (x, y) = frame.to_scene((p.x, p.y));
        let hit = view
            .scene
            .items
            .iter()
            .zip(&view.lit.items)
            .rev()
            .find_map(|(i, &l)| match i.owner {
                Owner::Unit(u) if l != Light::Off && i.rect.contains((x, y)) => Some(u),
                _ => None,
            });
        let Some(unit) = hit.and_then(|u| doc.org().units.get(u)) else {
            return;
        };
        let step = Step {
            spotlight: Some(unit.id.clone()),
            missions: true,
            ..view.step.clone()
        };
        let (org, tree) = (doc.org(), doc.hierarchy());
        self.clicked = Some(View::new(org, tree, step, screen, lang, &mut self.cache));
    }
}

fn digit(key: Key) -> Option<char> {
    let digits = [
        Key::Num0,
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    let d = digits.iter().position(|&k| k == key)?;
    char::from_digit(d as u32, 10)
}
