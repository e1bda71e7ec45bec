//! The embedded sample structures against their source documents: every mission paragraph of
//! a source is, character for character, the text of some unit's mission in its sample, and
//! the samples keep the structure the sources describe.
//!
//! The paragraphs are copied here from the source documents (not read from disk) so that the
//! test depends on nothing outside the crate.

use organigramme::format::{self, Loaded};
use organigramme::model::{Organisation, Unit, UnitKind};
use organigramme::samples::SAMPLES;

fn load(file_name: &str) -> Loaded {
    let sample = SAMPLES
        .iter()
        .find(|s| s.file_name == file_name)
        .unwrap_or_else(|| panic!("no embedded sample named {file_name}"));
    format::load_bytes(sample.file_name, sample.text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

fn assert_missions_verbatim(file_name: &str, paragraphs: &[&str]) {
    let loaded = load(file_name);
    let texts: Vec<&str> = loaded
        .organisation
        .units
        .iter()
        .flat_map(|u| u.missions.iter().map(|m| m.text.as_str()))
        .collect();
    let missing: Vec<&str> = paragraphs
        .iter()
        .copied()
        .filter(|p| !texts.contains(p))
        .collect();
    assert!(
        missing.is_empty(),
        "{file_name}: {} paragraph(s) of the source are not the text of any mission:\n{missing:#?}",
        missing.len()
    );
}

fn unit<'a>(org: &'a Organisation, id: &str) -> &'a Unit {
    org.units
        .iter()
        .find(|u| u.id.as_str() == id)
        .unwrap_or_else(|| panic!("no unit with id {id}"))
}

fn parent_of(u: &Unit) -> Option<&str> {
    u.parent.as_ref().map(|p| p.as_str())
}

#[test]
fn every_sample_loads_without_errors() {
    assert_eq!(SAMPLES.len(), 4);
    for sample in SAMPLES {
        let loaded = load(sample.file_name);
        assert!(
            !loaded.organisation.units.is_empty(),
            "{}: no units",
            sample.file_name
        );
        let roots = loaded
            .organisation
            .units
            .iter()
            .filter(|u| u.parent.is_none())
            .count();
        assert_eq!(
            roots, 1,
            "{}: expected a single root unit",
            sample.file_name
        );
    }
}

#[test]
fn samples_are_in_canonical_form() {
    for sample in SAMPLES {
        let loaded = load(sample.file_name);
        assert!(
            format::to_string(&loaded.organisation) == sample.text,
            "sample_orgs/{} is not in canonical form: run `cargo run -- fmt sample_orgs/*.ron`",
            sample.file_name
        );
    }
}

#[test]
fn decree_000_is_in_sgmas() {
    assert_missions_verbatim("sgmas.ron", DECREE_000);
}

#[test]
fn presentation_002_is_in_sgmas() {
    assert_missions_verbatim("sgmas.ron", PRESENTATION_002);
}

#[test]
fn arrete_001_is_in_dgos() {
    assert_missions_verbatim("dgos-strategie-ressources.ron", ARRETE_001);
}

#[test]
fn paris_003_is_in_paris() {
    assert_missions_verbatim("paris-secretariat-general.ron", PARIS_003);
}

#[test]
fn insee_004_is_in_insee() {
    assert_missions_verbatim("insee-secretariat-general.ron", INSEE_004);
}

#[test]
fn sgmas_is_the_secretariat_and_its_seven_poles() {
    let org = load("sgmas.ron").organisation;
    assert_eq!(org.units.len(), 8);
    let root = unit(&org, "sg");
    assert_eq!(root.kind, UnitKind::SecretariatGeneral);
    assert_eq!(root.head.title, "Secrétaire général");
    assert!(
        root.head.name.is_empty(),
        "the sources do not name the secrétaire général"
    );
    let poles: Vec<&Unit> = org
        .units
        .iter()
        .filter(|u| parent_of(u) == Some("sg"))
        .collect();
    assert_eq!(poles.len(), 7);
    let kind_of = |name: &str| &poles.iter().find(|u| u.name == name).expect(name).kind;
    assert_eq!(
        kind_of("Délégation générale aux ressources humaines"),
        &UnitKind::DelegationGenerale
    );
    assert_eq!(
        kind_of("Service du pilotage et de la performance"),
        &UnitKind::Service
    );
    assert_eq!(
        kind_of("Délégation à la communication"),
        &UnitKind::Delegation
    );
}

#[test]
fn sgmas_keeps_both_founding_decrees_with_their_sources() {
    let org = load("sgmas.ron").organisation;
    for reference in [
        "Décret n° 2013-727 du 12 août 2013",
        "Décret n° 2012-1246 du 7 novembre 2012",
    ] {
        let text = org
            .legal_texts
            .iter()
            .find(|t| t.reference == reference)
            .unwrap_or_else(|| panic!("{reference} is missing from the legal texts"));
        assert!(
            !text.source.is_empty(),
            "{reference}: which section states it?"
        );
    }
    let numbers: Vec<&str> = org
        .budget_programmes
        .iter()
        .map(|b| b.number.as_str())
        .collect();
    assert_eq!(numbers, ["124", "129", "", ""]);
}

#[test]
fn paris_has_its_four_meetings_and_their_cadences() {
    let org = load("paris-secretariat-general.ron").organisation;
    assert_eq!(org.bodies.len(), 4);
    let cadences: Vec<&str> = org.bodies.iter().map(|b| b.cadence.as_str()).collect();
    for cadence in ["tous les quinze jours", "hebdomadaire", "mensuelle"] {
        assert!(
            cadences.contains(&cadence),
            "no body meets « {cadence} »: {cadences:?}"
        );
    }
    let cds = org
        .bodies
        .iter()
        .find(|b| b.cadence == "tous les quinze jours")
        .unwrap();
    assert_eq!(cds.chair.as_ref().map(|c| c.as_str()), Some("sg"));
    let headcount = org
        .headcount
        .as_ref()
        .expect("the 232 agents au 31 mars 2009");
    assert_eq!(
        (headcount.count, headcount.date.as_str()),
        (232, "31 mars 2009")
    );
    let root = unit(&org, "sg");
    assert_eq!(root.head.title, "Secrétaire générale");
    let attached = org
        .units
        .iter()
        .filter(|u| parent_of(u) == Some("sg"))
        .count();
    assert_eq!(
        attached,
        1 + 4 + 6,
        "cœur de métier, four délégations générales, six missions"
    );
}

#[test]
fn insee_centre_belongs_to_the_programmation_department() {
    let org = load("insee-secretariat-general.ron").organisation;
    let centre = org
        .units
        .iter()
        .find(|u| u.kind == UnitKind::Centre)
        .expect("the centre de prestations financières");
    let parent = unit(&org, parent_of(centre).expect("the centre has a parent"));
    assert_eq!(
        parent.name,
        "Département de la programmation et de la gestion"
    );
    assert_eq!(parent.kind, UnitKind::Departement);
    assert_eq!(parent_of(parent), Some("sg"));
    let departments = org
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Departement)
        .count();
    assert_eq!(departments, 5);
}

/// Seed 000: the décret, article 2 (secrétaire général des ministères chargés des affaires sociales).
const DECREE_000: &[&str] = &[
    "I. ― Le secrétaire général anime et coordonne l'action de l'ensemble des directions et services des ministères et participe au pilotage des établissements qui en relèvent. A ce titre, il préside les comités des directeurs.",
    "En liaison avec les directions et services compétents, il participe aux réflexions stratégiques sur les missions, l'organisation et les activités des ministères et de leurs établissements.",
    "Il propose et conduit, en lien avec les services et directions concernés, la mise en œuvre des actions de modernisation. Il est notamment chargé de mettre en œuvre, pour les ministères chargés des affaires sociales, les politiques interministérielles de réforme de l'Etat. Il préside le comité stratégique de maîtrise des risques.",
    "Le secrétaire général élabore, en concertation avec les directions et services, les principes généraux de gestion des ressources humaines, de développement, de valorisation et de diversification des compétences. Il peut présider, en qualité de représentant des ministres, les instances représentatives du personnel. Il est chargé de la politique et du suivi de l'encadrement supérieur.",
    "Le secrétaire général contribue à la définition des orientations stratégiques en matière d'évaluation de la performance et du contrôle de gestion dans l'ensemble des services centraux et territoriaux ainsi que dans les agences et établissements relevant des ministères chargés des affaires sociales.",
    "Il a également la responsabilité des missions de défense et de sécurité des ministères définies par les articles R. 1143-1 à R. 1143-8 du code de la défense.",
    "II. ― Le secrétaire général assiste les ministres pour le pilotage et la coordination de l'organisation du système de santé et de prise en charge médico-sociale, en exerçant les attributions qui lui sont assignées, au titre du pilotage national des agences régionales de santé, par les articles D. 1433-1 et D. 1433-8 du code de la santé publique pour veiller notamment à la cohérence de la mise en œuvre territoriale des politiques publiques sanitaires et sociales.",
    "Il coordonne, à cet effet, l'action des services et des établissements concernés de l'Etat ainsi que leurs relations avec l'assurance maladie en matière de politique de santé, d'organisation et de régulation du système de santé et de prise en charge médico-sociale.",
];

/// Seed 001: the arrêté, article 2 (DGOS, département « stratégie et ressources »), parts I and II.
const ARRETE_001: &[&str] = &[
    "I. - Le département « stratégie et ressources » assure le secrétariat du comité stratégique et lui propose un programme de travail. Il est chargé des actions de coopération internationale.",
    "Il anime le processus d'élaboration des contrats d'objectifs et de performance des opérateurs relevant de la direction générale et assure le suivi de leur réalisation.",
    "Il est responsable des relations de la direction générale avec les usagers et leurs associations. Il contribue à leur information et à la transparence de l'offre de soins. Il s'assure du concours de la direction à la conception et à l'évaluation des plans de santé publique, en lien avec la direction générale de la santé.",
    "Il assure, en liaison avec la direction des ressources humaines et la direction des affaires financières, juridiques et des services du ministère chargé de la santé, la coordination administrative de la direction générale et, principalement, la gestion des ressources humaines, du budget, de la logistique, de l'informatique, de la documentation et du courrier.",
    "Il coordonne, en liaison avec la direction des affaires financières, juridiques et des services du ministère chargé de la santé, l'élaboration, l'exécution et le suivi de la loi de finances au sein de la direction générale.",
    "Il organise les relations avec le cabinet du ministre chargé de la santé et avec le secrétaire général des ministères chargés des affaires sociales et appuie le directeur général notamment dans le cadre de ses relations avec l'ensemble des acteurs du système de santé.",
    "Il conçoit et anime la communication interne et externe de la direction générale.",
    "― une mission chargée de la stratégie, de la veille, de la prospective, des relations internationales et du pilotage des opérateurs ;",
    "― une mission chargée des usagers de l'offre de soins ;",
    "― une mission de l'administration générale ;",
    "― une mission chargée des affaires réservées et de la communication.",
];

/// Seed 002: the presentation of the SGMAS: missions principales, rôle et compétences, the
/// seven poles (text after the colon), attributions du secrétaire général, services déconcentrés.
const PRESENTATION_002: &[&str] = &[
    "Assurer les fonctions support transversales (RH, budget, informatique, juridique, communication)",
    "Piloter la modernisation et la transformation de l'administration",
    "Conduire la transformation numérique des ministères sociaux",
    "Coordonner la politique immobilière et la gestion des achats",
    "Assurer le pilotage de la performance et le contrôle de gestion",
    "Animer le réseau des services déconcentrés (DREETS, DDETS, DDETSPP)",
    "Le SGMAS assure l'ensemble des fonctions support nécessaires au bon fonctionnement des ministères sociaux :",
    "Ressources humaines : Gestion des carrières, recrutement, formation, mobilité des agents de l'administration centrale",
    "Gestion budgétaire et financière : Élaboration et exécution des budgets, contrôle de gestion",
    "Affaires juridiques : Conseil juridique, contentieux, sécurité juridique des actes",
    "Communication : Coordination de la communication interministérielle",
    "Logistique et services généraux : Gestion immobilière, accueil, sécurité des sites",
    "Achats : Coordination de la politique d'achat et des marchés publics",
    "Le SGMAS pilote la transformation numérique des ministères sociaux à travers :",
    "Pilotage des systèmes d'information : Schéma directeur du numérique, architecture des SI",
    "Systèmes d'information interministériels : SI-VIC (gestion des situations sanitaires exceptionnelles), portails usagers (solidarites.gouv.fr, travail-emploi.gouv.fr)",
    "Innovation numérique : Promotion de l'intelligence artificielle, open data, dématérialisation",
    "Cybersécurité : Protection des données et sécurité des systèmes d'information",
    "Accompagnement à la transformation : Conduite du changement, formation au numérique",
    "Transformation numérique : Le SGMAS pilote la feuille de route numérique des ministères sociaux, incluant le développement de services en ligne pour les usagers et la modernisation des outils métiers des agents.",
    "Le SGMAS assure le pilotage stratégique de la performance des ministères sociaux :",
    "Élaboration et suivi des projets annuels de performance (PAP)",
    "Définition et suivi des indicateurs de performance",
    "Coordination des audits et évaluations",
    "Accompagnement à la modernisation des politiques publiques",
    "Gestion des projets transversaux de simplification administrative",
    "Le SGMAS coordonne l'action du réseau des services déconcentrés :",
    "DREETS (Directions Régionales de l'Économie, de l'Emploi, du Travail et des Solidarités) au niveau régional",
    "DDETS et DDETSPP (Directions Départementales de l'Emploi, du Travail et des Solidarités / et de la Protection des Populations) au niveau départemental",
    "Animation de réseaux métiers nationaux",
    "Diffusion de bonnes pratiques et méthodes de travail",
    "Gestion RH, recrutement, formation",
    "Transformation numérique, systèmes d'information",
    "Contrôle de gestion, audit, performance",
    "Budget, finances, achats, logistique",
    "Conseil juridique, contentieux",
    "Communication interministérielle",
    "Réseau déconcentré",
    "Les attributions du secrétaire général sont définies par décret et comprennent notamment :",
    "La coordination et l'animation des services centraux des ministères",
    "L'organisation et le pilotage des systèmes d'information",
    "La gestion des ressources humaines, budgétaires et logistiques",
    "L'animation du réseau des services déconcentrés",
    "La modernisation de l'administration et la transformation numérique",
    "Le SGMAS anime le réseau des DREETS (Directions Régionales de l'Économie, de l'Emploi, du Travail et des Solidarités) et des DDETS / DDETSPP (Directions Départementales de l'Emploi, du Travail et des Solidarités / et de la Protection des Populations), qui assurent la mise en oeuvre territoriale des politiques sociales.",
];

/// Seed 003: the Ville de Paris page: introduction and sections 1 to 3, one paragraph a line
/// (bullets without their "- " marker).
const PARIS_003: &[&str] = &[
    "Le Secrétariat général a pour mission de veiller à la mise en oeuvre coordonnée des orientations politiques définies par le Maire de Paris et l’Exécutif municipal. Il assure, pour cela, un rôle de pilotage de l’action administrative et d'animation de l'ensemble des directions de la Ville de Paris.",
    "1. Mettre en œuvre les orientations politiques définies par le Maire de Paris et l’exécutif municipal",
    "Le Secrétariat général a pour première mission de conduire la mise en œuvre opérationnelle par l’administration parisienne des orientations politiques définies par le Maire de Paris- Président du Conseil Général, par les 37 adjoints de l’Exécutif Municipal, chacun pour ce qui concerne sa délégation, en concertation avec les 20 Maires d’arrondissement.",
    "Dans l’exercice de cette mission, il soumet au Maire de Paris diverses modalités de mise en œuvre d’une orientation politique en préconisant un scénario, pour choix et arbitrage, après que l’avis des Adjoints concernés et des Maires d’arrondissement ait été exprimé.",
    "2. Piloter l’action administrative",
    "Piloter l’action administrative implique de remettre en perspective, de veiller à la cohérence d’ensemble, de coordonner les différents acteurs et d’anticiper les éventuels risques inhérents à toute action.",
    "Le rôle de pilotage du Secrétariat général repose d’abord sur la remontée périodique d’informations\u{a0} concernant :",
    "Les grands indicateurs nationaux, franciliens et parisiens décrivant la situation économique et sociale. \u{a0} Exemples : l’évolution du taux de croissance nationale, du nombre des bénéficiaires au RSA à Paris, du taux de remplissage des hôtels parisiens, …",
    "Les grandes données concernant les ressources humaines, les finances et la responsabilité sociale et écologique de la collectivité parisienne,",
    "Exemples : l’évolution de la masse salariale, le taux d’accidents du travail, le recrutement de travailleurs handicapés, l’évolution des droits de mutation, celle des différents types de pollution sur Paris, …",
    "Les principales informations concernant la mise en œuvre des engagements de mandature et des projets de modernisation,",
    "Exemples : projet des Halles ou d’Autolib, mise en œuvre des CSP comptables, …",
    "Cette remontée d’informations pertinentes en provenance des directions permet une meilleure capacité d’anticipation collective :",
    "à quinze jours, pour la conduite opérationnelle de l’activité administrative ;",
    "à trois mois, pour la prévision des délibérations qui devront être proposées au vote des élus du Conseil de Paris ;",
    "sur la durée des projets, pour les projets de mandature et pour les projets de modernisation. Le Secrétariat général s’appuie en ce domaine sur un réseau identifié de chefs de projets transverses.",
    "Le pilotage administratif de la collectivité parisienne s’appuiera de façon croissante sur un système d’analyse et de prévention des risques actuellement en construction.",
    "3. Animer les équipes",
    "Le Secrétariat général joue un rôle direct d’animation de l’équipe de direction, et au-delà d’information des cadres de la collectivité, via différentes instances :",
    "Les Comités de Direction des Services (CDS)\u{a0} réunissent, tous les quinze jours, les directrices(eurs) de la Ville, ainsi que les secrétaires généraux délégué et adjoints (te), sous la présidence de la Secrétaire générale. Le CDS est un moment d’échange et de réflexion collective et un moment d’ouverture sur l’extérieur, grâce à l’intervention de personnalités invitées.\u{a0}",
    "Les réunions hebdomadaires de pôle, impliquant les directrices(eurs) d’un même pôle avec leur secrétaire général (e) adjoint (te) ou délégué correspondant, sont des lieux de pilotage, de partage d’expériences et de conduite de projets transversaux.",
    "La réunion des chargés de mission réunit tous les mois la Secrétaire générale et l’ensemble des chargés de mission des Secrétaires généraux délégué ou adjoints. L’objet de ces réunions est de partager l’information et de travailler la transversalité de l’équipe.",
    "Le Secrétariat général réunit régulièrement à l’auditorium les cadres supérieurs pour partager les informations utiles à l’exercice des fonctions d’encadrement.",
    "Enfin, le Secrétariat général pilote la communication interne et en définit la stratégie générale. Cette communication interne est ensuite portée par les directrices(eurs) et tous ceux qui sont en charge d’une équipe.",
    "L’ensemble de ces fonctions est porté par le Secrétariat général « cœur de métier », qui se compose d’une cinquantaine d’agents.",
];

/// Seed 004: the décret, article 3 (INSEE): the secrétariat général, its five departments and
/// the centre de prestations financières.
const INSEE_004: &[&str] = &[
    "Le secrétariat général prépare et met en oeuvre les programmes d'action relatifs à la politique du personnel, au développement et à l'emploi des moyens. Il organise les procédures de programmation et de gestion de l'INSEE et gère l'ensemble des moyens. Il coordonne les relations avec les organisations syndicales.",
    "Le département de la programmation et de la gestion prévoit les ressources, notamment budgétaires, et leurs emplois, prépare les arbitrages de répartition, met en place les ressources et en suit l'emploi à court terme et de façon rétrospective et assure la comptabilité générale de l'INSEE ; il élabore le programme triennal de travail et en suit l'exécution ; il assure le suivi de la performance budgétaire et le contrôle de gestion ; il comprend le centre de prestations financières de l'INSEE, chargé d'assurer des activités financières pour le compte de l'ensemble des services centraux et en région de la direction générale.",
    "Le département des ressources humaines propose et applique les orientations de la politique et de la gestion de personnel de l'INSEE, élabore et met en oeuvre les actions de mise en valeur des ressources humaines, de formation des personnels et d'information interne.",
    "Le département des services généraux assure, d'une part, pour le compte de l'ensemble des services centraux et en région de l'INSEE, la gestion du parc immobilier, les achats centralisés de matériels, de mobiliers et de prestations de services, en liaison avec le service des achats de l'Etat, ainsi que le suivi des conditions de travail, et, d'autre part, pour les seuls services centraux, l'appui logistique et les activités de service social.",
    "Le département de l'informatique élabore, propose et met en oeuvre la politique informatique de l'INSEE, en ce qui concerne les matériels, les réseaux et les logiciels ; il assure la gestion particulière des personnels affectés au traitement automatisé de l'information, la préparation et le suivi du plan de charge des centres nationaux informatiques.",
    "Le département de l'organisation des méthodes de la production organise les travaux de production statistique, en particulier les grandes opérations, étudie les questions techniques posées par la collecte et l'élaboration des données, fait évoluer les postes de travail et plus généralement propose des améliorations des conditions de travail.",
    "chargé d'assurer des activités financières pour le compte de l'ensemble des services centraux et en région de la direction générale",
];
