//! Entries written as labelled fields, as the Europass CV form of 2004–2012 sets them: a label
//! in the left column ("Dates", "Occupation or position held", "Name and address of
//! employer") beside its value, in every EU language.

use std::sync::OnceLock;

use super::dates;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Dates,
    Title,
    Employer,
    Degree,
    School,
    /// A school's or an employer's, as a label shortened by hand says either ("Nombre de la
    /// organización"): the entry's section tells which.
    Organisation,
    /// A field read into nothing (activities, sector, subjects, level).
    Other,
}

/// The form's labels in lower case, longest first so that the longest that fits is found
/// first (the table and its sources: assets/resume/europass-labels.tsv).
fn labels() -> &'static [(String, Field)] {
    static LABELS: OnceLock<Vec<(String, Field)>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let file = "europass-labels.tsv";
        let mut labels: Vec<(String, Field)> =
            super::data::pairs(include_str!("../../../../assets/resume/europass-labels.tsv"), file)
                .map(|(field, label)| {
                    let field = match field {
                        "dates" => Field::Dates,
                        "title" => Field::Title,
                        "employer" => Field::Employer,
                        "degree" => Field::Degree,
                        "school" => Field::School,
                        "organisation" => Field::Organisation,
                        "other" => Field::Other,
                        _ => panic!("{file}: no field {field:?}"),
                    };
                    (label.to_owned(), field)
                })
                .collect();
        labels.sort_by_key(|(label, _)| std::cmp::Reverse(label.chars().count()));
        labels
    })
}

/// One entry's fields: its dates' line and its values by field.
#[derive(Debug, Default)]
pub struct Fields {
    pub dates: Option<dates::Span>,
    values: Vec<(Field, String)>,
}

impl Fields {
    fn get(&self, field: Field) -> String {
        self.values.iter().find(|(f, _)| *f == field).map(|(_, v)| v.clone()).unwrap_or_default()
    }
    pub fn title(&self) -> String {
        self.get(Field::Title)
    }
    pub fn employer(&self) -> String {
        Some(self.get(Field::Employer)).filter(|e| !e.is_empty()).unwrap_or_else(|| self.get(Field::Organisation))
    }
    pub fn degree(&self) -> String {
        self.get(Field::Degree)
    }
    pub fn school(&self) -> String {
        Some(self.get(Field::School)).filter(|s| !s.is_empty()).unwrap_or_else(|| self.get(Field::Organisation))
    }
}

/// Whether `lower` starts with `label` as whole words.
fn starts_with_words(lower: &str, label: &str) -> bool {
    lower.starts_with(label) && !lower[label.len()..].starts_with(char::is_alphanumeric)
}

/// The label a line starts with (the longest that fits) and the value after it.
fn labelled(line: &str) -> Option<(Field, &str)> {
    let lower = line.to_lowercase();
    let (label, field) = labels().iter().find(|(label, _)| starts_with_words(&lower, label))?;
    // Lower-casing keeps these labels' lengths (no letter changes its width in UTF-8 here).
    Some((*field, line.get(label.len()..)?.trim_matches([' ', ':', '\t'])))
}

/// Whether a line is one of the form's fields that are read into nothing (activities, the
/// sector: "Type ou secteur d'activité Administration publique"): description, never an
/// entry's title or employer, wherever it stands.
pub fn is_other_field(line: &str) -> bool {
    labelled(without_bullet(line)).is_some_and(|(field, _)| field == Field::Other)
}

/// A label wrapped in its narrow column: the line starts with the label's first words and one
/// of the next two lines with the rest ("Name and type of organisation providing  Leicester
/// College" over "education and training"; an office suite's PDF may set the value's line
/// between the two). Gives the field, the value on this line, and the later line's number with
/// what follows the label's end on it.
fn wrapped<'a>(lines: &[&'a str], i: usize) -> Option<(Field, &'a str, usize, &'a str)> {
    let lower = lines[i].to_lowercase();
    labels().iter().find_map(|(label, field)| {
        let words: Vec<&str> = label.split(' ').collect();
        if !lower.starts_with(words[0]) {
            return None;
        }
        (1..words.len()).rev().find_map(|k| {
            let head = words[..k].join(" ");
            // A word or two alone ("Name", "Date of") would start too many lines.
            if head.chars().count() < 12 || !starts_with_words(&lower, &head) {
                return None;
            }
            let tail = words[k..].join(" ");
            // The rest on the next line or the one after, or over both ("Name and type of" /
            // "organisation providing" / "education and training").
            let over_two = lines.get(i + 2).and_then(|end| {
                let middle = lines[i + 1].trim().to_lowercase();
                let last = tail.strip_prefix(middle.as_str())?.strip_prefix(' ').filter(|l| !l.is_empty())?;
                starts_with_words(&end.trim_start().to_lowercase(), last).then_some((*end, last.len()))
            });
            if let Some((end, last)) = over_two {
                let value = lines[i].get(head.len()..).unwrap_or_default().trim_matches([' ', ':', '\t']);
                let indent = end.len() - end.trim_start().len();
                let after = end.get(indent + last..).unwrap_or_default().trim_matches([' ', ':', '\t']);
                return Some((*field, value, i + 2, after));
            }
            (i + 1..lines.len().min(i + 3)).find_map(|j| {
                let next = lines[j].to_lowercase();
                starts_with_words(next.trim_start(), &tail).then(|| {
                    let indent = lines[j].len() - lines[j].trim_start().len();
                    let value = lines[i].get(head.len()..).unwrap_or_default().trim_matches([' ', ':', '\t']);
                    let after = lines[j].get(indent + tail.len()..).unwrap_or_default().trim_matches([' ', ':', '\t']);
                    (*field, value, j, after)
                })
            })
        })
    })
}

/// Whether `line` is the end of a form's label that one of the lines `before` it starts
/// ("education and training" under "Name and type of organisation providing  Leicester
/// College", or under "Name and type of  University College Cork" and "organisation
/// providing").
pub fn ends_a_label(before: &[&str], line: &str) -> bool {
    (1..=before.len().min(2)).any(|back| {
        let mut lines = before[before.len() - back..].to_vec();
        lines.push(line);
        wrapped(&lines, 0).is_some_and(|(_, _, end, _)| end == back)
    })
}

/// A line without the bullet the "European format" CV sets before each label ("• Date (da –
/// a)").
fn without_bullet(line: &str) -> &str {
    line.trim_start().trim_start_matches(['•', '▪', '◦', '·']).trim_start()
}

/// Whether an employer's label alone on its line sits in the middle of its value, as an
/// office suite centres it beside a name and an address of two lines ("Allerwerk Fahrzeugbau
/// GmbH" / the label / "Industriestraße 40, 38446 Wolfsburg"): the line after starts with the
/// address (no name before it: "Elmhurst Residential Home, 14 Elm Road" under the label is
/// the whole value, and the line above it the end of the activities), and the line before is
/// no label's, no value taken and no continuation of one (it starts in capitals).
fn centred_on_its_value(lines: &[&str], i: usize, taken: Option<usize>) -> bool {
    let (Some(before), Some(after)) = (i.checked_sub(1), lines.get(i + 1)) else { return false };
    let street_first = super::history::is_address(after.split(", ").next().unwrap_or_default());
    taken != Some(before)
        && labelled(lines[before]).is_none()
        && lines[before].trim_start().starts_with(char::is_uppercase)
        && street_first
}

/// The entries of a section written as labelled fields; empty when it is not.
pub fn entries(lines: &[&str]) -> Vec<Fields> {
    let lines: Vec<&str> = lines.iter().map(|l| without_bullet(l)).collect();
    let lines = lines.as_slice();
    let mut taken: Option<usize> = None; // the last line read as a value
    let mut out: Vec<Fields> = Vec::new();
    let mut pending: Option<Field> = None; // a label alone on its line: its value is the next
    // A wrapped label's end, on a later line: what follows it there is read in its place.
    let mut label_end: Option<(usize, &str)> = None;
    let mut value_at: Option<usize> = None; // the line the last value was read from
    for (i, line) in lines.iter().enumerate() {
        // Text beside a wrapped label's end is its value's column, wrapped with it.
        let beside_label_end = matches!(label_end, Some((j, _)) if j == i);
        let line = match label_end {
            Some((j, after)) if j == i => {
                label_end = None;
                if after.is_empty() {
                    continue;
                }
                after
            }
            _ => *line,
        };
        let found = labelled(line).or_else(|| {
            if label_end.is_some() {
                return None; // a wrapped label's value line, before the label's end
            }
            let (field, value, j, after) = wrapped(lines, i)?;
            label_end = Some((j, after));
            Some((field, value))
        });
        let (field, value) = match (found, pending.take()) {
            (Some((Field::Employer, "")), _) if centred_on_its_value(lines, i, taken) => {
                (Field::Employer, lines[i - 1].trim())
            }
            (Some((field, "")), _) => {
                pending = Some(field);
                continue;
            }
            (Some((field, value)), _) => (field, value),
            (None, Some(field)) => {
                taken = Some(i);
                (field, line.trim())
            }
            (None, None) => {
                // "Beruf oder Funktion  Sachbearbeiter Ausländerbehörde (Stadtinspektor," over
                // "ab 2018 Stadtoberinspektor)": a value that does not end where its line does
                // goes on on the next line, under it, without a label; beside a label wrapped
                // with it, always ("Name und Art der Bildungs-  Hessische Hochschule für
                // öffentliches Management" over "oder Ausbildungseinrichtung  und Sicherheit").
                if value_at == Some(i.wrapping_sub(1))
                    && let Some((_, value)) = out.last_mut().and_then(|e| e.values.last_mut())
                    && (beside_label_end || goes_on(value))
                {
                    *value = format!("{value} {}", line.trim());
                    value_at = Some(i);
                }
                continue;
            }
        };
        if field == Field::Other {
            continue;
        }
        let starts_entry =
            field == Field::Dates || out.last().is_none_or(|e| e.values.iter().any(|(f, _)| *f == field));
        if starts_entry {
            out.push(Fields::default());
        }
        if let Some(entry) = out.last_mut() {
            match field {
                Field::Dates => entry.dates = dates::span(value),
                _ => {
                    entry.values.push((field, value.to_owned()));
                    value_at = Some(i);
                }
            }
        }
    }
    out
}

/// A value cut where its line ends: inside brackets, or after a comma or a small joining word.
fn goes_on(value: &str) -> bool {
    value.matches('(').count() > value.matches(')').count()
        || value.ends_with(',')
        || super::words::ends_on_joining_word(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_old_europass_forms_labelled_fields() {
        let lines = [
            "Date  01/2019 – 03/2023",
            "Lavoro o posizione ricoperti  Receptionist",
            "Principali attività e responsabilità  Accoglienza clienti",
            "Nome e indirizzo del datore di lavoro",
            "Hotel Bellavista, Sorrento",
            "Dates  2015 – 2018",
            "Occupation or position held  Night Auditor",
            "Name and address of employer  Grand Harbour Hotel, Valletta",
        ];
        let got = entries(&lines);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].title(), got[0].employer()), ("Receptionist".into(), "Hotel Bellavista, Sorrento".into()));
        assert_eq!(got[0].dates.as_ref().map(|d| d.start.as_str()), Some("2019-01"));
        assert_eq!(
            (got[1].title(), got[1].employer()),
            ("Night Auditor".into(), "Grand Harbour Hotel, Valletta".into())
        );
        assert!(entries(&["Head Chef — Harbour Hotel  2019 – Present"]).is_empty());
    }

    #[test]
    fn the_european_formats_bulleted_labels_and_a_label_centred_on_its_value() {
        let lines = [
            "• Date (da – a)  Settembre 2018 – in corso",
            "• Nome e indirizzo del datore di lavoro  Cooperativa Sociale Il Sole",
            "Via Roma 150",
            "• Tipo di azienda o settore  Servizi educativi",
            "• Tipo di impiego  EDUCATRICE",
        ];
        let got = entries(&lines);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].title(), got[0].employer()), ("EDUCATRICE".into(), "Cooperativa Sociale Il Sole".into()));
        assert_eq!(got[0].dates.as_ref().map(|d| d.start.as_str()), Some("2018-09"));
        // An office suite's PDF: the label beside the middle line of name, street and town.
        let lines = [
            "Zeitraum seit 09/2019",
            "Beruf oder Funktion INSTANDHALTER",
            "Einweisung neuer Kollegen",
            "Nordwerk Fahrzeugbau GmbH",
            "Name und Adresse des Arbeitgebers",
            "Industriestraße 40, 38446 Wolfsburg",
        ];
        assert_eq!(entries(&lines)[0].employer(), "Nordwerk Fahrzeugbau GmbH");
        // Copied as text: activities over lines before the label, the whole value after it.
        let lines = [
            "Occupation or position held   Care Assistant",
            "Main activities and responsibilities",
            "Home visits, washing and dressing, meal preparation",
            "and keeping visit records",
            "Name and address of employer",
            "Thames Valley Homecare Ltd, 3 Market Place, Wokingham",
        ];
        assert_eq!(entries(&lines)[0].employer(), "Thames Valley Homecare Ltd, 3 Market Place, Wokingham");
    }

    #[test]
    fn forms_filled_in_by_hand_word_their_labels_their_own_way() {
        let lines = [
            "Zeitraum  Seit 03/2020",
            "Beruflicher Werdegang oder Funktion  Zahntechnikermeister, stellv. Laborleiter",
            "Name und Adresse des Arbeitgebers  Dentallabor Kühnle und Partner GmbH, Stuttgart-Vaihingen",
        ];
        let got = entries(&lines);
        assert_eq!(got[0].title(), "Zahntechnikermeister, stellv. Laborleiter");
        assert_eq!(got[0].employer(), "Dentallabor Kühnle und Partner GmbH, Stuttgart-Vaihingen");
        for label in ["Nom et type de l'établissement", "Nom et type de l'établissement d'enseignement"] {
            let lines = [
                "Dates 2009 – 2011".to_owned(),
                "Intitulé du certificat ou diplôme délivré BTS Assistant de gestion PME-PMI".to_owned(),
                format!("{label} Lycée Gaston Berger"),
            ];
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            assert_eq!(entries(&lines)[0].school(), "Lycée Gaston Berger", "{label}");
        }
        // A label shortened to what a school and an employer share answers for either.
        let lines = ["Fechas 2014 – 2015", "Nombre de la organización Universitat de València"];
        assert_eq!(entries(&lines)[0].school(), "Universitat de València");
        let lines = ["Fechas 2016 – 2019", "Nombre de la organización Cruz Roja Española"];
        assert_eq!(entries(&lines)[0].employer(), "Cruz Roja Española");
    }

    #[test]
    fn a_value_cut_where_its_line_ends_goes_on_under_it() {
        // A plain-text copy of the form: the value wraps under itself, without a label.
        let lines = [
            "Zeitraum  09/2015 - 12/2020",
            "Beruf oder Funktion  Sachbearbeiter Ausländerbehörde (Stadtinspektor,",
            "ab 2018 Stadtoberinspektor)",
            "Name und Adresse des Arbeitgebers  Magistrat der Universitätsstadt Gießen",
            "Berliner Platz 1, 35390 Gießen",
        ];
        let got = entries(&lines);
        assert_eq!(got[0].title(), "Sachbearbeiter Ausländerbehörde (Stadtinspektor, ab 2018 Stadtoberinspektor)");
        // A value that ended stays as it is: the address under it is no part of the name.
        assert_eq!(got[0].employer(), "Magistrat der Universitätsstadt Gießen");
    }

    #[test]
    fn labels_wrapped_in_their_narrow_column() {
        // As Chromium prints the form: the label's last words on the next line.
        let lines = [
            "Dates  09/2016 – 07/2017",
            "Title of qualification awarded  Level 3 Diploma in Health and Social Care",
            "Principal subjects / occupational skills  Safeguarding, dementia care",
            "covered",
            "Name and type of organisation providing  Leicester College, further education college",
            "education and training",
        ];
        let got = entries(&lines);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].school(), "Leicester College, further education college");
        assert_eq!(got[0].degree(), "Level 3 Diploma in Health and Social Care");
        // As an office suite's PDF sets it: the value's line between the label's two lines,
        // and an activity's first line before its label.
        let lines = [
            "Date 2008 – 2013",
            "Titolo della qualifica rilasciata Laurea magistrale in Economia aziendale",
            "Principali tematiche/competenze professionali",
            "Ragioneria, diritto tributario, controllo di gestione",
            "possedute",
            "Nome e tipo d'organizzazione erogatrice",
            "Università degli Studi di Napoli Federico II",
            "dell'istruzione e formazione",
        ];
        let got = entries(&lines);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].school(), "Università degli Studi di Napoli Federico II");
        assert_eq!(got[0].degree(), "Laurea magistrale in Economia aziendale");
        // Copied out of a PDF as text: a label over three lines, its value on the first.
        let lines = [
            "Dates  2006 - 2009",
            "Title of qualification  Bachelor of Arts in Applied Social Studies",
            "awarded",
            "Name and type of  Cork Institute of Technology",
            "organisation providing",
            "education and training",
            "Level in national or  NFQ Level 7",
            "international classification",
        ];
        let got = entries(&lines);
        assert_eq!(
            (got[0].school(), got[0].degree()),
            ("Cork Institute of Technology".into(), "Bachelor of Arts in Applied Social Studies".into())
        );
        // Nor is the label's last line a heading of its own.
        assert!(ends_a_label(&lines[3..5], lines[5]));
        assert!(!ends_a_label(&lines[1..3], "Education and training"));
        // The value wrapped beside its wrapped label goes on there.
        let lines = [
            "Zeitraum  10/2009 – 09/2012",
            "Bezeichnung der erworbenen  Diplom-Verwaltungswirt (FH)",
            "Qualifikation",
            "Name und Art der Bildungs-  Hessische Hochschule für öffentliches Management",
            "oder Ausbildungseinrichtung  und Sicherheit, Abteilung Gießen",
        ];
        let got = entries(&lines);
        assert_eq!(
            got[0].school(),
            "Hessische Hochschule für öffentliches Management und Sicherheit, Abteilung Gießen"
        );
        // The Polish form's wording as editors vary it.
        let lines = [
            "Daty  10.2011 – 06.2013",
            "Nazwa uzyskanego dyplomu / świadectwa  Magister fizjoterapii",
            "Główne przedmioty / kwalifikacje zawodowe  Fizjoterapia w neurologii",
            "Nazwa i rodzaj organizacji zapewniającej edukację i szkolenia  Akademia Wychowania Fizycznego",
        ];
        let got = entries(&lines);
        assert_eq!(
            (got[0].school(), got[0].degree()),
            ("Akademia Wychowania Fizycznego".into(), "Magister fizjoterapii".into())
        );
    }
}
