//! The sent form: read from its multipart body within limits, then checked field by field,
//! each problem worded for the person (the page shows the form again with what they typed).

use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use talentdesk_domain::candidate::{Link, LinkKind, Location, Profile};
use talentdesk_domain::settings;
use talentdesk_domain::validation::{self, limits};

use super::texts::Texts;

/// The form fields' names, as the page writes them.
pub mod field {
    pub const NAME: &str = "name";
    pub const EMAIL: &str = "email";
    pub const PHONE: &str = "phone";
    pub const LOCATION: &str = "location";
    pub const LINKEDIN: &str = "linkedin";
    pub const INTERESTS: &str = "interests";
    pub const CONSENT: &str = "consent";
    pub const RESUME: &str = "resume";
    /// The honeypot: hidden from people (off-screen, out of the tab order, hidden from screen
    /// readers), so only a robot that fills in every field fills it in.
    pub const HONEYPOT: &str = "website";
}

/// Longest value of a text field read (far above any real one; the checks below are stricter).
const MAX_TEXT_FIELD: usize = 4 * 1024;
/// Most parts a form may have (its fields, one per area chosen): a robot's thousands are refused.
const MAX_PARTS: usize = 200;

/// What was typed, as typed (shown again when something is wrong).
#[derive(Debug, Default, Clone)]
pub struct Typed {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub location: String,
    pub linkedin: String,
    pub interests: Vec<String>,
    pub consent: bool,
    pub honeypot: String,
}

/// The resume as sent.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The form read.
pub struct Sent {
    pub typed: Typed,
    pub resume: Option<Upload>,
    /// The resume was larger than allowed (its bytes were not kept).
    pub resume_too_large: bool,
}

/// Why the body could not be read as a form.
#[derive(Debug)]
pub enum Unreadable {
    /// Over the request's size limit.
    TooLarge,
    Malformed(String),
}

impl From<MultipartError> for Unreadable {
    fn from(e: MultipartError) -> Self {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            Unreadable::TooLarge
        } else {
            Unreadable::Malformed(e.body_text())
        }
    }
}

/// Reads the form. A resume over `max_resume_bytes` is read to its end but not kept, so the
/// browser gets the page that says so rather than a broken connection.
pub async fn read(mut multipart: Multipart, max_resume_bytes: usize) -> Result<Sent, Unreadable> {
    let mut sent = Sent { typed: Typed::default(), resume: None, resume_too_large: false };
    let mut parts = 0;
    while let Some(mut part) = multipart.next_field().await? {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(Unreadable::Malformed(format!("a form has at most {MAX_PARTS} fields")));
        }
        let name = part.name().unwrap_or_default().to_owned();
        if name == field::RESUME {
            let file_name = part.file_name().unwrap_or_default().to_owned();
            let mut bytes = Vec::new();
            while let Some(chunk) = part.chunk().await? {
                if bytes.len() + chunk.len() > max_resume_bytes {
                    sent.resume_too_large = true;
                    bytes = Vec::new();
                }
                if !sent.resume_too_large {
                    bytes.extend_from_slice(&chunk);
                }
            }
            // A file input left empty sends a part with no name and no bytes.
            let left_empty = file_name.is_empty() && bytes.is_empty();
            if !(sent.resume_too_large || left_empty) {
                sent.resume = Some(Upload { file_name, bytes });
            }
            continue;
        }
        let mut value = Vec::new();
        while let Some(chunk) = part.chunk().await? {
            if value.len() + chunk.len() > MAX_TEXT_FIELD {
                return Err(Unreadable::Malformed(format!("the field {name} is longer than {MAX_TEXT_FIELD} bytes")));
            }
            value.extend_from_slice(&chunk);
        }
        let value = String::from_utf8(value).map_err(|_| Unreadable::Malformed(format!("{name} is not UTF-8")))?;
        let typed = &mut sent.typed;
        match name.as_str() {
            field::NAME => typed.name = value,
            field::EMAIL => typed.email = value,
            field::PHONE => typed.phone = value,
            field::LOCATION => typed.location = value,
            field::LINKEDIN => typed.linkedin = value,
            field::INTERESTS => typed.interests.push(value),
            field::CONSENT => typed.consent = !value.is_empty(),
            field::HONEYPOT => typed.honeypot = value,
            // A field this page does not have is ignored, as browsers' extras are.
            _ => {}
        }
    }
    Ok(sent)
}

/// A problem with one field, worded for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

/// What the person told about themselves, checked (kept with the form until it is applied).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Checked {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub location: Location,
    pub linkedin: Option<String>,
    pub interests: Vec<String>,
    pub consent: bool,
}

impl Checked {
    /// Their profile: what the resume says (`from_resume`), with what they typed in its place
    /// where they typed something; the LinkedIn address joins the resume's links.
    pub fn profile(&self, from_resume: Profile) -> Profile {
        let mut profile = from_resume;
        profile.first_name = self.first_name.clone();
        profile.last_name = self.last_name.clone();
        profile.email = Some(self.email.clone());
        if self.phone.is_some() {
            profile.phone = self.phone.clone();
        }
        if self.location != Location::default() {
            profile.location = self.location.clone();
        }
        if let Some(url) = &self.linkedin
            && !profile.links.iter().any(|l| l.url.eq_ignore_ascii_case(url))
        {
            profile.links.insert(0, Link { kind: LinkKind::LinkedIn, url: url.clone() });
        }
        profile.interests = self.interests.clone();
        profile
    }
}

/// Checks what was typed against the rules a recruiter's edit follows (and the areas the
/// organisation `offered`).
pub fn check(typed: &Typed, offered: &[String], t: &Texts) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut problem = |field: &'static str, message: &str| problems.push(Problem { field, message: message.into() });
    let name = validation::line(field::NAME, &typed.name, limits::NAME * 2).unwrap_or_default();
    let (first_name, last_name) = match name.rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_owned(), last.trim().to_owned()),
        None => (name.clone(), String::new()),
    };
    if typed.name.chars().count() > limits::NAME * 2 {
        problem(field::NAME, t.too_long);
    } else if first_name.is_empty() {
        problem(field::NAME, t.name_required);
    }
    let email = validation::email(&typed.email).ok();
    if email.is_none() {
        problem(field::EMAIL, t.email_invalid);
    }
    let phone = match typed.phone.trim() {
        "" => None,
        number => {
            let checked = validation::phone(number).ok();
            if checked.is_none() {
                problem(field::PHONE, t.phone_invalid);
            }
            checked
        }
    };
    let location = match validation::line(field::LOCATION, &typed.location, limits::SHORT_TEXT) {
        Ok(place) => location_of(&place),
        Err(_) => {
            problem(field::LOCATION, t.too_long);
            Location::default()
        }
    };
    let linkedin = match typed.linkedin.trim() {
        "" => None,
        url => {
            let checked = validation::url(field::LINKEDIN, url).ok();
            if checked.is_none() {
                problem(field::LINKEDIN, t.linkedin_invalid);
            }
            checked
        }
    };
    let interests = settings::chosen_interests(&typed.interests, offered).unwrap_or_else(|_| {
        problem(field::INTERESTS, t.interest_unknown);
        Vec::new()
    });
    match email {
        Some(email) if problems.is_empty() => {
            Ok(Checked { first_name, last_name, email, phone, location, linkedin, interests, consent: typed.consent })
        }
        _ => Err(problems),
    }
}

/// "City, Region, Country", "City, Country" or "City", as people write where they live.
fn location_of(place: &str) -> Location {
    let parts: Vec<String> = place.split(',').map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect();
    match <[String; 3]>::try_from(parts.clone()) {
        Ok([city, region, country]) => Location { city, region, country },
        Err(_) => match parts.as_slice() {
            [city, country] => Location { city: city.clone(), region: String::new(), country: country.clone() },
            [city] => Location { city: city.clone(), ..Location::default() },
            [] => Location::default(),
            // More commas than a place has: kept whole as the city, nothing lost.
            _ => Location { city: place.trim().to_owned(), ..Location::default() },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::public_page::Lang;

    fn typed(name: &str, email: &str) -> Typed {
        Typed { name: name.into(), email: email.into(), ..Typed::default() }
    }

    #[test]
    fn a_good_form_gives_the_profile_with_the_typed_fields_over_the_resumes() {
        let t = super::super::texts::of(Lang::En);
        let offered = vec!["Data Science".to_owned()];
        let sent = Typed {
            phone: "+49 30 1234567".into(),
            location: "Berlin, Germany".into(),
            linkedin: "https://www.linkedin.com/in/ana".into(),
            interests: vec!["data science".into()],
            consent: true,
            ..typed("Ana Maria Souza", "ana@example.com")
        };
        let checked = check(&sent, &offered, t).unwrap();
        let resume = Profile { first_name: "A.".into(), current_title: "Analyst".into(), ..Profile::default() };
        let p = checked.profile(resume);
        assert_eq!((p.first_name.as_str(), p.last_name.as_str()), ("Ana Maria", "Souza"));
        assert_eq!(p.current_title, "Analyst", "the resume fills what the form does not ask");
        assert_eq!((p.location.city.as_str(), p.location.country.as_str()), ("Berlin", "Germany"));
        assert_eq!(p.interests, offered);
        assert_eq!(p.links[0].kind, LinkKind::LinkedIn);
    }

    #[test]
    fn each_bad_field_is_named_with_its_problem() {
        let t = super::super::texts::of(Lang::En);
        let sent = Typed {
            phone: "call me".into(),
            linkedin: "linkedin.com/in/x".into(),
            interests: vec!["Sales".into()],
            ..typed(" ", "not-an-email")
        };
        let fields: Vec<&str> = check(&sent, &[], t).unwrap_err().iter().map(|p| p.field).collect();
        assert_eq!(fields, [field::NAME, field::EMAIL, field::PHONE, field::LINKEDIN, field::INTERESTS]);
    }

    #[test]
    fn places_split_into_city_region_and_country() {
        assert_eq!(location_of("Austin, TX, USA").region, "TX");
        assert_eq!(location_of("Berlin").city, "Berlin");
        assert_eq!(location_of("a, b, c, d").city, "a, b, c, d");
    }
}
