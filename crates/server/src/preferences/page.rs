//! The preferences page: what the person chose, and a form for each thing they may change.
//! Every value shown is escaped; the forms post back to the page's own signed address.

use talentdesk_domain::aggregate::CandidateAggregate;

use super::texts::Texts;
use crate::public_page::{Lang, escape, page};

/// What the page says above the forms, after a change or a refusal.
pub enum Notice {
    None,
    Saved(&'static str),
    Problem(String),
}

pub struct Shown<'a> {
    pub org: &'a str,
    /// The page's own address (its forms post here).
    pub address: &'a str,
    pub candidate: &'a CandidateAggregate,
    /// The organisation's areas of interest.
    pub areas: &'a [String],
    pub notice: Notice,
}

pub fn preferences(lang: Lang, t: &Texts, shown: &Shown) -> String {
    let c = &shown.candidate.candidate;
    let mut body =
        format!("<p>{}</p>", escape(&t.greeting.replace("{name}", &c.profile.first_name).replace("{org}", shown.org)));
    match &shown.notice {
        Notice::None => {}
        Notice::Saved(said) => body.push_str(&format!("<p class=\"event\" role=\"status\">{}</p>", escape(said))),
        Notice::Problem(said) => {
            body.push_str(&format!("<p class=\"summary error\" role=\"alert\">{}</p>", escape(said)))
        }
    }
    body.push_str(&interests(t, shown));
    body.push_str(&campaigns(t, shown, c.subscribed));
    body.push_str(&forget(t, shown));
    page(lang, shown.org, t.title, &body)
}

fn form(address: &str, action: &str, inner: &str) -> String {
    format!(
        "<form id=\"{action}-form\" method=\"post\" action=\"{}\">\
         <input type=\"hidden\" name=\"action\" value=\"{action}\">{inner}</form>",
        escape(address)
    )
}

/// The org's areas and any the person chose that the list no longer has, each a checkbox.
fn interests(t: &Texts, shown: &Shown) -> String {
    let mine = &shown.candidate.candidate.profile.interests;
    let held = |area: &str| mine.iter().any(|m| m.eq_ignore_ascii_case(area));
    let mut areas: Vec<&String> = shown.areas.iter().collect();
    areas.extend(mine.iter().filter(|m| !shown.areas.iter().any(|a| a.eq_ignore_ascii_case(m))));
    let mut section =
        format!("<section aria-labelledby=\"interests\"><h2 id=\"interests\">{}</h2>", escape(t.interests));
    if areas.is_empty() {
        section.push_str(&format!("<p class=\"hint\">{}</p></section>", escape(t.no_areas)));
        return section;
    }
    let choices: String = areas
        .iter()
        .map(|area| {
            let checked = if held(area) { " checked" } else { "" };
            let area = escape(area);
            format!("<label class=\"choice\"><input type=\"checkbox\" name=\"interest\" value=\"{area}\"{checked}> {area}</label>")
        })
        .collect();
    let inner = format!(
        "<fieldset><legend>{}</legend><div class=\"choices\">{choices}</div></fieldset>\
         <p><button type=\"submit\">{}</button></p>",
        escape(t.interests_hint),
        escape(t.save_interests)
    );
    section.push_str(&form(shown.address, "interests", &inner));
    section.push_str("</section>");
    section
}

fn campaigns(t: &Texts, shown: &Shown, subscribed: bool) -> String {
    let mut section =
        format!("<section aria-labelledby=\"campaigns\"><h2 id=\"campaigns\">{}</h2>", escape(t.campaigns));
    if subscribed {
        section.push_str(&format!("<p>{}</p>", escape(t.subscribed)));
        let button = format!("<p><button type=\"submit\">{}</button></p>", escape(t.unsubscribe));
        section.push_str(&form(shown.address, "unsubscribe", &button));
    } else {
        section.push_str(&format!("<p>{}</p>", escape(t.unsubscribed)));
    }
    section.push_str("</section>");
    section
}

fn forget(t: &Texts, shown: &Shown) -> String {
    let mut section = format!("<section aria-labelledby=\"forget\"><h2 id=\"forget\">{}</h2>", escape(t.forget));
    let request = shown.candidate.erasure_request.as_ref();
    if let Some(open) = request.filter(|r| r.is_open()) {
        let date = open.requested_at.format("%Y-%m-%d").to_string();
        section.push_str(&format!(
            "<p role=\"status\">{}</p></section>",
            escape(&t.forget_asked.replace("{date}", &date))
        ));
        return section;
    }
    if let Some(declined) = request.and_then(|r| r.declined.as_ref()) {
        let reason = declined.reason.trim_end_matches('.');
        section.push_str(&format!("<p>{}</p>", escape(&t.forget_declined.replace("{reason}", reason))));
    }
    section.push_str(&format!("<p>{}</p>", escape(t.forget_intro)));
    let inner = format!(
        "<p><label class=\"choice\"><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> {}</label></p>\
         <p><button type=\"submit\">{}</button></p>",
        escape(&t.forget_confirm.replace("{org}", shown.org)),
        escape(t.forget_button)
    );
    section.push_str(&form(shown.address, "forget", &inner));
    section.push_str("</section>");
    section
}

/// A page that only says something (a refused link, a one-click unsubscribe).
pub fn message(lang: Lang, org: &str, title: &str, said: &str) -> String {
    page(lang, org, title, &format!("<p>{}</p>", escape(said)))
}
