//! What the last scene computed that the next one may reuse: the window keeps a `Cache`, so
//! that an edit measures again only the boxes it changed and routes again only the lines a
//! moved box could affect. Every cached step gives what a fresh build gives (tested).

use super::MissionsMode;
use super::content::{BoxInputs, Content, PARALLEL_FROM, unit};
use super::routes::Routes;
use crate::model::Unit;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

#[derive(Default)]
pub struct Cache {
    pub(super) boxes: Measured,
    pub(super) routes: Routes,
}

impl Cache {
    /// A cache for a window: each build routes lines for at most `budget`, and draws those
    /// left straight until a later build routes them (see `pending_lines`).
    pub fn with_route_budget(budget: std::time::Duration) -> Self {
        let mut cache = Cache::default();
        cache.set_route_budget(Some(budget));
        cache
    }

    /// See [`Cache::with_route_budget`]; none: every build routes every line.
    pub fn set_route_budget(&mut self, budget: Option<std::time::Duration>) {
        self.routes.budget = budget;
    }

    /// Lines the last build drew straight for want of time: build again to route them.
    pub fn pending_lines(&self) -> usize {
        self.routes.pending
    }
}

/// The boxes of the last scene, kept for the next one with a fingerprint of all that each
/// shows: after an edit, only the units whose fingerprint changed are measured and broken
/// into lines again.
#[derive(Default)]
pub(super) struct Measured {
    seed: foldhash::fast::RandomState,
    /// By unit index, as of the last scene.
    boxes: Vec<Option<(u64, Content)>>,
    /// The boxes of the bands (bodies, outside entities), by fingerprint.
    bands: HashMap<u64, Content, foldhash::fast::RandomState>,
}

impl Measured {
    fn fingerprint(&self, unit: &Unit, inputs: &BoxInputs) -> u64 {
        let mut h = self.seed.build_hasher();
        (
            &unit.kind,
            &unit.acronym,
            &unit.name,
            &unit.head.title,
            &unit.head.name,
        )
            .hash(&mut h);
        (
            unit.headcount,
            inputs.hidden,
            inputs.mode as u8,
            inputs.lang as u8,
        )
            .hash(&mut h);
        inputs.theme.hash(&mut h);
        inputs.wrap.to_bits().hash(&mut h);
        inputs.mark.hash(&mut h);
        inputs.links.hash(&mut h);
        if inputs.mode != MissionsMode::None {
            for m in &unit.missions {
                m.text.hash(&mut h);
            }
        }
        h.finish()
    }

    /// The boxes of `drawn` (indices into `units`), from the last scene when nothing they
    /// show has changed; then keeps the new ones for the next call. A unit not drawn keeps
    /// its old box, which its fingerprint will judge when it is drawn again.
    pub fn units<'a>(
        &mut self,
        units: &[Unit],
        drawn: &[usize],
        inputs: impl Fn(usize) -> BoxInputs<'a> + Sync,
    ) -> Vec<Content> {
        // A unit added or removed shifts the indices after it: boxes are then found by
        // fingerprint alone.
        let shifted: Option<HashMap<u64, &Content, foldhash::fast::RandomState>> =
            (self.boxes.len() != units.len())
                .then(|| self.boxes.iter().flatten().map(|(f, c)| (*f, c)).collect());
        // Each box with its fingerprint, and whether it was just measured.
        let found: Vec<(u64, Content, bool)> = crate::par::map(drawn, PARALLEL_FROM, |part| {
            part.iter()
                .map(|&u| {
                    let inputs = inputs(u);
                    let fingerprint = self.fingerprint(&units[u], &inputs);
                    let kept = match &shifted {
                        None => self.boxes[u]
                            .as_ref()
                            .filter(|(f, _)| *f == fingerprint)
                            .map(|(_, c)| c),
                        Some(by_fingerprint) => by_fingerprint.get(&fingerprint).copied(),
                    };
                    match kept {
                        Some(kept) => (fingerprint, kept.clone(), false),
                        None => (fingerprint, unit(&units[u], &inputs), true),
                    }
                })
                .collect()
        });
        let shifted = shifted.is_some();
        if shifted {
            self.boxes = vec![None; units.len()];
        }
        drawn
            .iter()
            .zip(found)
            .map(|(&u, (fingerprint, content, fresh))| {
                if fresh || shifted {
                    self.boxes[u] = Some((fingerprint, content.clone()));
                }
                content
            })
            .collect()
    }
}

impl Measured {
    /// A fingerprint of `shows`: all that a band's box shows, its language and theme included.
    pub fn fingerprint_of(&self, shows: impl Hash) -> u64 {
        self.seed.hash_one(shows)
    }

    /// The boxes of the bands (bodies, outside entities), box `i` with fingerprint `keys[i]`,
    /// kept from the last scene where a fingerprint is the same; `measure(i)` makes box `i`
    /// otherwise.
    pub fn bands(
        &mut self,
        keys: Vec<u64>,
        measure: impl Fn(usize) -> Content + Sync,
    ) -> Vec<Content> {
        let numbered: Vec<usize> = (0..keys.len()).collect();
        let contents = crate::par::map(&numbered, 64, |part| {
            part.iter()
                .map(|&i| match self.bands.get(&keys[i]) {
                    Some(kept) => kept.clone(),
                    None => measure(i),
                })
                .collect()
        });
        self.bands = keys.into_iter().zip(contents.iter().cloned()).collect();
        contents
    }
}
