//! The structures of the source documents, built into the binary: they open without any file
//! on disk and the first one is the document a new window shows.

pub struct Sample {
    pub file_name: &'static str,
    pub title: &'static str,
    pub text: &'static str,
}

pub const SAMPLES: &[Sample] = &[
    Sample {
        file_name: "sgmas.ron",
        title: "Secrétariat général des ministères chargés des affaires sociales",
        text: include_str!("../sample_orgs/sgmas.ron"),
    },
    Sample {
        file_name: "dgos-strategie-ressources.ron",
        title: "DGOS – département « stratégie et ressources »",
        text: include_str!("../sample_orgs/dgos-strategie-ressources.ron"),
    },
    Sample {
        file_name: "paris-secretariat-general.ron",
        title: "Ville de Paris – Secrétariat général",
        text: include_str!("../sample_orgs/paris-secretariat-general.ron"),
    },
    Sample {
        file_name: "insee-secretariat-general.ron",
        title: "INSEE – Secrétariat général",
        text: include_str!("../sample_orgs/insee-secretariat-general.ron"),
    },
];

/// The document a new window opens on.
pub fn default_sample() -> &'static Sample {
    &SAMPLES[0]
}
