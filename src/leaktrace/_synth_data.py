"""Static reference tables for :mod:`leaktrace.synth` (synthetic data only).

Nothing here comes from the leaked file: these are public, generic French values
(real communes and postcodes, common street names, usual lab exams, well-known
insurers) used to make synthetic rows look plausible.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BIRTH_COUNTRIES",
    "CITIES",
    "COMMENTS_COVID",
    "COMMENTS_FEMALE",
    "COMMENTS_GENERAL",
    "COMMENT_FOLLOW_UPS",
    "EMAIL_DOMAINS",
    "EXAMS",
    "EXTRA_LAST_NAMES",
    "INSURERS",
    "STREETS",
]

# (city, postcode, department, weight, landline first digit after the 0).
# Weighted towards Brittany and Centre-Val de Loire, where the affected labs were.
CITIES: Final[tuple[tuple[str, str, str, int, str], ...]] = (
    ("Rennes", "35000", "35", 30, "2"),
    ("Saint-Malo", "35400", "35", 10, "2"),
    ("Fougères", "35300", "35", 6, "2"),
    ("Vitré", "35500", "35", 5, "2"),
    ("Redon", "35600", "35", 4, "2"),
    ("Brest", "29200", "29", 20, "2"),
    ("Quimper", "29000", "29", 14, "2"),
    ("Morlaix", "29600", "29", 6, "2"),
    ("Concarneau", "29900", "29", 5, "2"),
    ("Lorient", "56100", "56", 12, "2"),
    ("Vannes", "56000", "56", 12, "2"),
    ("Pontivy", "56300", "56", 5, "2"),
    ("Saint-Brieuc", "22000", "22", 10, "2"),
    ("Lannion", "22300", "22", 6, "2"),
    ("Dinan", "22100", "22", 5, "2"),
    ("Guingamp", "22200", "22", 4, "2"),
    ("Orléans", "45000", "45", 20, "2"),
    ("Montargis", "45200", "45", 6, "2"),
    ("Pithiviers", "45300", "45", 3, "2"),
    ("Gien", "45500", "45", 3, "2"),
    ("Blois", "41000", "41", 10, "2"),
    ("Vendôme", "41100", "41", 4, "2"),
    ("Romorantin-Lanthenay", "41200", "41", 4, "2"),
    ("Tours", "37000", "37", 12, "2"),
    ("Chartres", "28000", "28", 8, "2"),
    ("Dreux", "28100", "28", 5, "2"),
    ("Châteaudun", "28200", "28", 3, "2"),
    ("Évreux", "27000", "27", 7, "2"),
    ("Vernon", "27200", "27", 4, "2"),
    ("Louviers", "27400", "27", 3, "2"),
    ("Nantes", "44000", "44", 10, "2"),
    ("Le Mans", "72000", "72", 6, "2"),
    ("Angers", "49000", "49", 5, "2"),
    ("Caen", "14000", "14", 5, "2"),
    ("Paris", "75011", "75", 4, "1"),
    ("Paris", "75015", "75", 4, "1"),
    ("Versailles", "78000", "78", 2, "1"),
    ("Lille", "59000", "59", 2, "3"),
    ("Laon", "02000", "02", 1, "3"),
    ("Charleville-Mézières", "08000", "08", 1, "3"),
    ("Lyon", "69003", "69", 2, "4"),
    ("Nice", "06000", "06", 1, "4"),
    ("Annonay", "07100", "07", 1, "4"),
    ("Bourg-en-Bresse", "01000", "01", 1, "4"),
    ("Ajaccio", "20000", "2A", 1, "4"),
    ("Bastia", "20200", "2B", 1, "4"),
    ("Bordeaux", "33000", "33", 2, "5"),
    ("Toulouse", "31000", "31", 2, "5"),
    ("Montluçon", "03100", "03", 1, "4"),
    ("Foix", "09000", "09", 1, "5"),
)

# INSEE country codes used in NIRs of people born abroad (department "99").
BIRTH_COUNTRIES: Final[tuple[str, ...]] = (
    "350",  # Maroc
    "352",  # Algérie
    "351",  # Tunisie
    "139",  # Portugal
    "127",  # Italie
    "134",  # Espagne
    "109",  # Allemagne
    "131",  # Belgique
    "132",  # Royaume-Uni
    "208",  # Turquie
)

EXTRA_LAST_NAMES: Final[tuple[str, ...]] = (
    "Le Bihan",
    "Le Floch",
    "Le Corre",
    "Le Guen",
    "Le Meur",
    "Le Berre",
    "Tanguy",
    "Guillou",
    "Morvan",
    "Quéré",
    "Kerléo",
    "Jaouen",
    "Le Hénaff",
    "Nédélec",
    "Cadiou",
    "L'Hôtellier",
    "D'Arvor",
    "Prigent",
    "Riou",
    "Le Gac",
)

STREETS: Final[tuple[str, ...]] = (
    "rue de la République",
    "avenue Jean Jaurès",
    "rue Victor Hugo",
    "rue Pasteur",
    "boulevard Gambetta",
    "place de l'Église",
    "rue du Général de Gaulle",
    "allée des Tilleuls",
    "impasse des Lilas",
    "chemin du Moulin",
    "route de Nantes",
    "rue de Brest",
    "rue des Écoles",
    "rue de la Gare",
    "avenue de la Libération",
    "rue Jules Ferry",
    "rue de Verdun",
    "rue du Stade",
    "résidence Les Pins",
    "rue Anatole France",
    "quai de la Loire",
    "rue Saint-Michel",
    "boulevard de la Tour d'Auvergne",
    "rue de Paris",
    "lieu-dit Kerbastard",
    "lieu-dit Kervénan",
    "hameau de la Croix",
    "rue des Champs",
    "avenue du Maréchal Foch",
    "rue Émile Zola",
)

# (exam, weight, constraint): constraint is "" (anyone), "F15-50", "F15-45",
# "M45+" or "covid" / "covid-sero" (only after the start of the pandemic).
EXAMS: Final[tuple[tuple[str, int, str], ...]] = (
    ("NFS", 10, ""),
    ("Bilan lipidique", 8, ""),
    ("Glycémie à jeun", 7, ""),
    ("HbA1c", 6, ""),
    ("TSH", 6, ""),
    ("Créatinine", 6, ""),
    ("CRP", 5, ""),
    ("Bilan hépatique", 5, ""),
    ("Ferritine", 4, ""),
    ("Vitamine D", 4, ""),
    ("ECBU", 4, ""),
    ("INR", 3, ""),
    ("Ionogramme sanguin", 3, ""),
    ("Bilan martial", 2, ""),
    ("Sérologie VIH", 2, ""),
    ("Sérologie hépatite B", 1, ""),
    ("Groupe sanguin", 1, ""),
    ("NFS + CRP", 2, ""),
    ("Beta HCG", 4, "F15-50"),
    ("Sérologie toxoplasmose", 2, "F15-45"),
    ("PSA", 4, "M45+"),
    ("PCR SARS-CoV-2", 12, "covid"),
    ("Sérologie SARS-CoV-2", 3, "covid-sero"),
)

COMMENTS_GENERAL: Final[tuple[str, ...]] = (
    "Patient sous anticoagulants",
    "Diabète type 2 suivi",
    "Allergie pénicilline",
    "Patient à jeun",
    "Patient non à jeun",
    "Prélèvement à domicile",
    "Hypertension artérielle traitée",
    "Contrôle dans 3 mois",
    "Traitement par Levothyrox",
    "Insuffisance rénale chronique",
    "Sous statines",
    "Sous AVK, INR cible 2-3",
    "Chimiothérapie en cours",
    "Suivi post-opératoire",
    "Asthme",
    "Hémolyse, à reprélever",
    "Patient malentendant, prévenir par SMS",
    "Résultats à faxer au médecin traitant",
    "Bilan pré-opératoire",
    "Dialysé le mardi et le vendredi",
)

# "{sa}" is replaced by a pregnancy term in weeks (semaines d'aménorrhée).
COMMENTS_FEMALE: Final[tuple[str, ...]] = (
    "Grossesse {sa} SA",
    "Suivi de grossesse",
    "Sous contraception orale",
    "Ménopause",
)

COMMENTS_COVID: Final[tuple[str, ...]] = (
    "Cas contact",
    "Symptômes depuis 3 jours",
    "Fièvre, toux",
    "Dépistage avant voyage",
    "Dépistage avant hospitalisation",
    "Asymptomatique",
)

COMMENT_FOLLOW_UPS: Final[tuple[str, ...]] = (
    "Urgent",
    "Rappeler le patient",
    "Résultat transmis par téléphone",
    "A recontrôler dans 15 jours",
    "Voir ordonnance jointe",
    "Tube coagulé, à refaire",
)

INSURERS: Final[tuple[tuple[str, int], ...]] = (
    ("CPAM", 30),
    ("MGEN", 8),
    ("Harmonie Mutuelle", 8),
    ("MAAF", 4),
    ("Malakoff Humanis", 5),
    ("AG2R La Mondiale", 5),
    ("MACIF", 4),
    ("Groupama", 4),
    ("La Mutuelle Générale", 3),
    ("AXA", 3),
    ("Allianz", 2),
    ("MAIF", 2),
    ("Apivia", 2),
    ("Swiss Life", 1),
    ("Complémentaire santé solidaire", 4),
    ("MSA", 3),
)

EMAIL_DOMAINS: Final[tuple[tuple[str, int], ...]] = (
    ("gmail.com", 30),
    ("orange.fr", 18),
    ("hotmail.fr", 10),
    ("free.fr", 8),
    ("wanadoo.fr", 7),
    ("laposte.net", 6),
    ("sfr.fr", 5),
    ("yahoo.fr", 5),
    ("outlook.fr", 4),
    ("neuf.fr", 2),
    ("live.fr", 2),
    ("icloud.com", 2),
    ("bbox.fr", 1),
)
