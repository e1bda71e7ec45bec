//! Saving without ever leaving a half-written file: write beside, flush to disk, keep the
//! previous version as a backup, then rename over the original in one step.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
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
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}.tmp", std::process::id()));
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
    replace(path, write, true)
}

/// Replaces an exported chart: atomically, so that no viewer ever sees half a file, but
/// without a backup or a flush to disk. An export is made again from its document at any
/// time; a backup of the last one would only clutter the folder, and the flush costs more
/// than writing a large SVG.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    replace(path, |file| file.write_all(bytes), false)
}

/// `durable`: flushed to disk before it replaces the original, which is kept as a backup.
fn replace(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    durable: bool,
) -> Result<(), SaveError> {
    let fail = |message: String| SaveError {
        path: path.to_path_buf(),
        message,
    };
    let dir = match path.parent() {
        Some(d) if d.as_os_str().is_empty() => Path::new("."),
        Some(d) => d,
        None => return Err(fail("chemin invalide".into())),
    };
    if !dir.is_dir() {
        return Err(fail(format!(
            "le dossier « {} » n'existe pas",
            dir.display()
        )));
    }
    if path.is_dir() {
        return Err(fail("c'est un dossier, pas un fichier".into()));
    }
    let temp = temp_path(path);
    let written = File::create(&temp).and_then(|mut file| {
        write(&mut file)?;
        file.flush()?;
        if durable { file.sync_all() } else { Ok(()) }
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(fail(explain("écriture impossible", &e)));
    }
    if durable
        && path.exists()
        && let Err(e) = fs::copy(path, backup_path(path))
    {
        let _ = fs::remove_file(&temp);
        return Err(fail(explain("copie de sauvegarde (.bak) impossible", &e)));
    }
    if let Err(e) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(fail(explain("remplacement du fichier impossible", &e)));
    }
    Ok(())
}

fn explain(what: &str, e: &io::Error) -> String {
    let why = match e.kind() {
        io::ErrorKind::PermissionDenied => "permission refusée".to_string(),
        io::ErrorKind::StorageFull => "disque plein".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "système de fichiers en lecture seule".to_string(),
        _ => e.to_string(),
    };
    format!("{what} : {why} ; le fichier sur le disque n'a pas été modifié")
}
