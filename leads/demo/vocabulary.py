"""Word lists for the demo data: people, places and what customers write.

Quebec dealerships mostly meet French names, Ontario ones English names;
cities carry their real postal code prefixes (FSA) and area codes.
"""

import unicodedata
from typing import NamedTuple


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines())


def ascii_slug(text: str) -> str:
    """ "Marie-Ève St-Pierre" -> "marieevestpierre", for emails and domains."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in folded.lower() if char.isalnum())


FRENCH_MALE = words("""
    Jean Pierre Marc Luc Michel Stéphane Sylvain Éric Martin François Mathieu
    Alexandre Simon Guillaume Maxime Olivier Félix William Samuel Gabriel Louis
    Antoine Philippe Benoît Yves Gilles Normand Réjean Denis Jacques Patrice
    Sébastien Nicolas Vincent Jérôme Hugo Thomas Charles Étienne Jonathan Kevin
    Dominic Frédéric Raphaël Émile Jacob Xavier Marc-André Jean-François
    Pierre-Luc Mario Serge Daniel Alain Richard
""")
FRENCH_FEMALE = words("""
    Marie Julie Isabelle Nathalie Sylvie Chantal Josée Manon Johanne Lucie
    Geneviève Mélanie Catherine Stéphanie Valérie Karine Annie Caroline Émilie
    Audrey Camille Léa Chloé Rosalie Sarah Laurence Jade Florence Alice
    Charlotte Marie-Ève Marie-Claude Anne-Marie Véronique Sophie France Diane
    Louise Ginette Francine Nancy Maude Andréanne Gabrielle Justine Noémie
    Élodie Ariane Joannie Danielle Martine Hélène
""")
FRENCH_LAST = words("""
    Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet
    Pelletier Bélanger Lévesque Bergeron Leblanc Paquette Girard Simard Boucher
    Caron Beaulieu Cloutier Dubé Poirier Fournier Lapointe Leclerc Lefebvre
    Poulin Thibault St-Pierre Nadeau Martin Landry Martel Bédard Grenier Lessard
    Bernier Richard Michaud Hébert Desjardins Couture Turcotte Lachance Parent
    Blais Gosselin Savard Proulx Beaudoin Demers Perreault Boudreau Lemieux Cyr
    Perron Dufour Dion Mercier Bolduc Bérubé Boisvert Langlois Ménard Labelle
    Deschênes Vachon Thériault Charbonneau Dumont Brassard Rioux Gingras Audet
    Jean-Baptiste Pierre-Louis Haddad Nguyen Rossi Benali Tessier Vaillancourt
""")
ENGLISH_MALE = words("""
    James John Robert Michael David William Richard Thomas Daniel Matthew
    Christopher Andrew Ryan Kevin Brian Jason Mark Steven Paul Scott Tyler
    Brandon Justin Jordan Ethan Liam Noah Owen Lucas Benjamin Nathan Connor
    Dylan Adam Patrick Sean Graham Colin Derek Gary Raj Arjun Wei Hassan Omar
    Mohammed Jamal Carlos Marco Aiden Gordon Douglas Trevor
""")
ENGLISH_FEMALE = words("""
    Mary Jennifer Sarah Jessica Emily Emma Olivia Ava Sophia Hannah Megan Rachel
    Lauren Ashley Amanda Stephanie Nicole Michelle Karen Linda Susan Lisa
    Heather Kelly Laura Amy Rebecca Samantha Chloe Grace Madison Abigail
    Victoria Natalie Kayla Brittany Priya Anjali Mei Fatima Aisha Maria Ana
    Julia Claire Erin Shannon Tracy Wendy Deborah Janet Kathleen
""")
ENGLISH_LAST = words("""
    Smith Brown Wilson MacDonald Taylor Campbell Anderson Jones Williams
    Thompson Johnson White Stewart Robinson Clark Wright Scott Walker Young
    Mitchell Roberts Murray Reid Ross Miller Morrison Wong Lee Singh Patel
    Nguyen Chen Li Kim Khan Ali Rossi Santos Kowalski Fraser Graham Hamilton
    Kennedy McLean Henderson Davidson Sinclair Gill Sharma Chan Leung Baker
    Cooper Evans Hughes King Lewis Martin Moore Murphy O'Brien Kelly Ryan
    Sullivan Walsh Boyd Grant Hill Bell Ward Cook Harris Jackson Turner Parker
    Collins Edwards Bennett Wood Russell Gray Fisher Dhillon Grewal Ahmed
    Hussain Ferreira Costa Nowak Zhang Wang Liu Tran Murdoch Paterson
""")


class City(NamedTuple):
    name: str
    weight: int
    postal_prefixes: tuple[str, ...]  # forward sortation areas
    area_codes: tuple[str, ...]


# fmt: off
QUEBEC_CITIES = (
    City(
        "Montréal",
        40,
        ("H1A", "H1M", "H2G", "H2J", "H2X", "H3N", "H4C"),
        ("514", "438"),
    ),
    City("Laval", 9, ("H7A", "H7L", "H7N", "H7T"), ("450", "579")),
    City("Longueuil", 6, ("J4G", "J4K", "J4M"), ("450", "579")),
    City("Québec", 14, ("G1K", "G1R", "G1V", "G2B", "G2J"), ("418", "581")),
    City("Lévis", 4, ("G6V", "G6W", "G7A"), ("418", "581")),
    City("Gatineau", 6, ("J8P", "J8T", "J8Y", "J9H"), ("819", "873")),
    City("Sherbrooke", 5, ("J1E", "J1G", "J1H", "J1L"), ("819", "873")),
    City("Trois-Rivières", 4, ("G8T", "G8Y", "G9A"), ("819", "873")),
    City("Saguenay", 4, ("G7B", "G7H", "G7S"), ("418", "581")),
    City("Terrebonne", 3, ("J6W", "J6X", "J6Y"), ("450", "579")),
    City("Drummondville", 2, ("J2A", "J2B", "J2C"), ("819", "873")),
    City("Saint-Jérôme", 2, ("J5L", "J7Y", "J7Z"), ("450", "579")),
    City("Rimouski", 1, ("G5L", "G5M"), ("418", "581")),
)
ONTARIO_CITIES = (
    City(
        "Toronto",
        30,
        ("M1B", "M2N", "M4C", "M4K", "M5V", "M6H", "M9W"),
        ("416", "647", "437"),
    ),
    City("Ottawa", 12, ("K1N", "K1S", "K1Z", "K2B", "K2P", "K4A"), ("613", "343")),
    City("Mississauga", 9, ("L4T", "L5A", "L5B", "L5N"), ("905", "289")),
    City("Brampton", 7, ("L6P", "L6T", "L6Y", "L7A"), ("905", "289")),
    City("Hamilton", 6, ("L8L", "L8P", "L9A", "L9C"), ("905", "289")),
    City("London", 5, ("N5V", "N5Y", "N6A", "N6G"), ("519", "226")),
    City("Kitchener", 4, ("N2A", "N2E", "N2G", "N2M"), ("519", "548")),
    City("Windsor", 3, ("N8W", "N8X", "N9A", "N9B"), ("519", "226")),
    City("Markham", 4, ("L3P", "L3R", "L6B", "L6C"), ("905", "289")),
    City("Oshawa", 2, ("L1G", "L1H", "L1J"), ("905", "289")),
    City("Barrie", 2, ("L4M", "L4N", "L9J"), ("705", "249")),
    City("Kingston", 2, ("K7K", "K7L", "K7M"), ("613", "343")),
    City("Sudbury", 2, ("P3A", "P3B", "P3E"), ("705", "249")),
    City("Peterborough", 1, ("K9H", "K9J", "K9K"), ("705", "249")),
)
# fmt: on
CITIES = {"QC": QUEBEC_CITIES, "ON": ONTARIO_CITIES}
# Letters a postal code may use after the first (Canada Post skips these
# as too easy to confuse: D F I O Q U).
POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"

QUEBEC_STREETS = lines("""
    rue Saint-Denis
    boulevard Saint-Laurent
    rue Sherbrooke Est
    avenue du Parc
    rue Notre-Dame Ouest
    boulevard des Laurentides
    rue Principale
    chemin Sainte-Foy
    boulevard Laurier
    rue King Ouest
    rue Wellington Nord
    avenue Cartier
    boulevard Taschereau
    rue des Érables
    rue des Pins
    rue du Collège
    boulevard René-Lévesque
    avenue Papineau
    rue Beaubien Est
    rue Jean-Talon Ouest
    boulevard Décarie
    rue Ontario Est
    boulevard Henri-Bourassa
    montée Saint-Hubert
    rue de la Montagne
    boulevard du Royaume
    rue des Forges
    avenue des Bouleaux
    rue Champlain
    chemin du Lac
""")
ONTARIO_STREETS = lines("""
    Main Street
    King Street West
    Yonge Street
    Bank Street
    Queen Street East
    Dundas Street West
    Bloor Street West
    Elgin Street
    Maple Avenue
    Oak Drive
    Lakeshore Road
    Hurontario Street
    Wellington Street
    Church Street
    Victoria Avenue
    Pine Crescent
    Cedar Court
    Richmond Road
    Baseline Road
    Carling Avenue
    Kingston Road
    Eglinton Avenue East
    Sheppard Avenue West
    Highland Drive
    Birch Lane
    Park Avenue
    Concession Road 4
    Riverside Drive
    Huron Street
    College Street
""")
STREETS = {"QC": QUEBEC_STREETS, "ON": ONTARIO_STREETS}
UNITS = {"fr": ("app. {}", "bureau {}", "unité {}"), "en": ("apt {}", "unit {}")}

PERSONAL_DOMAINS = {
    "QC": ("gmail.com",) * 5
    + ("hotmail.com",) * 4
    + ("videotron.ca",) * 3
    + ("outlook.com", "outlook.com", "yahoo.ca", "bell.net", "sympatico.ca"),
    "ON": ("gmail.com",) * 6
    + ("hotmail.com",) * 3
    + ("rogers.com", "rogers.com", "outlook.com", "outlook.com")
    + ("yahoo.ca", "bell.net", "sympatico.ca", "icloud.com"),
}
EMPLOYER_DOMAINS = {
    "QC": words("""desjardins.com hydroquebec.com cgi.com bell.ca
                    umontreal.ca ulaval.ca bombardier.com banquenationale.ca
                    videotron.com mcgill.ca"""),
    "ON": words("""td.com rbc.com ontario.ca uottawa.ca utoronto.ca
                    magna.com shopify.com canada.ca bmo.com loblaw.ca"""),
}
# Mailboxes and domains agents type when a customer gives no address; the
# database marks them invalid (see leads.models.contacts).
PLACEHOLDER_EMAILS = (
    "noemail@gmail.com",
    "aucun@videotron.ca",
    "nomail@hotmail.com",
    "no@no.com",
    "na@example.com",
    "test@noemail.com",
)

BUSINESS_KINDS = {
    "fr": lines("""
        Construction {} inc.
        Plomberie {}
        Transport {} ltée
        Excavation {} inc.
        Paysagement {}
        Électricité {} inc.
        Toitures {}
        Pharmacie {}
    """),
    "en": lines("""
        {} Construction Ltd.
        {} Plumbing
        {} Landscaping Inc.
        {} Electric
        {} Logistics Ltd.
        {} Roofing
        {} & Sons Contracting
        {} Property Management
    """),
}

# Sources by lead type: where the customer came from.
SOURCES = {
    "email": ("Website",) * 4
    + ("AutoTrader", "AutoTrader", "Kijiji", "Kijiji", "Facebook", "Facebook")
    + ("Google Ads", "Manufacturer website", "CarGurus"),
    "phone": ("Phone", "Phone", "Phone", "Google Ads", "Referral"),
    "walk_in": ("Walk-in", "Walk-in", "Walk-in", "Referral"),
    "sms": ("Website", "Facebook", "Kijiji"),
    "event": ("Auto Show", "Private sale event", "Facebook"),
    "loyalty": ("Loyalty program", "Referral"),
    "renewal": ("Lease renewal", "Loyalty program"),
    "pre_booking": ("Service booking", "Website"),
}

SALES_REQUESTS = {
    "fr": lines("""
        Bonjour, j'aimerais avoir plus d'information sur le {model} {year}.
        Est-ce que le {model} annoncé est encore disponible?
        Je voudrais faire un essai routier du {model} samedi matin.
        Quel serait le paiement aux deux semaines sur 72 mois pour le {model}?
        J'ai un véhicule à échanger, combien pouvez-vous m'offrir?
        Je cherche un {model} avec des pneus d'hiver inclus.
        Avez-vous des rabais sur le {model} ce mois-ci?
        Mon bail se termine bientôt, quelles sont mes options?
        Je veux une soumission pour un {model} {trim}, couleur foncée.
        Pouvez-vous me rappeler après 17 h? Merci!
        Intéressé au {model}. Possible de financer avec un mauvais crédit?
        Je compare avec un autre concessionnaire, votre meilleur prix?
    """),
    "en": lines("""
        Hi, I'd like more information on the {year} {model}.
        Is the {model} in your listing still available?
        Can I book a test drive of the {model} on Saturday morning?
        What would the bi-weekly payment be on 72 months for the {model}?
        I have a vehicle to trade in, what can you offer me?
        Looking for a {model} with winter tires included.
        Any incentives on the {model} this month?
        My lease ends soon, what are my options?
        Please send me a quote for a {model} {trim} in a dark colour.
        Please call me back after 5 pm. Thanks!
        Interested in the {model}. Can you finance with bad credit?
        I'm comparing with another dealer, what's your best price?
    """),
}
SERVICE_REQUESTS = {
    "fr": lines("""
        Changement d'huile et rotation des pneus, svp.
        Bruit au freinage à l'avant depuis une semaine.
        Le voyant moteur est allumé.
        Pose des pneus d'hiver et entreposage des pneus d'été.
        Entretien des {km} km.
        La climatisation ne refroidit plus.
        Rappel du manufacturier reçu par la poste.
        Vibration dans le volant sur l'autoroute.
    """),
    "en": lines("""
        Oil change and tire rotation, please.
        Grinding noise when braking, front end.
        Check engine light is on.
        Winter tire install and summer tire storage.
        {km} km maintenance.
        A/C is blowing warm air.
        Got a recall notice in the mail.
        Steering wheel vibrates on the highway.
    """),
}
STORAGE = {
    "fr": ("Pneus d'hiver, étagère {}", "Pneus d'été, étagère {}"),
    "en": ("Winter tires, rack {}", "Summer tires, rack {}"),
}
