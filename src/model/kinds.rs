//! The closed vocabularies of the model, each with an escape hatch (`Other`) that carries the
//! user's own label.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

macro_rules! kinds {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($fr:literal, $en:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            #[default]
            $($variant,)+
            /// A kind the list does not have, with its label.
            Other(String),
        }

        impl $name {
            /// Every named kind, in the order menus show them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(&self, lang: Lang) -> &str {
                match (self, lang) {
                    $(($name::$variant, Lang::Fr) => $fr,
                      ($name::$variant, Lang::En) => $en,)+
                    ($name::Other(label), _) => label,
                }
            }

            /// The user's own label of an `Other` kind; `None` for a kind of the list.
            pub fn other_label(&self) -> Option<&str> {
                match self {
                    $name::Other(label) => Some(label),
                    _ => None,
                }
            }

            /// Position in `ALL`; `Other` comes after every named kind.
            pub fn rank(&self) -> usize {
                Self::ALL.iter().position(|k| k == self).unwrap_or(Self::ALL.len())
            }
        }
    };
}

kinds!(
    /// What a unit of the hierarchy is; drives its colour on the chart.
    UnitKind {
        SecretariatGeneral => ("Secrétariat général", "General secretariat"),
        DelegationGenerale => ("Délégation générale", "General delegation"),
        Delegation => ("Délégation", "Delegation"),
        Direction => ("Direction", "Directorate"),
        Service => ("Service", "Service"),
        SousDirection => ("Sous-direction", "Sub-directorate"),
        Departement => ("Département", "Department"),
        Division => ("Division", "Division"),
        Cabinet => ("Cabinet", "Private office"),
        Mission => ("Mission", "Mission"),
        Pole => ("Pôle", "Pole"),
        Bureau => ("Bureau", "Office"),
        Section => ("Section", "Section"),
        Cellule => ("Cellule", "Unit"),
        Centre => ("Centre", "Centre"),
    }
);

kinds!(
    /// What kind of coordination body.
    BodyKind {
        Comite => ("Comité", "Committee"),
        Conference => ("Conférence", "Conference"),
        Reunion => ("Réunion", "Meeting"),
        Instance => ("Instance", "Board"),
    }
);

kinds!(
    /// The nature of a functional link.
    RelationKind {
        EnLiaisonAvec => ("En liaison avec", "In liaison with"),
        Coordination => ("Coordination", "Coordination"),
        AnimationReseau => ("Animation de réseau", "Network leadership"),
        Pilotage => ("Tutelle / pilotage", "Oversight"),
        Support => ("Support", "Support"),
    }
);

kinds!(
    /// What an outside entity is.
    EntityKind {
        Direction => ("Direction", "Directorate"),
        Cabinet => ("Cabinet", "Minister's office"),
        Agence => ("Agence", "Agency"),
        Operateur => ("Opérateur", "Public body"),
        ServiceDeconcentre => ("Service déconcentré", "Regional service"),
        Ministere => ("Ministère", "Ministry"),
        Partenaire => ("Partenaire", "Partner"),
    }
);
