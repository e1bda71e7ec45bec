//! `texte` drafts the decree or arrêté of a structure; `import-texte` reads an article into
//! one.

use crate::format;
use crate::i18n::{Lang, say, shown};
use crate::legal::{self, DraftFormat, DraftOptions, Form};
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(ValueEnum, Clone, Copy, Debug, Default)]
pub enum FormArg {
    #[default]
    Decret,
    Arrete,
}

#[derive(clap::Args, Debug)]
pub struct DraftArgs {
    pub file: PathBuf,
    /// Projet à écrire : .docx, .odt, .md ou .txt.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Décret (« Décrète : ») ou arrêté (« Arrête : »).
    #[arg(long, value_enum, default_value_t = FormArg::Decret)]
    pub forme: FormArg,
    /// Un article « comprend » par unité qui a des sous-unités, au lieu de listes imbriquées
    /// dans l'article 1er.
    #[arg(long)]
    pub articles_par_unite: bool,
}

#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// Texte de l'article (.txt, UTF-8 ou Windows-1252 ; du HTML collé est accepté).
    pub file: PathBuf,
    /// Le texte et l'article cités par chaque mission : « Arrêté du 3 mai 2010, art. 2 ».
    #[arg(long, value_name = "TEXTE")]
    pub source: Option<String>,
    /// Fichier .ron à écrire.
    #[arg(short, long, value_name = "OUT.ron")]
    pub output: PathBuf,
}

pub fn draft(args: &DraftArgs, lang: Lang) -> Result<(), String> {
    let output = args.output.display().to_string();
    let Some(kind) = DraftFormat::from_path(&args.output) else {
        return Err(say!(
            lang,
            "{}: extension inconnue (attendu : .docx, .odt, .md ou .txt)",
            "{}: unknown extension (expected: .docx, .odt, .md or .txt)",
            shown(&output)
        ));
    };
    let loaded = format::load_path(&args.file).map_err(|e| e.text(lang))?;
    let options = DraftOptions {
        form: match args.forme {
            FormArg::Decret => Form::Decret,
            FormArg::Arrete => Form::Arrete,
        },
        articles_per_unit: args.articles_par_unite,
    };
    let bytes = legal::draft_bytes(&loaded.organisation, &options, kind).map_err(|e| {
        format!(
            "{}{}{}",
            shown(&output),
            lang.pick(" : ", ": "),
            e.get(lang)
        )
    })?;
    format::write_export(&args.output, &bytes).map_err(|e| e.text(lang))
}

fn read_text(path: &Path, lang: Lang) -> Result<String, String> {
    let file = path.display().to_string();
    let failed = |e: std::io::Error| format!("{}: {}", shown(&file), format::os::reason(&e, lang));
    let len = std::fs::metadata(path).map_err(failed)?.len();
    if len > format::MAX_FILE_BYTES {
        return Err(say!(
            lang,
            "{} : {} Mo, au-delà des {} Mo qu'Organigramme lit",
            "{}: {} MB, beyond the {} MB Organigramme reads",
            shown(&file),
            len / (1024 * 1024),
            format::MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(path)
        .map(|b| format::encoding::lenient(&b))
        .map_err(failed)
}

pub fn read(args: &ReadArgs, lang: Lang) -> Result<(), String> {
    let file = args.file.display().to_string();
    let text = read_text(&args.file, lang)?;
    let source = legal::read::citation(args.source.as_deref().unwrap_or_default());
    let reading = legal::read(&text, &source)
        .map_err(|e| format!("{}{}{}", shown(&file), lang.pick(" : ", ": "), e.get(lang)))?;
    for note in &reading.notes {
        eprintln!(
            "{}{}",
            lang.pick("avertissement : ", "warning: "),
            note.get(lang)
        );
    }
    let org = &reading.organisation;
    let text = format::to_string(org);
    format::atomic_write(&args.output, text.as_bytes()).map_err(|e| e.text(lang))?;
    // What was understood, one unit a line under its parent, for the user to check.
    let tree = crate::model::Hierarchy::of(org);
    let depth = |i: usize| {
        let (mut at, mut n) = (i, 0);
        while let Some(p) = tree.parent(at).filter(|_| n <= org.units.len()) {
            (at, n) = (p, n + 1);
        }
        n
    };
    for (i, unit) in org.units.iter().enumerate() {
        let missions = lang.count(
            unit.missions.len(),
            ("mission", "missions"),
            ("mission", "missions"),
        );
        out!(
            "{}{} ({missions})",
            "  ".repeat(depth(i)),
            shown(&unit.name)
        );
    }
    let units = lang.count(org.units.len(), ("unité", "unités"), ("unit", "units"));
    let missions: usize = org.units.iter().map(|u| u.missions.len()).sum();
    let missions = lang.count(missions, ("mission", "missions"), ("mission", "missions"));
    let skipped = lang.count(
        reading.skipped.len(),
        ("paragraphe non compris", "paragraphes non compris"),
        ("paragraph not understood", "paragraphs not understood"),
    );
    let output = args.output.display().to_string();
    out!(
        "{}{}{units}, {missions}, {skipped}",
        shown(&output),
        lang.pick(" : ", ": ")
    );
    Ok(())
}
