//! Entries written as labelled fields, as the Europass CV form of 2004–2012 sets them: a label
//! in the left column ("Dates", "Occupation or position held", "Name and address of
//! employer") beside its value, in every EU language.

use super::dates;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Dates,
    Title,
    Employer,
    Degree,
    School,
}

/// The form's labels, as the form writes them, in lower case (sources: the Europass CV
/// template of 2004–2012 in each language, labels written out for this table).
#[rustfmt::skip]
const LABELS: &[(&str, Field)] = &[
    ("dates", Field::Dates), ("occupation or position held", Field::Title),
    ("name and address of employer", Field::Employer), ("title of qualification awarded", Field::Degree),
    ("name and type of organisation providing education and training", Field::School),
    ("zeitraum", Field::Dates), ("beruf oder funktion", Field::Title),
    ("name und adresse des arbeitgebers", Field::Employer),
    ("bezeichnung der erworbenen qualifikation", Field::Degree),
    ("name und art der bildungs- oder ausbildungseinrichtung", Field::School),
    ("fonction ou poste occupé", Field::Title), ("nom et adresse de l'employeur", Field::Employer),
    ("intitulé du certificat ou diplôme délivré", Field::Degree),
    ("nom et type de l'établissement d'enseignement ou de formation", Field::School),
    ("fechas", Field::Dates), ("profesión o cargo desempeñado", Field::Title),
    ("nombre y dirección de la empresa o empleador", Field::Employer), ("cualificación obtenida", Field::Degree),
    ("nombre y tipo del centro de estudios", Field::School),
    ("date", Field::Dates), ("lavoro o posizione ricoperti", Field::Title),
    ("nome e indirizzo del datore di lavoro", Field::Employer), ("titolo della qualifica rilasciata", Field::Degree),
    ("nome e tipo d'organizzazione erogatrice dell'istruzione e formazione", Field::School),
    ("datas", Field::Dates), ("função ou cargo ocupado", Field::Title),
    ("nome e morada do empregador", Field::Employer), ("designação da qualificação atribuída", Field::Degree),
    ("nome e tipo da organização de ensino ou formação", Field::School),
    ("data", Field::Dates), ("functie of positie", Field::Title), ("naam en adres van de werkgever", Field::Employer),
    ("benaming van de opleiding/kwalificatie", Field::Degree), ("naam en type van de opleidingsinstelling", Field::School),
    ("okres", Field::Dates), ("zajmowane stanowisko", Field::Title), ("nazwa i adres pracodawcy", Field::Employer),
    ("nazwa otrzymanego dyplomu", Field::Degree), ("nazwa i rodzaj instytucji", Field::School),
];

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
        self.get(Field::Employer)
    }
    pub fn degree(&self) -> String {
        self.get(Field::Degree)
    }
    pub fn school(&self) -> String {
        self.get(Field::School)
    }
}

/// The label a line starts with (the longest that fits) and the value after it.
fn labelled(line: &str) -> Option<(Field, &str)> {
    let lower = line.to_lowercase();
    let (label, field) = LABELS
        .iter()
        .filter(|(label, _)| lower.starts_with(label) && !lower[label.len()..].starts_with(char::is_alphanumeric))
        .max_by_key(|(label, _)| label.len())?;
    // Lower-casing keeps these labels' lengths (no letter changes its width in UTF-8 here).
    Some((*field, line.get(label.len()..)?.trim_matches([' ', ':', '\t'])))
}

/// The entries of a section written as labelled fields; empty when it is not.
pub fn entries(lines: &[&str]) -> Vec<Fields> {
    let mut out: Vec<Fields> = Vec::new();
    let mut pending: Option<Field> = None; // a label alone on its line: its value is the next
    for line in lines {
        let (field, value) = match (labelled(line), pending.take()) {
            (Some((field, "")), _) => {
                pending = Some(field);
                continue;
            }
            (Some((field, value)), _) => (field, value),
            (None, Some(field)) => (field, line.trim()),
            (None, None) => continue,
        };
        let starts_entry =
            field == Field::Dates || out.last().is_none_or(|e| e.values.iter().any(|(f, _)| *f == field));
        if starts_entry {
            out.push(Fields::default());
        }
        if let Some(entry) = out.last_mut() {
            match field {
                Field::Dates => entry.dates = dates::span(value),
                _ => entry.values.push((field, value.to_owned())),
            }
        }
    }
    out
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
}
