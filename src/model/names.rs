//! How units and entities are named in text: « Sigle — Nom » in lists and reports, and the
//! folded form under which two spellings of one name compare equal.

/// « DRH — Délégation aux ressources humaines », or the name alone without an acronym.
pub fn full_name(acronym: &str, name: &str) -> String {
    if acronym.is_empty() {
        name.to_string()
    } else {
        format!("{acronym} — {name}")
    }
}

/// Lower case without accents, so « equipe » finds « Équipe ».
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '’' => '\'',
            c => c,
        })
        .collect()
}
