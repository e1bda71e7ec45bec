//! The operating system's reasons for a failed file operation, in words: its own texts are
//! English whatever the interface speaks (« Is a directory (os error 21) »).

use crate::i18n::{Lang, Message, say, shown};
use std::io::{self, ErrorKind};

/// Why `e` happened, in `lang`. A reason this list does not know keeps the system's words.
pub fn reason(e: &io::Error, lang: Lang) -> String {
    let (fr, en) = match e.kind() {
        ErrorKind::NotFound => (
            "fichier ou dossier introuvable",
            "no such file or directory",
        ),
        ErrorKind::PermissionDenied => ("permission refusée", "permission denied"),
        ErrorKind::IsADirectory => (
            "c'est un dossier, pas un fichier",
            "it is a directory, not a file",
        ),
        ErrorKind::NotADirectory => (
            "une partie du chemin n'est pas un dossier",
            "a part of the path is not a directory",
        ),
        ErrorKind::AlreadyExists => ("le fichier existe déjà", "the file already exists"),
        ErrorKind::ReadOnlyFilesystem => (
            "système de fichiers en lecture seule",
            "read-only file system",
        ),
        ErrorKind::StorageFull => ("disque plein", "no space left on the disk"),
        ErrorKind::QuotaExceeded => ("quota de disque dépassé", "disk quota exceeded"),
        ErrorKind::InvalidFilename => (
            "nom de fichier invalide (trop long, ou avec des caractères interdits)",
            "invalid file name (too long, or with characters not allowed)",
        ),
        ErrorKind::FileTooLarge => (
            "fichier trop volumineux pour le système de fichiers",
            "file too large for the file system",
        ),
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => (
            "fichier occupé par un autre programme",
            "file busy: another program is using it",
        ),
        ErrorKind::CrossesDevices => (
            "impossible de déplacer un fichier d'un disque à un autre",
            "cannot move a file from one disk to another",
        ),
        ErrorKind::StaleNetworkFileHandle => (
            "fichier réseau devenu inaccessible",
            "network file no longer reachable",
        ),
        ErrorKind::TimedOut => ("délai dépassé", "timed out"),
        ErrorKind::Interrupted => ("opération interrompue", "operation interrupted"),
        ErrorKind::WriteZero => (
            "écriture interrompue : rien n'a pu être écrit",
            "write interrupted: nothing could be written",
        ),
        ErrorKind::UnexpectedEof => ("fin de fichier inattendue", "unexpected end of file"),
        ErrorKind::OutOfMemory => ("mémoire insuffisante", "out of memory"),
        ErrorKind::Unsupported => (
            "opération non prise en charge par le système",
            "operation not supported by the system",
        ),
        _ => return shown(&e.to_string()).to_string(),
    };
    lang.pick(fr, en).to_string()
}

/// « what : why » in both languages: `what` is the step that failed (« écriture
/// impossible »), `why` the system's reason.
pub fn failed(what: (&str, &str), e: &io::Error) -> Message {
    Message::each(|lang| {
        say!(
            lang,
            "{} : {}",
            "{}: {}",
            lang.pick(what.0, what.1),
            reason(e, lang)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_system_errors_are_said_in_either_language() {
        let dir = io::Error::from_raw_os_error(21);
        assert_eq!(dir.kind(), ErrorKind::IsADirectory);
        let said = failed(("lecture impossible", "cannot read"), &dir);
        assert_eq!(
            said.get(Lang::Fr),
            "lecture impossible : c'est un dossier, pas un fichier"
        );
        assert_eq!(
            said.get(Lang::En),
            "cannot read: it is a directory, not a file"
        );
        for (kind, fr) in [
            (ErrorKind::NotFound, "introuvable"),
            (ErrorKind::PermissionDenied, "permission refusée"),
            (ErrorKind::AlreadyExists, "existe déjà"),
            (ErrorKind::ReadOnlyFilesystem, "lecture seule"),
            (ErrorKind::StorageFull, "disque plein"),
            (ErrorKind::InvalidFilename, "nom de fichier invalide"),
        ] {
            let e = io::Error::from(kind);
            assert!(reason(&e, Lang::Fr).contains(fr), "{kind:?}");
            assert!(!reason(&e, Lang::En).contains(fr), "{kind:?}");
        }
        // Unknown to the list: the system's words, escaped.
        let other = io::Error::other("disque\u{1b}[2J débranché");
        assert_eq!(reason(&other, Lang::Fr), "disque\\u{1b}[2J débranché");
    }
}
