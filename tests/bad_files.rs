//! The corpus of bad files in `tests/bad_files/`: each one is refused, and the message names
//! the file, the line and the column, and says what was expected, in French and in English.
//!
//! The table below is the contract: file name → substrings the French message must contain,
//! then the English one. Every file of the directory must be in the table, and every entry of
//! the table must exist.

use organigramme::format::{self, LoadError};
use organigramme::i18n::Lang;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files")
}

/// File name → what its message must contain in French, and in English. Positions are part
/// of the contract: a message that points at the wrong line is a failure.
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    (
        "position_off_the_plane.ron",
        &[
            // At the position itself, not at the unit's `id:`.
            "position_off_the_plane.ron:13:27: ",
            "unité « loin » : position (1000000000000000, 40) hors du plan",
            "attendu : deux nombres entre -1 000 000 et 1 000 000",
        ],
        &[
            "position_off_the_plane.ron:13:27: ",
            "unit “loin”: position (1000000000000000, 40) off the plane",
            "expected: two numbers between -1,000,000 and 1,000,000",
        ],
    ),
    (
        "syntax_missing_comma.ron",
        &[
            // The comma is missing at the end of line 9, after the name.
            "syntax_missing_comma.ron:9:44: ",
            "attendu une virgule « , » après cette valeur, avant « kind »",
        ],
        &[
            "syntax_missing_comma.ron:9:44: ",
            "expected a comma “,” after this value, before “kind”",
        ],
    ),
    (
        "syntax_unclosed_paren.ron",
        &[
            "syntax_unclosed_paren.ron:13:7: ",
            "fin de fichier inattendue",
            "attendu « ) » pour fermer la parenthèse ouverte ligne 2, colonne 1",
        ],
        &[
            "syntax_unclosed_paren.ron:13:7: ",
            "unexpected end of file",
            "expected “)” to close the bracket opened on line 2, column 1",
        ],
    ),
    (
        "truncated.ron",
        &[
            "truncated.ron:9:23: ",
            "chaîne de caractères jamais fermée",
            "attendu un guillemet fermant",
        ],
        &[
            "truncated.ron:9:23: ",
            "string never closed",
            "expected a closing double quote",
        ],
    ),
    (
        "wrong_type.ron",
        &[
            "wrong_type.ron:11:28: ",
            "valeur invalide pour « headcount » : attendu un nombre entier",
            "trouvé « \"abc\" »",
        ],
        &[
            "wrong_type.ron:11:28: ",
            "invalid value for “headcount”: expected a whole number",
            "found “\"abc\"”",
        ],
    ),
    (
        "negative_headcount.ron",
        &[
            // At the sign, which RON steps over before it stops.
            "negative_headcount.ron:11:28: ",
            "effectif négatif -5 : attendu un entier positif ou nul",
        ],
        &[
            "negative_headcount.ron:11:28: ",
            "negative headcount -5: expected a whole number, zero or more",
        ],
    ),
    (
        "decimal_headcount.ron",
        &[
            // Not « attendu une virgule » before « .5 », as RON reads it.
            "decimal_headcount.ron:11:28: ",
            "nombre décimal 12.5 pour l'effectif : attendu un entier",
        ],
        &[
            "decimal_headcount.ron:11:28: ",
            "decimal number 12.5 for the headcount: expected a whole number",
        ],
    ),
    (
        "decimal_comma.ron",
        &[
            // RON reads `120`, then a field named `5`.
            "decimal_comma.ron:11:31: ",
            "nombre 120,5 écrit avec une virgule",
            "les décimales s'écrivent après un point (120.5)",
        ],
        &[
            "decimal_comma.ron:11:31: ",
            "number 120,5 written with a decimal comma",
            "decimals are written after a point (120.5)",
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
        &[
            "unknown_field.ron:10:17: ",
            "unknown field “acronyme” in a unit",
            "did you mean “acronym”?",
            "expected fields: id, name, acronym, kind",
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
        &[
            "unknown_kind.ron:15:23: ",
            "unknown value “Directorate” for the kind of unit (field “kind”)",
            "did you mean “Direction”?",
            "expected one of: SecretariatGeneral,",
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
        &[
            "newer_version.ron:3:5: ",
            "format version 99, newer",
            "update Organigramme",
        ],
    ),
    (
        "duplicate_id.ron",
        &[
            // At the second definition, naming both.
            "duplicate_id.ron:19:21: ",
            "l'id « daf » est défini plusieurs fois",
            "lignes 13 et 19",
        ],
        &[
            "duplicate_id.ron:19:21: ",
            "the id “daf” is defined more than once",
            "lines 13 and 19",
        ],
    ),
    (
        "unknown_parent.ron",
        &[
            // At `parent: "secretariat"`, not at the unit's `id:` three lines above.
            "unknown_parent.ron:16:25: ",
            "unité « drh » : parent inconnu « secretariat »",
            "attendu : l'id d'une unité",
        ],
        &[
            "unknown_parent.ron:16:25: ",
            "unit “drh”: unknown parent “secretariat”",
            "expected: the id of a unit",
        ],
    ),
    (
        "cycle.ron",
        &[
            // At the parent link that closes the cycle.
            "cycle.ron:11:25: ",
            "cycle dans la hiérarchie",
            "« a » est sa propre ascendante",
        ],
        &[
            "cycle.ron:11:25: ",
            "cycle in the hierarchy",
            "“a” is its own ancestor",
        ],
    ),
    (
        "unknown_chair.ron",
        &[
            "unknown_chair.ron:18:24: ",
            "instance « codir » : présidence inconnue « ministre »",
            "attendu : l'id d'une unité",
        ],
        &[
            "unknown_chair.ron:18:24: ",
            "body “codir”: unknown chair “ministre”",
            "expected: the id of a unit",
        ],
    ),
    (
        "body_as_chair_and_member.ron",
        &[
            // Not « inconnue »: it is a body.
            "body_as_chair_and_member.ron:24:24: ",
            "instance « codir » : la présidence « cds » est une instance, pas une unité (attendu : l'id d'une unité)",
            "body_as_chair_and_member.ron:25:33: ",
            "instance « codir » : le membre « cds » est une instance, pas une unité ni une entité extérieure",
        ],
        &[
            "body_as_chair_and_member.ron:24:24: ",
            "body “codir”: chair “cds” is a body, not a unit (expected: the id of a unit)",
            "body_as_chair_and_member.ron:25:33: ",
            "body “codir”: member “cds” is a body, not a unit or an outside entity",
        ],
    ),
    (
        "unknown_relation_endpoint.ron",
        &[
            // Defined nowhere: shown where the relation names it.
            "unknown_relation_endpoint.ron:16:21: ",
            "relation n° 1 : extrémité inconnue « dgs »",
            "attendu : l'id d'une unité ou d'une entité extérieure",
        ],
        &[
            "unknown_relation_endpoint.ron:16:21: ",
            "relation no. 1: unknown end “dgs”",
            "expected: the id of a unit or of an outside entity",
        ],
    ),
    (
        "unknown_member.ron",
        &[
            // The member itself, in its list.
            "unknown_member.ron:19:33: ",
            "instance « codir » : membre inconnu « daf »",
            "attendu : l'id d'une unité ou d'une entité extérieure",
        ],
        &[
            "unknown_member.ron:19:33: ",
            "body “codir”: unknown member “daf”",
            "expected: the id of a unit or of an outside entity",
        ],
    ),
    (
        "empty_name.ron",
        &[
            "empty_name.ron:14:23: ",
            "l'élément « bureau-1 » n'a pas de nom",
        ],
        &["empty_name.ron:14:23: ", "element “bureau-1” has no name"],
    ),
    (
        "control_characters.ron",
        &[
            // Escaped: neither the terminal's title nor its screen is touched.
            "control_characters.ron:11:25: ",
            "unité « sg\\u{1b}]0;pwned\\u{7} » : parent inconnu « \\u{1b}[2J\\u{1b}[31mx »",
        ],
        &[
            "control_characters.ron:11:25: ",
            "unit “sg\\u{1b}]0;pwned\\u{7}”: unknown parent “\\u{1b}[2J\\u{1b}[31mx”",
        ],
    ),
    (
        "latin1.ron",
        &[
            // The Latin-1 "è" of "Ministère", line 5, after `        name: "Minist`.
            "latin1.ron:5:22: ",
            "le fichier est encodé en Windows-1252 (Latin-1), pas en UTF-8",
            "l'octet 0xE8 est le « è » de « Ministère »",
            "enregistrez-le en UTF-8",
        ],
        &[
            "latin1.ron:5:22: ",
            "the file is encoded in Windows-1252 (Latin-1), not in UTF-8",
            "byte 0xE8 is the “è” of “Ministère”",
            "save it as UTF-8",
        ],
    ),
    (
        "damaged_utf8.ron",
        &[
            // UTF-8 with a character cut short: not Latin-1, and not guessed at.
            "damaged_utf8.ron:11:36: ",
            "le fichier n'est pas encodé en UTF-8 (octet 0xE2) ; enregistrez-le en UTF-8",
        ],
        &[
            "damaged_utf8.ron:11:36: ",
            "the file is not encoded in UTF-8 (byte 0xE2); save it as UTF-8",
        ],
    ),
    (
        "utf16_without_mark.ron",
        &[
            "utf16_without_mark.ron: ",
            "encodé en UTF-16 sans marque d'ordre des octets : enregistrez-le en UTF-8",
        ],
        &[
            "utf16_without_mark.ron: ",
            "encoded in UTF-16 without a byte-order mark: save it as UTF-8",
        ],
    ),
    (
        "binary_nul.ron",
        &[
            "binary_nul.ron:3:1: ",
            "fichier binaire (octet nul)",
            "attendu un fichier texte .ron",
        ],
        &[
            "binary_nul.ron:3:1: ",
            "binary file (a zero byte)",
            "expected a .ron text file",
        ],
    ),
    (
        "empty.ron",
        &[
            "empty.ron: fichier vide",
            "attendu un organigramme « ( version: 1, organisation:",
        ],
        &[
            "empty.ron: empty file",
            "expected a chart “( version: 1, organisation:",
        ],
    ),
];

/// RON's own words: a message that still has them was not put into words of ours.
const UNTRANSLATED: &[&str] = &["Expected", "Unexpected", "FileIn", "`", "RON error"];
/// French in an English message.
const FRENCH: &[&str] = &["«", "»", "attendu", "trouvé", " : "];

fn message(result: Result<format::Loaded, LoadError>, lang: Lang) -> Result<String, String> {
    match result {
        Ok(_) => Err("loaded, expected a refusal".into()),
        Err(e) => Ok(e.text(lang)),
    }
}

fn check_in(name: &str, message: &str, expected: &[&str], lang: Lang) -> Vec<String> {
    let mut failures = Vec::new();
    for want in expected {
        if !message.contains(want) {
            failures.push(format!(
                "{name} ({lang:?}): the message does not contain {want:?}"
            ));
        }
    }
    let foreign = if lang == Lang::En { FRENCH } else { &[] };
    for word in UNTRANSLATED.iter().chain(foreign) {
        if message.contains(word) {
            failures.push(format!("{name} ({lang:?}): the message contains {word:?}"));
        }
    }
    if !failures.is_empty() {
        failures.push(format!("    message: {message}"));
    }
    failures
}

/// The French message (the default, also `Display`'s) holds `expected`.
fn check(name: &str, result: Result<format::Loaded, LoadError>, expected: &[&str]) -> Vec<String> {
    match result {
        Ok(_) => vec![format!("{name}: loaded, expected a refusal")],
        Err(e) => {
            assert_eq!(e.to_string(), e.text(Lang::Fr));
            check_in(name, &e.to_string(), expected, Lang::Fr)
        }
    }
}

#[test]
fn every_bad_file_is_refused_with_a_clear_message() {
    let mut failures = Vec::new();
    for (name, fr, en) in CASES {
        let path = dir().join(name);
        // From bytes too, as the editor's "open" does after reading: the same message.
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (lang, expected) in [(Lang::Fr, fr), (Lang::En, en)] {
            for result in [format::load_path(&path), format::load_bytes(name, &bytes)] {
                match message(result, lang) {
                    Ok(text) => failures.extend(check_in(name, &text, expected, lang)),
                    Err(why) => failures.push(format!("{name}: {why}")),
                }
            }
        }
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
    let mut in_table: Vec<String> = CASES.iter().map(|(name, _, _)| name.to_string()).collect();
    in_table.sort();
    assert_eq!(
        on_disk, in_table,
        "every bad file needs an expected message, and back"
    );
}

#[test]
fn the_binary_files_are_what_their_names_say() {
    let read = |name: &str| std::fs::read(dir().join(name)).unwrap();
    let latin1 = read("latin1.ron");
    assert!(std::str::from_utf8(&latin1).is_err() && !latin1.contains(&0));
    // Damaged UTF-8: French letters in UTF-8, and one character cut short.
    let damaged = read("damaged_utf8.ron");
    let valid = std::str::from_utf8(&damaged).unwrap_err().valid_up_to();
    assert!(!damaged[..valid].is_ascii());
    let utf16 = read("utf16_without_mark.ron");
    let units: Vec<u16> = utf16
        .chunks(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    let text = String::from_utf16(&units).unwrap();
    assert!(text.starts_with("#![enable"), "no byte-order mark");
    // Escape bytes written raw, and written as `\u{1b}`.
    let control = read("control_characters.ron");
    assert!(control.contains(&0x1b));
    assert!(String::from_utf8(control).unwrap().contains("\\u{1b}"));
    let binary = read("binary_nul.ron");
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

/// Each of many errors points at its own unit's reference (20,000 errors in 2.5 MB of text).
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
        // Unit n opens on line 6 + 5n; its `parent:` value is three lines below.
        assert_eq!(
            (p.line, p.column),
            (Some(9 + 5 * n), Some(25)),
            "{}",
            p.message
        );
        assert!(
            p.message.to_string().contains(&format!("« absent-{n} »")),
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
            .any(|w| w.message.to_string().contains("elle-même")),
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

/// A unit with `headcount: {value}` (`units`) or the organisation's with `count: {value}`.
fn with_number(field: &str, value: &str) -> String {
    match field {
        "headcount" => format!(
            "(\n    version: 1,\n    organisation: (\n        name: \"M\",\n        units: [(id: \"sg\", name: \"SG\", headcount: {value})],\n    ),\n)\n"
        ),
        "count" => format!(
            "(\n    version: 1,\n    organisation: (\n        name: \"M\",\n        headcount: (count: {value}),\n    ),\n)\n"
        ),
        "version" => format!("(\n    version: {value},\n    organisation: (name: \"M\"),\n)\n"),
        _ => format!(
            "(\n    version: 1,\n    organisation: (\n        name: \"M\",\n        units: [(id: \"sg\", name: \"SG\", position: (x: {value}, y: 0.0))],\n    ),\n)\n"
        ),
    }
}

/// Numbers RON reads otherwise than a person does are named as the person wrote them, at
/// their first character.
#[test]
fn numbers_and_signs_are_named_plainly() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "headcount",
            "-5",
            "5:51: effectif négatif -5 : attendu un entier positif ou nul",
            "5:51: negative headcount -5: expected a whole number, zero or more",
        ),
        (
            "headcount",
            "12.5",
            "5:51: nombre décimal 12.5 pour l'effectif : attendu un entier",
            "5:51: decimal number 12.5 for the headcount: expected a whole number",
        ),
        (
            "headcount",
            "1e3",
            "5:51: nombre 1e3 écrit avec un exposant pour l'effectif",
            "5:51: number 1e3 written with an exponent for the headcount",
        ),
        (
            "headcount",
            "5000000000",
            "5:51: nombre trop grand 5000000000 pour l'effectif : attendu un entier d'au plus 4294967295",
            "5:51: number too large 5000000000 for the headcount: expected a whole number of at most 4294967295",
        ),
        (
            "headcount",
            "12,5",
            "5:51: nombre 12,5 écrit avec une virgule décimale pour l'effectif : attendu un entier",
            "5:51: number 12,5 written with a decimal comma for the headcount: expected a whole number",
        ),
        (
            "count",
            "-3",
            "5:28: effectif négatif -3",
            "5:28: negative headcount -3",
        ),
        (
            "version",
            "-1",
            "2:14: numéro de version négatif -1 : attendu un entier positif ou nul",
            "2:14: negative version number -1: expected a whole number, zero or more",
        ),
        (
            "x",
            "1,5",
            "5:54: nombre 1,5 écrit avec une virgule : les décimales s'écrivent après un point (1.5)",
            "5:54: number 1,5 written with a decimal comma: decimals are written after a point (1.5)",
        ),
    ];
    let mut failures = Vec::new();
    for (field, value, fr, en) in cases {
        let text = with_number(field, value);
        for (lang, want) in [(Lang::Fr, fr), (Lang::En, en)] {
            match message(format::load_bytes("n.ron", text.as_bytes()), lang) {
                Ok(m) if m.contains(want) => {}
                got => failures.push(format!("{field}: {value} ({lang:?}): {got:?}")),
            }
        }
    }
    // A whole number that fits is not one of these: a missing comma after it stays one.
    let text = with_number("headcount", "12 kind: Bureau");
    let got = format::load_bytes("n.ron", text.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(got.contains("attendu une virgule"), "{got}");
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

/// `Other("")` as the kind of a unit, a body, a relation or an entity says nothing: it loads
/// with a warning at the kind, in each language.
#[test]
fn a_kind_without_a_label_is_warned() {
    let text = r#"(version: 1, organisation: (name: "M",
        units: [(id: "sg", name: "SG", kind: Other(""), missions: [(text: "x")])],
        bodies: [(id: "c", name: "C", kind: Other(" "), members: ["sg"])],
        relations: [(from: "sg", to: "e", kind: Other("\t"))],
        entities: [(id: "e", name: "E", kind: Other(""))],
        ))"#;
    let loaded = format::load_bytes("vide.ron", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<(&str, &str)> = loaded
        .warnings
        .iter()
        .map(|w| (w.message.get(Lang::Fr), w.message.get(Lang::En)))
        .collect();
    for (fr, en) in [
        (
            "unité « sg » : type Other(\"\") sans libellé",
            "unit “sg”: kind Other(\"\") has no label",
        ),
        (
            "instance « c » : type Other(\" \") sans libellé",
            "body “c”: kind Other(\" \") has no label",
        ),
        (
            "relation n° 1 : type Other(\"\\t\") sans libellé",
            "relation no. 1: kind Other(\"\\t\") has no label",
        ),
        (
            "entité « e » : type Other(\"\") sans libellé",
            "entity “e”: kind Other(\"\") has no label",
        ),
    ] {
        assert!(
            warnings
                .iter()
                .any(|w| w.0.starts_with(fr) && w.1.starts_with(en)),
            "{fr}: {warnings:#?}"
        );
    }
    assert_eq!(warnings.len(), 4, "{warnings:#?}");
    // A label, even a short one, is not warned of.
    let named = text.replace("Other(\"\")", "Other(\"x\")");
    let loaded = format::load_bytes("x.ron", named.as_bytes()).unwrap();
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
}

/// `organigramme check` speaks French, or English with `--lang en`: its summary, its
/// warnings and the errors of the files it refuses.
#[test]
fn check_speaks_the_language_asked() {
    let dir = std::env::temp_dir().join(format!("organigramme-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let warned = dir.join("vide.ron");
    std::fs::write(
        &warned,
        r#"(version: 1, organisation: (name: "M", units: [(id: "sg", name: "SG", kind: Other(""), missions: [(text: "x")])]))"#,
    )
    .unwrap();
    let refused = dir.join("absent.ron");
    let check = |lang: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
            .arg("check")
            .args(lang)
            .args([&warned, &refused])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "one file refused");
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (text(out.stdout), text(out.stderr))
    };
    let (out, err) = check(&[]);
    assert!(out.contains("vide.ron: 1 unité, 0 instance, 0 relation, profondeur 1, effectif 0, 1 avertissement\n  avertissement, ligne 1 : unité « sg » : type Other(\"\") sans libellé"), "{out}");
    assert!(
        err.contains("absent.ron: impossible d'ouvrir le fichier : fichier ou dossier introuvable"),
        "{err}"
    );
    let (out, err) = check(&["--lang", "en"]);
    assert!(out.contains("vide.ron: 1 unit, 0 bodies, 0 relations, depth 1, headcount 0, 1 warning\n  warning, line 1: unit “sg”: kind Other(\"\") has no label"), "{out}");
    assert!(
        err.contains("absent.ron: cannot open the file: no such file or directory"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `organigramme check … | head -1`: the reader stops, the command stops too, without a
/// panic (it was « failed printing to stdout: Broken pipe »).
#[test]
fn a_reader_that_stops_early_is_no_error() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
        .arg("check")
        .args(["sample_orgs/sgmas.ron"; 50])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0));
}

/// A file that cites legal texts should give each mission its source: one warning names
/// the units whose missions have none, and none when every mission has one.
#[test]
fn missions_without_a_source_are_named_when_the_file_cites_texts() {
    let sample = organigramme::samples::default_sample();
    let mut org = organigramme::format::load_bytes("s", sample.text.as_bytes())
        .unwrap()
        .organisation;
    let unsourced = |org: &organigramme::model::Organisation| {
        let (issues, _) = organigramme::model::validate(org);
        issues
            .into_iter()
            .map(|i| i.message.get(Lang::Fr).to_string())
            .filter(|m| m.contains("sans source"))
            .collect::<Vec<_>>()
    };
    assert!(
        unsourced(&org).is_empty(),
        "the sample's missions all have one"
    );
    org.units[1].missions[0].source = None;
    let said = unsourced(&org);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains(&format!("« {} » (1)", org.units[1].id)),
        "{said:?}"
    );
    org.legal_texts.clear();
    assert!(
        unsourced(&org).is_empty(),
        "no text cited, no source asked for"
    );
}

/// A presentation step naming a unit the file does not have is warned of, with its number.
#[test]
fn a_script_step_naming_an_unknown_unit_is_warned_of() {
    let sample = organigramme::samples::default_sample();
    let mut org = organigramme::format::load_bytes("s", sample.text.as_bytes())
        .unwrap()
        .organisation;
    org.presentation = vec![
        organigramme::model::Step::default(),
        organigramme::model::Step {
            unit: Some(organigramme::model::Id::new("bureau-fantome")),
            ..Default::default()
        },
    ];
    let (issues, _) = organigramme::model::validate(&org);
    let said: Vec<String> = (issues.iter())
        .map(|i| i.message.get(Lang::Fr).to_string())
        .filter(|m| m.contains("présentation"))
        .collect();
    assert_eq!(
        said,
        [
            "présentation, étape 2 : aucune unité « bureau-fantome » (l'étape montre toute la structure)"
        ]
    );
}
