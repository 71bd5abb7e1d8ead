//! The lines on one side of an entry's dates, nearest first, taken into its heading until it
//! has its phrases or a line is none of its: each rule that skips a line, ends the heading or
//! reads a line otherwise than by its cells is a method here.

use super::section::Draft;
use super::*;

impl<D: Fn(&str) -> Option<Dated>> Section<'_, D> {
    /// Takes the heading lines `near` the dates (`before` them or after, nearest first) into
    /// `draft`; `free` moves past the lines taken after the dates.
    pub(super) fn gather(&self, near: &[usize], before: bool, draft: &mut Draft, free: &mut usize) {
        let mut skipped = 0;
        // The employer's line under a title with a dash, after the dates: taken whole.
        let mut employer_whole = false;
        // A title with a comma of its own: after the dates, over its employer's line, or a
        // LinkedIn export's right above them.
        let mut comma_whole = false;
        for &j in near {
            let line = &self.lines[j];
            // Before dates centred beside it, a line or two of description may come between
            // the dates and their headings; nothing before them is another entry's.
            if before
                && self.heading_first
                && draft.own == 0
                && draft.pieces.is_empty()
                && skipped < 2
                && is_description(line)
            {
                skipped += 1;
                continue;
            }
            // "Lonestar Health Systems" / "6 years 7 months" / "Senior Software Engineer": an
            // employer's time in all, between it and its first role.
            if is_duration(line) || self.describes_the_employer(j, before, draft) {
                // Passed over after the dates, the line is this entry's, no later one's.
                if !before {
                    *free = j + 1;
                }
                continue;
            }
            let whole_title = comma_whole && draft.pieces.len() == 1;
            if !self.is_heading(j) || self.ends_the_heading(j, before, draft, whole_title) {
                break;
            }
            // A LinkedIn export sets the title alone right above its dates, a comma and all
            // ("Territory Manager, Orthopedics" under "Stryker" and its time there).
            let linkedin_title = self.linkedin
                && before
                && draft.own == 0
                && draft.pieces.is_empty()
                && names_a_job(line)
                && !names_an_employer(line);
            comma_whole |= linkedin_title && comma_pieces(line).len() == 2;
            let mut more =
                if employer_whole || linkedin_title { vec![line.trim().to_owned()] } else { heading_cells(line) };
            // "Infirmière – Unité de soins continus de cardiologie  |  Hospices Civils de Lyon
            // – Hôpital Louis Pradel, Bron" over the dates: a title with its specialism in the
            // cell before the employer's, as on a dated line.
            if self.jobs
                && !employer_whole
                && let Some(whole) = title_before_employer(&more, line)
            {
                more = whole;
            }
            if !before && self.department_over_employer(j, draft) {
                continue;
            }
            if !before && let Some(town) = self.town_over_employer(j, &more, draft) {
                draft.places.push(town);
                continue;
            }
            if self.employer_named_apart(j, before, draft)
                && let Some(whole) = dash_title(&more, line)
            {
                more = vec![whole];
                employer_whole = !before;
            }
            // "Administrativo, Área de Urbanismo (funcionario de carrera)" after the dates,
            // over "Ayuntamiento de Utebo (Zaragoza)": a comma inside the title.
            if !before
                && self.jobs
                && draft.pieces.is_empty()
                && let [one] = more.as_slice()
                && title_and_department(one)
                && self.names_below(j)
                && self.name_next(j)
            {
                comma_whole = true;
            }
            if before
                && draft.pieces.is_empty()
                && let Some(title) = self.title_above(j, draft.untaken)
                && employer_and_where(&more, self.phrases)
            {
                more = vec![title, more[0].clone()];
            }
            // "Talleres Deusto Motor (concesionario oficial) — Bilbao" over "Jefe de Taller
            // dates": an employer and its town over the dated title; the town is where, and
            // the title stays first.
            let employer_and_town = before
                && draft.own == 1
                && draft.pieces.len() == 1
                && matches!(more.as_slice(), [name, town] if is_town(town) && !is_town_in_country(name)
                    && (names_a_job(&draft.pieces[0]) || !names_a_job(name)));
            if employer_and_town {
                more.truncate(1);
                draft.pieces.extend(more);
            } else if before {
                draft.pieces.splice(0..0, more);
            } else {
                draft.pieces.extend(more);
                *free = j + 1;
            }
        }
    }

    /// Whether line `j` says what the employer is, between its name and the title: "THE
    /// LEDBURY • London" / "Two-Michelin-starred restaurant in Notting Hill" / "Head Sommelier
    /// dates", or the employer's line dated over its description and the title.
    fn describes_the_employer(&self, j: usize, before: bool, draft: &Draft) -> bool {
        let lines = self.lines;
        if !self.jobs || draft.pieces.len() != 1 {
            return false;
        }
        if before {
            let under_employer = draft.own == 1
                && j > draft.untaken
                && self.is_heading(j - 1)
                && is_employers_line(&lines[j - 1])
                && !is_employers_line(&draft.pieces[0]);
            return under_employer && (describes_an_employer(&lines[j]) || says_what(&lines[j], &draft.pieces[0]));
        }
        // Or the employer's line dated over its description and a dated line right after it,
        // its first role ("08/2003 – 09/2015  Metzgerei Brandl, Würzburg" / "Landmetzgerei mit
        // eigener Schlachtung und 4 Filialen" / "01/2010 – 09/2015  Filialleiter"): the line
        // is no title, whatever the dates.
        let role_next = self.is_dated(j + 1);
        let employer = &draft.pieces[0];
        describes_an_employer(&lines[j])
            && ((role_next && !names_a_job(employer)) || is_employers_line(employer))
            && (role_next
                || lines.get(j + 1).is_some_and(|next| {
                    // A title: by its words, or short, without a comma or figures.
                    let short = next.split_whitespace().count() <= 5
                        && !next.contains(|c: char| c == ',' || c.is_ascii_digit());
                    self.is_heading(j + 1) && (names_a_job(next) || short) && !is_employers_line(next)
                }))
    }

    /// Whether line `j`, a heading's line, belongs to no heading of this entry: the entry has
    /// its two phrases (unless a title with a comma of its own, `whole_title`, is still to
    /// get its employer, or the line is the organisation over a title with a comma), or the
    /// line is a task.
    fn ends_the_heading(&self, j: usize, before: bool, draft: &Draft, whole_title: bool) -> bool {
        let line = &self.lines[j];
        let pieces = &draft.pieces;
        // "Fenmarsh Foods Ltd, Wisbech" over "Shift Maintenance Electrician, Packing Hall
        // dates": under an organisation's line, a comma is inside the dated title.
        let comma_title = before
            && self.jobs
            && draft.own == 1
            && pieces.len() == 1
            && names_an_organisation(line)
            && !names_an_organisation(&pieces[0]);
        // Above the entry's headings, a task's line without its bullet (a browser draws list
        // markers, not text) is prose: "Introduced monthly HR dashboards for absence, turnover
        // and overtime" over "Airedale Housing Association" and dates. A short one names no
        // job and ends on no town ("Coördinatie van de rekenmethode" over "Leerkracht groep 5
        // dates"; not "Tribunal de commerce de Lyon"), under an earlier entry (the first
        // entry's "Istruttore amministrativo (cat. C1), tempo indeterminato" is its title),
        // over a dated title: over a dated employer ("Carrefour Market  2019 – 2021") the line
        // is the title ("Hôtesse de caisse et accueil").
        let words: Vec<&str> = line.split_whitespace().collect();
        let last_two = words.len().saturating_sub(2);
        let on_town = (last_two..words.len()).any(|k| is_known_town(&words[k..].join(" ")));
        let under_a_title = pieces.first().is_some_and(|p| names_a_job(p) || !starts_with_a_name(p));
        let short_task = words.len() >= 4 && draft.untaken > 0 && under_a_title && !names_a_job(line) && !on_town;
        let task_above = before
            && !pieces.is_empty()
            && (words.len() >= 7 || short_task)
            && is_prose(line)
            && !names_an_organisation(line);
        // Under a dated title, a list of tasks in prose is its first line of description
        // ("Clinical Pharmacist (Aug 2020 – May 2023)" over "Medication reconciliation, drug
        // interaction checks"), not its employer.
        let task_below = !before
            && self.jobs
            && !pieces.is_empty()
            && is_task_list(line)
            && !names_an_organisation(line)
            && !starts_with_a_name(line);
        ((self.phrases)(pieces) >= 2 && !comma_title && !whole_title) || task_above || task_below
    }

    /// Whether line `j`, after a dated title, is its ward or department over the line naming
    /// the organisation: "10/2022 – heute  Stellvertretende Stationsleitung" over
    /// "Interdisziplinäre Intensivstation" over "Klinikum Nord-Elbe gGmbH, Hamburg".
    fn department_over_employer(&self, j: usize, draft: &Draft) -> bool {
        let line = &self.lines[j];
        self.jobs
            && draft.own == 1
            && draft.pieces.len() == 1
            && names_a_department(line)
            && !names_a_legal_form(line)
            && !names_a_job(line)
            && line.rsplit_once(", ").is_none_or(|(_, town)| !is_town(town))
            && self.lines.get(j + 1).is_some_and(|next| {
                // Not a line that says how ("Placed at DHL Supply Chain Ltd").
                let connected = next.split_whitespace().take(3).any(|w| CONNECTORS.contains(&w));
                self.is_heading(j + 1)
                    && !connected
                    && !next.contains(": ")
                    && names_an_organisation(next)
                    && !names_a_job(next)
            })
    }

    /// The town of line `j` (its one cell, `more`) when it sits after a dated title over the
    /// line naming the employer: "Développeur back-end Java  dates" / "La Défense" /
    /// "Ingenia Consulting (ESN)".
    fn town_over_employer(&self, j: usize, more: &[String], draft: &Draft) -> Option<String> {
        let [town] = more else { return None };
        let named_next = self.lines.get(j + 1).is_some_and(|next| self.is_heading(j + 1) && names_the_employer(next));
        (self.jobs && draft.pieces.len() == 1 && is_town(town) && named_next).then(|| town.clone())
    }

    /// Whether the employer is named on a line apart from line `j`, so that a dash in `j` is
    /// inside a title.
    ///
    /// "CARISTE – PRÉPARATEUR DE COMMANDES" over "Entrepôts Loiret Distribution" (or over the
    /// dated line that names it). So over a name and its town ("Warehouse Lead - 2nd Shift"
    /// over "Midwest Parcel Fulfillment, Groveport, OH" over the dates), in a work history.
    /// After the dates, the line below names the employer by its words or is a name that is
    /// no job or place ("Eletricista de Manutenção Industrial - Turno rotativo" over
    /// "Sadofibra - Fábrica de Papel, Setúbal").
    fn employer_named_apart(&self, j: usize, before: bool, draft: &Draft) -> bool {
        let lines = self.lines;
        let pieces = &draft.pieces;
        // Under an organisation's line after the dates, likewise ("Studio Legale Bernasconi
        // Ferrario & Partners, Milano" over "Senior Associate – Dipartimento Diritto del
        // Lavoro"). Under the employer's line before the dates too ("Mendes, Tavares & Prado
        // Advogados" over "Advogada Sênior – Contencioso Cível" over the dates). A school is a
        // teacher's employer ("Colégio Jardim das Acácias - São Paulo/SP").
        let employer_above = before
            && j > draft.untaken
            && self.is_heading(j - 1)
            && (names_an_employer(&lines[j - 1]) || names_a_school(&lines[j - 1]))
            && !names_a_job(&lines[j - 1]);
        // "Wijkverpleegkundige – Team Zuilen-Noord" over "Buurtzorg Nederland • Utrecht • sep
        // 2020 – heden": over a dated line naming who, no job.
        let who_on_dated_line = before
            && self.jobs
            && pieces.len() == 1
            && starts_with_a_name(&pieces[0])
            && (draft.own == 0 || (draft.own == 1 && !names_a_job(&pieces[0])));
        self.names_below(j)
            || (!before && self.name_next(j))
            || pieces.iter().any(|p| names_an_organisation(p) || (names_an_employer(p) && !names_a_job(p)))
            || who_on_dated_line
            || (self.jobs && employer_above)
    }

    /// The title on the line over line `j`, before the dates: a short phrase that names no
    /// organisation, place or prose.
    fn title_above(&self, j: usize, untaken: usize) -> Option<String> {
        (j > untaken && self.is_heading(j - 1))
            .then(|| heading_cells(&self.lines[j - 1]))
            .and_then(|above| <[String; 1]>::try_from(above).ok())
            .map(|[title]| title)
            .filter(|title| {
                title.split_whitespace().count() <= 6
                    && !names_an_employer(title)
                    && !is_prose(title)
                    && !is_place(title)
                    && (self.phrases)(std::slice::from_ref(title)) == 1
            })
    }
}

/// Whether `line`, between an employer's line and a dated title (`title`) that names a job, is
/// a short phrase saying what the employer is ("Stadtwerke Friedberg" / "Kommunaler
/// Energieversorger" / "Auszubildende Elektronikerin  09/2012 – 07/2016"), or the department
/// the title was held in: a phrase of its own, neither a job, a name nor a place. Either way the
/// employer is the line above.
fn says_what(line: &str, title: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=4).contains(&words)
        && names_a_job(title)
        && heading_cells(line).len() == 1
        && !names_a_job(line)
        && !names_an_employer(line)
        && !names_a_school(line)
        && !names_an_organisation(line)
        && !is_known_town(line)
        && !line.contains(|c: char| c.is_ascii_digit())
}

/// Whether a line names the employer after a town's line: it starts with a name, or names an
/// organisation; not a label's line ("Stationen: Bürgerbüro", "Client: Barclays Bank plc") nor
/// a phrase ("Placed at DHL Supply Chain Ltd", under an agency's name that reads like a town:
/// "Adecco").
fn names_the_employer(next: &str) -> bool {
    let first = next.split(", ").next().unwrap_or_default();
    let mut words = next.split_whitespace().skip(1);
    let a_name = words.next().is_none_or(|w| {
        w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()) || crate::parse::NAME_PARTICLES.contains(&w)
    });
    let labelled = next.contains(": ");
    a_name && !labelled && (names_an_organisation(next) || (starts_with_a_name(next) && !is_town(first)))
}

/// Whether the cells of a line over the dates are an employer and where it is, naming no job:
/// "Encargada de turno" / "Tostado Norte Café de Especialidad — Palermo Soho" / dates, under
/// the title.
///
/// The line must be an employer's by its words, or a name of two words or more beside a town
/// or an address ("Focus Ireland, Dublin 8"): "Disponent – Dachser" under a description's
/// last line is a title and its employer.
fn employer_and_where(more: &[String], phrases: fn(&[String]) -> usize) -> bool {
    let employer_first = more.first().is_some_and(|first| {
        let mut parts = first.split(", ");
        let name = parts.next().unwrap_or_default();
        let place = |p: &str| is_town(p) || is_address(p);
        let beside = more.get(1).map(String::as_str).or_else(|| parts.last()).is_some_and(place);
        names_an_employer(name) || (name.split_whitespace().count() >= 2 && beside)
    });
    phrases(more) >= 2 && employer_first && !more.iter().flat_map(|p| comma_pieces(p)).any(|p| names_a_job(&p))
}
