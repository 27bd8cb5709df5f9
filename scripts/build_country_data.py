"""Build src/migration_extract/data/countries.json from pycountry plus the hand-kept table
of short forms, demonyms and ethnic demonyms below.

    python scripts/build_country_data.py

pycountry supplies the ISO 3166-1 names (name, official_name, common_name); the table
below adds what news writes ("the US", "Türkiye", "Russians", "Kazakh") and is the only
part edited by hand. The output is sorted so diffs stay readable.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/migration_extract/data/countries.json"

# code: (extra names / short forms, demonyms and adjectives incl. plurals)
EXTRA: dict[str, tuple[list[str], list[str]]] = {
    "AF": (["Afghanistan"], ["Afghan", "Afghans", "Afghani", "Afghanis"]),
    "AL": ([], ["Albanian", "Albanians"]),
    "DZ": ([], ["Algerian", "Algerians"]),
    "AO": ([], ["Angolan", "Angolans"]),
    "AR": ([], ["Argentine", "Argentinian", "Argentinians", "Argentines"]),
    "AM": ([], ["Armenian", "Armenians"]),
    "AU": ([], ["Australian", "Australians"]),
    "AT": ([], ["Austrian", "Austrians"]),
    "AZ": ([], ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"]),
    "BH": ([], ["Bahraini", "Bahrainis"]),
    "BD": ([], ["Bangladeshi", "Bangladeshis"]),
    "BY": (["Belarus"], ["Belarusian", "Belarusians", "Belarussian"]),
    "BE": ([], ["Belgian", "Belgians"]),
    "BJ": ([], ["Beninese"]),
    "BO": (["Bolivia"], ["Bolivian", "Bolivians"]),
    "BA": (["Bosnia", "Bosnia-Herzegovina"], ["Bosnian", "Bosnians"]),
    "BR": ([], ["Brazilian", "Brazilians"]),
    "BG": ([], ["Bulgarian", "Bulgarians"]),
    "BF": ([], ["Burkinabe", "Burkinabè"]),
    "BI": ([], ["Burundian", "Burundians"]),
    "KH": ([], ["Cambodian", "Cambodians"]),
    "CM": ([], ["Cameroonian", "Cameroonians"]),
    "CA": ([], ["Canadian", "Canadians"]),
    "CF": (["CAR"], ["Central African", "Central Africans"]),
    "TD": ([], ["Chadian", "Chadians"]),
    "CL": ([], ["Chilean", "Chileans"]),
    "CN": (["China", "mainland China", "PRC"], ["Chinese"]),
    "CO": ([], ["Colombian", "Colombians"]),
    "CD": (["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"], ["Congolese"]),
    "CG": (["Republic of Congo", "Congo-Brazzaville"], []),
    "CR": ([], ["Costa Rican", "Costa Ricans"]),
    "CI": (["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"], ["Ivorian", "Ivorians"]),
    "HR": ([], ["Croatian", "Croatians", "Croat", "Croats"]),
    "CU": ([], ["Cuban", "Cubans"]),
    "CY": ([], ["Cypriot", "Cypriots"]),
    "CZ": (["Czech Republic", "Czechia"], ["Czech", "Czechs"]),
    "DK": ([], ["Danish", "Dane", "Danes"]),
    "DJ": ([], ["Djiboutian", "Djiboutians"]),
    "DO": ([], ["Dominican", "Dominicans"]),
    "EC": ([], ["Ecuadorian", "Ecuadorians", "Ecuadoran"]),
    "EG": ([], ["Egyptian", "Egyptians"]),
    "SV": ([], ["Salvadoran", "Salvadorans", "Salvadorean"]),
    "ER": ([], ["Eritrean", "Eritreans"]),
    "EE": ([], ["Estonian", "Estonians"]),
    "ET": ([], ["Ethiopian", "Ethiopians"]),
    "FI": ([], ["Finnish", "Finn", "Finns"]),
    "FR": ([], ["French", "Frenchman", "Frenchmen"]),
    "GA": ([], ["Gabonese"]),
    "GM": (["Gambia"], ["Gambian", "Gambians"]),
    "GE": ([], ["Georgian", "Georgians"]),
    "DE": ([], ["German", "Germans"]),
    "GH": ([], ["Ghanaian", "Ghanaians"]),
    "GR": ([], ["Greek", "Greeks"]),
    "GT": ([], ["Guatemalan", "Guatemalans"]),
    "GN": ([], ["Guinean", "Guineans"]),
    "HT": ([], ["Haitian", "Haitians"]),
    "HN": ([], ["Honduran", "Hondurans"]),
    "HU": ([], ["Hungarian", "Hungarians"]),
    "IS": ([], ["Icelandic", "Icelander", "Icelanders"]),
    "IN": ([], ["Indian", "Indians"]),
    "ID": ([], ["Indonesian", "Indonesians"]),
    "IR": (["Iran", "Persia"], ["Iranian", "Iranians"]),
    "IQ": ([], ["Iraqi", "Iraqis"]),
    "IE": ([], ["Irish"]),
    "IL": ([], ["Israeli", "Israelis"]),
    "IT": ([], ["Italian", "Italians"]),
    "JM": ([], ["Jamaican", "Jamaicans"]),
    "JP": ([], ["Japanese"]),
    "JO": ([], ["Jordanian", "Jordanians"]),
    "KZ": ([], ["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis", "Kazak"]),
    "KE": ([], ["Kenyan", "Kenyans"]),
    "KP": (["North Korea"], ["North Korean", "North Koreans"]),
    "KR": (["South Korea"], ["South Korean", "South Koreans"]),
    "XK": (["Kosovo"], ["Kosovar", "Kosovars", "Kosovan"]),
    "KW": ([], ["Kuwaiti", "Kuwaitis"]),
    "KG": (["Kyrgyzstan", "Kirgizia"], ["Kyrgyz", "Kirghiz"]),
    "LA": (["Laos"], ["Lao", "Laotian", "Laotians"]),
    "LV": ([], ["Latvian", "Latvians"]),
    "LB": ([], ["Lebanese"]),
    "LR": ([], ["Liberian", "Liberians"]),
    "LY": ([], ["Libyan", "Libyans"]),
    "LT": ([], ["Lithuanian", "Lithuanians"]),
    "LU": ([], ["Luxembourgish", "Luxembourger"]),
    "MG": ([], ["Malagasy"]),
    "MW": ([], ["Malawian", "Malawians"]),
    "MY": ([], ["Malaysian", "Malaysians"]),
    "ML": ([], ["Malian", "Malians"]),
    "MT": ([], ["Maltese"]),
    "MR": ([], ["Mauritanian", "Mauritanians"]),
    "MX": ([], ["Mexican", "Mexicans"]),
    "MD": (["Moldova"], ["Moldovan", "Moldovans"]),
    "MN": ([], ["Mongolian", "Mongolians", "Mongol", "Mongols"]),
    "ME": ([], ["Montenegrin", "Montenegrins"]),
    "MA": ([], ["Moroccan", "Moroccans"]),
    "MZ": ([], ["Mozambican", "Mozambicans"]),
    # "Rohingya" is an ethnic group without a state: no country (fixtures/README.md)
    "MM": (["Myanmar", "Burma"], ["Burmese", "Myanmarese"]),
    "NA": ([], ["Namibian", "Namibians"]),
    "NP": ([], ["Nepali", "Nepalese", "Nepalis"]),
    "NL": (["Netherlands", "Holland"], ["Dutch"]),
    "NZ": ([], ["New Zealander", "New Zealanders"]),
    "NI": ([], ["Nicaraguan", "Nicaraguans"]),
    "NE": ([], ["Nigerien", "Nigeriens"]),
    "NG": ([], ["Nigerian", "Nigerians"]),
    "MK": (["North Macedonia", "Macedonia"], ["Macedonian", "Macedonians"]),
    "NO": ([], ["Norwegian", "Norwegians"]),
    "OM": ([], ["Omani", "Omanis"]),
    "PK": ([], ["Pakistani", "Pakistanis"]),
    "PS": (
        ["Palestine", "Palestinian territories", "Gaza", "West Bank", "Gaza Strip"],
        ["Palestinian", "Palestinians"],
    ),
    "PA": ([], ["Panamanian", "Panamanians"]),
    "PY": ([], ["Paraguayan", "Paraguayans"]),
    "PE": ([], ["Peruvian", "Peruvians"]),
    "PH": (["Philippines"], ["Filipino", "Filipinos", "Filipina", "Philippine"]),
    "PL": ([], ["Polish", "Pole", "Poles"]),
    "PT": ([], ["Portuguese"]),
    "QA": ([], ["Qatari", "Qataris"]),
    "RO": ([], ["Romanian", "Romanians"]),
    "RU": (["Russia"], ["Russian", "Russians"]),
    "RW": ([], ["Rwandan", "Rwandans"]),
    "SA": ([], ["Saudi", "Saudis", "Saudi Arabian"]),
    "SN": ([], ["Senegalese"]),
    "RS": ([], ["Serbian", "Serbians", "Serb", "Serbs"]),
    "SL": ([], ["Sierra Leonean", "Sierra Leoneans"]),
    "SG": ([], ["Singaporean", "Singaporeans"]),
    "SK": ([], ["Slovak", "Slovaks", "Slovakian"]),
    "SI": ([], ["Slovenian", "Slovenians", "Slovene", "Slovenes"]),
    "SO": ([], ["Somali", "Somalis"]),
    "ZA": ([], ["South African", "South Africans"]),
    "SS": ([], ["South Sudanese"]),
    "ES": ([], ["Spanish", "Spaniard", "Spaniards"]),
    "LK": ([], ["Sri Lankan", "Sri Lankans"]),
    "SD": ([], ["Sudanese"]),
    "SE": ([], ["Swedish", "Swede", "Swedes"]),
    "CH": ([], ["Swiss"]),
    "SY": (["Syria"], ["Syrian", "Syrians"]),
    "TW": (["Taiwan"], ["Taiwanese"]),
    "TJ": ([], ["Tajik", "Tajiks", "Tajikistani"]),
    "TZ": (["Tanzania"], ["Tanzanian", "Tanzanians"]),
    "TH": ([], ["Thai", "Thais"]),
    "TG": ([], ["Togolese"]),
    "TN": ([], ["Tunisian", "Tunisians"]),
    "TR": (["Turkey", "Türkiye", "Turkiye"], ["Turkish", "Turk", "Turks"]),
    "TM": ([], ["Turkmen", "Turkmens"]),
    "UG": ([], ["Ugandan", "Ugandans"]),
    "UA": ([], ["Ukrainian", "Ukrainians"]),
    "AE": (["UAE", "Emirates"], ["Emirati", "Emiratis"]),
    "GB": (
        ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
        ["British", "Briton", "Britons", "Brits", "English", "Scottish", "Welsh"],
    ),
    "US": (
        ["United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
        ["American", "Americans"],
    ),
    "UY": ([], ["Uruguayan", "Uruguayans"]),
    "UZ": ([], ["Uzbek", "Uzbeks", "Uzbekistani"]),
    "VE": (["Venezuela"], ["Venezuelan", "Venezuelans"]),
    "VN": (["Vietnam", "Viet Nam"], ["Vietnamese"]),
    "YE": ([], ["Yemeni", "Yemenis"]),
    "ZM": ([], ["Zambian", "Zambians"]),
    "ZW": ([], ["Zimbabwean", "Zimbabweans"]),
}

# names whose article is part of the mention. fixtures/README.md: only "the United States"
# takes its "the" ("US", "UK", "Czech Republic", "United Arab Emirates" are labelled bare)
THE_NAMES = ["United States", "United States of America"]

# names that only count with their article (written here with it): "the Islamic Republic"
# is Iran in news text; a bare "Islamic Republic" may be any of four states
ARTICLE_NAMES = {"the Islamic Republic": "IR", "The Islamic Republic": "IR"}

# peoples without a state of their own: never a country mention (fixtures/README.md:
# "Rohingya" has no country), listed so that other modules can still tell that "Rohingya
# Muslims" are people (``CountryGazetteer.peoples``)
PEOPLES = [
    "Rohingya", "Rohingyas", "Kurd", "Kurds", "Kurdish", "Yazidi", "Yazidis", "Uyghur",
    "Uyghurs", "Uighur", "Uighurs", "Roma", "Tatar", "Tatars", "Pashtun", "Pashtuns", "Hazara",
    "Hazaras", "Tuareg", "Tuaregs", "Fulani", "Masalit", "Bedouin", "Bedouins", "Sahrawi",
    "Sahrawis", "Buryat", "Buryats", "Chechen", "Chechens", "Dagestani", "Dagestanis",
    "Tamil", "Tamils", "Karen", "Kachin", "Bawm", "Oromo", "Oromos", "Tigrayan", "Tigrayans",
    "Tuvan", "Tuvans", "Circassian", "Circassians", "Druze", "Baloch", "Balochs",
]  # fmt: skip

# regions that contain a country name: matched so the name inside them is not taken
# ("Central America" is not the US); they produce no record (SPEC: regions are not
# countries)
REGIONS = [
    "Central America", "South America", "Latin America", "North America", "Americas",
    "Central American", "South American", "Latin American", "North American",
    "Central Americans", "South Americans", "Latin Americans", "North Americans",
    "English Channel", "Irish Sea",
    "sub-Saharan African", "sub-Saharan Africans",
    "Northern Ireland", "South Georgia", "Iraqi Kurdistan", "Kurdistan",
    "Eastern Europe", "Eastern European", "Central Asia", "Central Asian", "Middle East",
    "South Asia", "Southeast Asia", "East Africa", "West Africa", "North Africa",
    "Horn of Africa", "Sahel", "Balkans", "Caucasus", "Scandinavia",
]  # fmt: skip

# never a country mention (substrings of other words / ambiguous short forms)
STOP = {"CAR", "US", "Chad"}  # handled specially in geo.py, kept for case checks

# not a country even if pycountry lists it so
DROP = {"Georgia (state)"}


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def main() -> None:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if not v or "," in v:
                continue
            names.setdefault(v, c.alpha_2)
            a = _ascii(v)
            if a != v:
                names.setdefault(a, c.alpha_2)
    demonyms: dict[str, str] = {}
    for code, (extra_names, dems) in EXTRA.items():
        for n in extra_names:
            names[n] = code
        for d in dems:
            demonyms[d] = code
    # pycountry has "Korea, Republic of" style names we skipped; long official names with
    # parentheses are noise in news text
    names = {k: v for k, v in names.items() if "(" not in k and k not in DROP}
    data = {
        "_doc": "Country names and demonyms -> ISO 3166-1 alpha-2. Generated by "
        "scripts/build_country_data.py from pycountry plus a hand-kept table; edit the "
        "script, not this file.",
        "names": dict(sorted(names.items())),
        "demonyms": dict(sorted(demonyms.items())),
        "the_names": sorted(THE_NAMES),
        "article_names": dict(sorted(ARTICLE_NAMES.items())),
        "regions": sorted(REGIONS),
        "peoples": sorted(PEOPLES),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(names)} names, {len(demonyms)} demonyms -> {OUT}")
    bad = [k for k in names if re.search(r"[^\w .'’-]", k)]
    if bad:
        print("names with unusual characters:", bad[:10])


if __name__ == "__main__":
    main()
