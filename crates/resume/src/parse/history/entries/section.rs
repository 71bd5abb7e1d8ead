//! A section read entry by entry: each dated line, what it holds and the lines that complete it.
//! The walk over the lines on one side of the dates is in `near`.

use super::*;

/// A section's lines and what every rule asks of them as a whole.
pub(super) struct Section<'a, D> {
    pub(super) lines: &'a [String],
    dated: D,
    pub(super) phrases: fn(&[String]) -> usize,
    /// A work history, not an education.
    pub(super) jobs: bool,
    /// The section sets its headings before its dates.
    pub(super) heading_first: bool,
    /// A LinkedIn profile's history: an employer's time in all on a line of its own.
    pub(super) linkedin: bool,
}

/// Where the reading stands between two entries.
#[derive(Default)]
pub(super) struct Cursor {
    /// The first line no earlier entry took.
    free: usize,
    /// The phrases on the dated line of the last table row with all its cells.
    row_cells: usize,
    /// Whether the last employer was named on a line over its first role's title
    /// ("Esselunga S.p.A." over "Addetto al magazzino"), as over several roles.
    employer_over_title: bool,
}

impl Cursor {
    /// Past an entry whole on its dated line `i`, which is no table row.
    fn close_at(&mut self, i: usize) {
        self.free = i + 1;
        self.row_cells = 0;
    }
}

/// An entry being read: its phrases so far and where the job was.
pub(super) struct Draft {
    pub(super) pieces: Vec<String>,
    pub(super) places: Vec<String>,
    /// How many phrases its dated line held.
    pub(super) own: usize,
    /// The first line no earlier entry took, before this one.
    pub(super) untaken: usize,
}

impl<'a, D: Fn(&str) -> Option<Dated>> Section<'a, D> {
    /// The section whose first dated line is `first`.
    pub(super) fn new(
        lines: &'a [String],
        dated: D,
        phrases: fn(&[String]) -> usize,
        jobs: bool,
        first: usize,
    ) -> Self {
        let mut section = Section { lines, dated, phrases, jobs, heading_first: false, linkedin: false };
        // An office suite centres a dates cell beside a taller cell, so the first dates may come
        // out after a line or two of the first entry's description ("Verzorgende IG" /
        // "Zorggroep IJsselheem" / "• Persoonlijke verzorging…" / "01/02/2019–heden"): the
        // headings are still before the dates.
        section.heading_first = (first.saturating_sub(3)..first).any(|i| section.is_heading(i));
        section.linkedin = lines.iter().any(|l| is_duration(l));
        section
    }

    /// Whether line `i` may be a heading's: no description, no dates.
    pub(super) fn is_heading(&self, i: usize) -> bool {
        !is_description(&self.lines[i]) && !self.is_dated(i)
    }

    /// Whether line `i` has dates: another entry's line.
    pub(super) fn is_dated(&self, i: usize) -> bool {
        self.lines.get(i).is_some_and(|line| (self.dated)(line).is_some())
    }

    /// Whether line `i` is a dated title ("Landscape Crew Member  May 2007 – Mar 2010"): dates
    /// with words beside them, not dates alone ("2011 – 2015  2019 – 2021", a sidebar's).
    fn is_dated_title(&self, i: usize) -> bool {
        let Some(line) = self.lines.get(i) else { return false };
        let Some((_, _, at)) = (self.dated)(line) else { return false };
        let rest = format!("{} {}", &line[..at.start], &line[at.end..]);
        rest.chars().any(char::is_alphabetic) && !crate::parse::is_dates(&rest)
    }

    /// Whether the two lines above the dated line `i` (after `free`) are a job's title over its
    /// employer, both headings.
    fn title_and_employer_above(&self, i: usize, free: usize) -> bool {
        i >= free + 2
            && self.is_heading(i - 1)
            && self.is_heading(i - 2)
            && names_a_job(&self.lines[i - 2])
            && names_who(&self.lines[i - 1])
            && !names_a_job(&self.lines[i - 1])
    }

    /// Whether the line after `j` is a heading that names an organisation.
    pub(super) fn names_below(&self, j: usize) -> bool {
        self.lines.get(j + 1).is_some_and(|next| self.is_heading(j + 1) && names_an_organisation(next))
    }

    /// Whether the line after `j` is a work history's heading that starts with a name.
    pub(super) fn name_next(&self, j: usize) -> bool {
        self.jobs && self.lines.get(j + 1).is_some_and(|next| self.is_heading(j + 1) && starts_with_a_name(next))
    }

    /// The entry dated `dates` on line `i`, the `n`th of the section; the next one's dates are
    /// on line `next`.
    pub(super) fn entry(&self, n: usize, i: usize, dates: &Dated, next: usize, cursor: &mut Cursor) -> Entry {
        let (start, end, at) = dates;
        let entry = |pieces, same_employer, merged| Entry {
            pieces,
            start: start.clone(),
            end: end.clone(),
            same_employer,
            merged,
        };
        let DatedLine { rest, mut pieces, titled, mut places } = dated_line(&self.lines[i], at, self.heading_first);
        // "Mozo de almacén / carretillero" over "Distribuciones Cierzo S.L." over "Cuarte de
        // Huerva · 01/2011 – 02/2015": with its title and employer on the two lines above, the
        // one phrase set before the dates and a bullet is where.
        let before_a_bullet = self.lines[i][..at.start].trim_end().ends_with(['•', '·', '|']);
        if self.jobs && pieces.len() == 1 && before_a_bullet && self.title_and_employer_above(i, cursor.free) {
            places.append(&mut pieces);
        }
        if self.jobs
            && let Some(whole) = title_before_employer(&pieces, &rest)
        {
            pieces = whole;
        }
        // A title from the line above makes the entry no table's row (whose merged cells the
        // next row would share).
        let mut titled_above = false;
        if self.jobs
            && let Some(title) = self.title_over_employer_and_site(i, cursor.free, &pieces)
        {
            pieces = vec![title, pieces.join(", ")];
            titled_above = true;
        }
        if self.jobs
            && !self.heading_first
            && let Some(whole) = self.over_its_title(i, &pieces, &rest)
        {
            pieces = vec![whole];
        }
        let employer_below = !self.heading_first && self.over_its_employer(i, &mut pieces, &titled, &rest);
        // The line right above names the employer.
        let named_above = i > cursor.free
            && self.is_heading(i - 1)
            && names_who(&self.lines[i - 1])
            && !names_a_job(&self.lines[i - 1]);
        // "Cabinet Vial-Berthier Avocats, Lyon" over "Avocate collaboratrice – Département
        // Corporate — novembre 2016 à août 2019": with the employer on the line above, the
        // dash is inside the title.
        if self.jobs
            && self.heading_first
            && named_above
            && let Some(whole) = dashed(&pieces, &rest)
        {
            pieces = vec![whole];
        }
        if n > 0
            && let Some(title) = self.later_role(i, &pieces, &rest, cursor.free)
        {
            // Whole on its dated line: the lines above are the last role's tasks.
            cursor.close_at(i);
            return entry(vec![title], true, false);
        }
        // "March 2021 – March 2022: Full-time student using the GI Bill to finish my degree.":
        // a dated sentence after its colon is a note on that time, with no heading lines of
        // its own; the lines around it are the entries' around it.
        if self.jobs && pieces.is_empty() && self.dated_note(i, at, cursor.free) {
            cursor.close_at(i);
            return entry(Vec::new(), false, false);
        }
        let own = pieces.len();
        // Time between jobs on its dated line ("Elternzeit  04/2019 – 12/2021") takes no line
        // around it: the next employer's line below is the next entry's.
        if self.jobs && pieces.iter().any(|p| names_a_gap(p)) {
            cursor.close_at(i);
            return entry(pieces, false, false);
        }
        // The employer below is taken now: the title may have a comma of its own.
        // Its line is the employer's alone: a dash in it is in the name ("LogiTejo –
        // Operadores Logísticos, S.A., Azambuja").
        if employer_below {
            pieces.push(without_place_after_separator(&self.lines[i + 1]).to_owned());
        }
        if n > 0 && self.merged_row(i, &pieces, own, cursor.row_cells, named_above) {
            cursor.free = i + 1;
            return entry(pieces, true, true);
        }
        let mut draft = Draft { pieces, places, own, untaken: cursor.free };
        let before: Vec<usize> = (cursor.free..i).rev().collect();
        let after: Vec<usize> = (i + 1..next).collect();
        let after_first = after.first().copied();
        // "Sep 2018 – Feb 2021" over "Staff Nurse (Scrub)", with only the last entry's tasks
        // above: where headings come before the dates, an entry with none before them has its
        // title after them (a Word table's row of an employer's later role).
        let read_after = self.heading_first
            && own == 0
            && before.iter().all(|j| !self.is_heading(*j))
            && after_first.is_some_and(|j| self.is_heading(j));
        let sides = if self.heading_first && !read_after {
            // A later role's title on its dated line under the last one's tasks: what follows
            // the dates is its own description ("Leerkracht groep 7  aug. 2018 – jul. 2023"
            // over "Invoering van Snappet in de bovenbouw"), unless it names who or ends on
            // where ("Leroy Merlin France – mission d'intérim via Adecco, Lezennes").
            // Not the next employer's line over its first dated role ("Greenskeeper  Apr 2010 –
            // Feb 2013" over "Four Seasons Lawn & Landscape LLC  Sun Prairie, WI" over
            // "Landscape Crew Member  May 2007 – Mar 2010").
            let who_below = after_first.is_some_and(|j| {
                let line = &self.lines[j];
                (names_who(line) || ends_on_a_town(line))
                    && !self.is_dated_title(j + 1)
                    && !(self.linkedin && in_a_country(line))
            });
            let after = if n > 0 && own == 1 && !who_below { Vec::new() } else { after };
            [(before, true), (after, false)]
        } else {
            [(after, false), (before, true)]
        };
        cursor.free = if employer_below { i + 2 } else { i + 1 };
        for (near, is_before) in sides {
            let found = draft.pieces.len();
            self.gather(&near, is_before, &mut draft, &mut cursor.free);
            if draft.pieces.len() > found || (self.phrases)(&draft.pieces) >= 2 {
                break;
            }
        }
        self.complete(&mut draft, after_first, &mut cursor.free);
        let Draft { pieces, .. } = draft;
        // One phrase for an entry under an earlier one: a role at the same employer, on the
        // dated line ("2016 – 2018  Sous-chef") or, as a LinkedIn profile lists an employer's
        // roles, a job's title alone above its dates.
        // Or a title alone on the line right above its dates, under an employer named over its
        // first role's title and the last role's tasks, and over its own bullets ("Scaffalista (part-time)" over "05/2014 – 08/2016" and "-
        // Rifornimento scaffali"); not one with another line under its dates (its employer,
        // which the entry did not take: "Tribunale di Bologna – Sezione specializzata in
        // materia di impresa") or none, nor one with a dash (its employer in it: "Altenpfleger
        // – ambulante Pflege bei Pflegedienst Sonnenschein").
        let alone_above = || {
            i > 0
                && cursor.employer_over_title
                && self.lines[i - 1].trim() == pieces[0]
                && after_first.is_some_and(|j| self.lines[j].trim_start().starts_with(['•', '*', '-', '–', '>']))
                && !DASHES.iter().any(|d| pieces[0].contains(d))
        };
        let same_employer = self.heading_first
            && n > 0
            && pieces.len() == 1
            && (own == 1 || ((self.linkedin || read_after || alone_above()) && names_a_job(&pieces[0])));
        // A table's row is whole on its dated line; an entry that took other lines is none.
        cursor.row_cells = if pieces.len() == own && !titled_above { own } else { 0 };
        if !same_employer {
            cursor.employer_over_title = self.heading_first
                && pieces.first().is_some_and(|p| names_who(p))
                && pieces.iter().skip(1).any(|p| !names_who(p));
        }
        entry(pieces, same_employer, false)
    }

    /// The title, whole, on the line above the dated line `i` whose phrases are an employer
    /// and maybe its site ("Senior Staff Nurse – Anaesthetics (Band 6)" over "Cardiff and Vale
    /// University Health Board, University Hospital of Wales  |  March 2019 –"; "Staff Nurse,
    /// Vascular Surgery Ward" over "Royal Gwent Hospital, Aneurin Bevan UHB • August 2011 –
    /// August 2015"; "Community Staff Nurse – Leg Ulcer Clinic (Band 6)" over "Cwm Taf Morgannwg
    /// University Health Board • …"): the first names an organisation, none a job, and the line
    /// above names one.
    fn title_over_employer_and_site(&self, i: usize, free: usize, pieces: &[String]) -> Option<String> {
        let parts: Vec<String> = pieces.iter().flat_map(|p| comma_pieces(p)).collect();
        let employer_and_site =
            (1..=2).contains(&parts.len()) && names_an_organisation(&parts[0]) && parts.iter().all(|p| !names_a_job(p));
        let above = i.checked_sub(1).filter(|&j| j >= free && self.is_heading(j)).map(|j| self.lines[j].trim())?;
        // What a dash sets after the title is its ward or clinic, not who ("Community Staff
        // Nurse – Leg Ulcer Clinic (Band 6)").
        let head = at_first_dash(above).map_or(above, |(head, _)| head);
        let a_title = names_a_job(head)
            && !names_an_organisation(head)
            && above.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() <= 8;
        (employer_and_site && a_title).then(|| above.to_owned())
    }

    /// The dated line `i`'s name whole where a dash split it and the line below is the title
    /// ("09/2008 - 04/2012  STCP - Sociedade de Transportes Coletivos do Porto" over "Motorista
    /// de serviço público"): neither part names a job, the line below does, as a title is set:
    /// a few words without figures or a colon (not a task, "Responsabile QA per 3 LINAC").
    fn over_its_title(&self, i: usize, pieces: &[String], rest: &str) -> Option<String> {
        let below = self.lines.get(i + 1).filter(|_| self.is_heading(i + 1))?;
        let set_as_a_title =
            below.split_whitespace().count() <= 6 && !below.contains(|c: char| c.is_ascii_digit() || c == ':');
        let title_below = set_as_a_title && names_a_job(below) && !names_an_organisation(below);
        let no_title_here = pieces.iter().all(|p| !names_a_job(p));
        if title_below && no_title_here { dashed(pieces, rest) } else { None }
    }

    /// Whether the dated line `i` (`pieces` beside its dates, `rest` the line without them) is a
    /// title over its employer's line, the dates after the headings; `pieces` becomes the title
    /// whole where a dash or a comma is inside it.
    ///
    /// "HR Specialist – Amministrazione del personale  Marzo 2021 – oggi" over "Ceramiche
    /// Emiliane S.p.A.": with the employer on the line below, the dash is inside the title.
    /// In a work history the line below is the employer also when it is a name that is
    /// neither a job, a place nor prose ("Warehouse Lead - 2nd Shift" over "Midwest Parcel
    /// Fulfillment, Columbus, OH"). A comma is inside the title only over an organisation
    /// with its town or its legal form ("Senior Paralegal, Commercial Property" over
    /// "Hartley Brooke LLP, Manchester"; "Account Executive, SMB" over "Telus
    /// Communications Inc."), or a department's over a name ("Senior Credit Analyst, Corporate
    /// Banking" over "Bank of Ireland"): a title and its employer are often set so ("Dental
    /// Nurse, Bedminster Family Dentistry" over the practice's kind).
    fn over_its_employer(&self, i: usize, pieces: &mut Vec<String>, titled: &[String], rest: &str) -> bool {
        let Some(below) = self.lines.get(i + 1) else { return false };
        let name_below = self.jobs && self.is_heading(i + 1) && starts_with_a_name(below);
        if !self.names_below(i) && !name_below {
            return false;
        }
        // Over an employer named by its legal form or its kind, a department after the dash
        // is the title's even where it names a body or a ward ("Técnico de logística –
        // Departamento de Tráfico" over "Distribuciones Moncayo S.A., Zaragoza", "Técnica
        // de Enfermagem – Clínica Médica" over "Hospital Santa Luzia da Mooca").
        let named_below =
            (names_a_legal_form(below) || self.names_below(i)) && !pieces.iter().any(|p| names_a_legal_form(p));
        let whole = dash_title(pieces, rest)
            .or_else(|| dash_title(titled, rest))
            .or_else(|| named_below.then(|| dashed(pieces, rest)).flatten());
        if let Some(whole) = whole {
            *pieces = vec![whole];
            return true;
        }
        // "Senior Credit Analyst, Corporate Banking" over "Bank of Ireland": what the comma sets
        // after the title is its department where the line below is who, by its town, its
        // legal form, or a name by its words under a department ("Dental Nurse, Bedminster
        // Family Dentistry" over "NHS and Private General Practice" is who and what it is).
        let [one] = pieces.as_slice() else { return false };
        let department = matches!(comma_pieces(one).as_slice(), [_, after] if names_a_department(after));
        // (`names_below` has checked that the line below names an organisation.)
        let who_below = ends_on_a_town(below) || names_a_legal_form(below) || (department && starts_with_a_name(below));
        title_and_department(one) && self.jobs && self.names_below(i) && who_below
    }

    /// A later role's title at the employer above, whole on its dated line `i`.
    ///
    /// "Executive Team Leader – Merchandising  June 2017 – March 2020" under the tasks of a
    /// role over it: where headings come before the dates and no line since `free` names an
    /// employer or a title, the entry is a later role at the same employer, and its dash is
    /// inside the title. Not "Aushilfe Lager – Globus SB-Warenhaus, Ludwigshafen": a name
    /// with its town.
    fn later_role(&self, i: usize, pieces: &[String], rest: &str, free: usize) -> Option<String> {
        let a_title =
            |l: &str| names_a_job(l) && l.split_whitespace().count() <= 5 && !l.contains(|c: char| c.is_ascii_digit());
        let who_above = |j: usize| self.is_heading(j) && (names_who(&self.lines[j]) || a_title(&self.lines[j]));
        let with_town = ends_on_a_town(rest);
        if !self.jobs || !self.heading_first || with_town || (free..i).any(who_above) {
            return None;
        }
        dash_title(pieces, rest)
    }

    /// Whether the dated line `i` (its dates `at`) is a note: the dates first, a colon, and a
    /// sentence of six words or more, which names time between jobs or stands under no
    /// heading of its own since `free` (a title or a name: "Barista — Starbucks" over "March
    /// 2019 – June 2021: Served customers and trained four new starters." is that job's).
    fn dated_note(&self, i: usize, at: &std::ops::Range<usize>, free: usize) -> bool {
        let line = &self.lines[i];
        let first = line
            .get(..at.start)
            .is_some_and(|b| b.trim_matches(|c: char| c.is_whitespace() || "•*-".contains(c)).is_empty());
        // The colon may be read as the last date's ("2018:").
        let after = line.get(at.end..).unwrap_or_default().trim_start();
        let said = after.strip_prefix(':').or_else(|| line[..at.end].ends_with(':').then_some(after)).map(str::trim);
        let headed = (free..i).any(|j| {
            let above = &self.lines[j];
            self.is_heading(j) && (names_a_job(above) || names_who(above)) && !is_prose(above)
        });
        first
            && said.is_some_and(|s| s.split_whitespace().count() >= 6 && is_sentence(s) && (names_a_gap(s) || !headed))
    }

    /// Whether the dated line `i`, with `own` phrases of its own, is a table's row whose
    /// employer's cell is merged with the row above (which had `row_cells` phrases).
    ///
    /// "2016 – 2020  Cariste CACES 1, 3 et 5" under "Depuis mars 2020  Entrepôts du Nord
    /// Logistique  Chef d'équipe préparation": the employer's cell is merged down, and
    /// the lines after the row are its description.
    /// A row whose next line names who ("Addetta paghe  2016 – 2021" over "Studio Associato
    /// Conti & Ferraresi") is an entry with its dates on the right, not a merged row.
    /// Nor is one under its employer's line ("Department of Social Protection, Intreo
    /// Centre" over "Clerical Officer (Grade III)  Feb 2015 - Aug 2018").
    fn merged_row(&self, i: usize, pieces: &[String], own: usize, row_cells: usize, named_above: bool) -> bool {
        self.jobs
            && own == 1
            && (self.phrases)(pieces) == 1
            && row_cells >= 2
            && self.lines[i].contains("  ")
            && !self.names_below(i)
            && !named_above
    }

    /// Completes an entry of one phrase with the line right after its dates, and a short one
    /// with where it was.
    ///
    /// "Employée de bureau" / "06/2011–12/2013" / "Transports Garonne Express, Colomiers
    /// (France)": an office suite may set a form's dates cell between the entry's two lines.
    /// The line right after the dates completes the entry only when it names where it is,
    /// as the next entry's first line never does.
    /// So does a work history's employer, named by its words or a name that is no job or
    /// place ("Koordynatorka ds. marketingu" / "marzec 2021 – obecnie" / "Bonavita Kosmetyki
    /// Sp. z o.o., Kraków"; "Agencja Reklamowa Pixel House, Kraków"), but not a LinkedIn
    /// role's town ("Austin, Texas, United States").
    /// So does the title under an employer named over the dates ("Northgate Care Homes
    /// Ltd" / "Feb 2021 – Present" / "HR Manager").
    fn complete(&self, draft: &mut Draft, after_first: Option<usize>, free: &mut usize) {
        let jobs = self.jobs;
        let employer_over = jobs && !draft.pieces.is_empty() && draft.pieces.iter().all(|p| names_an_organisation(p));
        let completes = |line: &str| {
            is_named_place(line)
                // An education's school under its dates ("VMBO Kader" / "2010 – 2014" /
                // "Zuid-West College, Den Haag").
                || (!jobs && names_a_school(line) && !names_a_degree(line))
                || (jobs
                    && (names_an_organisation(line) || starts_with_a_name(line))
                    && !names_a_job(line)
                    && !(self.linkedin && in_a_country(line)))
                || (employer_over && names_a_job(line) && !names_an_organisation(line) && !is_prose(line))
        };
        // An organisation's line with its site ("Kingsmead Hospitals NHS Trust, St Aldhelm's
        // Hospital") is two phrases, and the title under the dates is still the entry's.
        let one_phrase = (self.phrases)(&draft.pieces) == 1 || (employer_over && draft.pieces.len() == 1);
        // Time between jobs has no employer: the name under its dates is the next entry's
        // ("Excedencia por cuidado de hijos" / dates / "Gestoría Turia Asesores S.L.").
        let gap = jobs && draft.pieces.iter().any(|p| names_a_gap(p));
        if self.heading_first
            && one_phrase
            && !gap
            // Not a name over the next dated line: the next entry's employer over its title.
            && let Some(j) = after_first
                .filter(|j| self.is_heading(*j) && completes(&self.lines[*j]) && !(jobs && self.is_dated_title(*j + 1)))
        {
            draft.pieces.extend(heading_cells(&self.lines[j]));
            *free = j + 1;
        }
        if (self.phrases)(&draft.pieces) < 2 && !draft.places.is_empty() {
            let at = if self.heading_first { draft.pieces.len() } else { 0 };
            let places = std::mem::take(&mut draft.places);
            draft.pieces.splice(at..at, places);
        }
    }
}

/// Whether a line ends on a country after a comma: in a LinkedIn export, where a role was
/// ("Galway, County Galway, Ireland"), never who (elsewhere an employer may have its town and
/// country: "Hotel Adlon Kempinski, Berlin, Germany").
fn in_a_country(line: &str) -> bool {
    line.rsplit_once(", ").is_some_and(|(_, country)| crate::parse::history::is_country(country))
}
