//! The email as sent: the recruiter's text as plain text and as escaped HTML, its links
//! rewritten to tracked redirects, and an open-tracking pixel; a registration's confirmation
//! also shows the person's check-in code, and its QR image in the HTML. Every email ends with
//! the link to the person's preferences page, where they unsubscribe (not tracked: it is theirs,
//! not the recruiter's).

/// The Content-ID of the check-in code's QR image, which the HTML part shows by `cid:`.
pub const QR_CONTENT_ID: &str = "check-in-qr@talentdesk";

/// What to send and the real targets of the tracked links, in order.
pub struct Composed {
    pub text: String,
    pub html: String,
    pub links: Vec<String>,
}

/// `base` is the server's public address; `token` identifies this message's tracking;
/// `preferences` is the address of the person's preferences page.
pub fn compose(body: &str, base: &str, token: &str, check_in_code: Option<&str>, preferences: &str) -> Composed {
    let base = base.trim_end_matches('/');
    let mut text = String::new();
    let mut html = String::from("<html><body><div style=\"font-family:sans-serif;white-space:pre-wrap\">");
    let mut links = Vec::new();
    let mut rest = body;
    while let Some((before, link, after)) = next_link(rest) {
        text.push_str(before);
        html.push_str(&escape(before));
        let tracked = format!("{base}/t/c/{token}/{}", links.len());
        text.push_str(&tracked);
        html.push_str(&format!("<a href=\"{}\">{}</a>", escape(&tracked), escape(link)));
        links.push(link.to_owned());
        rest = after;
    }
    text.push_str(rest);
    html.push_str(&escape(rest));
    html.push_str("</div>");
    if let Some(code) = check_in_code {
        // The body may already say the code (`{{check_in_code}}`); the text part says it anyway
        // when it does not, for mail readers that show no HTML.
        if !text.contains(code) {
            text.push_str(&format!("\n\nYour check-in code: {code}"));
        }
        let code = escape(code);
        html.push_str(&format!(
            "<p style=\"font-family:sans-serif;text-align:center\"><img src=\"cid:{QR_CONTENT_ID}\" width=\"200\" \
             height=\"200\" alt=\"Check-in code {code}\"><br><span style=\"font-family:monospace;font-size:20px\">\
             {code}</span></p>"
        ));
    }
    text.push_str(&format!("\n\n-- \n{FOOTER}: {preferences}"));
    html.push_str(&format!(
        "<p style=\"font-family:sans-serif;font-size:13px;color:#4b5563\"><a href=\"{}\">{FOOTER}</a></p>",
        escape(preferences)
    ));
    html.push_str(&format!(
        "<img src=\"{}\" width=\"1\" height=\"1\" alt=\"\"></body></html>",
        escape(&format!("{base}/t/o/{token}"))
    ));
    Composed { text, html, links }
}

/// What the footer's link says.
const FOOTER: &str = "Unsubscribe or manage your preferences";

/// The next http(s) link: text before it, the link, text after it.
fn next_link(text: &str) -> Option<(&str, &str, &str)> {
    let start = ["http://", "https://"].iter().filter_map(|scheme| text.find(scheme)).min()?;
    let tail = &text[start..];
    let end = tail.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"')).unwrap_or(tail.len());
    // Punctuation that ends a sentence is not part of the link.
    let link = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
    Some((&text[..start], link, &tail[link.len()..]))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_tracked_and_text_is_escaped() {
        let c = compose(
            "See https://acme.example/jobs/1. <b>Bold</b> & https://x.example",
            "https://crm.example/",
            "tok",
            None,
            "https://crm.example/preferences/p",
        );
        assert_eq!(c.links, ["https://acme.example/jobs/1", "https://x.example"]);
        assert_eq!(
            c.text,
            "See https://crm.example/t/c/tok/0. <b>Bold</b> & https://crm.example/t/c/tok/1\n\n-- \n\
             Unsubscribe or manage your preferences: https://crm.example/preferences/p"
        );
        assert!(c.html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; "));
        assert!(c.html.contains("<a href=\"https://crm.example/t/c/tok/0\">https://acme.example/jobs/1</a>"));
        assert!(c.html.contains("<img src=\"https://crm.example/t/o/tok\""));
        assert!(!c.html.contains("<b>"));
        // The footer's link is the person's own, not tracked.
        assert!(
            c.html.contains("<a href=\"https://crm.example/preferences/p\">Unsubscribe or manage your preferences</a>")
        );
        assert_eq!(c.links.len(), 2);
    }

    #[test]
    fn a_body_without_links_keeps_its_text_above_the_footer() {
        let c = compose("Hi Ana,\nthanks!", "http://h", "t", None, "http://h/preferences/p");
        assert!(c.text.starts_with("Hi Ana,\nthanks!\n\n-- \n"), "{}", c.text);
        assert!(c.links.is_empty());
        assert!(!c.html.contains("cid:"));
    }

    #[test]
    fn a_confirmation_shows_the_check_in_code_and_its_qr_image() {
        let c = compose("See you at the fair, Ana.", "http://h", "t", Some("K7QX-M2PA"), "http://h/preferences/p");
        assert!(
            c.text.starts_with("See you at the fair, Ana.\n\nYour check-in code: K7QX-M2PA\n\n-- \n"),
            "{}",
            c.text
        );
        assert!(c.html.contains(&format!("<img src=\"cid:{QR_CONTENT_ID}\"")), "{}", c.html);
        assert!(c.html.contains(">K7QX-M2PA</span>"));
        // A body that already says the code does not say it twice.
        let c = compose("Your code: K7QX-M2PA", "http://h", "t", Some("K7QX-M2PA"), "http://h/preferences/p");
        assert_eq!(c.text.matches("K7QX-M2PA").count(), 1);
    }
}
