//! The French the generator writes: vocabulary lists, contractions of « de » and « à », kinds
//! and their heads' titles, acronyms and mission paragraphs.

use super::Rng;
use crate::model::UnitKind;

/// One family per line: the first phrase names a direction, the others its sub-units.
pub const FAMILIES: &str = "les ressources humaines|le recrutement|la mobilité|les carrières|\
    la rémunération|la formation professionnelle|l'action sociale|la santé au travail|\
    le dialogue social|l'encadrement supérieur|les pensions|les statuts|\
    la gestion prévisionnelle des emplois et des compétences\n\
    les affaires financières|le budget|la synthèse budgétaire|la comptabilité|\
    le contrôle de gestion|la commande publique|les achats|les subventions|la masse salariale|\
    la programmation des crédits|le contrôle interne comptable\n\
    les affaires juridiques|le contentieux|la légistique|le conseil juridique|la réglementation|\
    la protection des données|la déontologie|les affaires pénales|le droit public\n\
    le numérique|les systèmes d'information|les infrastructures|les applications|l'exploitation|\
    la sécurité des systèmes d'information|les données|l'assistance aux utilisateurs|\
    les projets numériques|l'architecture\n\
    l'immobilier et la logistique|le patrimoine immobilier|la maintenance des bâtiments|\
    les moyens généraux|l'accueil|la sûreté des sites|le courrier|les déplacements|\
    la transition écologique\n\
    la communication|la communication interne|les relations avec la presse|les publications|\
    la communication numérique|l'événementiel|l'information des usagers\n\
    les affaires européennes et internationales|la coopération internationale|\
    les affaires européennes|les relations bilatérales|les organisations internationales\n\
    la stratégie et la performance|la prospective|l'évaluation des politiques publiques|\
    les statistiques|l'audit interne|la maîtrise des risques|la qualité|la modernisation\n\
    l'appui aux territoires|le réseau territorial|les services déconcentrés|\
    le dialogue de gestion|l'animation des réseaux|les agences régionales de santé\n\
    la défense et la sécurité|la gestion de crise|la continuité d'activité|la sécurité civile|\
    la protection du secret";
const ACTIVITIES: &str = "la gestion|le pilotage|le suivi|la coordination|l'animation|\
    la modernisation|la programmation|l'expertise|l'appui|la synthèse|le contrôle|la politique|\
    la prévention|l'accompagnement|les études";
/// Each is followed by « de » and a domain.
const ACTIONS: &str = "est chargé{e} de l'élaboration et de la mise en œuvre de la politique|\
    assure le pilotage et le suivi|conduit les travaux de programmation et d'évaluation|\
    définit les orientations stratégiques|veille à la cohérence des actions menées dans le champ|\
    prépare et suit les décisions relevant|anime le réseau des correspondants chargés|\
    assure la gestion administrative et financière|élabore les indicateurs de suivi|\
    instruit les dossiers relevant|produit les analyses et les synthèses nécessaires au pilotage|\
    garantit la sécurité juridique des actes relevant|\
    organise la concertation avec les partenaires sociaux sur les questions relevant";
/// `\x20`: a plain space would be eaten by the line continuation.
const COMPLEMENTS: &str = ", en liaison avec les directions et services concernés|\
    \x20pour l'ensemble des services centraux et déconcentrés|\
    , dans le respect des orientations fixées par le secrétaire général|\
    \x20au bénéfice des agents et des usagers|\
    , en lien avec les opérateurs et les agences placés sous tutelle|\
    , notamment dans le cadre du dialogue de gestion annuel|\
    , conformément aux dispositions législatives et réglementaires en vigueur|";
const OPENERS: &str =
    "{Il} |À ce titre, {il} |En outre, {il} |Dans ce cadre, {il} |Par ailleurs, {il} ";
/// Whole sentences after an opener; the last, short, tops a paragraph up when nothing fits.
const EXTRAS: &str = "prépare les éléments de réponse aux questions parlementaires et aux \
    saisines des corps d'inspection.|assure le secrétariat des instances de concertation \
    compétentes et le suivi de leurs décisions.|participe à la préparation du budget et au suivi \
    de son exécution.|contribue à la diffusion des bonnes pratiques et à la professionnalisation \
    des acteurs.|constitue le point d'entrée des services déconcentrés pour ces questions.|\
    rend compte de son activité.";
const FIRST_F: &str = "Marie|Claire|Sophie|Isabelle|Nathalie|Camille|Hélène|Anne|Julie|Céline|\
    Valérie|Agnès|Laure|Élodie|Sandrine";
const FIRST_M: &str = "Jean|Pierre|Nicolas|Laurent|François|Olivier|Philippe|Thomas|Julien|\
    Éric|Christophe|Stéphane|Antoine|Mathieu|Benoît";
const SURNAMES: &str = "Martin|Bernard|Dubois|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|\
    Lefebvre|Michel|Garcia|Bertrand|Roux|Vincent|Fournier|Morel|Girard|Mercier|Dupont|Lambert|\
    Bonnet|Legrand|Garnier|Faure|Rousseau|Blanc|Guérin|Muller|Henry|Perrin|Morin|Clément|\
    Gauthier|Dumont|Fontaine|Chevalier|Robin|Masson";
pub const MINISTRIES: &str = "des affaires sociales|de l'économie et des finances|\
    de la transition écologique|de l'agriculture et de l'alimentation|de l'intérieur|\
    de l'éducation nationale|de la culture";
/// Outside entities, one a line: id, name.
pub const ENTITIES: &str = "dgs|Direction générale de la santé\n\
    dgos|Direction générale de l'offre de soins\n\
    dgcs|Direction générale de la cohésion sociale\n\
    dgt|Direction générale du travail\n\
    dss|Direction de la sécurité sociale\n\
    dinum|Direction interministérielle du numérique\n\
    cabinet|Cabinets des ministres\n\
    ars|Agences régionales de santé\n\
    dreets|Directions régionales de l'économie, de l'emploi, du travail et des solidarités";

/// The lists, split once: picking from them is most of the generator's work.
pub struct Words {
    pub activities: Vec<&'static str>,
    actions: Vec<&'static str>,
    complements: Vec<&'static str>,
    openers: Vec<&'static str>,
    extras: Vec<&'static str>,
    pub first_f: Vec<&'static str>,
    pub first_m: Vec<&'static str>,
    pub surnames: Vec<&'static str>,
}

impl Words {
    pub fn new() -> Self {
        let split = |s: &'static str| s.split('|').collect();
        Words {
            activities: split(ACTIVITIES),
            actions: split(ACTIONS),
            complements: split(COMPLEMENTS),
            openers: split(OPENERS),
            extras: split(EXTRAS),
            first_f: split(FIRST_F),
            first_m: split(FIRST_M),
            surnames: split(SURNAMES),
        }
    }
}

/// « de » or « à » before a noun phrase with its article, repeated after « et » as French
/// requires (« de la stratégie et de la performance »).
pub fn with(prep: &str, np: &str) -> String {
    let parts: Vec<String> = np.split(" et ").map(|p| contract(prep, p)).collect();
    parts.join(" et ")
}

fn contract(prep: &str, p: &str) -> String {
    let de = prep == "de";
    let forms = [
        ("les ", "des ", "aux "),
        ("le ", "du ", "au "),
        ("la ", "de la ", "à la "),
        ("l'", "de l'", "à l'"),
    ];
    for (article, with_de, with_a) in forms {
        if let Some(rest) = p.strip_prefix(article) {
            return format!("{}{rest}", if de { with_de } else { with_a });
        }
    }
    // No article (« internationales » in « européennes et internationales »): nothing to add.
    p.to_string()
}

/// The kind's word, whether it is feminine, and its head's title (masculine, feminine).
pub fn vocab(kind: &UnitKind) -> (&'static str, bool, &'static str, &'static str) {
    let (word, feminine, titles) = match kind {
        UnitKind::SecretariatGeneral => (
            "Secrétariat général",
            false,
            "Secrétaire général|Secrétaire générale",
        ),
        UnitKind::Direction => ("Direction", true, "Directeur|Directrice"),
        UnitKind::Delegation => ("Délégation", true, "Délégué|Déléguée"),
        UnitKind::Service => ("Service", false, "Chef de service|Cheffe de service"),
        UnitKind::SousDirection => ("Sous-direction", true, "Sous-directeur|Sous-directrice"),
        UnitKind::Departement => (
            "Département",
            false,
            "Chef de département|Cheffe de département",
        ),
        UnitKind::Mission => ("Mission", true, "Chef de mission|Cheffe de mission"),
        UnitKind::Bureau => ("Bureau", false, "Chef de bureau|Cheffe de bureau"),
        UnitKind::Pole => ("Pôle", false, "Responsable de pôle|"),
        UnitKind::Cellule => ("Cellule", true, "Responsable de cellule|"),
        _ => ("Centre", false, "Directeur du centre|Directrice du centre"),
    };
    // "masculine|feminine", the feminine left empty when it is the same.
    let (m, f) = titles.split_once('|').unwrap_or((titles, ""));
    (word, feminine, m, if f.is_empty() { m } else { f })
}

pub fn kind_at(level: usize, rng: &mut Rng) -> UnitKind {
    use UnitKind::*;
    let choices: &[UnitKind] = match level {
        0 => &[SecretariatGeneral],
        1 => &[
            Direction, Direction, Direction, Delegation, Service, Mission,
        ],
        2 => &[SousDirection, SousDirection, Service, Departement, Mission],
        3 => &[Bureau, Bureau, Bureau, Departement, Pole, Mission],
        4 => &[Pole, Pole, Cellule, Cellule, Bureau],
        _ => &[Cellule, Cellule, Pole, Centre],
    };
    choices[rng.below(choices.len())].clone()
}

/// Initials of the meaningful words: « Sous-direction des affaires budgétaires » → « SDAB ».
pub fn acronym(name: &str) -> String {
    let small = [
        "de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "en",
    ];
    name.split([' ', '-', '\''])
        .filter(|w| w.chars().count() > 1 && !small.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .take(6)
        .collect()
}

/// One paragraph of 150 to 500 characters on `domains`; with a `subject` (« Le bureau »), it
/// opens the unit's missions.
pub fn paragraph(
    subject: Option<&str>,
    feminine: bool,
    domains: &[&str],
    w: &Words,
    rng: &mut Rng,
) -> String {
    let (il, cap, e) = if feminine {
        ("elle", "Elle", "e")
    } else {
        ("il", "Il", "")
    };
    let mut text = String::new();
    let mut len = 0;
    let target = rng.range(150, 380);
    let mut tries = 0;
    let mut opener = rng.below(w.openers.len());
    // Ten tries at a random sentence that keeps the paragraph under 500 characters, then the
    // short filler, which always fits since the paragraph is still under 380.
    while len < target {
        tries += 1;
        let start = match subject {
            Some(s) if text.is_empty() => format!("{s} "),
            _ => {
                // Never the same opener twice in a row (« En outre, … En outre, »).
                opener = (opener + 1 + rng.below(w.openers.len() - 1)) % w.openers.len();
                w.openers[opener].replace("{il}", il).replace("{Il}", cap)
            }
        };
        let sentence = if tries > 10 {
            format!("{start}{}", w.extras[w.extras.len() - 1])
        } else if text.is_empty() || rng.chance(0.6) {
            let action = rng.pick(&w.actions).replace("{e}", e);
            let domain = with("de", rng.pick(domains));
            format!("{start}{action} {domain}{}.", rng.pick(&w.complements))
        } else {
            format!("{start}{}", rng.pick(&w.extras))
        };
        let added = sentence.chars().count() + usize::from(!text.is_empty());
        if tries <= 10 && len + added > 500 {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence);
        len += added;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_join_with_the_right_spacing() {
        let w = Words::new();
        for c in &w.complements {
            assert!(
                c.is_empty() || c.starts_with(", ") || c.starts_with(' '),
                "{c:?}"
            );
        }
        assert_eq!(
            with("de", "la stratégie et la performance"),
            "de la stratégie et de la performance"
        );
        assert_eq!(
            with("à", "les affaires européennes et internationales"),
            "aux affaires européennes et internationales"
        );
        assert_eq!(acronym("Sous-direction des affaires budgétaires"), "SDAB");
    }
}
