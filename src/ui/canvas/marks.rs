//! The marks the canvas puts on boxes: the selection, the unit a drag would drop onto, and
//! the members of the body the pointer is over.

use super::Canvas;
use crate::scene::{Owner, Scene};

impl Canvas {
    pub(super) fn refresh_marks(&mut self) {
        self.apply_marks();
        self.live_frames = 2;
    }

    /// Puts the selection and drop-target marks, and those of the members of the body
    /// pointed at, on the nodes the graph holds now.
    pub(super) fn apply_marks(&mut self) {
        let body = self.hovered_body();
        for (i, n) in self.subset.node_of.iter().enumerate() {
            if let Some(node) = n.and_then(|n| self.graph.node_mut(n)) {
                node.set_selected(self.selected == Some(i));
                node.payload_mut().emphasis = Self::marked(&self.scene, self.drop_target, body, i);
            }
        }
    }

    /// The item of the body the pointer is over.
    fn hovered_body(&self) -> Option<usize> {
        match self.hovered {
            Some(Owner::Body(b)) => self
                .scene
                .items
                .iter()
                .position(|it| it.owner == Owner::Body(b)),
            _ => None,
        }
    }

    /// Whether item `i` is marked: the unit a drag would drop onto, or a member of `body`.
    fn marked(scene: &Scene, drop: Option<usize>, body: Option<usize>, i: usize) -> bool {
        drop.is_some_and(|t| scene.unit_item[t] == Some(i))
            || body.is_some_and(|b| scene.members.contains(&(b, i)))
    }

    /// Whether the canvas marks item `i` now (see [`Canvas::marked`]).
    pub fn is_marked(&self, i: usize) -> bool {
        Self::marked(&self.scene, self.drop_target, self.hovered_body(), i)
    }
}
