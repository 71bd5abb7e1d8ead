//! The email as sent: the recruiter's text as plain text and as escaped HTML, its links
//! rewritten to tracked redirects, and an open-tracking pixel.

/// What to send and the real targets of the tracked links, in order.
pub struct Composed {
    pub text: String,
    pub html: String,
    pub links: Vec<String>,
}

/// `base` is the server's public address; `token` identifies this message's tracking.
pub fn compose(body: &str, base: &str, token: &str) -> Composed {
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
    html.push_str(&format!(
        "</div><img src=\"{}\" width=\"1\" height=\"1\" alt=\"\"></body></html>",
        escape(&format!("{base}/t/o/{token}"))
    ));
    Composed { text, html, links }
}

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
        let c =
            compose("See https://acme.example/jobs/1. <b>Bold</b> & https://x.example", "https://crm.example/", "tok");
        assert_eq!(c.links, ["https://acme.example/jobs/1", "https://x.example"]);
        assert_eq!(c.text, "See https://crm.example/t/c/tok/0. <b>Bold</b> & https://crm.example/t/c/tok/1");
        assert!(c.html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; "));
        assert!(c.html.contains("<a href=\"https://crm.example/t/c/tok/0\">https://acme.example/jobs/1</a>"));
        assert!(c.html.contains("<img src=\"https://crm.example/t/o/tok\""));
        assert!(!c.html.contains("<b>"));
    }

    #[test]
    fn a_body_without_links_is_unchanged_text() {
        let c = compose("Hi Ana,\nthanks!", "http://h", "t");
        assert_eq!(c.text, "Hi Ana,\nthanks!");
        assert!(c.links.is_empty());
    }
}
