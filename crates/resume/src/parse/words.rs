//! Words that tell what a phrase of an entry is: a job title, an organisation, a school, a
//! degree. In the languages of the heading table (assets/resume/headings.tsv): English,
//! German, French, Spanish, Portuguese, Italian, Dutch, Polish.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

/// Words of a job title ("Chartered Accountant", "Chef de réception", "Kierownik zmiany").
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    // English
    "engineer", "developer", "manager", "analyst", "designer", "nurse", "director", "lead", "specialist",
    "consultant", "scientist", "architect", "officer", "coordinator", "assistant", "intern", "administrator",
    // "Crew Member", "Team Member": retail and food service.
    "member",
    // Teachers in the other languages: "Maestro de Educación Primaria", "Docente", "Professoressa".
    "maestro", "maestra", "docente", "professore", "professoressa",
    "technician", "representative", "associate", "head", "vp", "president", "accountant", "teacher", "recruiter",
    "programmer", "owner", "partner", "advisor", "executive", "supervisor", "therapist", "physician", "editor",
    "writer", "researcher", "professor", "lecturer", "tester", "strategist", "planner", "buyer", "agent", "clerk",
    "chef", "driver", "operator", "pharmacist", "attorney", "lawyer", "paralegal", "auditor", "controller", "trainer",
    "marketer", "product", "senior", "junior", "principal", "staff", "chief", "sales", "support", "worker", "helper",
    "installer", "apprentice", "journeyman", "electrician", "carpenter", "joiner", "plumber", "welder", "machinist",
    "picker", "operative", "dispatcher", "cook", "receptionist", "concierge", "cashier", "instructor", "tutor", "rn",
    "lpn", "cna", "aide", "caregiver", "mechanic", "inspector", "foreman", "educator", "counselor", "secretary",
    "bookkeeper", "solicitor", "barrister", "waiter", "bartender", "housekeeper", "porter", "commis", "trainee",
    "volunteer", "fellow", "coder", "midwife", "paramedic", "dentist", "surgeon", "clinician", "caseworker", "steward",
    "carer", "physiotherapist", "hygienist", "surveyor", "estimator", "radiographer", "optician", "veterinarian",
    "groundsman", "cleaner", "fabricator", "labourer", "laborer", "storekeeper",
    // A student on a placement ("Étudiante en pharmacie (stage)"), in every language here.
    "student", "studentin", "étudiant", "étudiante", "estudiante", "estudante", "studente", "studentessa",
    // German
    "leiter", "leiterin", "ingenieur", "ingenieurin", "lehrer", "lehrerin", "studienrat", "studienrätin",
    "referendar", "referendarin", "fachkraft", "hilfskraft", "mitarbeiter", "mitarbeiterin", "assistent",
    "assistentin", "sachbearbeiter", "sachbearbeiterin", "pfleger", "pflegerin", "krankenschwester", "elektriker",
    "elektronikerin", "elektroniker", "monteur", "entwickler", "entwicklerin", "berater", "beraterin", "verkäufer",
    "verkäuferin", "auszubildender", "auszubildende", "praktikant", "praktikantin", "werkstudent", "meister",
    "techniker", "kauffrau", "kaufmann", "referent", "referentin", "geschäftsführer", "koch", "köchin",
    "erzieher", "erzieherin", "tischler", "tischlerin", "geselle", "gesellin", "gruppenleitung",
    "mechatroniker", "mechatronikerin", "physiotherapeut", "physiotherapeutin", "apotheker", "apothekerin",
    "hotelfachfrau", "hotelfachmann", "bäcker", "bäckerin", "friseur", "friseurin",
    // French
    "infirmière", "infirmier", "professeur", "professeure", "enseignant", "enseignante", "comptable", "juriste",
    "avocat", "avocate", "stagiaire", "interne", "responsable", "directeur", "directrice", "assistante", "chargé", "chargée",
    "animateur", "animatrice", "réceptionniste", "préparateur", "préparatrice", "aide-soignante", "aide-soignant",
    "ingénieure", "technicienne", "conseiller", "conseillère", "vendeur", "vendeuse", "cuisinier", "cuisinière",
    "serveur", "serveuse", "gestionnaire", "employé", "employée", "secrétaire", "magasinier", "cariste", "rédacteur",
    "rédactrice", "chef", "adjoint", "adjointe", "attaché", "attachée", "commercial", "commerciale",
    "éducateur", "éducatrice", "sous-chef",
    "pharmacien", "pharmacienne", "kinésithérapeute", "conducteur", "conductrice", "ouvrier",
    "ouvrière", "électricien", "électricienne", "plombier", "boulanger", "boulangère",
    // Spanish
    "enfermera", "enfermero", "profesor", "profesora", "abogado", "abogada", "jefe", "jefa", "directora",
    "asistente", "técnico", "técnica", "auxiliar", "electricista", "cocinero", "cocinera", "administrativo",
    "administrativa", "coordinador", "coordinadora", "ingeniero", "ingeniera", "contable", "gerente", "analista",
    "desarrollador", "desarrolladora", "vendedor", "vendedora", "becario", "becaria", "operario", "operaria",
    "repartidor", "conductor", "camarero", "camarera", "recepcionista", "especialista", "consultor", "consultora",
    "ayudante", "oficial", "educador", "educadora",
    "farmacéutico", "farmacéutica", "fisioterapeuta", "fontanero", "soldador", "mecánico", "limpiador", "limpiadora",
    "prácticas", "cajero", "cajera", "dependiente", "dependienta", "reponedor", "reponedora", "mozo", "peón", "encargado",
    "encargada", "gerocultor", "gerocultora", "celador", "celadora", "socorrista", "monitor", "monitora",
    "preparador", "preparadora", "carretillero", "carretillera", "teleoperador", "teleoperadora", "repartidora",
    "vigilante", "conserje", "peluquero", "peluquera", "cuidador", "cuidadora",
    // Portuguese
    "enfermeira", "enfermeiro", "professora", "contabilista", "estagiário", "estagiária", "cozinheiro",
    "cozinheira", "desenvolvedor", "engenheiro", "engenheira", "coordenador", "coordenadora", "chefe",
    "executivo", "executiva", "promotor", "promotora", "gestor", "gestora", "operador", "operadora",
    "rececionista", "advogado", "advogada", "estágio",
    "eletricista", "farmacêutico", "farmacêutica", "motorista", "canalizador", "soldador", "mecânico",
    // Italian
    "avvocato", "avvocata", "ingegnere", "impiegato", "impiegata", "responsabile", "praticante", "tirocinante",
    "addetto", "addetta", "insegnante", "infermiere", "infermiera", "cuoco", "cuoca", "commesso", "commessa",
    "direttore", "direttrice", "contabile", "sviluppatore", "tecnico", "consulente", "segretaria", "assistente",
    "educatore", "educatrice", "supplente", "tirocinio",
    "fisioterapista", "farmacista", "autista", "elettricista", "idraulico", "saldatore", "magazziniere",
    "cameriere", "cameriera", "receptionist", "operaio", "operaia", "geometra", "dirigente", "fisico",
    // Dutch
    "docent", "verpleegkundige", "medewerker", "medewerkster", "leraar", "lerares", "adviseur", "ontwikkelaar",
    "teamleider", "leidinggevende", "stagiair", "verkoper", "chauffeur", "boekhouder", "mentor", "onderwijsassistent",
    "magazijnmedewerker", "kok", "beheerder", "opvoeder",
    "verzorgende", "helpende", "fysiotherapeut", "apotheker", "monteur", "loodgieter", "lasser", "schoonmaker",
    // Polish
    "kierownik", "kierowniczka", "magazynier", "magazynierka", "księgowa", "księgowy", "specjalista",
    "specjalistka", "programista", "programistka", "inżynier", "nauczyciel", "nauczycielka", "pielęgniarka",
    "pielęgniarz", "asystent", "asystentka", "stażysta", "stażystka", "praktykant", "praktykantka", "kierowca",
    "sprzedawca", "doradca", "elektryk", "kucharz", "kucharka", "dyrektor", "starszy", "starsza", "młodszy", "młodsza",
    "główny", "główna", "referentka", "operatorka", "radca", "aplikant", "aplikantka", "kontroler", "kontrolerka",
    "fizjoterapeuta", "farmaceuta", "spawacz", "mechanik", "kelner", "kelnerka", "recepcjonistka",
    // More trades, care, hospitality, office and public service titles in each language,
    // written for this list from the usual occupations of such resumes; not those that are
    // common surnames too ("Bakker", "Baker", "Maurer", "Boucher", "Charpentier", "Piekarz").
    // English
    "leader", "coach", "adviser", "counsellor", "waitress", "barista", "sergeant", "temp", "sonographer",
    "hostess", "attendant", "loader", "merchandiser", "scaffolder", "plasterer",
    "bricklayer", "roofer", "decorator", "tiler", "nanny", "childminder", "dietitian",
    "psychologist", "firefighter", "boilermaker", "pipefitter", "millwright", "lineman", "rigger",
    "sommelier", "hairdresser", "stylist", "underwriter", "translator", "interpreter", "librarian", "journalist",
    // German
    "rezeptionist", "rezeptionistin", "empfangschef", "empfangschefin", "maurerin",
    "dachdecker", "lackierer", "lackiererin", "schweißer", "fliesenleger", "polier", "einrichter",
    "einrichterin", "disponent", "disponentin", "kommissionierer", "kommissioniererin", "betreuer", "betreuerin",
    "hebamme", "sekretärin", "rechtsanwalt", "rechtsanwältin", "polizist", "polizistin", "beamter", "beamtin",
    "inspektor", "inspektorin", "servicekraft",
    // French
    "menuisier", "menuisière", "plaquiste", "peintre", "carreleur", "soudeur",
    "soudeuse", "chaudronnier", "mécanicien", "mécanicienne", "technicien", "saisonnier", "saisonnière", "cheffe",
    "ambulancier", "ambulancière", "caissier", "caissière", "hôtesse", "opérateur", "opératrice", "manutentionnaire",
    "livreur", "livreuse", "auxiliaire", "puéricultrice", "sage-femme", "orthophoniste", "ergothérapeute",
    "psychologue", "notaire", "greffier", "greffière", "pâtissier", "pâtissière", "bouchère", "caviste",
    "sommelière", "plongeur", "gouvernante", "veilleur", "veilleuse", "surveillant", "surveillante",
    "développeur", "développeuse", "informaticien", "informaticienne", "standardiste",
    // Spanish
    "delegado", "delegada", "tcae", "carretillero", "carretillera", "albañil", "frigorista",
    "jardinero", "cuidador", "cuidadora", "azafata", "procurador", "procuradora", "notario", "sumiller", "pastelero",
    "pastelera", "panadera", "visitador", "visitadora", "teleoperador", "teleoperadora",
    "vigilante", "conserje", "transportista", "camionero", "repartidora", "chófer",
    // Portuguese
    "atendente", "balconista", "repositor", "repositora", "pedreiro", "garçom",
    "garçonete", "empregado", "empregada", "ajudante", "manobrador", "psicólogo", "psicóloga", "nutricionista",
    "pedagogo", "pedagoga", "solicitador", "solicitadora", "escriturário", "escriturária", "aprendiz",
    // Italian
    "bagnino", "bagnina", "scaffalista", "carrellista", "operatore", "operatrice", "barista", "pizzaiolo",
    "lavapiatti", "cassiere", "cassiera", "carpentiere", "manutentore", "programmatore",
    "programmatrice", "progettista", "ragioniere", "ragioniera", "logopedista", "ostetrica", "psicologo",
    "psicologa", "rappresentante", "venditore", "venditrice", "portiere", "caposquadra", "capoturno",
    "capocantiere", "capocuoco",
    // An intern ("Stagista – Istituto di bellezza Chic").
    "stagista",
    // Hair and beauty, in the languages here ("Estetista – Centro Estetico Venere"); not the
    // trades that are surnames too ("Kapper", "Fryzjer", "Friseur", "Barber"), nor the words
    // that lead a salon's name ("Coiffeur Bernadette", "Parrucchiere Da Mario").
    "estetista", "parrucchiera", "acconciatore", "acconciatrice", "kosmetikerin", "kosmetiker", "esthéticienne",
    "coiffeuse", "peluquera", "peluquero", "esteticista", "cabeleireira", "cabeleireiro", "schoonheidsspecialiste",
    "kosmetyczka", "manicurist", "beautician",
    // Bakers and pastry cooks, in Italian.
    "fornaio", "fornaia", "panettiere", "panettiera", "pasticcere", "pasticcera",
    // Dutch
    "orderpicker", "verzorger", "begeleider", "begeleidster", 
    "stukadoor", "installateur", "elektricien", "ambtenaar", "secretaresse",
    "receptioniste", "consulent", "coördinator", "vakkenvuller", "bezorger", "koerier", "leerling",
    // Polish
    "geodeta", "monter", "hydraulik", "przedstawiciel",
    "przedstawicielka", "handlowiec", "konsultant", "konsultantka", "kasjer", "kasjerka", "opiekun", "opiekunka",
    "położna", "ratownik", "ratowniczka", "lekarz", "pracownik", "pracowniczka", "cukiernik", "fryzjer",
    "fryzjerka", "wychowawca", "wychowawczyni", "urzędnik", "urzędniczka", "sekretarka", "recepcjonista",
    "logistyk", "spedytor", "dyspozytor", "dyspozytorka", "brygadzista", "zastępca", "zastępczyni", "analityk",
    "testerka",
];

/// Endings of German and Dutch compound titles ("Schichtleiter", "Bilanzbuchhalterin",
/// "Vertriebsingenieur", "Magazijnmedewerker").
#[rustfmt::skip]
const TITLE_ENDINGS: &[&str] = &[
    "leiter", "leiterin", "ingenieur", "ingenieurin", "buchhalter", "buchhalterin", "lehrer", "lehrerin", "kraft",
    "assistent", "assistentin", "entwickler", "entwicklerin", "berater", "beraterin", "arbeiter", "arbeiterin",
    "pfleger", "pflegerin", "referent", "referentin", "meister", "meisterin", "techniker", "technikerin", "lagerist",
    "medewerker", "kundige", "elektriker", "manager", "managerin", "fachmann", "fachfrau", "fahrer", "fahrerin",
    "monteur", "praktikantin", "praktikant", "geselle", "leitung", "angestellte", "angestellter",
    // "Schichtführer", "Maschinenführerin", "Küchenchefin", "Zerspanungsmechaniker",
    // "Produktionshelfer", "Reachtruckchauffeur", "Salarisadministrateur".
    "führer", "führerin", "chefin", "mechaniker", "mechanikerin", "elektroniker", "elektronikerin", "helfer",
    "helferin", "chauffeur", "administrateur",
];

/// Words that make a phrase an organisation: kinds of places people work (legal forms are
/// `LEGAL_FORMS`).
#[rustfmt::skip]
const EMPLOYER_WORDS: &[&str] = &[
    "company", "group", "bank",
    "labs", "technologies", "solutions", "systems", "hospital", "hospitals", "clinic", "clinics", "university", "partners", "consulting",
    "studio", "agency", "foundation", "institute", "services", "contractors",
    "installations", "pharmacy", "school", "schools", "hotels", "academy", "college", "centre", "center", "council", "county",
    "ministry", "hotel", "restaurant", "foods", "beverages", "works", "industries", "joinery", "trust", "nhs",
    "snacks", "grocers", "association", "solicitors",
    // Other languages
    "hôpital", "hôpitaux", "hospices", "clinique", "cabinet", "groupe", "mutuelle", "hôtel", "brasserie", "ville", "lycée",
    "école", "ehpad", "entrepôts", "associés", "klinik", "klinikum", "krankenhaus", "gymnasium", "schule", "stadt",
    "seminar", "institut", "hospital", "clínica", "centro", "grupo", "ayuntamiento", "agencia", "universidad",
    "colegio", "hospitale", "ospedale", "gruppo", "studio", "comune", "scuola", "ziekenhuis", "gemeente", "college",
    "centrum", "szpital", "zakłady", "spółdzielnia", "hurtownia", "biuro", "grupa", "santa", "casa", "gabinete",
    "istituto", "cooperativa", "kita", "bufete", "notaría", "spedition", "asociación", "associação", "chu", "chru",
    "advogados", "abogados", "asociados", "despacho", "avocats", "avvocati", "rechtsanwälte", "advocaten",
    "associazione", "vereniging", "verein", "stowarzyszenie",
    // Shops by their trade: "Panadería Hermanos Ruiz", "Boulangerie Martin", "Farmacia Comunale".
    "panadería", "pastelería", "confitería", "cafetería", "carnicería", "peluquería", "ferretería", "farmacia",
    "supermercado", "supermercados", "almacenes", "chiringuito", "hostal", "apartahotel", "bakery", "boulangerie",
    "pâtisserie", "pharmacie", "panificio", "pasticceria", "padaria", "pastelaria", "farmácia",
    // Trading names of the Iberian languages: "Distribuidora Paulista de Bebidas", "Mercantil
    // São Jorge", "Transportes Ebro Norte".
    "distribuidora", "mercantil", "transportes", "construtora", "constructora",
    // Public bodies: "Departamento de Educación, Gobierno de Aragón", "Landkreis Schaumburg".
    "landkreis", "kreisverwaltung", "stadtverwaltung", "bezirksamt", "gemeinde", "behörde", "landratsamt", "finanzamt",
    "jugendamt", "ordnungsamt", "landesamt", "bundesamt", "hauptzollamt", "landeshauptstadt", "jobcenter", "conseil", "mairie",
    "préfecture", "communauté", "diputación", "junta", "generalitat", "xunta", "cabildo", "consejería", "conselleria",
    "government", "gobierno", "gouvernement", "governo", "regierung", "landesregierung", "ministerio", "ministère",
    "ministero", "ministerium", "ministerstwo", "ministerie", "departamento", "département", "department of ", "department for ", "urząd", "rijksoverheid",
    // A hospital's ward after a title ("Staff Nurse, Respiratory Ward") is no town.
    "ward",
];

#[rustfmt::skip]
const SCHOOL_WORDS: &[&str] = &[
    "university", "college", "institute", "school", "academy", "polytechnic", "universität", "universitat",
    "université", "universidad", "università", "universidade", "hochschule", "instituto", "politecnico", "escuela",
    "universiteit", "uniwersytet", "univerzita", "universitet", "üniversitesi", "universitas", "institut", "école",
    "ecole", "politécnica", "politecnica", "technion", "eth", "epfl", "kth", "iit", "daigaku", "hogeschool", "lycée",
    "lycee", "iut", "inspé", "inspe", "ifsi", "gymnasium", "gesamtschule", "realschule", "berufsschule", "seminar",
    "ihk", "kammer", "liceo", "colegio", "escola", "faculdade", "szkoła", "szkół", "politechnika", "akademia",
    "liceum", "technikum", "centre", "center", "centro", "coláiste", "solas", "aftral", "icaew", "acca", "cima",
    // Apprentices' and vocational schools: "CFA de la Chambre de Métiers", "IFAS", "IES Heliópolis",
    // "Berufsbildende Schulen", "Oberstufenzentrum Holztechnik".
    "cfa", "ifas", "ies", "schule", "schulen", "berufsbildende", "oberstufenzentrum", "berufskolleg", "schulzentrum",
    "bildungszentrum",
    // A Basque school ("Ikastola Orixe"), a driving school ("Autoescuela Triana"), vocational
    // schools by their initials ("IPSSEOA", "RBZ Wirtschaft", "IFTS Échirolles"), a French
    // business school and teacher college ("IAE Lille", "ESPE de Bretagne"), Germany's teacher
    // and civil-service seminars ("Studienseminar Kassel", "Verwaltungsseminar Kassel").
    "ikastola", "autoescuela", "ipsseoa", "rbz", "ifts", "iae", "espe", "studienseminar", "verwaltungsseminar",
    // "Zespół Szkół Samochodowych": a Polish group of schools.
    "zespół",
    // Kinds of school in the other languages: "Istituto Tecnico …", "Scuola di …", "Faculté de …".
    "istituto", "scuola", "accademia", "conservatorio", "ateneo", "facoltà", "faculté", "facultad", "wydział",
    "academie", "académie", "academia", "akademie", "fachhochschule", "collège", "colégio", "roc",
    // Italian state schools by their initials: "ITIS Benedetto Castelli", "IPSIA", "IIS".
    "itis", "itc", "itg", "ipsia", "ipssar", "iis", "isis", "itt",
    // Training providers: "AFPA Lyon", "Fundación Laboral de la Construcción", "Instytut …".
    "afpa", "greta", "fundación", "instytut",
    // Dutch and Flemish kinds: "Instituut Sint-Vincentius", "Fontys Hogescholen", "Stedelijk
    // Lyceum", "Koninklijk Atheneum", a "scholengemeenschap".
    "instituut", "hogescholen", "lyceum", "atheneum", "athenaeum", "scholengemeenschap",
    // France's national training body, the Cnam.
    "cnam",
    // Chambers and professional orders that train and examine: "Camera di Commercio di
    // Bergamo", "Okręgowa Izba Radców Prawnych", "Ordine dei Consulenti del Lavoro"; Wales's
    // further education colleges ("Coleg Gwent").
    "camera di commercio", "cámara de comercio", "chambre de commerce", "chambre de métiers", "chamber of commerce",
    "izba", "ordine", "coleg",
    // Brazilian and Argentine state schools by their initials: "EMEF Jardim Esperança", "ETEC",
    // "E.E. Professor Adalberto Nascimento", "E.E.S. N.º 5"; Mexico's "Tecnológico de Monterrey".
    "emef", "etec", "e.e", "e.e.s", "tecnológico", "puc",
    // Australia's vocational colleges ("TAFE Queensland"), Wales's schools ("Ysgol Gyfun
    // Gymraeg Glantaf"), India's ("Kendriya Vidyalaya", "Sri Vidya Mandir").
    "tafe", "ysgol", "vidyalaya", "vidyalayam", "mahavidyalaya", "vidyapeeth", "vidyapith", "vidya mandir",
    // Course providers of the trades and of adult education: a guild's school ("Bäcker-Innung
    // Südpfalz"), Austria's BFI and WIFI, Flanders' Syntra, VDAB and CVO, an Italian driving
    // school, a church's or a charity's training centre ("Evangelisches Kita-Bildungswerk"); not
    // "WIFI" (a network's too) nor "CFP" (a financial planner's letters).
    "innung", "bfi", "syntra", "vdab", "cvo", "autoscuola", "bildungswerk",
    // Brazil's and Portugal's vocational bodies, Brazil's public schools by their initials
    // ("E.E.E.F.M. Professora Maria Ortiz"), Italy's ENAIP; not the Dutch
    // "onderwijs", a level of schooling as often as a school board's name.
    "senai", "sesi", "senac", "iefp", "eeefm", "enaip",
];

/// Endings of compound school names ("Rijksuniversiteit", "Berufsschule", "Basisschool").
const SCHOOL_ENDINGS: &[&str] = &[
    "universiteit",
    "universität",
    "schule",
    "school",
    "hogeschool",
    "kammer",
    "kolleg",
    "institut",
    "akademie",
    // Dutch compounds ("Ondernemersacademie").
    "academie",
    "college",
    "lyceum",
    "gymnasium",
    // Flanders' secondary schools ("Sint-Bavohumaniora").
    "humaniora",
    // "Regionales Berufsbildungszentrum", "Handelslehranstalt Hameln", "Hessischer
    // Verwaltungsschulverband".
    "bildungszentrum",
    "lehranstalt",
    "schulverband",
];

#[rustfmt::skip]
const DEGREE_WORDS: &[&str] = &[
    "bachelor", "master", "b.sc", "m.sc", "bsc", "msc", "b.a", "m.a", "ba", "ma", "bs", "ms", "phd", "ph.d", "doctor",
    "doctorate", "associate", "mba", "diploma", "licenciatura", "b.eng", "m.eng", "beng", "meng", "llb", "llm", "md",
    "certificate", "high school", "pgce", "aca", "cpa", "pharmd", "degree", "diplom", "diplôme", "ausbildung",
    "staatsexamen", "studium", "abitur", "fachabitur", "fachoberschulreife", "mittlere reife", "bts", "dut", "dcg", "dscg",
    "licence", "baccalauréat", "bac", "caces", "grado", "máster", "título", "técnico", "bacharelado", "especialização",
    "mestrado", "licenciado", "laurea", "qualifica", "bachelier", "diploma di", "magister", "inżynier", "licencjat", "technik", "mbo", "hbo",
    "wo", "certificat", "certificado", "programme", "program", "apprenticeship", "leaving certificate",
    // Vocational titles, certificates and courses: "Titre professionnel …", "Brevet professionnel
    // Maçon", "Attestato di …", "Certyfikat …", "Curso de …", "Industriemeister Metall (IHK)".
    "titre", "brevet", "cap", "bep", "attestato", "attestation", "certyfikat", "certificaat", "zertifikat", "curso",
    "corso", "kurs", "cursus", "dyplom", "świadectwo", "meister", "industriemeister", "meisterprüfung",
    // Dutch secondary schooling: "VMBO kaderberoepsgerichte leerweg", "HAVO", "VWO"; the
    // Iberian and Latin American school-leaving levels.
    "vmbo", "havo", "vwo", "ensino médio", "ensino fundamental", "ensino secundário", "bachillerato", "bachiller",
    // "Software Development Bootcamp (16 weeks)" at Northcoders.
    "bootcamp",
    // India's school-leaving certificates and the boards that award them ("HSC - Kendriya
    // Vidyalaya Ashok Nagar", "Class X  Kendriya Vidyalaya  CBSE"): what was passed, not where.
    "hsc", "ssc", "sslc", "cbse", "icse",
    // School-leaving certificates elsewhere and postgraduate diplomas, named by their initials
    // before the school ("VCE - Belmont High School", "OSSD - Chinguacousy Secondary School",
    // "Graduado en ESO — IES Pablo Serrano", "PgDip Medical Ultrasound - University of …").
    "vce", "ossd", "eso", "ged", "gcse", "gcses", "a-level", "a-levels", "matura", "maturità", "wace", "ncea", "spm",
    "stpm", "wassce", "pgdip", "pgcert", "pós-graduação", "a.a.s", "aas",
    // Flanders' secondary streams and postgraduate year, Switzerland's apprenticeship
    // certificate ("ASO Humane Wetenschappen", "Postgraduaat Zorgverbreding", "CFC d'installateur").
    "aso", "tso", "bso", "kso", "postgraduaat", "cfc",
    // Dutch university degrees and state exams ("Doctoraal Farmacie – Rijksuniversiteit
    // Groningen", "Apothekersexamen – …").
    "doctoraal", "propedeuse", "apothekersexamen", "artsexamen",
    // A qualification's level or award ("WSET Level 3 Award in Wines", "Nivel 2 MECU",
    // "Sommelier - 1° e 2° livello", "A Levels: Law"), Italy's licences ("Patentino F-gas").
    "award", "level", "levels", "nivel", "niveau", "livello", "poziom", "patentino",
];

/// Fields of study, in the languages here: "Computer Science – University of Toronto" is what
/// was studied and where, where "Alma Mater Studiorum – Università di Bologna" is one name.
#[rustfmt::skip]
const FIELD_WORDS: &[&str] = &[
    "science", "sciences", "studies", "engineering", "administration", "management", "economics", "nursing", "arts",
    "law", "mathematics", "physics", "chemistry", "biology", "psychology", "education", "marketing", "finance",
    "accounting", "informatics", "medicine", "pharmacy", "architecture", "history", "philosophy", "linguistics",
    "communication", "communications", "journalism", "sociology", "geography", "statistics", "agriculture",
    "informatik", "betriebswirtschaftslehre", "betriebswirtschaft", "maschinenbau", "elektrotechnik", "pädagogik",
    "psychologie", "rechtswissenschaft", "rechtswissenschaften", "wirtschaftswissenschaften", "pflegewissenschaft",
    "informatique", "droit", "gestion", "économie", "comptabilité", "médecine", "pharmacie", "chimie", "physique",
    "mathématiques", "lettres", "informática", "derecho", "economía", "administración", "enfermería", "ingeniería",
    "psicología", "contabilidad", "magisterio", "enfermagem", "direito", "economia", "gestão", "engenharia",
    "contabilidade", "psicologia", "informatica", "giurisprudenza", "ingegneria", "infermieristica", "lettere",
    "architettura", "scienze", "verpleegkunde", "rechten", "bedrijfskunde", "bedrijfseconomie", "pedagogiek",
    "informatyka", "prawo", "ekonomia", "pielęgniarstwo", "zarządzanie", "rachunkowość", "budownictwo",
];

/// Words of a course: what was learnt, not where ("Immediate Life Support", "Manual
/// Handling", "Lexcel client care training"), unless a school's kind names the place ("Hunter
/// Safety Training Academy", "Zentrum für berufliche Weiterbildung").
#[rustfmt::skip]
const COURSE_WORDS: &[&str] = &[
    "training",
    "course",
    "awareness",
    "first aid",
    "life support",
    "handling",
    "safeguarding",
    "masterclass",
    "workshop",
    "schulung",
    "lehrgang",
    "fortbildung",
    "weiterbildung",
    "szkolenie",
    "formation",
];

/// The words of `text`, lower case; a hyphenated compound also gives its parts
/// ("IHK-Bildungszentrum" is "ihk-bildungszentrum", "ihk" and "bildungszentrum").
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '.' && c != '-' && c != '\'')
        .map(|w| w.trim_matches(['.', '-', '\'']).to_lowercase())
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let parts: Vec<String> = if w.contains('-') {
                w.split('-').filter(|p| p.len() > 1).map(str::to_owned).collect()
            } else {
                vec![]
            };
            std::iter::once(w).chain(parts)
        })
}

/// Whether `text` has one of `words` (a word, or a phrase of several).
pub(super) fn has_word(text: &str, words: &'static [&'static str]) -> bool {
    let list = indexed(words);
    if words_of(text).any(|w| list.words.contains(&w.replace('.', ""))) {
        return true;
    }
    let lower = text.to_lowercase();
    list.phrases.iter().any(|k| lower.contains(k))
}

/// A word list as looked up: its single words without their stops, in a set, and its
/// phrases. Built once per list: the parser asks these lists for every phrase of a resume.
struct Indexed {
    words: HashSet<String>,
    phrases: Vec<&'static str>,
}

fn indexed(words: &'static [&'static str]) -> &'static Indexed {
    static LISTS: OnceLock<Mutex<HashMap<usize, &'static Indexed>>> = OnceLock::new();
    let mut lists = LISTS.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    lists.entry(words.as_ptr() as usize).or_insert_with(|| {
        let (phrases, single): (Vec<&'static str>, Vec<&'static str>) = words.iter().partition(|k| k.contains(' '));
        Box::leak(Box::new(Indexed { words: single.iter().map(|k| k.replace('.', "")).collect(), phrases }))
    })
}

fn has_ending(text: &str, endings: &[&str]) -> bool {
    words_of(text).any(|w| endings.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e)))
}

/// Dutch compounds that name a firm by their end ("Uitzendbureau", "Timmerbedrijf",
/// "Zorggroep"), capitalised only: Dutch sets common nouns small, and then they name a desk or
/// a group of a job ("Medewerker bedrijfsbureau", "Begeleider woongroep").
const DUTCH_EMPLOYER_ENDINGS: &[&str] = &["bureau", "bedrijf", "groep"];

/// Whether a capitalised word of `text` ends on one of `endings`, longer than it.
fn has_capitalised_ending(text: &str, endings: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.starts_with(char::is_uppercase)).any(|w| {
        let lower = w.to_lowercase();
        endings.iter().any(|e| lower.len() > e.len() + 2 && lower.ends_with(e))
    })
}

/// Whether `line` ends on a word broken at its hyphen ("Sainte-", "Opiekuńczo-"), not on a
/// dash set apart.
pub(crate) fn ends_on_broken_word(line: &str) -> bool {
    line.strip_suffix('-').is_some_and(|t| t.ends_with(char::is_alphabetic))
}

/// Conjunctions after a compound's first half that shares its end with the next ("Gesundheits-"
/// over "und Krankenpflegerin", "koel-" over "en vriesvers"): the hyphen stays apart.
const SHARED_END: &[&str] =
    &["und", "oder", "bzw.", "sowie", "en", "of", "i", "oraz", "lub", "e", "et", "y", "o", "ou"];

/// Whether a word broken at the end of `line` goes on at the start of `next`, without a space
/// ("Zakład Opiekuńczo-" over "Leczniczy", "Sprzedawca-" over "kasjer").
pub(crate) fn compound_goes_on(line: &str, next: &str) -> bool {
    let first = next.split_whitespace().next().unwrap_or_default();
    ends_on_broken_word(line) && !SHARED_END.contains(&first) && !next.starts_with(',')
}

/// Marks a name in quotes starts with ("Liceo Scientifico Statale" over "\"Giuseppe
/// Mercalli\"", "I.P.S.S.E.O.A. \"Giovanni Piranesi\"").
pub(crate) const OPENING_QUOTES: [char; 4] = ['"', '“', '„', '«'];

/// Marks a name in quotes ends with (the German low-high pair closes on '“').
pub(crate) const CLOSING_QUOTES: [char; 4] = ['"', '”', '»', '“'];

/// Small words a name or a list's item does not end on, in the languages here: a line that
/// ends on one was wrapped ("Universidad Nacional Autónoma de" over "México", "Stakeholder-
/// management en" over "participatie"), and no name starts with one ("FISIOTERAPISTA DI REPARTO").
#[rustfmt::skip]
const JOINING_WORDS: &[&str] = &[
    "and", "of", "for", "with", "in", "to", "the", "und", "für", "nach", "mit", "von", "der", "die", "des", "et", "de",
    "du", "pour", "avec", "la", "le", "les", "y", "e", "con", "para", "del", "di", "della", "per", "los", "las", "en",
    "van", "voor", "met", "i", "w", "z", "na", "dla", "do", "da", "das", "dos", "com",
    // Portuguese contractions of a preposition and an article ("Centro de Formação Profissional
    // ao" over …); not "o" and "no", words of their own elsewhere ("Automunita: no").
    "ao", "à",
    // German contractions ("Ausbildung im" over "Einzelhandel"); the abbreviations a Polish
    // name of an institution puts before the person it is named after ("Szpital
    // Specjalistyczny im." over "Ludwika Rydygiera", "św.", "gen.", "prof.").
    "im", "am", "zum", "zur", "beim", "vom", "im.", "św.", "gen.", "prof.",
];

/// Joining words that are one only in small letters, Italian prepositions with their article
/// ("Ordine dei Dottori Commercialisti e degli" over "Esperti Contabili"): capitalised, they are
/// surnames ("Johan Nel", "Hamid Al").
#[rustfmt::skip]
const SMALL_ONLY: &[&str] = &[
    "dei", "degli", "delle", "dello", "dal", "dalla", "nel", "nella", "nelle", "al", "alla", "sul", "sulla",
];

/// Whether `word` is a joining word as written (see [`JOINING_WORDS`], [`SMALL_ONLY`]).
pub(crate) fn is_joining_word(word: &str) -> bool {
    JOINING_WORDS.contains(&word) || SMALL_ONLY.contains(&word)
}

/// Whether a word of a name is capitalised as a name sets it: after an elided article too
/// ("l'Artisanat", "dell'Università"; a possessive's "s" is no word: "St John's" is the
/// saint's), or with no letter at all ("&", "-").
pub(crate) fn is_capitalised_word(word: &str) -> bool {
    let elided = word.split_once(['\'', '’']).filter(|(article, rest)| article.chars().count() <= 4 && *rest != "s");
    let word = elided.map_or(word, |(_, rest)| rest);
    word.starts_with(char::is_uppercase) || !word.chars().any(char::is_alphabetic)
}

/// Words a firm's name sets before the family's surname ("Timmerbedrijf Gebr." over
/// "Swinkels"): a line does not end on one.
const BEFORE_A_SURNAME: &[&str] = &["Gebr.", "Gebrs.", "Gebrüder"];

/// A line that ends on a small word a name does not end on: wrapped ("Universidad Nacional
/// Autónoma de" over "México", "Lycée professionnel Les" over "Canuts"). Capitalised only as a
/// name's first letter: a capital letter alone ("Professora de Educação Básica I") and a
/// state's code ("New Orleans, LA", "Indianapolis, IN") are no such word.
pub(crate) fn ends_on_joining_word(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = |w: &str| {
        let mut letters = w.chars();
        letters.next().is_some_and(char::is_uppercase)
            && letters.clone().count() >= 1
            && letters.all(char::is_lowercase)
    };
    let joining =
        |w: &str| is_joining_word(w) || (capitalised(w) && JOINING_WORDS.contains(&w.to_lowercase().as_str()));
    // An article is a joining word only after a preposition ("Centro de Formação Profissional
    // para o" over "Setor Alimentar"): alone, "o" and "a" are words of their own ("turma a").
    let article_after_preposition = |at: usize| ARTICLES.contains(&words[at]) && joining(words[at - 1]);
    let Some(&last) = words.last() else { return false };
    words.len() >= 2
        && (joining(last)
            || BEFORE_A_SURNAME.contains(&last)
            || (words.len() >= 3 && article_after_preposition(words.len() - 1)))
}

/// Articles that go on with the next word only after a preposition ("para o", "per il").
const ARTICLES: &[&str] = &["o", "a", "os", "as", "il", "lo", "el"];

/// Time between jobs that a history lists like one ("July 2017 – August 2018: Career break",
/// "2020 – 2021  Elternzeit"), lower case.
const GAPS: &[&str] = &[
    "career break",
    "parental leave",
    "maternity leave",
    "paternity leave",
    "sabbatical",
    "gap year",
    "elternzeit",
    "mutterschutz",
    "familienzeit",
    "berufliche auszeit",
    "congé parental",
    "congé maternité",
    "année sabbatique",
    "excedencia",
    "baja por maternidad",
    "congedo parentale",
    "congedo di maternità",
    "ouderschapsverlof",
    "zwangerschapsverlof",
    "urlop rodzicielski",
    "urlop macierzyński",
    "urlop wychowawczy",
    "licença parental",
    "licença de maternidade",
    "ano sabático",
    "año sabático",
    "anno sabbatico",
    "sabbatjaar",
    "przerwa w zatrudnieniu",
    "przerwa zawodowa",
    "loopbaanonderbreking",
    "pausa na carreira",
    "pausa profesional",
    "pausa professionale",
    "licença-maternidade",
    "licença maternidade",
];

/// Time without work, as a history lists it ("2013 – 2015  Desempleo. Curso de …"), lower
/// case: a gap only as a word of its own, since such words start titles and names too
/// ("Unemployment Insurance Claims Examiner", "Arbeitslosenkasse Unia").
const WITHOUT_WORK: &[&str] = &[
    "unemployed",
    "unemployment",
    "arbeitslos",
    "arbeitssuchend",
    "arbeitsuchend",
    "chômage",
    "demandeur d'emploi",
    "demandeuse d'emploi",
    "desempleo",
    "desempleado",
    "desempleada",
    "desemprego",
    "desempregado",
    "desempregada",
    "disoccupato",
    "disoccupata",
    "disoccupazione",
    "werkloos",
    "werkzoekend",
    "bezrobocie",
    "bezrobotny",
    "bezrobotna",
];

/// Whether a title is time between jobs rather than a job.
pub(super) fn names_a_gap(title: &str) -> bool {
    let lower = title.trim().to_lowercase().replace('’', "'");
    // A leave's phrase may go on ("Excedencia por cuidado de hijos"), not into a longer word.
    let phrase = |rest: &str| !rest.starts_with(char::is_alphanumeric);
    let alone = |rest: &str| phrase(rest) && !rest.trim_start().starts_with(char::is_alphabetic);
    GAPS.iter().any(|gap| lower.strip_prefix(gap).is_some_and(phrase))
        || WITHOUT_WORK.iter().any(|gap| lower.strip_prefix(gap).is_some_and(alone))
}

/// Whether `text` has a word of a job title.
pub(crate) fn names_a_job(text: &str) -> bool {
    has_word(text, TITLE_WORDS) || has_ending(text, TITLE_ENDINGS)
}

/// A company's legal form, or a public body's that its name carries ("NHS Trust").
#[rustfmt::skip]
const LEGAL_FORMS: &[&str] = &[
    "inc", "ltd", "llc", "llp", "plc", "pty", "corp", "corporation", "co", "gmbh", "ggmbh", "ag", "kg", "sa", "s.a",
    "bv", "b.v", "nv", "n.v", "oy", "ab", "as", "srl", "s.r.l", "spa", "s.p.a", "se", "sas", "sarl", "s.l", "slu", "lda",
    "ltda", "sp", "slp", "s.l.p", "nhs trust", "foundation trust", "s.a. de c.v.", "s.a.b. de c.v.", "s. de r.l.",
    "s. de r.l. de c.v.", "unipessoal lda", "unipessoal lda.",
];

/// Whether `text` is a legal form alone ("S.A.", "Lda.", "S.A. de C.V.", "S. de R.L. de C.V."),
/// as it follows a name after a comma.
pub(crate) fn is_a_legal_form(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    LEGAL_FORMS.iter().any(|f| f.contains(' ') && *f == lower) || (!text.contains(' ') && names_a_legal_form(text))
}

/// `text` without an abbreviation in brackets ("(IHK)"): a qualification's examiner, not the
/// school.
fn without_abbreviations_in_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('(') {
        out.push_str(before);
        match after.split_once(')') {
            // Not empty brackets.
            Some((inner, next)) if !inner.is_empty() && inner.chars().all(|c| c.is_uppercase()) => rest = next,
            _ => {
                out.push('(');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `text` names a legal form: the surest sign of an organisation's name.
pub(crate) fn names_a_legal_form(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("sp. z o.o") || LEGAL_FORMS.iter().any(|f| f.contains(' ') && lower.contains(f)) {
        return true;
    }
    // As written, not inside a word or a hyphenated one ("Co-ordinator"): with a capital
    // ("Ltd", "GmbH", "S.A."), a short one in capitals or with its stop ("AB", "Co.", not the
    // "As" that starts a sentence), and not the English word "Spa" ("Hotel & Spa").
    text.split(|c: char| c.is_whitespace() || ",()".contains(c)).filter(|w| !w.is_empty() && !w.contains('-')).any(
        |w| {
            let bare = w.trim_end_matches('.');
            let key = bare.replace('.', "").to_lowercase();
            let capital = bare.starts_with(char::is_uppercase) || key.chars().count() >= 4;
            let short = key.chars().count() <= 2;
            let marked = !bare.chars().any(char::is_lowercase) || w.ends_with('.') || bare.contains('.');
            capital
                && (!short || marked)
                && bare != "Spa"
                && LEGAL_FORMS.iter().any(|f| !f.contains(' ') && f.replace('.', "") == key)
        },
    )
}

/// Whether `text` has a word of an organisation's name (a legal form, "Hospital", "Lycée").
pub(crate) fn names_an_employer(text: &str) -> bool {
    has_word(text, EMPLOYER_WORDS)
        || names_a_legal_form(text)
        || has_ending(text, EMPLOYER_ENDINGS)
        || has_capitalised_ending(text, DUTCH_EMPLOYER_ENDINGS)
        || text.contains(" & ")
        || text.contains("Sp. z o.o")
}

/// Words of a part of an organisation: a hospital's ward, a firm's department ("Orthopaedic
/// Ward", "Service de cardiologie", "Abteilung Einkauf", "Oddział Kardiologii").
#[rustfmt::skip]
const DEPARTMENT_WORDS: &[&str] = &[
    "ward", "unit", "department", "dept", "division", "team", "service", "station", "bereich", "divisione",
    // A bank's divisions ("Corporate Banking"; not "Lloyds Banking Group").
    "corporate banking", "business banking", "retail banking", "private banking", "commercial banking",
    "investment banking",
];

/// Words of a part of an organisation that come before its name ("Oddział Chorób
/// Wewnętrznych", "Abteilung Einkauf", "Servicio de Urgencias").
#[rustfmt::skip]
const PARTS_BEFORE_THEIR_NAME: &[&str] = &[
    "oddział", "dział", "abteilung", "servicio", "unidad", "reparto", "afdeling", "setor", "serviço", "departamento",
    "département", "dipartimento", "departement", "sección", "secção", "unité", "pôle",
];

/// Whether `text` names a part of an organisation: a word of one ("Acute Medical Unit") or a
/// German compound ending on one ("Intensivstation").
pub(crate) fn names_a_department(text: &str) -> bool {
    has_word(text, DEPARTMENT_WORDS)
        || has_word(text, PARTS_BEFORE_THEIR_NAME)
        || has_ending(text, &["station", "abteilung"])
}

/// Whether a line ends on the word of a part of an organisation that comes before its name
/// ("Opiekunka medyczna – Oddział" over "Chorób Wewnętrznych"): the name is on the next line.
pub(crate) fn part_before_its_name(line: &str) -> bool {
    line.split_whitespace().last().is_some_and(|w| PARTS_BEFORE_THEIR_NAME.contains(&w.to_lowercase().as_str()))
}

/// Endings of German compound employers' names ("Parkhotel Brunnenhof", "Stadtklinikum",
/// "Getränkemarkt Krüger", "Stahlwerk", "Kreissparkasse").
const EMPLOYER_ENDINGS: &[&str] = &[
    "hotel",
    "klinik",
    "klinikum",
    "krankenhaus",
    "werk",
    "werke",
    "markt",
    "gruppe",
    "apotheke",
    "spedition",
    "sparkasse",
    "verwaltung",
];

/// A trailing aside does not make a school: "Steuerfachangestellte (IHK)" is a qualification the
/// chamber examined, not the chamber.
pub(crate) fn names_a_school(text: &str) -> bool {
    let text = match text.trim_end().strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((before, _)) => before.to_owned(),
        // Nor one inside: "Geprüfter Verkehrsfachwirt (IHK), berufsbegleitend".
        None => without_abbreviations_in_brackets(text),
    };
    has_word(&text, SCHOOL_WORDS) || has_ending(&text, SCHOOL_ENDINGS)
}

pub(super) fn names_a_degree(text: &str) -> bool {
    has_word(text, DEGREE_WORDS)
}

/// Whether `text` names a field of study (see `FIELD_WORDS`).
pub(crate) fn names_a_field(text: &str) -> bool {
    has_word(text, FIELD_WORDS)
}

/// Whether `text` names a course (see `COURSE_WORDS`).
pub(crate) fn names_a_course(text: &str) -> bool {
    has_word(text, COURSE_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_after_an_elided_article_is_capitalised_as_its_own() {
        assert!(is_capitalised_word("l'Artisanat"));
        assert!(is_capitalised_word("dell’Università"));
        assert!(is_capitalised_word("&"));
        assert!(!is_capitalised_word("d'entretien"));
        // A possessive is the word it follows: "John's" is capitalised, "chef's" is not.
        assert!(is_capitalised_word("John's"));
        assert!(!is_capitalised_word("chef's"));
    }

    #[test]
    fn time_without_work_is_a_gap_only_as_a_word_of_its_own() {
        assert!(names_a_gap("Desempleo. Curso de certificado de profesionalidad"));
        assert!(names_a_gap("Demandeuse d’emploi (formation AFPA)"));
        assert!(names_a_gap("Excedencia por cuidado de hijos"));
        assert!(!names_a_gap("Unemployment Insurance Claims Examiner"));
        assert!(!names_a_gap("Arbeitslosenkasse Unia"));
    }

    #[test]
    fn a_line_ending_on_a_small_word_or_a_namesakes_abbreviation_was_wrapped() {
        assert!(ends_on_joining_word("Universidad Nacional Autónoma de"));
        assert!(ends_on_joining_word("Szpital Specjalistyczny im."));
        assert!(ends_on_joining_word("Kauffrau im Groß- und Außenhandel, Ausbildung im"));
        assert!(!ends_on_joining_word("Indianapolis, IN"));
        assert!(!ends_on_joining_word("Frankfurt am Main"));
        // An article after a preposition, and Italian's prepositions with their article.
        assert!(ends_on_joining_word("IEFP – Centro de Formação Profissional para o"));
        assert!(ends_on_joining_word("Ordine dei Dottori Commercialisti e degli"));
        assert!(ends_on_joining_word("Timmerbedrijf Gebr."));
        assert!(compound_goes_on("Zakład Opiekuńczo-", "Leczniczy „Jesień Życia”"));
        assert!(!compound_goes_on("Gesundheits-", "und Krankenpflegerin"));
        assert!(!compound_goes_on("Bilingue -", "Cabinet Martin"));
        assert!(names_an_employer("Bouw Select Uitzendbureau") && names_an_employer("Zorggroep Noorderhaven"));
        assert!(!names_an_employer("Medewerker bedrijfsbureau") && !names_an_employer("Begeleider woongroep"));
        assert!(ends_on_joining_word("Corso di specializzazione per il"));
        assert!(!ends_on_joining_word("Escola Secundária de Barcelos, turma a"));
        // Capitalised, the Italian ones are surnames.
        assert!(!ends_on_joining_word("Referee: Johan Nel"));
    }

    #[test]
    fn titles_organisations_and_schools_in_several_languages() {
        assert!(names_a_job("Fachkraft für Lagerlogistik"));
        for title in ["Menuisier", "Team Leader", "Rezeptionistin", "Schichtführer Spritzguss", "Reachtruckchauffeur"]
        {
            assert!(names_a_job(title), "{title}");
        }
        assert!(!names_a_job("Lena Hofbauer"));
        // Trades that are common surnames name no job.
        for name in ["Marie Boucher", "Pierre Charpentier", "Pieter Bakker", "Anna Piekarz", "Rahul Barman"] {
            assert!(!names_a_job(name), "{name}");
        }
        assert!(names_a_school("TAFE Queensland") && names_a_school("Ysgol Gyfun Gymraeg Glantaf"));
        assert!(names_a_school("Kendriya Vidyalaya Hebbal"));
        for school in
            ["Ikastola Orixe", "Handelslehranstalt Hameln", "Regionales Berufsbildungszentrum Wirtschaft Kiel"]
        {
            assert!(names_a_school(school), "{school}");
        }
        assert!(names_a_school("Hessischer Verwaltungsschulverband") && names_a_school("Verwaltungsseminar Kassel"));
        // A seminar course is no school; telecoms' network management is none.
        assert!(!names_a_school("Verkaufsseminar") && !names_a_school("NMS Engineer"));
        assert!(names_a_job("Schichtleiter Lager"));
        assert!(names_a_job("Kierownik zmiany magazynowej"));
        assert!(names_a_job("Cajera y atención al público"));
        assert!(!names_a_job("Ruhrlogistik Müller GmbH"));
        assert!(names_an_employer("Ruhrlogistik Müller GmbH"));
        assert!(names_an_employer("Douro Vinhos, Lda."));
        assert!(names_an_employer("Bałtyckie Centrum Dystrybucji Sp. z o.o."));
        assert!(names_an_employer("Gemeindeverwaltung Fuldatal"));
        assert!(names_an_employer("Landratsamt Meißen"));
        assert!(names_an_employer("Landeshauptstadt Dresden, Bürgeramt"));
        assert!(names_an_employer("Airedale Housing Association"));
        assert!(names_an_employer("Panadería Hermanos Ruiz"));
        assert!(names_a_legal_form("Telus Communications Inc."));
        assert!(names_an_employer("Kellogg Company México, S. de R.L. de C.V."));
        assert!(is_a_legal_form("S.A. de C.V.") && is_a_legal_form("Lda.") && !is_a_legal_form("Columbia, SC"));
        assert!(is_a_legal_form("Unipessoal Lda") && is_a_legal_form("Unipessoal Lda."));
        assert!(!names_a_legal_form("Clinique Sainte-Odile"));
        for form in [
            "Brabant Kantoorinrichting B.V.",
            "Wawel Meble sp. z o.o.",
            "Garrigós & Peña, S.L.P.",
            "Volvo AB",
            "Lamb & Co.",
        ] {
            assert!(names_a_legal_form(form), "{form}");
        }
        for phrase in ["Project Co-ordinator", "Worked as part of a team", "As a team lead", "Hotel & Spa"] {
            assert!(!names_a_legal_form(phrase), "{phrase}");
        }
        assert!(names_a_school("Rijksuniversiteit Groningen"));
        assert!(names_a_school("Lycée Ampère"));
        assert!(names_a_school("Akademie für Gesundheitsberufe Hamburg"));
        assert!(names_a_school("Friedrichsgymnasium"));
        assert!(names_an_employer("Department of Social Protection"));
        assert!(!names_an_employer("Department Officer"));
        assert!(names_a_school("Camera di Commercio di Bergamo"));
        assert!(names_a_school("Coleg Gwent"));
        assert!(names_a_school("E.E. Jardim Campos Elíseos"));
        assert!(names_a_degree("Ensino Médio Completo"));
        assert!(!names_a_school("Geprüfter Verkehrsfachwirt (IHK), berufsbegleitend"));
        assert!(!names_a_school("Bachelor Sociale Geografie"));
        assert!(names_a_degree("B.S. Biology"));
    }
}
