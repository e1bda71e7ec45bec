//! A document: the organisation being edited, where it lives on disk, and its history.

mod edit;
pub mod ops;

pub use edit::{Collection, Edit, Element, Header, OutOfRange, Reshape};

use crate::format;
use crate::model::{Hierarchy, Organisation};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// Undo steps kept; older ones are dropped.
pub const HISTORY_LIMIT: usize = 1000;

struct Step {
    label: String,
    inverse: Edit,
    /// The state this step leads to; it travels with the step through undo and redo, so
    /// coming back to the saved state makes the document clean again.
    state: u64,
}

#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_state: u64,
    saved_state: u64,
    /// The state the oldest kept step starts from: 0 until the limit drops a step, then the
    /// state that dropped step led to (the document no longer matches the opened file there).
    base_state: u64,
    /// Typing in one field keeps extending the same step while this key is open.
    open_merge: Option<String>,
}

impl History {
    fn state(&self) -> u64 {
        self.undo.last().map_or(self.base_state, |s| s.state)
    }

    fn fresh_state(&mut self) -> u64 {
        self.next_state += 1;
        self.next_state
    }
}

pub struct Document {
    /// Shared, so that a snapshot for a background save costs a reference count: an edit
    /// copies it only while a save still holds the old one. Private: every change goes
    /// through `apply`, so that it is an undo step and the tree follows it.
    org: Arc<Organisation>,
    /// None for a new document or a built-in sample.
    pub path: Option<PathBuf>,
    /// The file's modification time when it was opened or last saved, to notice when someone
    /// else saved it meanwhile.
    pub disk_mtime: Option<SystemTime>,
    pub history: History,
    /// Counts every change, including undo and redo: views rebuild when it moves.
    pub revision: u64,
    /// The units' tree, rebuilt only by the edits that reshape it (a rename does not).
    hierarchy: Hierarchy,
    /// The file it was opened from has comments: the first save, in canonical form, drops
    /// them (the previous file is kept as a backup), and says so.
    pub comments: bool,
    /// Unique in the process: a save or an open that ends after the document was replaced
    /// knows it is not about this one.
    id: u64,
}

impl Document {
    pub fn new(org: Organisation, path: Option<PathBuf>) -> Self {
        let disk_mtime = path.as_deref().and_then(mtime);
        Document {
            hierarchy: Hierarchy::of(&org),
            org: Arc::new(org),
            path,
            disk_mtime,
            history: History::default(),
            revision: 0,
            comments: false,
            id: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
        }
    }

    pub fn open(path: &Path) -> Result<(Self, Vec<crate::model::Issue>), format::LoadError> {
        let loaded = format::load_path(path)?;
        let mut doc = Document::new(loaded.organisation, Some(path.to_path_buf()));
        doc.comments = loaded.comments;
        Ok((doc, loaded.warnings))
    }

    pub fn org(&self) -> &Organisation {
        &self.org
    }

    /// The structure as it is now, for a thread of its own (a save, an export, a recovery
    /// copy): a reference count, not a copy.
    pub fn shared(&self) -> Arc<Organisation> {
        Arc::clone(&self.org)
    }

    /// Which document this is, in this process.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Marks a document restored from a recovery copy as different from its file.
    pub fn mark_unsaved(&mut self) {
        self.history.saved_state = u64::MAX;
    }

    pub fn is_dirty(&self) -> bool {
        self.history.state() != self.history.saved_state
    }

    /// Applies an edit as one undo step named `label`. With a `merge` key equal to the open
    /// one, it joins the previous step instead (one step per field focus, not per keystroke).
    pub fn apply(
        &mut self,
        edit: Edit,
        label: &str,
        merge: Option<&str>,
    ) -> Result<(), OutOfRange> {
        if edit.changes_nothing(&self.org) {
            return Ok(());
        }
        let reshapes = edit.reshapes(&self.org);
        let inverse = edit.apply(Arc::make_mut(&mut self.org))?;
        self.changed(reshapes);
        let h = &mut self.history;
        h.redo.clear();
        let state = h.fresh_state();
        let joins = merge.is_some() && h.open_merge.as_deref() == merge;
        if let (true, Some(last)) = (joins, h.undo.last_mut()) {
            // The first keystroke's inverse already restores the state before the typing.
            last.state = state;
            return Ok(());
        }
        h.undo.push(Step {
            label: label.to_string(),
            inverse,
            state,
        });
        h.open_merge = merge.map(str::to_string);
        if h.undo.len() > HISTORY_LIMIT {
            h.base_state = h.undo.remove(0).state;
        }
        Ok(())
    }

    /// Ends the current run of merged typing (the field lost focus).
    pub fn seal(&mut self) {
        self.history.open_merge = None;
    }

    /// Takes back the typing still merging under `key` (Escape in a field), leaving neither
    /// an undo nor a redo step behind. Returns whether there was any.
    pub fn cancel_typing(&mut self, key: &str) -> bool {
        if self.history.open_merge.as_deref() != Some(key) {
            return false;
        }
        let undone = self.undo();
        if undone {
            self.history.redo.pop();
        }
        undone
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo.last().map(|s| s.label.as_str())
    }

    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> bool {
        let h = &mut self.history;
        h.open_merge = None;
        let popped = if back { h.undo.pop() } else { h.redo.pop() };
        let Some(step) = popped else { return false };
        let reshapes = step.inverse.reshapes(&self.org);
        let Ok(inverse) = step.inverse.apply(Arc::make_mut(&mut self.org)) else {
            return false;
        };
        self.changed(reshapes);
        let step = Step { inverse, ..step };
        if back {
            self.history.redo.push(step);
        } else {
            self.history.undo.push(step);
        }
        true
    }

    fn changed(&mut self, reshaped: Reshape) {
        self.revision += 1;
        match reshaped {
            Reshape::Nothing => {}
            Reshape::Parents(units) => self.hierarchy.relink(&self.org, &units),
            Reshape::All => self.hierarchy = Hierarchy::of(&self.org),
        }
    }

    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// Writes the document to `path` atomically and marks this point of the history as saved;
    /// tells whether comments of the file were dropped.
    pub fn save_as(&mut self, path: &Path) -> Result<bool, format::SaveError> {
        let snapshot = self.snapshot();
        format::atomic_write(path, format::to_string(&snapshot.0).as_bytes())?;
        Ok(self.saved_as(path, snapshot.1))
    }

    /// What a save on another thread writes: the structure as it is now (shared, not
    /// copied) and the point of the history it is.
    pub fn snapshot(&self) -> (Arc<Organisation>, u64) {
        (self.shared(), self.history.state())
    }

    /// Records that the snapshot taken at history point `state` is now the file at `path`:
    /// the document is clean unless it changed since. Tells whether the file's comments were
    /// dropped.
    pub fn saved_as(&mut self, path: &Path, state: u64) -> bool {
        let dropped = std::mem::take(&mut self.comments) && self.path.as_deref() == Some(path);
        self.path = Some(path.to_path_buf());
        self.disk_mtime = mtime(path);
        self.history.saved_state = state;
        if self.history.state() == state {
            self.history.open_merge = None;
        }
        dropped
    }

    /// True when the file on disk changed since it was opened or saved here.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.disk_mtime) {
            (Some(p), Some(t)) => mtime(p).is_some_and(|now| now != t),
            _ => false,
        }
    }
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
