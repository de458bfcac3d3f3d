"""The vehicles customers want and trade in: real makes, models and trims.

Prices are the MSRP range of a new one, in thousands of dollars. Popularity
weighs the random picks; the rare categories (RVs, boats, powersports) still
appear, and COVERING lists models that together show every enum value.
"""

from typing import NamedTuple

from .vocabulary import lines


class VehicleModel(NamedTuple):
    make: str
    model: str
    category: str
    trims: tuple[str, ...]
    first_year: int
    price: tuple[int, int]
    popularity: int
    engine: str
    driving_wheels: str
    fuel: str
    transmission: str
    weight: str
    category_rv: str = ""
    sleeping: int | None = None


_DEFAULTS = {
    # category: engine, driving wheels, fuel, transmission, weight
    "automotive": ("2.0L 4 cyl.", "FWD", "gasoline", "auto", "under_3000"),
    "suv": ("2.5L 4 cyl.", "AWD", "gasoline", "auto", "between_3000_5000"),
    "truck": ("3.5L V6", "4x4", "gasoline", "auto", "over_5000"),
    "van": ("3.6L V6", "FWD", "gasoline", "auto", "between_3000_5000"),
    "hybride": ("2.5L 4 cyl. hybrid", "AWD", "gasoline", "auto", "between_3000_5000"),
    "motorcycle": ("689 cc twin", "", "gasoline", "sequential", "under_3000"),
    "snowmobile": ("850 E-TEC", "", "gasoline", "auto", "under_3000"),
    "watercraft": ("Rotax 1630 ACE", "", "gasoline", "auto", "under_3000"),
    "boat": ("Mercury 115 hp", "", "gasoline", "", "under_3000"),
    "atv": ("570 cc", "4x4", "gasoline", "auto", "under_3000"),
    "utility": ("976 cc", "4x4", "gasoline", "auto", "under_3000"),
    "mechanical": ("21.6 hp diesel", "4x4", "diesel", "auto", "under_3000"),
    "motorized": ("7.3L V8", "RWD", "gasoline", "auto", "over_5000"),
    "caravan": ("", "", "", "", "between_3000_5000"),
    "trailer": ("", "", "", "", "over_5000"),
}


def _model(make, model, category, trims, first_year, price, popularity, **extra):
    engine, wheels, fuel, transmission, weight = _DEFAULTS[category]
    fields = {
        "engine": engine,
        "driving_wheels": wheels,
        "fuel": fuel,
        "transmission": transmission,
        "weight": weight,
        **extra,
    }
    trims = tuple(trims.split("|"))
    return VehicleModel(
        make, model, category, trims, first_year, price, popularity, **fields
    )


# fmt: off
MODELS = (
    _model("Toyota", "Corolla", "automotive", "L|LE|SE|XSE", 2012, (22, 31), 30),
    _model("Toyota", "Camry", "automotive", "LE|SE|XLE|XSE", 2012, (30, 42), 12,
           engine="2.5L 4 cyl.", weight="between_3000_5000"),
    _model("Toyota", "RAV4", "suv", "LE|XLE|Trail|Limited", 2012, (33, 46), 30),
    _model("Toyota", "RAV4 Hybrid", "hybride", "LE|XLE|XSE|Limited", 2019,
           (36, 50), 14),
    _model("Toyota", "Highlander", "suv", "LE|XLE|Limited|Platinum", 2014, (48, 62),
           8, engine="2.4L turbo 4 cyl."),
    _model("Toyota", "Tacoma", "truck", "SR5|TRD Sport|TRD Off-Road", 2012, (44, 60),
           8, weight="between_3000_5000"),
    _model("Toyota", "Tundra", "truck", "SR5|Limited|Platinum", 2014, (55, 80), 5),
    _model("Toyota", "Sienna", "van", "LE|XLE|Limited", 2014, (46, 62), 4,
           engine="2.5L 4 cyl. hybrid", driving_wheels="AWD"),
    _model("Honda", "Civic", "automotive", "LX|Sport|EX|Touring", 2012, (26, 36), 30),
    _model("Honda", "Civic Si", "automotive", "Si", 2017, (37, 40), 3,
           engine="1.5L turbo 4 cyl.", transmission="manual"),
    _model("Honda", "Accord", "automotive", "EX|Sport|Touring", 2012, (36, 46), 6,
           weight="between_3000_5000"),
    _model("Honda", "CR-V", "suv", "LX|EX|EX-L|Sport|Touring", 2012, (35, 50), 28,
           engine="1.5L turbo 4 cyl."),
    _model("Honda", "HR-V", "suv", "LX|Sport|EX-L", 2016, (30, 38), 10),
    _model("Honda", "Pilot", "suv", "EX-L|TrailSport|Black Edition", 2014, (52, 66),
           5, engine="3.5L V6"),
    _model("Honda", "Odyssey", "van", "EX|EX-L|Touring", 2012, (48, 60), 4),
    _model("Ford", "F-150", "truck", "XL|XLT|Lariat|Platinum|Raptor", 2012, (48, 95),
           32, engine="3.5L EcoBoost V6"),
    _model("Ford", "F-250 Super Duty", "truck", "XL|XLT|Lariat", 2014, (60, 95), 5,
           engine="6.7L Power Stroke V8", fuel="diesel"),
    _model("Ford", "Escape", "suv", "S|SE|SEL|Titanium", 2013, (32, 44), 14,
           engine="1.5L EcoBoost 3 cyl."),
    _model("Ford", "Explorer", "suv", "XLT|Limited|ST", 2014, (50, 70), 6,
           engine="2.3L EcoBoost 4 cyl."),
    _model("Ford", "Bronco Sport", "suv", "Big Bend|Outer Banks|Badlands", 2021,
           (38, 48), 5, engine="1.5L EcoBoost 3 cyl."),
    _model("Ford", "Mustang", "automotive", "EcoBoost|GT", 2012, (40, 65), 3,
           engine="5.0L V8", driving_wheels="RWD", transmission="manual",
           weight="between_3000_5000"),
    _model("Ford", "Transit", "van", "Cargo|Passenger XLT", 2015, (52, 70), 3,
           driving_wheels="RWD", weight="over_5000"),
    _model("Hyundai", "Elantra", "automotive", "Essential|Preferred|Ultimate|N Line",
           2012, (22, 32), 18),
    _model("Hyundai", "Tucson", "suv", "Essential|Preferred|Luxury|Ultimate", 2012,
           (32, 45), 16),
    _model("Hyundai", "Santa Fe", "suv", "Preferred|Luxury|Ultimate Calligraphy",
           2013, (40, 55), 7),
    _model("Hyundai", "Kona", "suv", "Essential|Preferred|N Line", 2018, (27, 36), 9,
           engine="2.0L 4 cyl.", driving_wheels="FWD"),
    _model("Hyundai", "Ioniq 5", "suv", "Preferred|Preferred Long Range|Ultimate",
           2022, (52, 66), 5, engine="Electric", fuel=""),
    _model("Kia", "Forte", "automotive", "LX|EX|GT-Line", 2014, (22, 30), 10),
    _model("Kia", "Seltos", "suv", "LX|EX|SX", 2021, (27, 35), 7),
    _model("Kia", "Sportage", "suv", "LX|EX|EX Premium|SX", 2012, (31, 44), 12),
    _model("Kia", "Sorento", "suv", "LX|EX|SX", 2014, (38, 52), 6),
    _model("Kia", "Telluride", "suv", "EX|SX|X-Line", 2020, (52, 63), 4,
           engine="3.8L V6"),
    _model("Kia", "Carnival", "van", "LX|EX|SX", 2022, (42, 55), 3),
    _model("Kia", "Niro", "hybride", "L|EX|SX Touring", 2017, (30, 38), 4,
           engine="1.6L 4 cyl. hybrid", driving_wheels="FWD",
           weight="under_3000"),
    _model("Mazda", "Mazda3", "automotive", "GX|GS|GT", 2012, (23, 36), 14),
    _model("Mazda", "CX-5", "suv", "GX|GS|GT|Signature", 2013, (32, 46), 15),
    _model("Mazda", "CX-30", "suv", "GX|GS|GT", 2020, (28, 38), 6),
    _model("Mazda", "CX-50", "suv", "GS-L|GT|Meridian Edition", 2023, (38, 48), 4),
    _model("Mazda", "MX-5", "automotive", "GS|GS-P|GT", 2012, (36, 45), 2,
           driving_wheels="RWD", transmission="manual"),
    _model("Subaru", "Crosstrek", "suv", "Convenience|Touring|Sport|Limited", 2013,
           (29, 38), 12),
    _model("Subaru", "Forester", "suv", "Convenience|Touring|Sport|Limited", 2012,
           (34, 45), 10),
    _model("Subaru", "Outback", "suv", "Convenience|Touring|Limited|Wilderness",
           2012, (38, 50), 8),
    _model("Subaru", "WRX", "automotive", "Base|Sport|Sport-tech", 2015, (35, 45), 3,
           engine="2.4L turbo flat-4", driving_wheels="AWD", transmission="manual"),
    _model("Chevrolet", "Silverado 1500", "truck", "WT|Custom|LT|RST|High Country",
           2012, (46, 85), 20, engine="5.3L V8"),
    _model("Chevrolet", "Silverado 2500HD", "truck", "WT|LT|LTZ", 2015, (60, 90), 4,
           engine="6.6L Duramax V8", fuel="diesel"),
    _model("Chevrolet", "Equinox", "suv", "LS|LT|RS|Premier", 2012, (32, 42), 14,
           engine="1.5L turbo 4 cyl."),
    _model("Chevrolet", "Trax", "suv", "LS|LT|RS|Activ", 2015, (24, 30), 8,
           engine="1.2L turbo 3 cyl.", driving_wheels="FWD"),
    _model("Chevrolet", "Tahoe", "suv", "LS|LT|Z71|Premier", 2014, (70, 90), 3,
           engine="5.3L V8", driving_wheels="4x4", weight="over_5000"),
    _model("Chevrolet", "Bolt EUV", "automotive", "LT|Premier", 2022, (42, 47), 3,
           engine="Electric", fuel="", weight="between_3000_5000"),
    _model("Nissan", "Rogue", "suv", "S|SV|SL|Platinum", 2012, (33, 45), 16,
           engine="1.5L turbo 3 cyl."),
    _model("Nissan", "Sentra", "automotive", "S|SV|SR", 2012, (22, 29), 9),
    _model("Nissan", "Kicks", "suv", "S|SV|SR", 2018, (24, 29), 6,
           engine="1.6L 4 cyl.", driving_wheels="FWD", weight="under_3000"),
    _model("Nissan", "Frontier", "truck", "S|SV|PRO-4X", 2014, (42, 55), 4,
           engine="3.8L V6", weight="between_3000_5000"),
    _model("Volkswagen", "Jetta", "automotive", "Comfortline|Highline|GLI", 2012,
           (26, 36), 8, engine="1.5L TSI 4 cyl."),
    _model("Volkswagen", "Tiguan", "suv", "Trendline|Comfortline|Highline", 2012,
           (35, 46), 8, engine="2.0L TSI 4 cyl."),
    _model("Volkswagen", "Golf GTI", "automotive", "Base|Autobahn", 2015, (37, 45),
           2, engine="2.0L TSI 4 cyl.", transmission="manual"),
    _model("Ram", "1500", "truck", "Tradesman|Big Horn|Sport|Laramie|Limited", 2012,
           (50, 90), 12, engine="5.7L HEMI V8"),
    _model("Jeep", "Wrangler", "suv", "Sport|Sahara|Rubicon", 2012, (45, 65), 6,
           engine="3.6L V6", driving_wheels="4x4"),
    _model("Dodge", "Grand Caravan", "van", "SE|SXT|GT", 2012, (30, 40), 5),
    # Powersports, marine and RVs: rare at a car dealership, but traded in.
    _model("Yamaha", "MT-07", "motorcycle", "Base|Pure", 2015, (9, 11), 1),
    _model("Harley-Davidson", "Street Glide", "motorcycle", "Base|Special", 2014,
           (30, 38), 1, engine="Milwaukee-Eight 114"),
    _model("Ski-Doo", "MXZ", "snowmobile", "Sport|X|X-RS", 2014, (12, 20), 1),
    _model("Sea-Doo", "GTI SE", "watercraft", "130|170", 2015, (14, 18), 1),
    _model("Princecraft", "Vectra 21", "boat", "Base|Sport", 2014, (40, 60), 1),
    _model("Can-Am", "Outlander", "atv", "570|700 XT|850 XT-P", 2014, (9, 18), 1),
    _model("Can-Am", "Defender", "utility", "DPS HD9|XT HD10", 2016, (18, 30), 1),
    _model("Kubota", "BX2380", "mechanical", "Base|with loader", 2016, (20, 28), 1),
    _model("Winnebago", "Vista 29V", "motorized", "29V", 2016, (180, 230), 1,
           category_rv="motorized_a", sleeping=6),
    _model("Winnebago", "Travato 59K", "motorized", "59K|59KL", 2016, (150, 180), 1,
           engine="3.6L V6", category_rv="motorized_b", sleeping=2,
           weight="between_3000_5000"),
    _model("Thor", "Four Winds 28A", "motorized", "28A", 2016, (140, 170), 1,
           category_rv="motorized_c", sleeping=8),
    _model("Jayco", "Jay Flight 264BH", "caravan", "SLX|Base", 2014, (35, 50), 1,
           category_rv="travel_trailer", sleeping=8),
    _model("Forest River", "Salem Villa 395FKLTE", "caravan", "Estate", 2014,
           (60, 75), 1, category_rv="trailer_park", sleeping=4, weight="over_5000"),
    _model("Forest River", "Rockwood 1640LTD", "caravan", "LTD", 2014, (18, 24), 1,
           category_rv="tent_trailer", sleeping=6, weight="under_3000"),
    _model("Keystone", "Montana 3761FL", "trailer", "Legacy|High Country", 2014,
           (90, 120), 1, category_rv="fifth_wheel", sleeping=6),
)
# fmt: on

BRANDS = ("Toyota", "Honda", "Ford", "Hyundai", "Kia", "Mazda", "Subaru")
BRANDS += ("Chevrolet", "Nissan", "Volkswagen")
MODELS_BY_MAKE = {
    make: tuple(model for model in MODELS if model.make == make) for make in BRANDS
}
# Cars, SUVs, trucks and vans: what a car dealership mostly sees.
ROAD_CATEGORIES = ("automotive", "suv", "truck", "van", "hybride")


def _covering() -> tuple[VehicleModel, ...]:
    """The first model showing each value of the enums a model decides."""
    chosen = []
    for attribute in ("category", "category_rv", "fuel", "transmission", "weight"):
        seen = {getattr(model, attribute) for model in chosen}
        for model in MODELS:
            value = getattr(model, attribute)
            if value and value not in seen:
                chosen.append(model)
                seen.add(value)
    return tuple(chosen)


COVERING = _covering()

# World manufacturer identifiers: the first three characters of a VIN.
WMI = {
    "Toyota": ("2T1", "2T3", "JTD", "5TF"),
    "Honda": ("2HG", "5J6", "19X", "2HK"),
    "Ford": ("1FT", "1FM", "1FA", "3FM"),
    "Hyundai": ("KMH", "5NM", "KM8"),
    "Kia": ("KNA", "5XY", "KND"),
    "Mazda": ("JM1", "3MZ", "JM3"),
    "Subaru": ("JF1", "JF2", "4S4"),
    "Chevrolet": ("1G1", "2GN", "3GC", "1GC"),
    "Nissan": ("1N4", "5N1", "JN8", "3N1"),
    "Volkswagen": ("3VW", "WVW", "3VV"),
    "Ram": ("1C6", "3C6"),
    "Jeep": ("1C4",),
    "Dodge": ("2C4",),
}
OTHER_WMI = ("2BP", "JYA", "1HD", "3JB", "4UF", "2J9")

COLOURS = {
    "fr": ("Blanc", "Noir", "Gris", "Argent", "Bleu", "Rouge", "Vert", "Blanc nacré"),
    "en": ("White", "Black", "Grey", "Silver", "Blue", "Red", "Green", "Pearl White"),
}
INTERIORS = {
    "fr": ("Tissu noir", "Cuir noir", "Cuir beige", "Similicuir gris"),
    "en": ("Black cloth", "Black leather", "Beige leather", "Grey leatherette"),
}
OPTIONS = {
    "fr": lines("""
        Toit ouvrant, sièges chauffants, démarreur à distance
        Ensemble remorquage, marchepieds
        Volant chauffant, caméra 360
        Pneus d'hiver sur jantes
        Ensemble technologie, son premium
    """),
    "en": lines("""
        Sunroof, heated seats, remote starter
        Towing package, running boards
        Heated steering wheel, 360 camera
        Winter tires on rims
        Technology package, premium audio
    """),
}
WARRANTIES = (
    "3 years / 60,000 km bumper to bumper",
    "5 years / 100,000 km powertrain",
    "Remaining manufacturer warranty",
)
EXTENDED_WARRANTIES = (
    "7 years / 160,000 km, $0 deductible",
    "6 years / 120,000 km, $100 deductible",
    "Tire and rim protection, 5 years",
)
RECALLS = (
    "Transport Canada 2023-123: airbag inflator",
    "Transport Canada 2024-045: rear-view camera software",
    "Fuel pump replacement (manufacturer campaign)",
)
VEHICLE_NOTES = {
    "fr": (
        "Léger accroc sur le pare-chocs arrière",
        "Pneus d'hiver presque neufs",
        "Pare-brise fissuré",
        "Un seul propriétaire, entretien au concessionnaire",
    ),
    "en": (
        "Small scratch on the rear bumper",
        "Winter tires almost new",
        "Cracked windshield",
        "One owner, dealer maintained",
    ),
}
