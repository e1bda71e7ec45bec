//! The merge driver under a real `git merge`: concurrent edits of the SGMAS sample on two
//! branches, which a merge by lines would stop on (neighbouring lines) and ours does not;
//! then the same field changed on both branches, which it reports.

use super::{sample, unit};
use organigramme::format;
use organigramme::model::{Organisation, UnitKind};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Repo(PathBuf);

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Repo {
    /// A repository with the driver configured as the README says, the sample committed on
    /// `main`; `None` when there is no `git` to run.
    fn new(test: &str) -> Option<Repo> {
        if Command::new("git").arg("--version").output().is_err() {
            println!("note: git is not installed; the merge driver test is skipped");
            return None;
        }
        let dir =
            std::env::temp_dir().join(format!("organigramme-git-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let repo = Repo(dir);
        repo.git(&["init", "-q", "-b", "main"]);
        let driver = format!(
            "{} merge %O %A %B -o %A",
            env!("CARGO_BIN_EXE_organigramme")
        );
        repo.git(&["config", "merge.organigramme.driver", &driver]);
        std::fs::write(repo.0.join(".gitattributes"), "*.ron merge=organigramme\n").unwrap();
        repo.commit(&sample("sgmas.ron"), "base");
        Some(repo)
    }

    fn git(&self, args: &[&str]) -> Output {
        let out = Command::new("git")
            .args(args)
            .current_dir(&self.0)
            // Neither the machine's nor the user's settings: only the repository's.
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.0.join(".no-global"))
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.org")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.org")
            .output()
            .unwrap();
        let merge = args.first() == Some(&"merge");
        assert!(
            merge || out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn commit(&self, org: &Organisation, message: &str) {
        std::fs::write(self.file(), format::to_string(org)).unwrap();
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn file(&self) -> PathBuf {
        self.0.join("organigramme.ron")
    }

    /// Commits `theirs` on a branch and `ours` on main, then merges the branch into main.
    fn concurrent(
        &self,
        ours: impl FnOnce(&mut Organisation),
        theirs: impl FnOnce(&mut Organisation),
    ) -> Output {
        let base = sample("sgmas.ron");
        self.git(&["checkout", "-q", "-b", "theirs"]);
        let mut t = base.clone();
        theirs(&mut t);
        self.commit(&t, "theirs");
        self.git(&["checkout", "-q", "main"]);
        let mut o = base;
        ours(&mut o);
        self.commit(&o, "ours");
        self.git(&["merge", "--no-edit", "theirs"])
    }
}

fn load(path: &Path) -> Organisation {
    format::load_path(path).unwrap().organisation
}

#[test]
fn git_merges_neighbouring_edits_of_one_unit() {
    let Some(repo) = Repo::new("clean") else {
        return;
    };
    let out = repo.concurrent(
        |o| unit(o, "deleg-rh").name = "Délégation aux ressources humaines".into(),
        |t| unit(t, "deleg-rh").kind = UnitKind::Delegation,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let mut merged = load(&repo.file());
    let rh = unit(&mut merged, "deleg-rh");
    assert_eq!(
        (rh.name.as_str(), &rh.kind),
        ("Délégation aux ressources humaines", &UnitKind::Delegation)
    );
    // Canonical, and no backup left in the work tree.
    assert_eq!(
        std::fs::read_to_string(repo.file()).unwrap(),
        format::to_string(&merged)
    );
    let status = repo.git(&["status", "--porcelain", "--ignored"]);
    assert_eq!(String::from_utf8_lossy(&status.stdout), "");
}

#[test]
fn git_stops_on_a_field_changed_on_both_branches_and_says_which() {
    let Some(repo) = Repo::new("conflict") else {
        return;
    };
    let out = repo.concurrent(
        |o| {
            unit(o, "deleg-rh").name = "DRH".into();
            unit(o, "serv-finances").headcount = Some(80);
        },
        |t| {
            unit(t, "deleg-rh").name = "Délégation RH".into();
            unit(t, "serv-juridique").headcount = Some(25);
        },
    );
    assert!(!out.status.success());
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("conflit — unité « deleg-rh », name : modifié des deux côtés ; le nôtre (gardé) : \"DRH\" ; le leur : \"Délégation RH\""),
        "{all}"
    );
    // The file left to resolve loads: ours for the conflict, the rest merged.
    let mut merged = load(&repo.file());
    assert_eq!(unit(&mut merged, "deleg-rh").name, "DRH");
    assert_eq!(unit(&mut merged, "serv-finances").headcount, Some(80));
    assert_eq!(unit(&mut merged, "serv-juridique").headcount, Some(25));
}

#[test]
fn the_command_exits_0_clean_1_with_conflicts_2_on_an_unreadable_file() {
    let dir = std::env::temp_dir().join(format!("organigramme-merge-cmd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, org: &Organisation| {
        let path = dir.join(name);
        std::fs::write(&path, format::to_string(org)).unwrap();
        path
    };
    let base = sample("sgmas.ron");
    let mut ours = base.clone();
    unit(&mut ours, "deleg-rh").name = "DRH".into();
    let mut theirs = base.clone();
    unit(&mut theirs, "deleg-rh").name = "Délégation RH".into();
    let (b, o, t) = (
        write("b.ron", &base),
        write("o.ron", &ours),
        write("t.ron", &theirs),
    );
    let out = dir.join("out.ron");
    let run = |files: [&Path; 3]| {
        let result = Command::new(env!("CARGO_BIN_EXE_organigramme"))
            .args(["merge", "--lang", "en"])
            .args(files)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        (
            result.status.code().unwrap(),
            String::from_utf8(result.stderr).unwrap(),
        )
    };
    assert_eq!(run([&b, &o, &b]), (0, String::new()));
    assert_eq!(load(&out), ours);
    let (code, err) = run([&b, &o, &t]);
    assert_eq!(code, 1);
    assert!(
        err.contains("conflict — unit “deleg-rh”, name: changed on both sides"),
        "{err}"
    );
    assert!(
        err.ends_with("1 conflict; our version is kept for each, the rest is merged\n"),
        "{err}"
    );
    std::fs::remove_file(&out).unwrap();
    let missing = dir.join("absent.ron");
    let (code, err) = run([&b, &missing, &t]);
    assert!(code == 2 && err.contains("absent.ron"), "{code} {err}");
    assert!(!out.exists(), "nothing written");
    std::fs::remove_dir_all(&dir).unwrap();
}
