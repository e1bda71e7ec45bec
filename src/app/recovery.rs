//! Recovery copies: while a document has unsaved changes, a copy is written every few
//! seconds to the user's data directory, so that a crash loses at most those seconds. A clean
//! save or quit removes it; the next start offers to restore what a crash left.

use crate::doc::Document;
use crate::format;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

const EVERY: Duration = Duration::from_secs(5);

pub struct Recovery {
    /// The copy; the document's own path is kept beside it in `<copy>.path`.
    file: PathBuf,
    last_write: Option<Instant>,
    written_revision: Option<u64>,
    /// The copy being written on a thread of its own, with the revision it holds: the
    /// window never waits for the disk, nor for the serialising of a large structure.
    writing: Option<(u64, JoinHandle<bool>)>,
}

/// What a previous session left behind.
pub struct Found {
    pub doc: Document,
    pub when: SystemTime,
}

impl Recovery {
    pub fn in_dir(dir: &Path) -> Self {
        Recovery {
            file: dir.join("recovery.ron"),
            last_write: None,
            written_revision: None,
            writing: None,
        }
    }

    /// The platform's data directory for our app id, if it has one.
    pub fn default_location() -> Option<Self> {
        super::settings::data_dir().map(|d| Recovery::in_dir(&d))
    }

    fn path_file(&self) -> PathBuf {
        self.file.with_extension("path")
    }

    /// Starts writing a copy when the document changed and the last copy is old enough; takes
    /// in the outcome of the one before. Never waits: the snapshot is the document's shared
    /// structure, serialised and written on another thread.
    pub fn tick(&mut self, doc: &Document) {
        if self.writing.as_ref().is_some_and(|(_, w)| w.is_finished()) {
            self.finish();
        }
        if !doc.is_dirty() {
            // Once the copy in flight is written (a later tick): clearing now would wait.
            if self.writing.is_none() && self.written_revision.is_some() {
                self.clear();
            }
            return;
        }
        let due = self.last_write.is_none_or(|t| t.elapsed() >= EVERY);
        if !due || self.writing.is_some() || self.written_revision == Some(doc.revision) {
            return;
        }
        let (file, path_file) = (self.file.clone(), self.path_file());
        let org = doc.shared();
        let path = doc
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let writer = std::thread::spawn(move || {
            let text = format::to_string(&org);
            // Let go of the snapshot before the slow part: an edit meanwhile copies nothing.
            drop(org);
            if let Some(dir) = file.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            // A failed copy must not disturb the user: the next tick tries again.
            let written = format::atomic_write(&file, text.as_bytes()).is_ok();
            written && std::fs::write(path_file, path).is_ok()
        });
        self.writing = Some((doc.revision, writer));
        self.last_write = Some(Instant::now());
    }

    /// A copy is being written: the window should look again soon.
    pub fn busy(&self) -> bool {
        self.writing.is_some()
    }

    /// Waits for the copy being written, if any, and records it.
    fn finish(&mut self) {
        if let Some((revision, writer)) = self.writing.take()
            && writer.join().unwrap_or(false)
        {
            self.written_revision = Some(revision);
        }
    }

    /// Removes the copy only if this session wrote it: another window's copy stays.
    pub fn clear_own(&mut self) {
        self.finish();
        if self.written_revision.is_some() {
            self.clear();
        }
    }

    /// Removes the copy, once the one being written (if any) is done: it must not appear
    /// after a save.
    pub fn clear(&mut self) {
        self.finish();
        let _ = std::fs::remove_file(&self.file);
        let _ = std::fs::remove_file(format::backup_path(&self.file));
        let _ = std::fs::remove_file(self.path_file());
        self.written_revision = None;
    }

    /// A copy left by a session that did not end cleanly, as an unsaved document.
    pub fn find(&self) -> Option<Found> {
        let when = std::fs::metadata(&self.file)
            .and_then(|m| m.modified())
            .ok()?;
        let loaded = format::load_path(&self.file).ok()?;
        let path = std::fs::read_to_string(self.path_file())
            .ok()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from);
        let mut doc = Document::new(loaded.organisation, path);
        doc.mark_unsaved();
        Some(Found { doc, when })
    }
}
