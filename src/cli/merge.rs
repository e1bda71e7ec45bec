//! `organigramme merge BASE OURS THEIRS -o OUT`: two versions made from one base merged by
//! structure; also git's merge driver (`organigramme merge %O %A %B -o %A`). Exit 0 when
//! clean, 1 with conflicts (listed; ours kept for each, and the file written), 2 when a
//! file cannot be read or written.

use crate::format;
use crate::i18n::{Lang, say, shown};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// La version commune dont partent les deux autres (%O pour git).
    pub base: PathBuf,
    /// Notre version (%A pour git) : celle qui est gardée pour chaque conflit.
    pub ours: PathBuf,
    /// Leur version (%B pour git).
    pub theirs: PathBuf,
    /// Fichier .ron à écrire, sous forme canonique (pour git : %A).
    #[arg(short, long, value_name = "OUT.ron")]
    pub output: PathBuf,
}

pub fn run(args: &MergeArgs, lang: Lang) -> ExitCode {
    let loaded = [&args.base, &args.ours, &args.theirs].map(|p| format::load_path(p));
    let [Ok(base), Ok(ours), Ok(theirs)] = &loaded else {
        for e in loaded.iter().filter_map(|l| l.as_ref().err()) {
            eprintln!("{}", e.text(lang));
        }
        return ExitCode::from(2);
    };
    let merged = crate::merge::merge(&base.organisation, &ours.organisation, &theirs.organisation);
    let text = format::to_string(&merged.organisation);
    if let Err(e) = format::atomic_write_without_backup(&args.output, text.as_bytes()) {
        eprintln!("{}", e.text(lang));
        return ExitCode::from(2);
    }
    if merged.conflicts.is_empty() {
        return ExitCode::SUCCESS;
    }
    let file = args.output.display().to_string();
    for c in &merged.conflicts {
        eprintln!("{}{}{}", shown(&file), lang.pick(" : ", ": "), c.text(lang));
    }
    let n = merged.conflicts.len();
    let count = lang.count(n, ("conflit", "conflits"), ("conflict", "conflicts"));
    eprintln!(
        "{}",
        say!(
            lang,
            "{} : {count} ; notre version est gardée pour chacun, le reste est fusionné",
            "{}: {count}; our version is kept for each, the rest is merged",
            shown(&file)
        )
    );
    ExitCode::from(1)
}
