//! Saving without ever leaving a half-written file: write beside, flush to disk, keep the
//! previous version as a backup, then rename over the original in one step.

use super::os;
use crate::i18n::{Lang, Message, say, shown};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub message: Message,
}

impl SaveError {
    /// `path: message`, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let path = self.path.display().to_string();
        format!("{}: {}", shown(&path), self.message.get(lang))
    }
}

/// In French, the default language.
impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::Fr))
    }
}

impl std::error::Error for SaveError {}

/// `organigramme.ron` → `organigramme.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

fn temp_path(path: &Path) -> PathBuf {
    // Process and call: two writes in flight at once (a save, a recovery copy, an export)
    // never share a temporary file.
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}-{call}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Replaces `path` with `bytes`. On any failure the file on disk is as it was.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    atomic_write_with(path, |file| file.write_all(bytes))
}

/// As [`atomic_write`], with the writing step given: tests inject failing writers here.
pub fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    replace(path, write, Keep::Backup)
}

/// As [`atomic_write`], without the backup: for a file made from others that are kept
/// (a merge's output), whose `.bak` would be litter, in git's work tree above all.
pub fn atomic_write_without_backup(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(path, |file| file.write_all(bytes), Keep::Flushed)
}

/// How much of a save survives a crash.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    /// Flushed to disk before it replaces the original, which is kept as a backup.
    Backup,
    /// Flushed to disk, no backup.
    Flushed,
    /// Neither: an export, made again at will.
    Nothing,
}

/// Replaces an exported chart: atomically, so that no viewer ever sees half a file, but
/// without a backup or a flush to disk. An export is made again from its document at any
/// time; a backup of the last one would only clutter the folder, and the flush costs more
/// than writing a large SVG.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_export_with(path, |file| file.write_all(bytes))
}

/// As [`write_export`], with the writing step given: a large SVG goes out as it is made.
pub fn write_export_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    replace(path, write, Keep::Nothing)
}

fn replace(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    keep: Keep,
) -> Result<(), SaveError> {
    let (durable, backup) = (keep != Keep::Nothing, keep == Keep::Backup);
    let fail = |message: Message| SaveError {
        path: path.to_path_buf(),
        message,
    };
    // Through a symbolic link, the file saved is the one it points to: the link stays.
    let real;
    let path = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            real = fs::canonicalize(path).map_err(|e| {
                fail(explain(
                    (
                        "lien symbolique sans cible",
                        "symbolic link without a target",
                    ),
                    &e,
                ))
            })?;
            real.as_path()
        }
        _ => path,
    };
    let old = fs::metadata(path).ok();
    if durable && old.as_ref().is_some_and(|m| m.permissions().readonly()) {
        return Err(fail(Message::new(
            "le fichier est en lecture seule ; enregistrez sous un autre nom, ou rendez-le \
             modifiable ; le fichier sur le disque n'a pas été modifié",
            "the file is read-only; save it under another name, or make it writable; the \
             file on the disk is unchanged",
        )));
    }
    let dir = match path.parent() {
        Some(d) if d.as_os_str().is_empty() => Path::new("."),
        Some(d) => d,
        None => return Err(fail(Message::new("chemin invalide", "invalid path"))),
    };
    if !dir.is_dir() {
        let dir = dir.display().to_string();
        let dir = shown(&dir);
        return Err(fail(Message::new(
            format!("le dossier « {dir} » n'existe pas"),
            format!("the folder “{dir}” does not exist"),
        )));
    }
    if path.is_dir() {
        return Err(fail(Message::new(
            "c'est un dossier, pas un fichier",
            "it is a directory, not a file",
        )));
    }
    if backup && old.as_ref().is_some_and(shares_its_data) {
        return rewrite_in_place(path, write).map_err(fail);
    }
    let temp = temp_path(path);
    let written = File::create(&temp).and_then(|mut file| {
        write(&mut file)?;
        file.flush()?;
        if let Some(old) = &old {
            keep_owner_and_mode(&file, old)?;
        }
        if durable { file.sync_all() } else { Ok(()) }
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(fail(explain(("écriture impossible", "cannot write"), &e)));
    }
    if backup
        && path.exists()
        && let Err(e) = fs::copy(path, backup_path(path))
    {
        let _ = fs::remove_file(&temp);
        return Err(fail(explain(BACKUP_FAILED, &e)));
    }
    if let Err(e) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(fail(explain(
            (
                "remplacement du fichier impossible",
                "cannot replace the file",
            ),
            &e,
        )));
    }
    Ok(())
}

/// The new file gets the old one's permissions and, where the system allows it, its owner
/// and group: a private file stays private, a shared one shared.
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; anyone else saves their own file, already theirs.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    Ok(())
}

/// Whether the file has other names (hard links) that a rename would part from it.
fn shares_its_data(old: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        old.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = old;
        false
    }
}

/// For a file with several names: the backup first, then the file rewritten where it is, so
/// every name sees the new version. Not atomic: if the write fails half-way, the backup holds
/// the previous version, and the message says so.
fn rewrite_in_place(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Message> {
    fs::copy(path, backup_path(path)).map_err(|e| explain(BACKUP_FAILED, &e))?;
    let written = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .and_then(|mut file| {
            write(&mut file)?;
            file.flush()?;
            file.sync_all()
        });
    written.map_err(|e| {
        let backup = backup_path(path).display().to_string();
        let backup = shown(&backup);
        Message::each(|lang| {
            say!(
                lang,
                "écriture impossible : {} ; la version précédente est dans « {backup} »",
                "cannot write: {}; the previous version is in “{backup}”",
                os::reason(&e, lang)
            )
        })
    })
}

const BACKUP_FAILED: (&str, &str) = (
    "copie de sauvegarde (.bak) impossible",
    "cannot make the backup copy (.bak)",
);

/// What failed and why, and that nothing was changed.
fn explain(what: (&str, &str), e: &io::Error) -> Message {
    let mut message = os::failed(what, e);
    message.push(&Message::new(
        " ; le fichier sur le disque n'a pas été modifié",
        "; the file on the disk is unchanged",
    ));
    message
}
