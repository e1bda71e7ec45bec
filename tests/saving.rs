//! Saving respects the user's file, as vim or LibreOffice do: its permissions and owner stay,
//! a read-only file is refused, a symbolic link keeps pointing to the file it names, and a
//! file with several hard links is rewritten where it is, so every name sees the new version.
#![cfg(unix)]

use organigramme::format;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

struct Dir(PathBuf);

impl Dir {
    fn new(test: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("organigramme-saving-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        Dir(path)
    }
    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_private_file_stays_private_with_its_owner() {
    let dir = Dir::new("private");
    let path = dir.join("sg.ron");
    fs::write(&path, "avant").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let owner = fs::metadata(&path).unwrap().uid();
    format::atomic_write(&path, b"apres").unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "apres");
    assert_eq!(
        mode(&path),
        0o600,
        "the save made the file readable by others"
    );
    assert_eq!(fs::metadata(&path).unwrap().uid(), owner);
    assert_eq!(
        fs::read_to_string(format::backup_path(&path)).unwrap(),
        "avant"
    );
}

#[test]
fn a_read_only_file_is_refused_and_left_alone() {
    let dir = Dir::new("read-only");
    let path = dir.join("sg.ron");
    fs::write(&path, "avant").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let message = format::atomic_write(&path, b"apres")
        .unwrap_err()
        .to_string();
    assert!(message.contains("lecture seule"), "{message}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "avant");
    assert_eq!(mode(&path), 0o444);
}

#[test]
fn saving_through_a_symbolic_link_writes_the_file_it_names() {
    let dir = Dir::new("symlink");
    let (real, link) = (dir.join("vrai.ron"), dir.join("lien.ron"));
    fs::write(&real, "avant").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    format::atomic_write(&link, b"apres").unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), "apres");
    assert_eq!(
        fs::read_to_string(format::backup_path(&real)).unwrap(),
        "avant"
    );
}

#[test]
fn a_file_with_two_names_keeps_both() {
    let dir = Dir::new("hard-link");
    let (first, second) = (dir.join("un.ron"), dir.join("deux.ron"));
    fs::write(&first, "avant").unwrap();
    fs::hard_link(&first, &second).unwrap();
    format::atomic_write(&first, b"apres").unwrap();
    assert_eq!(
        fs::read_to_string(&second).unwrap(),
        "apres",
        "the link was split"
    );
    assert_eq!(fs::metadata(&first).unwrap().nlink(), 2);
    assert_eq!(
        fs::read_to_string(format::backup_path(&first)).unwrap(),
        "avant"
    );
}

#[test]
fn comments_are_found_outside_strings_only() {
    assert!(format::has_comments("(version: 1) // note"));
    assert!(format::has_comments("( /* bloc */ version: 1)"));
    assert!(!format::has_comments(
        r#"(url: "https://exemple.fr/a", b: "\" // pas un commentaire")"#
    ));
    assert!(!format::has_comments("(a: 1 / 2)"));
}

#[test]
fn the_first_save_says_that_the_files_comments_are_gone() {
    let dir = Dir::new("comments");
    let path = dir.join("sg.ron");
    let text = "// Organigramme de travail\n(version: 1, organisation: (name: \"SG\", units: [(id: \"sg\", name: \"SG\", kind: SecretariatGeneral)]))\n";
    fs::write(&path, text).unwrap();
    let (mut doc, _) = organigramme::doc::Document::open(&path).unwrap();
    assert!(
        doc.save_as(&path).unwrap(),
        "the first save reports the comments dropped"
    );
    assert!(
        fs::read_to_string(format::backup_path(&path))
            .unwrap()
            .contains("// Organigramme")
    );
    assert!(!doc.save_as(&path).unwrap(), "and only the first");
}
