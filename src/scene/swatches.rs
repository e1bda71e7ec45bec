//! The legend's box samples: the kinds of the units drawn, or on a comparison chart the
//! changes they show.

use super::{ChartOptions, Rgba, Scene};
use crate::diff::chart::Mark;
use crate::model::{Organisation, UnitKind};

/// A legend's box sample: its label, fill and border, and whether the border is dashed.
pub type Swatch = (String, (Rgba, Rgba), bool);

/// The kinds of the units drawn, each in its colours.
pub fn kind_swatches(scene: &Scene, org: &Organisation, options: &ChartOptions) -> Vec<Swatch> {
    let lang = options.lang;
    let mut kinds: Vec<&UnitKind> = Vec::new();
    for (u, item) in scene.unit_item.iter().enumerate() {
        if item.is_some() && !kinds.contains(&&org.units[u].kind) {
            kinds.push(&org.units[u].kind);
        }
    }
    kinds.sort_by_key(|k| (k.rank(), k.label(lang).to_string()));
    let swatch = |k: &UnitKind| {
        (
            k.label(lang).to_string(),
            options.theme.unit_colours(k),
            false,
        )
    };
    kinds.into_iter().map(swatch).collect()
}

/// On a comparison chart, the changes the units drawn show, then the unchanged ones.
pub fn change_swatches(
    scene: &Scene,
    marks: &[Option<Mark>],
    options: &ChartOptions,
) -> Vec<Swatch> {
    let lang = options.lang;
    let drawn = |test: &dyn Fn(Option<&Mark>) -> bool| {
        let mark = |u: usize| marks.get(u).and_then(Option::as_ref);
        (scene.unit_item.iter().enumerate()).any(|(u, item)| item.is_some() && test(mark(u)))
    };
    let moved = Mark::Moved(String::new());
    [
        (Some(&Mark::Added), lang.pick("Unité créée", "Unit added")),
        (
            Some(&moved),
            lang.pick(
                "Unité déplacée (ancien rattachement dans le cadre)",
                "Unit moved (former parent in its box)",
            ),
        ),
        (
            Some(&Mark::Changed),
            lang.pick("Unité modifiée", "Unit changed"),
        ),
        (
            Some(&Mark::Removed),
            lang.pick("Unité supprimée", "Unit removed"),
        ),
        (None, lang.pick("Unité inchangée", "Unit unchanged")),
    ]
    .into_iter()
    // A moved unit stands for all of them, whatever their old parent.
    .filter(|(mark, _)| {
        let kind = mark.map(std::mem::discriminant);
        drawn(&|m| m.map(std::mem::discriminant) == kind)
    })
    .map(|(mark, label)| {
        let dashed = mark == Some(&Mark::Removed);
        (
            label.to_string(),
            options.theme.change_colours(mark),
            dashed,
        )
    })
    .collect()
}
