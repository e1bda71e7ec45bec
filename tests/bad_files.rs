//! The corpus of bad files in `tests/bad_files/`: each one is refused, and the message names
//! the file, the line and the column, and says in French what was expected.
//!
//! The table below is the contract: file name → substrings the message must contain. Every
//! file of the directory must be in the table, and every entry of the table must exist.

use organigramme::format::{self, LoadError};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files")
}

/// File name → what its message must contain. Positions are part of the contract: a message
/// that points at the wrong line is a failure.
const CASES: &[(&str, &[&str])] = &[
    (
        "position_off_the_plane.ron",
        &[
            "position_off_the_plane.ron:9:17: ",
            "unité « loin » : position (1000000000000000, 40) hors du plan",
            "attendu : deux nombres entre -1 000 000 et 1 000 000",
        ],
    ),
    (
        "syntax_missing_comma.ron",
        &[
            // The comma is missing at the end of line 9, after the name.
            "syntax_missing_comma.ron:9:44: ",
            "attendu une virgule « , » après cette valeur, avant « kind »",
        ],
    ),
    (
        "syntax_unclosed_paren.ron",
        &[
            "syntax_unclosed_paren.ron:13:7: ",
            "fin de fichier inattendue",
            "attendu « ) » pour fermer la parenthèse ouverte ligne 2, colonne 1",
        ],
    ),
    (
        "truncated.ron",
        &[
            "truncated.ron:9:23: ",
            "chaîne de caractères jamais fermée",
            "attendu un guillemet fermant",
        ],
    ),
    (
        "wrong_type.ron",
        &[
            "wrong_type.ron:11:28: ",
            "valeur invalide pour « headcount » : attendu un nombre entier",
            "trouvé « \"abc\" »",
        ],
    ),
    (
        "unknown_field.ron",
        &[
            "unknown_field.ron:10:17: ",
            "champ inconnu « acronyme » dans une unité",
            "vouliez-vous dire « acronym » ?",
            "champs attendus : id, name, acronym, kind",
        ],
    ),
    (
        "unknown_kind.ron",
        &[
            "unknown_kind.ron:15:23: ",
            "valeur inconnue « Directorate » pour le type d'unité (champ « kind »)",
            "vouliez-vous dire « Direction » ?",
            "attendu l'une de : SecretariatGeneral,",
            "Other(\"…\")",
        ],
    ),
    (
        "newer_version.ron",
        &[
            "newer_version.ron:3:5: ",
            "format version 99, plus récent",
            "mettez Organigramme à jour",
        ],
    ),
    (
        "duplicate_id.ron",
        &[
            "duplicate_id.ron:13:17: ",
            "l'id « daf » est défini plusieurs fois",
            "lignes 13 et 19",
        ],
    ),
    (
        "unknown_parent.ron",
        &[
            "unknown_parent.ron:13:17: ",
            "unité « drh » : parent inconnu « secretariat »",
            "attendu : l'id d'une unité",
        ],
    ),
    (
        "cycle.ron",
        &[
            "cycle.ron:8:17: ",
            "cycle dans la hiérarchie",
            "« a » est sa propre ascendante",
        ],
    ),
    (
        "unknown_chair.ron",
        &[
            "unknown_chair.ron:15:17: ",
            "instance « codir » : présidence inconnue « ministre »",
            "attendu : l'id d'une unité",
        ],
    ),
    (
        "unknown_relation_endpoint.ron",
        &[
            // Defined nowhere: shown where the relation names it.
            "unknown_relation_endpoint.ron:16:17: ",
            "relation n° 1 : extrémité inconnue « dgs »",
            "attendu : l'id d'une unité ou d'une entité extérieure",
        ],
    ),
    (
        "unknown_member.ron",
        &[
            "unknown_member.ron:15:17: ",
            "instance « codir » : membre inconnu « daf »",
            "attendu : l'id d'une unité ou d'une entité extérieure",
        ],
    ),
    (
        "empty_name.ron",
        &[
            "empty_name.ron:13:17: ",
            "l'élément « bureau-1 » n'a pas de nom",
        ],
    ),
    (
        "invalid_utf8.ron",
        &[
            // The Latin-1 "è" of "Ministère", line 5, after `        name: "Minist`.
            "invalid_utf8.ron:5:22: ",
            "n'est pas encodé en UTF-8",
        ],
    ),
    (
        "binary_nul.ron",
        &[
            "binary_nul.ron:3:1: ",
            "fichier binaire (octet nul)",
            "attendu un fichier texte .ron",
        ],
    ),
    (
        "empty.ron",
        &[
            "empty.ron: fichier vide",
            "attendu un organigramme « ( version: 1, organisation:",
        ],
    ),
];

/// RON's own English words: a message that still has them was not translated.
const UNTRANSLATED: &[&str] = &["Expected", "Unexpected", "FileIn", "`", "RON error"];

fn check(name: &str, result: Result<format::Loaded, LoadError>, expected: &[&str]) -> Vec<String> {
    let message = match result {
        Ok(_) => return vec![format!("{name}: loaded, expected a refusal")],
        Err(e) => e.to_string(),
    };
    let mut failures = Vec::new();
    for want in expected {
        if !message.contains(want) {
            failures.push(format!("{name}: the message does not contain {want:?}"));
        }
    }
    for english in UNTRANSLATED {
        if message.contains(english) {
            failures.push(format!("{name}: the message contains {english:?}"));
        }
    }
    if !failures.is_empty() {
        failures.push(format!("    message: {message}"));
    }
    failures
}

#[test]
fn every_bad_file_is_refused_with_a_clear_message() {
    let mut failures = Vec::new();
    for (name, expected) in CASES {
        let result = format::load_path(&dir().join(name));
        failures.extend(check(name, result, expected));
        // From bytes, as the editor's "open" does after reading: the same message.
        let bytes = std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        failures.extend(check(name, format::load_bytes(name, &bytes), expected));
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn the_table_and_the_directory_agree() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/bad_files exists")
        .map(|entry| {
            entry
                .expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".ron"))
        .collect();
    on_disk.sort();
    let mut in_table: Vec<String> = CASES.iter().map(|(name, _)| name.to_string()).collect();
    in_table.sort();
    assert_eq!(
        on_disk, in_table,
        "every bad file needs an expected message, and back"
    );
}

#[test]
fn the_binary_files_are_what_their_names_say() {
    let utf8 = std::fs::read(dir().join("invalid_utf8.ron")).unwrap();
    assert!(std::str::from_utf8(&utf8).is_err() && !utf8.contains(&0));
    let binary = std::fs::read(dir().join("binary_nul.ron")).unwrap();
    assert!(binary.contains(&0));
}

/// 100,000 nested brackets, built here rather than committed.
fn nested(open: &str, close: &str) -> (String, String) {
    (open.repeat(100_000), close.repeat(100_000))
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let (open, close) = nested("[", "]");
    let (parens, close_parens) = nested("(", ")");
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "deep_sources.ron",
            format!(
                "(\n    version: 1,\n    organisation: (\n        name: \"a\",\n        sources: {open}{close},\n    ),\n)\n"
            ),
            &[
                "deep_sources.ron:5:19: ",
                "valeur invalide : attendu une chaîne de caractères",
                "trouvé « [ »",
            ],
        ),
        (
            // Before `version`: the probe that looks for the version skips it, within the limit.
            "deep_unknown_field.ron",
            format!(
                "(\n    extra: {open}{close},\n    version: 1,\n    organisation: (name: \"a\"),\n)\n"
            ),
            &[
                "deep_unknown_field.ron:2:5: ",
                "champ inconnu « extra » dans le fichier",
                "champs attendus : version, organisation",
            ],
        ),
        (
            "deep_name.ron",
            format!("(version: 1, organisation: (name: {parens}\"a\"{close_parens}))"),
            &[
                "deep_name.ron:1:35: ",
                "valeur invalide pour « name » : attendu une chaîne de caractères",
            ],
        ),
        (
            "deep_whole_file.ron",
            format!("{open}{close}"),
            &[
                "deep_whole_file.ron:1:1: ",
                "ce n'est pas un organigramme : attendu « ( » au début du fichier",
            ],
        ),
        (
            // Never closed: the end of the file names the innermost opener.
            "deep_unclosed.ron",
            format!("(version: 1, organisation: (name: \"a\", sources: {open}"),
            &["deep_unclosed.ron:1:", "attendu une chaîne de caractères"],
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, expected) in &cases {
        failures.extend(check(
            name,
            format::load_bytes(name, text.as_bytes()),
            expected,
        ));
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

/// The nesting limit itself: reached through a value RON skips (an unknown field of the
/// version probe), the load still ends with the first, readable error.
#[test]
fn nesting_deeper_than_the_limit_in_an_ignored_value_is_harmless() {
    let (open, close) = nested("[", "]");
    let text = format!("(version: 99, extra: {open}{close})");
    let e = format::load_bytes("deep.ron", text.as_bytes()).unwrap_err();
    let message = e.to_string();
    assert!(
        message.starts_with("deep.ron:1:") && message.contains("champ inconnu « extra »"),
        "{message}"
    );
}

/// Each of many errors points at its own unit (20,000 errors in 2.5 MB of text).
#[test]
fn many_errors_are_each_placed_at_their_unit_quickly() {
    const N: usize = 20_000;
    let mut text = String::from(
        "(\n    version: 1,\n    organisation: (\n        name: \"a\",\n        units: [\n",
    );
    for n in 0..N {
        text.push_str(&format!(
            "            (\n                id: \"u{n}\",\n                name: \"Bureau {n}\",\n                parent: \"absent-{n}\",\n            ),\n"
        ));
    }
    text.push_str("        ],\n    ),\n)\n");
    let e = format::load_bytes("many.ron", text.as_bytes()).unwrap_err();
    assert_eq!(e.problems.len(), N);
    for (n, p) in e.problems.iter().enumerate() {
        // Unit n opens on line 6 + 5n; its `id:` is the next line.
        assert_eq!(
            (p.line, p.column),
            (Some(7 + 5 * n), Some(17)),
            "{}",
            p.message
        );
        assert!(
            p.message.contains(&format!("« absent-{n} »")),
            "{}",
            p.message
        );
    }
}

#[test]
fn a_million_tiny_units_are_refused_before_they_are_parsed() {
    let mut text = String::from(
        "(\n    version: 1,\n    organisation: (\n        name: \"x\",\n        units: [\n",
    );
    for i in 0..1_000_000 {
        text.push_str(&format!("(id: \"u{i}\", name: \"u\"),\n"));
    }
    text.push_str("        ],\n    ),\n)\n");
    let err = organigramme::format::load_bytes("million.ron", text.as_bytes()).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("200000") || message.contains("200 000"),
        "{message}"
    );
}

#[test]
fn an_overlong_text_is_refused_at_its_line_and_column() {
    let limit = organigramme::format::MAX_STRING_BYTES;
    for (open, close) in [("\"", "\""), ("r#\"", "\"#")] {
        let text = format!(
            "(\n    version: 1,\n    organisation: (\n        name: \"x\",\n        description: {open}{}{close},\n    ),\n)\n",
            "é".repeat(limit / 2 + 1)
        );
        let err = organigramme::format::load_bytes("long.ron", text.as_bytes()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("long.ron:5:22") && message.contains("texte trop long"),
            "{message}"
        );
    }
    // A quote inside a nested block comment does not hide the long string from the check.
    let hidden = format!(
        "(version: 1, organisation: (name: \"x\" /* /* */ \" */, description: \"{}\"))",
        "a".repeat(limit + 1)
    );
    let err = organigramme::format::load_bytes("hidden.ron", hidden.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("hidden.ron:1:67"), "{err}");
    // Up to the limit, and a 10,000-character word, load; so do strings full of escapes.
    let fits = format!(
        "(version: 1, organisation: (name: \"{}\", description: \"a\\\"b\\\\\", address: r##\"c\"#d\"##))",
        "x".repeat(limit)
    );
    let loaded = organigramme::format::load_bytes("fits.ron", fits.as_bytes()).unwrap();
    assert_eq!(loaded.organisation.name.len(), limit);
    assert_eq!(loaded.organisation.address, "c\"#d");
}

/// A file saved by Windows' Notepad as « Unicode » (UTF-16 with its mark) is read as the text
/// it is, in either byte order; its errors point at the same lines and columns.
#[test]
fn utf16_files_are_read_as_text() {
    let text = "(\n    version: 1,\n    organisation: (name: \"Préfecture\", units: [(id: \"sg\", name: \"Secrétariat général\", kind: SecretariatGeneral)]),\n)\n";
    for little in [true, false] {
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        let loaded = format::load_bytes("notepad.ron", &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.organisation.units[0].name, "Secrétariat général");
        let broken: Vec<u8> = bytes[..bytes.len() - 8].to_vec();
        let message = format::load_bytes("notepad.ron", &broken)
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("notepad.ron:3:"), "{message}");
        assert!(!message.contains("binaire"), "{message}");
    }
}

/// A relation from a unit to itself loads, with a warning saying so, and draws no line.
#[test]
fn a_relation_of_a_unit_with_itself_is_warned_and_not_drawn() {
    let text = "(version: 1, organisation: (name: \"SG\", units: [(id: \"sg\", name: \"SG\", kind: SecretariatGeneral, missions: [(text: \"x\")])], relations: [(from: \"sg\", to: \"sg\", kind: Coordination)]))";
    let loaded = format::load_bytes("soi.ron", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("elle-même")),
        "{:?}",
        loaded.warnings
    );
    let scene = organigramme::scene::build(&loaded.organisation, &Default::default());
    assert!(
        scene
            .connectors
            .iter()
            .all(|c| !matches!(c.link, organigramme::scene::Link::Relation(_))),
        "no line for it"
    );
}
