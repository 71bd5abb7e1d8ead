//! The sign-up page's HTML: the form (again with what was typed and what is wrong, when
//! something is), the thank-you page and the short pages for an unknown address or too many
//! sign-ups. Every value goes through [`escape`].

use talentdesk_domain::event::Event;

use super::form::{Problem, Typed, field};
use super::texts::Texts;
use crate::public_page::{Lang, escape, page};

/// Who the page is for: the organisation, and the event when it is an event's page.
pub struct Target<'a> {
    pub org: &'a str,
    pub event: Option<&'a Event>,
    /// The organisation's areas of interest, offered as boxes to tick.
    pub areas: &'a [String],
    /// The admin's consent text, when they worded one.
    pub consent: Option<&'a str>,
    pub max_resume_mb: u64,
}

impl Target<'_> {
    fn title(&self, t: &Texts) -> String {
        match self.event {
            Some(event) => t.event_title.replace("{event}", &event.name),
            None => t.title.to_owned(),
        }
    }
}

/// What the form shows besides its fields: what was typed, and what is wrong.
#[derive(Default)]
pub struct Shown<'a> {
    pub typed: Option<&'a Typed>,
    pub problems: &'a [Problem],
    /// A problem with the whole form (it could not be saved).
    pub general: Option<String>,
}

pub fn form(lang: Lang, t: &Texts, target: &Target<'_>, shown: &Shown<'_>) -> String {
    let empty = Typed::default();
    let typed = shown.typed.unwrap_or(&empty);
    let mut body = String::new();
    if !shown.problems.is_empty() || shown.general.is_some() {
        // Announced first and linked to each field, so a screen reader and a keyboard reach them.
        body.push_str("<div class=\"summary\" role=\"alert\" tabindex=\"-1\" id=\"problems\">");
        if let Some(general) = &shown.general {
            body.push_str(&format!("<p class=\"error\">{}</p>", escape(general)));
        }
        if !shown.problems.is_empty() {
            body.push_str(&format!("<p>{}</p><ul>", escape(t.problems)));
            for p in shown.problems {
                body.push_str(&format!("<li><a href=\"#{}\">{}</a></li>", p.field, escape(&p.message)));
            }
            body.push_str("</ul>");
        }
        body.push_str("</div>");
    }
    if let Some(event) = target.event {
        let when = event.starts_at.format("%Y-%m-%d %H:%M UTC").to_string();
        body.push_str(&format!(
            "<div class=\"event\"><p><strong>{}</strong>: {}</p>{}{}</div>",
            escape(t.event_when),
            escape(&when),
            if event.location.is_empty() {
                String::new()
            } else {
                format!("<p><strong>{}</strong>: {}</p>", escape(t.event_where), escape(&event.location))
            },
            if event.description.is_empty() {
                String::new()
            } else {
                format!("<p class=\"consent\">{}</p>", escape(&event.description))
            },
        ));
    }
    body.push_str(&format!("<p>{}</p>", escape(t.intro)));
    body.push_str(
        "<form method=\"post\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\"><div class=\"fields\">",
    );
    let problem = |name: &str| shown.problems.iter().find(|p| p.field == name);
    let input = |name: &'static str, kind: &str, label: &str, value: &str, extra: &str, hint: Option<&str>| {
        let problem = problem(name);
        let mut described = Vec::new();
        let hint_html = hint.map_or(String::new(), |h| {
            described.push(format!("{name}-hint"));
            format!("<p class=\"hint\" id=\"{name}-hint\">{}</p>", escape(h))
        });
        let error_html = problem.map_or(String::new(), |p| {
            described.push(format!("{name}-error"));
            format!("<p class=\"error\" id=\"{name}-error\">{}</p>", escape(&p.message))
        });
        let described =
            if described.is_empty() { String::new() } else { format!(" aria-describedby=\"{}\"", described.join(" ")) };
        let invalid = if problem.is_some() { " aria-invalid=\"true\"" } else { "" };
        format!(
            "<div class=\"field\"><label for=\"{name}\">{}</label>{hint_html}{error_html}<input type=\"{kind}\" \
             id=\"{name}\" name=\"{name}\" value=\"{}\"{extra}{described}{invalid}></div>",
            escape(label),
            escape(value),
        )
    };
    let optional = |label: &str| format!("{label} {}", t.optional);
    body.push_str(&input(field::NAME, "text", t.name, &typed.name, " required autocomplete=\"name\"", None));
    body.push_str(&input(field::EMAIL, "email", t.email, &typed.email, " required autocomplete=\"email\"", None));
    body.push_str(&input(field::PHONE, "tel", &optional(t.phone), &typed.phone, " autocomplete=\"tel\"", None));
    body.push_str(&input(
        field::LOCATION,
        "text",
        &optional(t.location),
        &typed.location,
        " autocomplete=\"address-level2\"",
        Some(t.location_hint),
    ));
    body.push_str(&input(
        field::LINKEDIN,
        "url",
        &optional(t.linkedin),
        &typed.linkedin,
        " placeholder=\"https://www.linkedin.com/in/…\"",
        None,
    ));
    if !target.areas.is_empty() {
        let invalid = problem(field::INTERESTS);
        body.push_str(&format!(
            "<fieldset class=\"wide\" id=\"{}\"><legend>{}</legend>{}<div class=\"choices\">",
            field::INTERESTS,
            escape(&optional(t.interests)),
            invalid.map_or(String::new(), |p| format!("<p class=\"error\">{}</p>", escape(&p.message))),
        ));
        for (i, area) in target.areas.iter().enumerate() {
            let checked = typed.interests.iter().any(|c| c.trim().eq_ignore_ascii_case(area));
            body.push_str(&format!(
                "<label class=\"choice\" for=\"area-{i}\"><input type=\"checkbox\" id=\"area-{i}\" name=\"{}\" \
                 value=\"{}\"{}>{}</label>",
                field::INTERESTS,
                escape(area),
                if checked { " checked" } else { "" },
                escape(area),
            ));
        }
        body.push_str("</div></fieldset>");
    }
    let resume_hint = t.resume_hint.replace("{mb}", &target.max_resume_mb.to_string());
    body.push_str(&input(
        field::RESUME,
        "file",
        &optional(t.resume),
        "",
        " accept=\".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain\"",
        Some(resume_hint.as_str()),
    ));
    let consent = match target.consent {
        Some(text) => text.to_owned(),
        None => t.consent_default.replace("{org}", target.org),
    };
    body.push_str(&format!(
        "<div class=\"field wide\"><label class=\"choice consent\" for=\"{c}\"><input type=\"checkbox\" id=\"{c}\" \
         name=\"{c}\" value=\"yes\"{}>{}</label></div>",
        if typed.consent { " checked" } else { "" },
        escape(&consent),
        c = field::CONSENT,
    ));
    // The honeypot: out of sight and out of reach for people, in the markup for robots.
    body.push_str(&format!(
        "<div class=\"hp\" aria-hidden=\"true\"><label for=\"{h}\">Website</label><input type=\"text\" id=\"{h}\" \
         name=\"{h}\" tabindex=\"-1\" autocomplete=\"off\"></div>",
        h = field::HONEYPOT,
    ));
    let submit = if target.event.is_some() { t.event_submit } else { t.submit };
    body.push_str(&format!(
        "<div class=\"wide\"><button type=\"submit\">{}</button></div></div></form>",
        escape(submit)
    ));
    page(lang, target.org, &target.title(t), &body)
}

/// The same for everyone who sent a form that was taken, whether their address was known or
/// not: it says only what they did themselves.
pub fn thanks(lang: Lang, t: &Texts, org: &str, event: Option<&Event>) -> String {
    let said = match event {
        Some(event) => t.thanks_event.replace("{event}", &event.name),
        None => t.thanks.to_owned(),
    };
    page(lang, org, t.thanks_title, &format!("<p role=\"status\">{}</p>", escape(&said)))
}

/// A page with one sentence.
pub fn message(lang: Lang, org: &str, title: &str, said: &str) -> String {
    page(lang, org, title, &format!("<p>{}</p>", escape(said)))
}
