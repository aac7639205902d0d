"""The tables of the synthetic conference (see demo/synthetic.py): names by region,
organisations, positions, subjects, the timetable of a day, the documents of each role."""

from documents.enums import DocumentKind
from programme.enums import SlotKind

# A region: countries and names as they are written there. Arabic-script names carry their
# usual Latin transliteration, used for the address (slug) and, for some people, the name.
REGIONS = {
    "francophone": {
        "countries": ["FR", "BE", "SN", "CI", "ML", "HT", "CD", "LU"],
        "female": ["Hélène", "Amélie", "Zoé", "Céline", "Aïssatou", "Françoise", "Marième", "Léa"],
        "male": ["François", "Jérôme", "Benoît", "Loïc", "Mamadou", "Thibault", "Cédric", "Noël"],
        "family": [
            "Lefèvre",
            "Dupré",
            "Mercier",
            "Diallo",
            "Ndiaye",
            "Bérard",
            "Chénier",
            "Kaboré",
            "Traoré",
            "Lavoie-Gagné",
        ],
    },
    "hispanic": {
        "countries": ["ES", "MX", "CO", "AR", "PE", "GT", "EC", "BO", "SV", "HN"],
        "female": ["María José", "Lucía", "Ximena", "Begoña", "Inés", "Sofía", "Mónica", "Ángela"],
        "male": ["José Luis", "Andrés", "Iñaki", "Sebastián", "Joaquín", "Martín", "Raúl", "Ramón"],
        "family": [
            "Núñez",
            "Peña",
            "Muñoz",
            "Ibáñez",
            "Gutiérrez",
            "Rodríguez Pérez",
            "Castañeda",
            "Jiménez",
            "Ordóñez",
            "García Márquez",
        ],
    },
    "lusophone": {
        "countries": ["PT", "BR", "AO", "MZ", "CV"],
        "female": ["Conceição", "Inês", "Luísa", "Graça", "Fátima", "Joana"],
        "male": ["João", "Sebastião", "Antônio", "Gonçalo", "Estêvão", "Tiago"],
        "family": ["Gonçalves", "Magalhães", "Araújo", "Simões", "Guimarães", "Brandão"],
    },
    "nordic-germanic": {
        "countries": ["DE", "AT", "SE", "NO", "DK", "IS", "FI", "NL"],
        "female": ["Åsa", "Jördis", "Birgitta", "Sólveig", "Käthe", "Ingrid", "Sigríður"],
        "male": ["Jürgen", "Søren", "Ólafur", "Björn", "Jörg", "Håkon", "Matthijs"],
        "family": ["Müller", "Schäfer", "Lindqvist", "Sørensen", "Ólafsson", "Weiß", "Östberg"],
    },
    "central-eastern-europe": {
        "countries": ["PL", "CZ", "HU", "RO", "MD", "HR", "RS", "UA"],
        "female": ["Małgorzata", "Zuzana", "Erzsébet", "Ioana", "Jelena", "Dagmar", "Oksana"],
        "male": ["Łukasz", "Tomáš", "Zoltán", "Ștefan", "Dragoș", "Miloš", "Bohdan"],
        "family": ["Wójcik", "Dvořák", "Kovács", "Popescu", "Nowak", "Jovanović", "Kravčenko"],
    },
    "turkic": {
        "countries": ["TR", "AZ", "KZ", "KG", "UZ"],
        "female": ["Çağla", "Ayşe", "Gülşen", "Aigerim", "Dilnoza"],
        "male": ["Oğuz", "Mehmet", "Yusuf", "Nurlan", "Rustam"],
        "family": ["Yılmaz", "Şahin", "Öztürk", "Çelik", "Aliyev", "Nurpeisov"],
    },
    "arabic": {
        "countries": ["MA", "TN", "EG", "JO", "LB", "SA", "AE", "QA", "SD", "IQ"],
        "female": [
            ("فاطمة", "Fatima"),
            ("مريم", "Maryam"),
            ("ليلى", "Layla"),
            ("نور", "Nour"),
            ("سلمى", "Salma"),
            ("هدى", "Huda"),
        ],
        "male": [
            ("محمد", "Mohammed"),
            ("أحمد", "Ahmed"),
            ("يوسف", "Youssef"),
            ("عمر", "Omar"),
            ("خالد", "Khaled"),
            ("كريم", "Karim"),
        ],
        "family": [
            ("العلي", "Al-Ali"),
            ("الحسيني", "Al-Husseini"),
            ("بن علي", "Ben Ali"),
            ("المنصوري", "Al-Mansouri"),
            ("حداد", "Haddad"),
            ("الخطيب", "Al-Khatib"),
            ("الزين", "El-Zein"),
            ("بنجلون", "Benjelloun"),
        ],
    },
    "africa-anglophone": {
        "countries": ["NG", "GH", "KE", "UG", "ZA", "ET", "TZ", "ZM", "SL"],
        "female": ["Ngozi", "Chiamaka", "Wanjiru", "Thandiwe", "Abena", "Amina", "Tsion"],
        "male": ["Chukwuemeka", "Kwame", "Tendai", "Oluwaseun", "Tesfaye", "Baraka", "Sipho"],
        "family": ["Okonkwo", "Mensah", "Otieno", "Dlamini", "Adéyẹmí", "Mwangi", "Tadesse"],
    },
    "south-asia": {
        "countries": ["IN", "PK", "BD", "NP", "LK"],
        "female": ["Priya", "Ananya", "Ayesha", "Farzana", "Sunita"],
        "male": ["Rahul", "Imran", "Arjun", "Tanvir", "Prakash"],
        "family": ["Sharma", "Chowdhury", "Qureshi", "Perera", "Shrestha", "Iyer"],
    },
    "vietnam": {
        "countries": ["VN"],
        "female": ["Thị Hương", "Thu Trang", "Ngọc Ánh"],
        "male": ["Văn Minh", "Quốc Bảo", "Đức Anh"],
        "family": ["Nguyễn", "Trần", "Phạm", "Lê"],
        "family_first": True,
    },
    "east-asia": {
        "countries": ["JP", "KR", "CN", "PH", "ID", "TH"],
        "female": ["Yuki", "Mei", "Ji-woo", "Siti", "Maria Luisa"],
        "male": ["Haruto", "Wei", "Min-jun", "Budi", "Somchai"],
        "family": ["Tanaka", "Satō", "Wang", "Kim", "Santos", "Wijaya"],
    },
    "anglophone": {
        "countries": ["GB", "US", "AU", "NZ", "IE", "CA", "JM"],
        "female": ["Siobhán", "Margaret", "Aoife", "Emily", "Chloé"],
        "male": ["Seán", "Patrick", "Michael", "Liam", "Desmond"],
        "family": ["O'Brien", "Ó Súilleabháin", "Thompson", "MacLeod", "Walker", "Fitzgerald"],
    },
}

# Letters that Unicode does not decompose into a Latin letter and an accent.
TRANSLITERATION = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ß": "ss",
        "ð": "d",
        "Ð": "D",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
    }
)
COUNTRY_REGION = {code: name for name, region in REGIONS.items() for code in region["countries"]}

# A government body and the positions its people hold.
GOVERNMENT_BODIES = [
    (
        "Permanent Mission of {country} to the United Nations Office at Geneva",
        [
            "Permanent Representative",
            "Deputy Permanent Representative",
            "Counsellor, Migration and Humanitarian Affairs",
            "First Secretary",
        ],
    ),
    (
        "Ministry of Foreign Affairs of {country}",
        [
            "Minister of Foreign Affairs",
            "Deputy Minister for Nationals Abroad",
            "Director-General for Consular Affairs",
        ],
    ),
    (
        "Ministry of the Interior of {country}",
        ["Secretary of State for Migration", "Director of Migration", "Head of Border Management"],
    ),
    (
        "Ministry of Labour and Social Protection of {country}",
        [
            "Minister of Labour and Social Protection",
            "Director of Labour Migration",
            "Senior Adviser on Social Protection",
        ],
    ),
]

# (name, acronym, category, country)
NAMED_ORGANISATIONS = [
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR", "un", ""),
    ("United Nations Development Programme", "UNDP", "un", ""),
    ("International Labour Organization", "ILO", "un", ""),
    ("UN Women", "", "un", ""),
    ("United Nations Population Fund", "UNFPA", "un", ""),
    ("United Nations Office on Drugs and Crime", "UNODC", "un", ""),
    ("Office of the United Nations High Commissioner for Human Rights", "OHCHR", "un", ""),
    ("World Food Programme", "WFP", "un", ""),
    ("United Nations Human Settlements Programme", "UN-Habitat", "un", ""),
    ("United Nations Conference on Trade and Development", "UNCTAD", "un", ""),
    ("Food and Agriculture Organization of the United Nations", "FAO", "un", ""),
    ("Joint United Nations Programme on HIV/AIDS", "UNAIDS", "un", ""),
    ("Office for the Coordination of Humanitarian Affairs", "OCHA", "un", ""),
    ("United Nations Institute for Training and Research", "UNITAR", "un", ""),
    ("African Union Commission", "AUC", "igo", "ET"),
    ("Organization of American States", "OAS", "igo", "US"),
    ("ECOWAS Commission", "", "igo", "NG"),
    ("League of Arab States", "", "igo", "EG"),
    ("ASEAN Secretariat", "", "igo", "ID"),
    ("Organization for Security and Co-operation in Europe", "OSCE", "igo", "AT"),
    ("Organisation for Economic Co-operation and Development", "OECD", "igo", "FR"),
    ("International Centre for Migration Policy Development", "ICMPD", "igo", "AT"),
    ("Intergovernmental Authority on Development", "IGAD", "igo", "DJ"),
    ("Organisation internationale de la Francophonie", "OIF", "igo", "FR"),
    ("Sistema de la Integración Centroamericana", "SICA", "igo", "SV"),
    ("Commonwealth Secretariat", "", "igo", "GB"),
    ("Islamic Development Bank", "IsDB", "igo", "SA"),
    ("Inter-American Development Bank", "IDB", "igo", "US"),
    ("Pan-African Parliament", "PAP", "parliament", "ZA"),
    ("Parlamento Centroamericano", "PARLACEN", "parliament", "GT"),
    ("Assemblée nationale du Sénégal", "", "parliament", "SN"),
    ("Congreso de la República del Perú", "", "parliament", "PE"),
    ("National Assembly of Kenya", "", "parliament", "KE"),
    ("Grand National Assembly of Türkiye", "", "parliament", "TR"),
    ("Parliament of Sri Lanka", "", "parliament", "LK"),
    ("Sejm of the Republic of Poland", "", "parliament", "PL"),
    ("Migrant Rights Network of Southern Africa", "", "civil-society", "ZA"),
    ("Fundación Caminos Seguros", "", "civil-society", "CO"),
    ("Association Solidarité Migrants Dakar", "", "civil-society", "SN"),
    ("Women on the Move Coalition", "", "civil-society", "KE"),
    ("Coalition for Fair Recruitment", "", "civil-society", "NP"),
    ("Child Protection on the Move Alliance", "", "civil-society", "CH"),
    ("Observatoire des migrations du Sahel", "", "civil-society", "ML"),
    ("Bürgerinitiative Ankommen", "", "civil-society", "DE"),
    ("Centro de Atención al Migrante de Tijuana", "", "civil-society", "MX"),
    ("Asian Forum for Migrant Workers’ Rights", "", "civil-society", "PH"),
    ("Pacific Climate Mobility Network", "", "civil-society", "FJ"),
    ("Legal Aid for Refugees – Cairo", "", "civil-society", "EG"),
    ("Jeunesse et Migration Côte d’Ivoire", "", "civil-society", "CI"),
    ("Associação Brasileira de Apoio ao Migrante", "", "civil-society", "BR"),
    ("Stichting Nieuwe Buren", "", "civil-society", "NL"),
    ("Justice for Domestic Workers", "", "civil-society", "GB"),
    ("Somali Diaspora Development Forum", "", "diaspora", "SE"),
    ("Federation of Filipino Associations in Europe", "", "diaspora", "IT"),
    ("Red de Mexicanos en el Exterior", "", "diaspora", "US"),
    ("Ghanaian Diaspora Professionals UK", "", "diaspora", "GB"),
    ("Nepali Diaspora Network", "", "diaspora", "QA"),
    ("Union des Maliens de France", "", "diaspora", "FR"),
    ("Moldovan Diaspora Council", "", "diaspora", "IT"),
    ("Sudanese Diaspora Association", "", "diaspora", "GB"),
    ("Atlas Remittance Services", "", "private-sector", "AE"),
    ("Meridian Recruitment Group", "", "private-sector", "SG"),
    ("Nordlicht Logistik GmbH", "", "private-sector", "DE"),
    ("Banco Horizonte", "", "private-sector", "PE"),
    ("Sahel Telecom", "", "private-sector", "NE"),
    ("Harbour Line Shipping", "", "private-sector", "GR"),
    ("Orion Digital Identity", "", "private-sector", "EE"),
    ("Hôtellerie Alpine SA", "", "private-sector", "CH"),
    ("Centre for Refugee Studies, Northbridge University", "", "academia", "CA"),
    ("Instituto de Estudios Migratorios, Universidad del Pacífico Sur", "", "academia", "CL"),
    ("Institut für Migrationsforschung, Universität Rheinau", "", "academia", "DE"),
    ("School of Demography, Lakeside University", "", "academia", "UG"),
    ("Centre d’études sur les mobilités, Université de Lausanne-Ouest", "", "academia", "CH"),
    ("Migration Policy Lab, Eastgate Institute of Technology", "", "academia", "IN"),
    ("Centro de Estudos das Migrações, Universidade do Atlântico", "", "academia", "PT"),
    ("General Federation of Transport Workers", "", "trade-union", "GB"),
    ("Confederación Sindical de Trabajadores Migrantes", "", "trade-union", "AR"),
    ("Nurses and Care Workers Union", "", "trade-union", "PH"),
    ("Union générale des travailleurs agricoles", "", "trade-union", "MA"),
    ("Construction Workers’ Federation of Asia", "", "trade-union", "MY"),
    ("City of Montréal", "", "other", "CA"),
    ("Municipality of Gaziantep", "", "other", "TR"),
    ("Alcaldía de Medellín", "", "other", "CO"),
    ("Kampala Capital City Authority", "KCCA", "other", "UG"),
]

POSITIONS = {
    "un": [
        "Director, Regional Office for Africa",
        "Chief, Migration and Development Section",
        "Senior Policy Adviser",
        "Special Envoy",
        "Deputy Executive Director",
        "Programme Manager, Labour Mobility",
    ],
    "igo": [
        "Commissioner for Social Affairs",
        "Head of the Migration Unit",
        "Senior Programme Officer",
        "Deputy Secretary-General",
        "Director of Policy",
    ],
    "parliament": [
        "Member of Parliament",
        "Chair, Committee on Foreign Affairs",
        "Vice-President",
        "Rapporteur on Migration",
    ],
    "civil-society": [
        "Executive Director",
        "Founder and President",
        "Coordinator",
        "Advocacy Officer",
        "Board Member",
    ],
    "diaspora": ["President", "Secretary-General", "Youth Coordinator", "Co-founder"],
    "private-sector": [
        "Chief Executive Officer",
        "Head of Sustainability",
        "Vice-President, Public Affairs",
        "Head of Responsible Recruitment",
    ],
    "academia": [
        "Professor of Migration Studies",
        "Senior Research Fellow",
        "Director of the Centre",
        "Lecturer in Demography",
    ],
    "trade-union": ["General Secretary", "President", "Migrant Workers’ Coordinator"],
    "other": ["Mayor", "Deputy Mayor for Social Affairs", "Head of the Office for Newcomers"],
}

SUBJECTS = [
    "regular pathways for labour migration",
    "climate-related human mobility",
    "the rights of migrant children",
    "return and sustainable reintegration",
    "data for migration governance",
    "diaspora engagement in development",
    "fair and ethical recruitment",
    "migrant health and access to services",
    "cities of arrival and local governance",
    "search and rescue at sea",
    "global skills partnerships",
    "remittances and financial inclusion",
    "gender-responsive migration policy",
    "border governance and human rights",
    "cooperation against trafficking in persons",
    "legal identity and documentation",
    "alternatives to immigration detention",
    "social cohesion and inclusion",
]
APPROACHES = [
    "Advancing",
    "Strengthening",
    "Financing",
    "Measuring",
    "Rethinking",
    "Partnering for",
    "Scaling up",
]
# People of these organisations come from the organisation's country.
HOME_COUNTRY = {"government", "parliament", "other"}
ROOMS = ["Assembly Hall", "Room XVII", "Room XIX", "Room XX"]

# One day's timetable: (start, end, parallel slots, kind). "morning" is the plenary that
# opens the day (the opening on the first day, a keynote after); "evening" the one that
# closes it (reports from the panels, the closing plenary on the last day).
TIMETABLE = [
    ("08:00", "08:50", 1, SlotKind.SPECIAL),
    ("09:00", "09:50", 1, "morning"),
    ("10:00", "11:15", 3, SlotKind.PANEL),
    ("11:15", "11:30", 1, SlotKind.BREAK),
    ("11:30", "12:45", 3, SlotKind.PANEL),
    ("12:45", "14:00", 1, SlotKind.BREAK),
    ("14:00", "15:15", 3, SlotKind.PANEL),
    ("15:15", "16:30", 3, SlotKind.PANEL),
    ("16:30", "16:45", 1, SlotKind.BREAK),
    ("16:45", "18:00", 3, SlotKind.PANEL),
    ("18:00", "18:30", 1, "evening"),
    ("18:30", "19:45", 3, SlotKind.SPECIAL),
]
DAY_LABELS = {
    "en": ["DAY ONE", "DAY TWO", "DAY THREE", "DAY FOUR", "DAY FIVE"],
    "fr": ["PREMIER JOUR", "DEUXIÈME JOUR", "TROISIÈME JOUR", "QUATRIÈME JOUR", "CINQUIÈME JOUR"],
    "es": ["PRIMER DÍA", "SEGUNDO DÍA", "TERCER DÍA", "CUARTO DÍA", "QUINTO DÍA"],
}
APPEARANCE_KINDS = {
    "Chair": [DocumentKind.OPENING_REMARKS, DocumentKind.REMARKS],
    "Moderator": [DocumentKind.REMARKS, DocumentKind.BACKGROUND_PAPER],
    "Keynote speaker": [DocumentKind.KEYNOTE_ADDRESS, DocumentKind.PRESENTATION],
    "Presenter": [DocumentKind.PRESENTATION, DocumentKind.REPORT],
    "Rapporteur": [DocumentKind.REPORT, DocumentKind.REMARKS],
    "Speaker": [
        DocumentKind.STATEMENT,
        DocumentKind.PRESENTATION,
        DocumentKind.REMARKS,
        DocumentKind.BACKGROUND_PAPER,
    ],
}
ROLE_NAMES = sorted(APPEARANCE_KINDS)
