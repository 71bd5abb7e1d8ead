//! The frame of the pages the server shows to candidates (the sign-up page, the preferences
//! page): plain server-rendered HTML, no script, every value escaped, readable on a phone
//! (one column under 600 px), keyboard-usable with a visible focus, colours of at least WCAG AA
//! contrast, in the visitor's language (English or German, from `Accept-Language`), and
//! branded with the organisation's name.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The languages the pages speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
}

impl Lang {
    /// The visitor's preferred language among ours (`Accept-Language`, by weight), else English.
    pub fn of(headers: &HeaderMap) -> Self {
        let Some(accepted) = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()) else {
            return Lang::En;
        };
        let mut best = (Lang::En, 0.0_f32);
        for (position, item) in accepted.split(',').enumerate() {
            let mut parts = item.split(';').map(str::trim);
            let tag = parts.next().unwrap_or_default().to_ascii_lowercase();
            let weight = parts.find_map(|p| p.strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            // Of equal weights the first listed wins.
            let weight = weight - position as f32 * 1e-4;
            let lang = match tag.split('-').next() {
                Some("de") => Lang::De,
                Some("en") => Lang::En,
                _ => continue,
            };
            if weight > best.1 {
                best = (lang, weight);
            }
        }
        best.0
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language a [`code`](Self::code) names; English for any other.
    pub fn from_code(code: &str) -> Self {
        if code == Lang::De.code() { Lang::De } else { Lang::En }
    }
}

/// Whether a form's `POST` came from a page of this server rather than from another site
/// (cross-site request forgery: a page elsewhere that sends the sign-up form with someone's
/// address, or a preferences form with a leaked link). A browser says where a request comes
/// from in `Sec-Fetch-Site` (only `same-origin`, or `none` for an address typed or bookmarked,
/// is ours), and where the browser says so that settles it: behind a proxy the address the
/// request was sent to, or an alias of the public one, need not be the page's own origin. A
/// browser too old for that header still sends `Origin` on every cross-origin `POST`, which must
/// then be the server's public address or the one the request was sent to. A request with
/// neither comes from no browser (a script, a mail provider), which no other site can make
/// someone's browser send, and is taken.
pub fn from_own_page(headers: &HeaderMap, public_url: &str) -> bool {
    let value = |name| headers.get(name).map(|v| v.to_str().unwrap_or_default());
    if let Some(site) = value("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = value(header::ORIGIN.as_str()) else {
        return true;
    };
    let public = url::Url::parse(public_url).map(|u| u.origin().ascii_serialization()).ok();
    let sent_to = value(header::HOST.as_str());
    public.as_deref() == Some(origin)
        || sent_to.is_some_and(|host| origin.split_once("://").is_some_and(|(_, at)| at.eq_ignore_ascii_case(host)))
}

/// The page a form sent from another site gets (nothing of it was taken).
pub fn cross_site(lang: Lang) -> Response {
    let (title, said) = match lang {
        Lang::En => (
            "This form was sent from another site",
            "For your safety this page only takes forms sent from its own address, and nothing was changed. \
             Please open the page itself and send the form there.",
        ),
        Lang::De => (
            "Dieses Formular kam von einer anderen Website",
            "Zu Ihrer Sicherheit nimmt diese Seite nur Formulare an, die von ihrer eigenen Adresse gesendet wurden; \
             es wurde nichts geändert. Bitte öffnen Sie die Seite selbst und senden Sie das Formular dort.",
        ),
    };
    respond(StatusCode::FORBIDDEN, page(lang, "", title, &format!("<p>{}</p>", escape(said))))
}

/// Text made safe to put in HTML, in an element or an attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A whole page: `title` (plain text) in the tab and as the heading, `org` (plain text) above
/// it, `body` (HTML, escaped by the caller) below.
pub fn page(lang: Lang, org: &str, title: &str, body: &str) -> String {
    let (org, title) = (escape(org), escape(title));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>{title} · {org}</title><style>{STYLE}</style></head>\
         <body><main><p class=\"org\">{org}</p><h1>{title}</h1>{body}</main></body></html>",
        lang = lang.code(),
    )
}

/// The page as a response: no script may run on it, it may not be framed (clickjacking), and
/// it never leaves the address it was reached at in another site's logs. (`same-origin`, not
/// `no-referrer`: under that, a browser sends its own page's forms with `Origin: null`, which
/// [`from_own_page`] cannot tell from another site's.)
pub fn respond(status: StatusCode, html: String) -> Response {
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Dark text on white and a blue of 7:1 against white (AA needs 4.5:1); the focus ring is
/// thick and offset so it shows on every control.
const STYLE: &str = "\
*{box-sizing:border-box}\
body{margin:0;background:#f3f4f6;color:#1f2328;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}\
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem;background:#fff;min-height:100vh}\
.org{margin:0;font-weight:700;color:#0a4fa6;letter-spacing:.02em;text-transform:uppercase;font-size:.9rem}\
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 1rem}\
.fields{display:grid;grid-template-columns:1fr 1fr;gap:1rem 1.25rem}\
.field{display:flex;flex-direction:column;gap:.3rem}\
.wide{grid-column:1/-1}\
label,legend{font-weight:600}\
input[type=text],input[type=email],input[type=tel],input[type=url],input[type=file]{font:inherit;padding:.55rem .65rem;\
border:1px solid #6b7280;border-radius:6px;background:#fff;color:#1f2328;width:100%}\
fieldset{border:1px solid #6b7280;border-radius:6px;padding:.5rem .9rem .8rem;margin:0}\
.choices{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}\
.choice{display:flex;align-items:flex-start;gap:.45rem;font-weight:400}\
.choice input{width:1.15rem;height:1.15rem;margin-top:.2rem;flex:none}\
.consent{white-space:pre-line}\
.hint{color:#4b5563;font-size:.9rem;margin:0}\
.error{color:#b42318;font-weight:600;margin:0}\
.summary{border:2px solid #b42318;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}\
.summary a{color:#b42318}\
[aria-invalid=true]{border-color:#b42318!important;border-width:2px!important}\
button{font:inherit;font-weight:600;background:#0a4fa6;color:#fff;border:0;border-radius:6px;padding:.7rem 1.4rem;cursor:pointer}\
button:hover{background:#083d80}\
a{color:#0a4fa6}\
:focus-visible{outline:3px solid #0a4fa6;outline-offset:2px}\
.event{background:#eef4fc;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}\
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}\
@media (max-width:600px){.fields{grid-template-columns:1fr}main{padding:1rem .85rem 2rem}h1{font-size:1.35rem}}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_follows_the_visitors_weights() {
        let of = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(value).unwrap());
            Lang::of(&headers)
        };
        assert_eq!(of("de-DE,de;q=0.9,en;q=0.8"), Lang::De);
        assert_eq!(of("fr-FR, en;q=0.5, de;q=0.4"), Lang::En);
        assert_eq!(of("en, de"), Lang::En);
        assert_eq!(of("fr"), Lang::En);
        assert_eq!(Lang::of(&HeaderMap::new()), Lang::En);
    }

    #[test]
    fn a_form_is_ours_by_what_the_browser_says_even_behind_a_proxy() {
        let sent = |pairs: &[(&'static str, &'static str)]| {
            let mut headers = HeaderMap::new();
            for (name, value) in pairs {
                headers.insert(*name, HeaderValue::from_static(value));
            }
            from_own_page(&headers, "https://jobs.acme.example")
        };
        // The page itself, reached through an alias the proxy forwards to 127.0.0.1:8080.
        let via_alias =
            [("sec-fetch-site", "same-origin"), ("origin", "https://careers.acme.example"), ("host", "127.0.0.1:8080")];
        assert!(sent(&via_alias));
        assert!(sent(&[("sec-fetch-site", "same-origin"), ("origin", "null")]));
        assert!(!sent(&[("sec-fetch-site", "cross-site"), ("origin", "https://jobs.acme.example")]));
        assert!(!sent(&[("sec-fetch-site", "same-site"), ("origin", "https://blog.acme.example")]));
        // A browser too old for Sec-Fetch-Site: its Origin decides.
        assert!(sent(&[("origin", "https://jobs.acme.example")]));
        assert!(!sent(&[("origin", "https://evil.example"), ("host", "jobs.acme.example")]));
        // No browser at all (a mail provider's one-click POST, a script).
        assert!(sent(&[]));
    }

    #[test]
    fn values_cannot_open_tags_or_leave_attributes() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
