//! Staff positions (an adjoint, a cabinet): beside the parent's spine, alternately left and
//! right, in a band between the parent and its operational children, each joined to the spine
//! by a stub, as Visio's « assistant » style draws them.

use super::arrange::{Gaps, Scratch, Slot};

/// How the staff of a parent stand beside its spine: how far they reach on each side, and
/// where the band they form ends.
pub(super) struct StaffBand {
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
}

/// Lays the staff `s.kids` out alternately left and right of the spine, in rows from half a
/// level gap under a parent `ph` high, into `s.staff` (x from the spine).
pub(super) fn staff_band(ph: f64, gaps: Gaps, s: &mut Scratch) -> Option<StaffBand> {
    if s.kids.is_empty() {
        return None;
    }
    let half = gaps.sibling / 2.0;
    let mut band = StaffBand {
        bottom: 0.0,
        left: 0.0,
        right: 0.0,
    };
    let mut y = ph + gaps.level / 2.0;
    s.staff.clear();
    for pair in s.kids.chunks(2) {
        for (j, k) in pair.iter().enumerate() {
            let x = if j == 0 {
                band.left = band.left.max(k.block.w);
                -half - k.block.w
            } else {
                band.right = band.right.max(k.block.w);
                half
            };
            s.staff.push(Slot {
                x,
                y,
                bus: y + k.box_h / 2.0,
                side: true,
            });
        }
        y += pair.iter().map(|k| k.block.h).fold(0.0, f64::max) + gaps.sibling;
    }
    band.bottom = y - gaps.sibling;
    Some(band)
}
