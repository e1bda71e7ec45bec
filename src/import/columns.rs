//! What each column of a table means, recognised from its header in French or English, and
//! the unit kinds recognised from a « Type » cell or the start of a name.

use crate::i18n::Lang;
use crate::model::UnitKind;

/// The meaning of a column: the unit's field it fills, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Column {
    #[default]
    Ignored,
    Code,
    Parent,
    Name,
    Acronym,
    Kind,
    HeadTitle,
    HeadName,
    Headcount,
    Staff,
    Missions,
    Notes,
}

impl Column {
    /// Every meaning, in the order the preview's lists show them.
    pub const ALL: [Column; 12] = [
        Column::Ignored,
        Column::Code,
        Column::Parent,
        Column::Name,
        Column::Acronym,
        Column::Kind,
        Column::HeadTitle,
        Column::HeadName,
        Column::Headcount,
        Column::Staff,
        Column::Missions,
        Column::Notes,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Column::Ignored => ("(ignorée)", "(ignored)"),
            Column::Code => ("Code", "Code"),
            Column::Parent => ("Code parent", "Parent code"),
            Column::Name => ("Libellé", "Name"),
            Column::Acronym => ("Sigle", "Acronym"),
            Column::Kind => ("Type", "Kind"),
            Column::HeadTitle => ("Fonction du responsable", "Head's title"),
            Column::HeadName => ("Responsable", "Head"),
            Column::Headcount => ("Effectif", "Headcount"),
            Column::Staff => ("Rattachement d'état-major", "Staff position"),
            Column::Missions => ("Missions", "Missions"),
            Column::Notes => ("Notes", "Notes"),
        };
        lang.pick(fr, en)
    }

    /// The headers that mean this column, folded (see `fold`).
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Column::Ignored => &[],
            Column::Code => &[
                "code",
                "code unite",
                "code structure",
                "code entite",
                "code uo",
                "identifiant",
                "id",
                "unit code",
                "unit id",
            ],
            Column::Parent => &[
                "code parent",
                "parent",
                "code pere",
                "code de rattachement",
                "rattachement",
                "code superieur",
                "code unite parent",
                "unite de rattachement",
                "parent code",
                "parent id",
                "reports to",
            ],
            Column::Name => &[
                "libelle",
                "libelle long",
                "nom",
                "nom de l unite",
                "intitule",
                "denomination",
                "unite",
                "structure",
                "name",
                "unit",
                "unit name",
                "label",
            ],
            Column::Acronym => &[
                "sigle",
                "acronyme",
                "abreviation",
                "libelle court",
                "acronym",
                "abbreviation",
                "short name",
            ],
            Column::Kind => &[
                "type",
                "nature",
                "type d unite",
                "type de structure",
                "niveau",
                "kind",
                "unit type",
                "type of unit",
            ],
            Column::HeadTitle => &[
                "fonction",
                "fonction du responsable",
                "titre",
                "intitule du poste",
                "poste",
                "title",
                "job title",
                "position",
                "role",
            ],
            Column::HeadName => &[
                "responsable",
                "nom du responsable",
                "chef",
                "titulaire",
                "head",
                "manager",
                "head name",
                "head of unit",
            ],
            Column::Headcount => &[
                "effectif",
                "effectifs",
                "etp",
                "nombre d agents",
                "agents",
                "headcount",
                "staff",
                "fte",
            ],
            // Not "staff" alone: that is the headcount.
            Column::Staff => &[
                "rattachement d etat major",
                "etat major",
                "unite d etat major",
                "staff position",
                "staff unit",
            ],
            Column::Missions => &[
                "missions",
                "mission",
                "attributions",
                "competences",
                "duties",
                "responsibilities",
            ],
            Column::Notes => &[
                "notes",
                "note",
                "commentaire",
                "commentaires",
                "observations",
                "remarques",
                "comment",
                "comments",
            ],
        }
    }
}

/// Lower case, without accents, words separated by one space: « Code  de l'unité » and
/// "CODE_DE_L_UNITE" both read "code de l unite".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            'œ' => {
                out.push('o');
                'e'
            }
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if c != ' ' || !out.is_empty() && !out.ends_with(' ') {
            out.push(c);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The meaning of one header, `Ignored` when it says nothing known.
pub fn guess(header: &str) -> Column {
    let folded = fold(header);
    if let Some(exact) = Column::ALL
        .into_iter()
        .find(|c| c.synonyms().contains(&folded.as_str()))
    {
        return exact;
    }
    // Longer headers, by the words they hold: « Code de l'unité de rattachement ».
    let has = |word: &str| folded.split(' ').any(|w| w == word);
    if has("parent") || has("rattachement") || has("superieur") {
        Column::Parent
    } else if has("code") || has("id") {
        Column::Code
    } else if has("effectif") || has("effectifs") || has("etp") || has("headcount") {
        Column::Headcount
    } else if has("sigle") || has("acronym") {
        Column::Acronym
    } else if has("responsable") || has("head") {
        Column::HeadName
    } else if has("mission") || has("missions") {
        Column::Missions
    } else if has("libelle") || has("intitule") || has("name") {
        Column::Name
    } else {
        Column::Ignored
    }
}

/// The meaning of every header; a meaning already taken by a column to the left leaves the
/// later one ignored, so that no field is filled twice.
pub fn guess_columns(headers: &[String]) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::with_capacity(headers.len());
    for header in headers {
        let column = guess(header);
        let taken = column != Column::Ignored && columns.contains(&column);
        columns.push(if taken { Column::Ignored } else { column });
    }
    columns
}

/// The unit kind a « Type » cell names (« Sous-direction », "Office", « SD »), or `None`.
pub fn kind_named(text: &str) -> Option<UnitKind> {
    let folded = fold(text);
    let alias = match folded.as_str() {
        "sg" => Some(UnitKind::SecretariatGeneral),
        "dg" => Some(UnitKind::DelegationGenerale),
        "sd" | "sdir" => Some(UnitKind::SousDirection),
        "dept" | "dpt" => Some(UnitKind::Departement),
        "bur" => Some(UnitKind::Bureau),
        _ => None,
    };
    alias.or_else(|| {
        UnitKind::ALL
            .iter()
            .find(|k| {
                [Lang::Fr, Lang::En]
                    .iter()
                    .any(|&l| fold(k.label(l)) == folded)
            })
            .cloned()
    })
}

/// The kind a unit's name starts with: « Bureau des achats » is a bureau, and so is
/// « Bureau ». The longest
/// label first, so that « Sous-direction des … » is not taken for a direction.
pub fn kind_of_name(name: &str) -> Option<UnitKind> {
    let folded = fold(name);
    let mut best: Option<(usize, &UnitKind)> = None;
    for kind in UnitKind::ALL {
        let label = fold(kind.label(Lang::Fr));
        let starts = folded
            .strip_prefix(&label)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
        if starts && best.is_none_or(|(len, _)| label.len() > len) {
            best = Some((label.len(), kind));
        }
    }
    best.map(|(_, k)| k.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_in_either_language_whatever_their_case_and_accents() {
        let headers = [
            "CODE",
            "Code parent",
            "Libellé",
            "Sigle",
            "Type d'unité",
            "Fonction",
            "Responsable",
            "Effectif",
            "Missions",
            "Couleur",
            "Parent code",
            "Headcount",
        ];
        let columns = guess_columns(&headers.map(String::from));
        use Column::*;
        assert_eq!(
            columns,
            [
                Code, Parent, Name, Acronym, Kind, HeadTitle, HeadName, Headcount, Missions,
                Ignored, Ignored, Ignored
            ]
        );
        assert_eq!(guess("Code de l'unité de rattachement"), Parent);
        assert_eq!(guess("Nb ETP au 31/12"), Headcount);
        // As the export writes it; « staff » alone is the headcount.
        assert_eq!(guess("Rattachement d'état-major"), Staff);
        assert_eq!(guess("Staff"), Headcount);
        assert_eq!(fold("  Code  de l’unité_"), "code de l unite");
    }

    #[test]
    fn kinds_are_read_from_the_type_or_the_name() {
        assert_eq!(kind_named("sous-direction"), Some(UnitKind::SousDirection));
        assert_eq!(kind_named("POLE"), Some(UnitKind::Pole));
        assert_eq!(kind_named("Office"), Some(UnitKind::Bureau));
        assert_eq!(kind_named("Observatoire"), None);
        assert_eq!(
            kind_of_name("Sous-direction des affaires financières"),
            Some(UnitKind::SousDirection)
        );
        assert_eq!(kind_of_name("Directions régionales"), None);
    }
}
