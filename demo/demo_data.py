"""The demo programme: IDM 2018, second session (Geneva, 8–9 October 2018).

Written by hand from the public page kept in shared/seed/idm-2018-second-session.txt.
Designations are exactly as printed for each appearance; position, organisation and
country are filled where the printed line makes them clear.
"""

SERIES = {
    "slug": "international-dialogue-on-migration",
    "name": "International Dialogue on Migration",
    "description": (
        "The International Dialogue on Migration is the principal forum of the International "
        "Organization for Migration for migration policy dialogue."
    ),
}

EVENT = {
    "slug": "idm-2018-second-session",
    "title": "International Dialogue on Migration 2018",
    "subtitle": (
        "Inclusive and innovative partnerships for effective global governance of migration"
    ),
    "edition": "Second session",
    "venue": "Palais des Nations",
    "city": "Geneva",
    "country": "CH",
    "start_date": "2018-10-08",
    "end_date": "2018-10-09",
    "time_zone": "Europe/Zurich",
    "description": "\n\n".join(
        [
            "Building on discussions held during the first session of the 2018 IDM which took "
            "place in New York on 26 and 27 March (Inclusive and innovative partnerships for "
            "effective global governance of migration), this second session elaborated further "
            "on the overarching topic of partnership and cooperation with a focus on capacity "
            "development to meet the current challenges of effective governance of migration.",
            "Developing and delivering capacity development requires the participation of a wide "
            "range of actors – including governments and local authorities and international and "
            "regional organizations – and the formulation of different activities, focused at "
            "different levels and different areas of action. The event provided a platform for "
            "exchanging examples of capacity development instruments and partnerships among a "
            "wide range of stakeholders, including high-level government representatives, "
            "leading UN actors as well as senior regional actors, intergovernmental and "
            "non-governmental organizations, diaspora representatives, and the private sector.",
            "The session was a timely opportunity for the participants to evaluate best practices "
            "of whole-of-government, whole-of-society and UN system-wide coordination approaches "
            "to support migration governance ahead of the Intergovernmental Conference to adopt "
            "the Global Compact for Safe, Orderly and Regular Migration, scheduled in Marrakech, "
            "Morocco on 10 and 11 December 2018.",
        ]
    ),
}

# key: (name, acronym, category, country)
ORGANISATIONS = {
    "iom": ("International Organization for Migration", "IOM", "igo", ""),
    "un-secretariat": ("United Nations Secretariat", "", "un", ""),
    "chile": ("Government of Chile", "", "government", "CL"),
    "el-salvador": ("Government of El Salvador", "", "government", "SV"),
    "mexico": ("Government of Mexico", "", "government", "MX"),
    "ipu": ("Inter-Parliamentary Union", "IPU", "parliament", ""),
    "bwi": ("Building and Wood Workers’ International", "BWI", "trade-union", ""),
    "morocco": ("Government of Morocco", "", "government", "MA"),
    "switzerland": ("Government of Switzerland", "", "government", "CH"),
    "who": ("World Health Organization", "WHO", "un", ""),
    "unicef": ("United Nations Children's Fund", "UNICEF", "un", ""),
    "ccrm": ("Cross-Regional Center for Refugees and Migrants", "CCRM", "civil-society", ""),
    "cms-ghana": ("Centre for Migration Studies, University of Ghana", "", "academia", "GH"),
    "coe": ("Council of Europe", "", "igo", ""),
    "mexico-us-health": ("Mexico-US Health Border Commission", "", "government", "MX"),
    "tanzania": ("Government of the United Republic of Tanzania", "", "government", "TZ"),
    "arab-parliament": ("Arab Parliament", "", "parliament", ""),
    "iata": ("International Air Transport Association", "IATA", "private-sector", ""),
    "ardn": ("African Renaissance and Diaspora Network", "ARDN", "diaspora", ""),
    "migrants-organise": ("Migrants Organise", "", "diaspora", "GB"),
    "madalenas": ("Madalena’s", "", "diaspora", "CH"),
    "georgetown": ("Georgetown University", "", "academia", "US"),
    "guatemala": ("Government of Guatemala", "", "government", "GT"),
    "brazil": ("Government of Brazil", "", "government", "BR"),
    "japan": ("Government of Japan", "", "government", "JP"),
    "singa": ("SINGA Deutschland", "", "diaspora", "DE"),
    "tdh": ("Terre des Hommes", "", "civil-society", ""),
    "costa-rica": ("Government of Costa Rica", "", "government", "CR"),
    "moldova": ("Government of the Republic of Moldova", "", "government", "MD"),
    "afdb": ("African Development Bank", "AfDB", "igo", "CI"),
    "sweden": ("Government of Sweden", "", "government", "SE"),
    "global-fund": ("The Global Fund to fight Aids, Tuberculosis and Malaria", "", "igo", ""),
    "icva": ("International Council of Voluntary Agencies", "ICVA", "civil-society", ""),
}

# slug: (honorific, given names, family names, current position, organisation key)
PEOPLE = {
    "antonio-vitorino": ("", "António", "Vitorino", "Director General", "iom"),
    "louise-arbour": (
        "",
        "Louise",
        "Arbour",
        "Special Representative of the Secretary-General for International Migration",
        "un-secretariat",
    ),
    "juan-eduardo-eguiguren": (
        "Mr.",
        "Juan Eduardo",
        "Eguiguren",
        "Permanent Representative of Chile to the United Nations and other international "
        "organizations in Geneva",
        "chile",
    ),
    "azzouz-samri": ("Mr.", "Azzouz", "Samri", "Head, Governing Bodies Division", "iom"),
    "liduvina-magarin": (
        "",
        "Liduvina",
        "Magarin",
        "Vice Minister for Salvadorians Abroad",
        "el-salvador",
    ),
    "juan-jose-gomez-camacho": (
        "",
        "Juan José",
        "Gómez Camacho",
        "Permanent Representative of Mexico to the United Nations in New York",
        "mexico",
    ),
    "martin-chungong": ("", "Martin", "Chungong", "Secretary General", "ipu"),
    "ambet-yuson": ("", "Ambet", "Yuson", "General Secretary", "bwi"),
    "el-habib-nadir": (
        "",
        "El Habib",
        "Nadir",
        "Secretary General of the Ministry Delegate to the Minister of Foreign Affairs in charge "
        "of Moroccans Living Abroad and Migration Affairs",
        "morocco",
    ),
    "jurg-lauber": (
        "",
        "Jürg",
        "Lauber",
        "Permanent Representative of Switzerland to the United Nations in New York",
        "switzerland",
    ),
    "soumya-swaminathan": (
        "",
        "Soumya",
        "Swaminathan",
        "Deputy Director General for Programmes",
        "who",
    ),
    "sikander-khan": (
        "",
        "Sikander",
        "Khan",
        "Director, Geneva Office of Emergency Programmes (EMOPS)",
        "unicef",
    ),
    "roula-hamati": ("", "Roula", "Hamati", "Coordinator", "ccrm"),
    "joseph-kofi-teye": ("", "Joseph Kofi", "Teye", "Director", "cms-ghana"),
    "tomas-bocek": (
        "",
        "Tomas",
        "Boček",
        "Special Representative on Migration and Refugees of the Secretary General",
        "coe",
    ),
    "gudelia-rangel": ("", "Gudelia", "Rangel", "Executive Secretary", "mexico-us-health"),
    "deogratius-j-dotto": ("", "Deogratius J.", "Dotto", "First Secretary", "tanzania"),
    "driss-oukemeni": ("", "Driss", "Oukemeni", "Member of the Arab Parliament", "arab-parliament"),
    "linda-ristagno": ("", "Linda", "Ristagno", "Manager of External Affairs", "iata"),
    "djibril-diallo": ("", "Djibril", "Diallo", "President and CEO", "ardn"),
    "zrinka-bralo": ("", "Zrinka", "Bralo", "Chief Executive", "migrants-organise"),
    "lucia-brullhardt": ("", "Lúcia", "Brüllhardt", "Founder and President", "madalenas"),
    "cecile-riallant": (
        "",
        "Cécile",
        "Riallant",
        "Senior Migration and Development Specialist",
        "iom",
    ),
    "susan-f-martin": (
        "Ms.",
        "Susan F.",
        "Martin",
        "Donald G. Herzberg Professor Emerita of International Migration",
        "georgetown",
    ),
    "pablo-cesar-garcia-saenz": (
        "",
        "Pablo César",
        "García Sáenz",
        "Vice Minister Foreign Affairs",
        "guatemala",
    ),
    "marden-de-melo-barboza": (
        "",
        "Marden",
        "de Melo Barboza",
        "Secretary for Strategic Initiatives of the Presidency of Brazil",
        "brazil",
    ),
    "ken-okaniwa": (
        "",
        "Ken",
        "Okaniwa",
        "Deputy Permanent Representative of Japan to the international organizations",
        "japan",
    ),
    "sima-gatea": ("", "Sima", "Gatea", "Co-Founder", "singa"),
    "delphine-moralis": ("", "Delphine", "Moralis", "Secretary General", "tdh"),
    "daguer-hernandez-vasquez": (
        "",
        "Daguer",
        "Hernández Vásquez",
        "Subdirector General, Directorate General for Migration and Immigration",
        "costa-rica",
    ),
    "ghenadie-slobodeniuc": (
        "",
        "Ghenadie",
        "Slobodeniuc",
        "Deputy Director, Diaspora Relations Bureau, State Chancellery",
        "moldova",
    ),
    "ann-dao-sow": ("", "Ann", "Dao Sow", "Chief Capacity Development Coordinator", "afdb"),
    "laura-thompson": ("", "Laura", "Thompson", "Deputy Director General", "iom"),
    "ola-henrikson": (
        "",
        "Ola",
        "Henrikson",
        "Director General, Department of Migration and Asylum, Ministry of Justice",
        "sweden",
    ),
    "marijke-wijnroks": ("", "Marijke", "Wijnroks", "Chief of Staff", "global-fund"),
    "melissa-pitotti": ("", "Melissa", "Pitotti", "Director Policy", "icva"),
}

VIDEO = "https://video.example.org/idm-2018-second-session/{slot}"


def appearance(person, designation, markers=(), role="Speaker", honorific="", country=""):
    """One printed line: a person in a role, the designation as printed, the document markers."""
    return {
        "person": person,
        "role": role,
        "honorific": honorific,
        "designation": designation,
        "country": country,
        "documents": list(markers),
    }


DAYS = [
    {
        "date": "2018-10-08",
        "label": "DAY ONE",
        "sessions": [
            {
                "start": "10:00",
                "end": "11:00",
                "kind": "opening",
                "number": None,
                "title": "Opening Session",
                "video": "opening-session",
                "people": [
                    appearance(
                        "antonio-vitorino",
                        "Director General, International Organization for Migration",
                        ["Opening remarks"],
                    ),
                    appearance(
                        "louise-arbour",
                        "Special Representative of the Secretary-General for International "
                        "Migration",
                        ["Remarks"],
                    ),
                    appearance(
                        "juan-eduardo-eguiguren",
                        "Permanent Representative of Chile to the United Nations and other "
                        "international organizations in Geneva, Chairperson of the Council Bureau "
                        "of IOM",
                        ["Remarks"],
                        honorific="Mr.",
                        country="CL",
                    ),
                ],
            },
            {
                "start": "11:00",
                "end": "11:30",
                "kind": "scene-setting",
                "number": None,
                "title": "Setting the scene",
                "video": "setting-the-scene",
                "people": [
                    appearance(
                        "azzouz-samri",
                        "Head of the Governing Bodies Division, IOM",
                        ["Presentation"],
                        honorific="Mr.",
                    ),
                ],
            },
            {
                "start": "11:30",
                "end": "13:00",
                "kind": "panel",
                "number": 1,
                "title": "Advancing migration governance: global capacity development frameworks "
                "and processes",
                "video": "session-1",
                "people": [
                    appearance(
                        "antonio-vitorino",
                        "Director General, International Organization for Migration",
                        role="Moderator",
                    ),
                    appearance(
                        "liduvina-magarin",
                        "Vice Minister for Salvadorians Abroad, El Salvador",
                        ["Remarks"],
                        country="SV",
                    ),
                    appearance(
                        "juan-jose-gomez-camacho",
                        "Permanent Representative of Mexico to the United Nations in New York, "
                        "co-facilitator for the Global Compact for Safe, Orderly and Regular "
                        "Migration",
                        ["Remarks"],
                        country="MX",
                    ),
                    appearance(
                        "martin-chungong",
                        "Secretary General, Inter-Parliamentary Union",
                        ["Remarks"],
                    ),
                    appearance(
                        "ambet-yuson",
                        "General Secretary, Building and Wood Workers’ International",
                        ["Remarks"],
                    ),
                ],
            },
            {
                "start": "13:00",
                "end": "15:00",
                "kind": "break",
                "number": None,
                "title": "Break",
                "video": None,
                "people": [],
            },
            {
                "start": "15:00",
                "end": "16:30",
                "kind": "panel",
                "number": 2,
                "title": "Coordinating United Nations support for capacity development on "
                "migration",
                "video": "session-2",
                "people": [
                    appearance(
                        "el-habib-nadir",
                        "Secretary General of the Ministry Delegate to the Minister of Foreign "
                        "Affairs in charge of Moroccans Living Abroad and Migration Affairs, GFMD "
                        "Co-Chair",
                        ["Remarks"],
                        role="Moderator",
                        country="MA",
                    ),
                    appearance(
                        "jurg-lauber",
                        "Permanent Representative of Switzerland to the United Nations in New "
                        "York, co-facilitator for the Global Compact for Safe, Orderly and Regular "
                        "Migration",
                        ["Remarks"],
                        country="CH",
                    ),
                    appearance(
                        "soumya-swaminathan",
                        "Deputy Director General for Programmes, World Health Organization",
                        ["Remarks"],
                    ),
                    appearance(
                        "sikander-khan",
                        "Director, Geneva Office of Emergency Programmes (EMOPS), UNICEF",
                        ["Remarks"],
                    ),
                    appearance(
                        "roula-hamati",
                        "Representative of the Working Group on Global Compact for Migration "
                        "implementation, Coordinator of the Cross-Regional Center for Refugees and "
                        "Migrants (CCRM)",
                        ["Remarks"],
                    ),
                ],
            },
            {
                "start": "16:30",
                "end": "18:00",
                "kind": "panel",
                "number": 3,
                "title": "Partnership frameworks for developing capacity on migration: a regional "
                "perspective",
                "video": "session-3",
                "people": [
                    appearance(
                        "joseph-kofi-teye",
                        "Director, Centre for Migration Studies, Ghana",
                        ["Remarks"],
                        role="Moderator",
                        country="GH",
                    ),
                    appearance(
                        "tomas-bocek",
                        "Special Representative on Migration and Refugees of the Secretary "
                        "General of Council of Europe",
                        ["Remarks"],
                    ),
                    appearance(
                        "gudelia-rangel",
                        "Executive Secretary, Executive Secretariat to the Mexico Section, "
                        "Mexico-US Health Border Commission, International Relations General "
                        "Division to the Health Secretariat, Mexico",
                        ["Presentation"],
                        country="MX",
                    ),
                    appearance(
                        "deogratius-j-dotto",
                        "First Secretary, Department of Multilateral Cooperation of the Ministry "
                        "of Foreign Affairs, Tanzania",
                        ["Remarks"],
                        country="TZ",
                    ),
                    appearance(
                        "driss-oukemeni",
                        "Member of the Arab Parliament",
                        ["Remarks"],
                    ),
                    appearance(
                        "linda-ristagno",
                        "Manager of External Affairs, International Air Transport Association",
                        ["Remarks", "Presentation"],
                    ),
                ],
            },
        ],
    },
    {
        "date": "2018-10-09",
        "label": "DAY TWO",
        "sessions": [
            {
                "start": "10:00",
                "end": "11:00",
                "kind": "special",
                "number": None,
                "title": "Migrant’s Voice Session",
                "video": "migrants-voice-session",
                "people": [
                    appearance(
                        "azzouz-samri",
                        "Head, Governing Bodies Division, IOM",
                        role="Presenter",
                    ),
                    appearance(
                        "djibril-diallo",
                        "President and CEO, African Renaissance and Diaspora Network (ARDN)",
                        ["Remarks"],
                    ),
                    appearance(
                        "zrinka-bralo",
                        "Chief Executive, Migrants Organise, United Kingdom",
                        ["Remarks", "Presentation"],
                        country="GB",
                    ),
                    appearance(
                        "lucia-brullhardt",
                        "Founder and President of Madalena’s, Switzerland",
                        ["Remarks", "Presentation"],
                        country="CH",
                    ),
                ],
            },
            {
                "start": "11:00",
                "end": "13:00",
                "kind": "panel",
                "number": 4,
                "title": "Assessing the capacity development needs of national actors and "
                "promoting solutions",
                "video": "session-4",
                "people": [
                    appearance(
                        "cecile-riallant",
                        "Senior Migration and Development Specialist, IOM",
                        ["Remarks", "Presentation"],
                        role="Introduction to the panel discussion",
                    ),
                    appearance(
                        "susan-f-martin",
                        "Donald G. Herzberg Professor Emerita of International Migration, "
                        "Georgetown University",
                        ["Remarks"],
                        role="Moderator",
                        honorific="Ms.",
                    ),
                    appearance(
                        "pablo-cesar-garcia-saenz",
                        "Vice Minister Foreign Affairs, Guatemala",
                        ["Remarks"],
                        country="GT",
                    ),
                    appearance(
                        "marden-de-melo-barboza",
                        "Secretary for Strategic Initiatives of the Presidency of Brazil",
                        ["Remarks", "Presentation"],
                        country="BR",
                    ),
                    appearance(
                        "ken-okaniwa",
                        "Deputy Permanent Representative of Japan to the international "
                        "organizations and Chief of the Consulate of Japan in Geneva",
                        ["Presentation"],
                        country="JP",
                    ),
                    appearance(
                        "sima-gatea",
                        "Co-Founder, SINGA Deutschland",
                        ["Presentation", "Remarks"],
                    ),
                ],
            },
            {
                "start": "13:00",
                "end": "15:00",
                "kind": "break",
                "number": None,
                "title": "Break",
                "video": None,
                "people": [],
            },
            {
                "start": "15:00",
                "end": "16:00",
                "kind": "panel",
                "number": 5,
                "title": "Measuring the impact of capacity development",
                "video": "session-5",
                "people": [
                    appearance(
                        "delphine-moralis",
                        "Secretary General, Terre des Hommes",
                        ["Remarks"],
                        role="Moderator",
                    ),
                    appearance(
                        "daguer-hernandez-vasquez",
                        "Subdirector General, Directorate General for Migration and Immigration, "
                        "Costa Rica",
                        ["Remarks"],
                        country="CR",
                    ),
                    appearance(
                        "ghenadie-slobodeniuc",
                        "Deputy Director, Diaspora Relations Bureau, State Chancellery of the "
                        "Republic of Moldova",
                        ["Remarks"],
                        country="MD",
                    ),
                    appearance(
                        "ann-dao-sow",
                        "Chief Capacity Development Coordinator, African Development Bank, Cote "
                        "D’Ivoire",
                        ["Remarks", "Presentation"],
                    ),
                ],
            },
            {
                "start": "16:00",
                "end": "17:30",
                "kind": "panel",
                "number": 6,
                "title": "Meeting funding needs for capacity development on migration",
                "video": "session-6",
                "people": [
                    appearance(
                        "laura-thompson",
                        "Deputy Director General, IOM",
                        ["Remarks"],
                        role="Moderator",
                    ),
                    appearance(
                        "ola-henrikson",
                        "Director General, Department of Migration and Asylum, Ministry of "
                        "Justice, Sweden",
                        ["Remarks"],
                        country="SE",
                    ),
                    appearance(
                        "marijke-wijnroks",
                        "Chief of Staff, The Global Fund to fight Aids, Tuberculosis and Malaria",
                        ["Remarks"],
                    ),
                    appearance(
                        "melissa-pitotti",
                        "Director Policy, International Council of Voluntary Agencies",
                        ["Remarks"],
                    ),
                ],
            },
            {
                "start": "17:30",
                "end": "18:00",
                "kind": "closing",
                "number": None,
                "title": "Closing remarks",
                "video": None,
                "people": [],
            },
        ],
    },
]
