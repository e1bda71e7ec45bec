//! The presentation mode without a window: the steps a structure is shown in (the file's
//! script, or level by level, or branch by branch), the chart each step draws, the part of
//! it each step frames, and what a spotlight leaves in full colour. The window (`ui::present`)
//! and the handouts (`handout`) both draw from here, so they show the same thing.

mod cuts;
mod frame;
pub mod handout;
mod plan;
mod spot;

pub use crate::model::Step;
pub use frame::{Frame, Screen, frames};
pub use plan::plan;
pub use spot::{Light, Lit, lit};

use crate::i18n::Lang;
use crate::layout;
use crate::model::{Hierarchy, Organisation, full_name};
use crate::scene::{self, ChartOptions, MissionsMode, RelationsMode, Scene, Theme};
use std::sync::Arc;

/// The height of a unit's name on the screen, in pixels, below which no step goes: legible
/// from the back of a meeting room on a 1080-line projector.
pub const MIN_NAME_PX: f32 = 24.0;

/// In what order a structure without a script (or with one, left aside) is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The file's steps; level by level when it has none.
    Script,
    /// The head unit, then its children, then theirs.
    Levels,
    /// The head and its children, then each branch in turn.
    Branches,
}

/// The width names wrap at on a screen, in chart units: half as wide again as on a page. A
/// screen is wider for its height than a page, and the levels too wide for it are stacked,
/// where a line less in each box is a box-height less in the stack (Paris's eleven units
/// then fit one frame).
const NAME_WIDTH: f32 = 280.0;

/// The chart a step draws on `screen`: the projector's colours, boxes with the units'
/// identity only (the missions go in a card of their own) and their names on wide lines,
/// no relations but the spotlit unit's, and no row of children wider than the screen shows
/// at a legible size (wider ones are stacked down a spine, which uses the screen's height
/// instead).
pub fn chart(step: &Step, screen: Screen, lang: Lang) -> ChartOptions {
    ChartOptions {
        theme: Theme::Projector,
        missions: MissionsMode::None,
        relations: match &step.spotlight {
            Some(id) => RelationsMode::Of(id.clone()),
            None => RelationsMode::None,
        },
        root: step.unit.clone(),
        depth: step.depth,
        lang,
        within: Some(layout::Within {
            max_row: screen.widest_row(step.card_unit().is_some()),
            level_sides: false,
        }),
        name_width: Some(NAME_WIDTH),
        ..Default::default()
    }
}

/// What the screen says above a step: its title, else the focus unit's name, else the
/// organisation's.
pub fn title(step: &Step, org: &Organisation) -> String {
    if !step.title.is_empty() {
        return step.title.clone();
    }
    let unit = step
        .unit
        .as_ref()
        .and_then(|id| org.units.iter().find(|u| &u.id == id));
    match unit {
        Some(u) => full_name(&u.acronym, &u.name),
        None => full_name(&org.acronym, &org.name),
    }
}

/// What the missions card of a step says: the unit's name and its missions, a paragraph each.
pub fn card(step: &Step, org: &Organisation, lang: Lang) -> Option<(String, Vec<String>)> {
    let id = step.card_unit()?;
    let u = org.units.iter().find(|u| &u.id == id)?;
    let mut missions: Vec<String> = u.missions.iter().map(|m| m.text.clone()).collect();
    if missions.is_empty() {
        missions.push(
            lang.pick("Missions non renseignées.", "No missions recorded.")
                .to_string(),
        );
    }
    Some((full_name(&u.acronym, &u.name), missions))
}

/// How far a colour outside the spotlight goes towards the background.
pub const DIM: f32 = 0.78;

/// `c` taken `by` (0 to 1) of the way to `background`.
pub fn dim(c: crate::scene::Rgba, background: crate::scene::Rgba, by: f32) -> crate::scene::Rgba {
    let m = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * by).round() as u8;
    crate::scene::Rgba(
        m(c.0, background.0),
        m(c.1, background.1),
        m(c.2, background.2),
        c.3,
    )
}

/// All a step shows: its chart, the frames it is seen through one after the other (one when
/// it fits the screen), the light of each part, its title and missions card.
pub struct View {
    pub step: Step,
    pub scene: Arc<Scene>,
    pub frames: Vec<Frame>,
    pub lit: Lit,
    pub title: String,
    pub card: Option<(String, Vec<String>)>,
}

impl View {
    pub fn new(
        org: &Organisation,
        tree: &Hierarchy,
        step: Step,
        screen: Screen,
        lang: Lang,
        cache: &mut scene::Cache,
    ) -> View {
        let card = card(&step, org, lang);
        let mut options = chart(&step, screen, lang);
        let shown = |options: &ChartOptions, cache: &mut scene::Cache| {
            let built = scene::build_with(org, tree, options, cache);
            let lit = lit(&built, org, tree, step.spotlight.as_ref());
            let frames = frames(&built, screen, card.is_some(), &lit);
            (built, lit, frames)
        };
        let (mut built, mut lit, mut frames) = shown(&options, cache);
        if frames.len() > 1
            && let Some(within) = &mut options.within
        {
            // Too tall for one frame: spines whose sides stay level cut across between any
            // two pairs, often into fewer frames than sides stacked on their own.
            within.level_sides = true;
            let level = shown(&options, cache);
            let better = (level.2.len(), -level.2[0].zoom) < (frames.len(), -frames[0].zoom);
            if better {
                (built, lit, frames) = level;
            }
        }
        View {
            frames,
            title: title(&step, org),
            scene: Arc::new(built),
            lit,
            card,
            step,
        }
    }
}
