//! Which server addresses the desktop may talk to. Signing in sends the password, and every
//! later request the token: over plain `http://` anyone on the network path reads both. So
//! only `https://` is accepted, except to this computer itself (a server run locally for a
//! demo or a test), where the traffic never leaves the machine.

use std::net::IpAddr;

use reqwest::Url;

/// The address of a server the desktop may sign in to, or why not (in words for the sign-in
/// screen).
pub fn server_address(address: &str) -> Result<Url, String> {
    let url = Url::parse(address.trim()).map_err(|e| format!("{address} is not a server address: {e}"))?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_this_computer(&url) => Ok(url),
        "http" => Err("This server address uses http://, which sends your password unencrypted; use https:// \
             (plain http is allowed only for this computer)"
            .to_owned()),
        other => Err(format!("{address} is not a server address: {other}:// is not a web address; use https://")),
    }
}

/// Loopback only: `localhost` itself (not a name that merely starts with it), 127.0.0.0/8 and
/// `::1` (also written as an IPv4-mapped address).
fn is_this_computer(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::server_address;

    #[test]
    fn https_is_accepted_anywhere() {
        for address in ["https://crm.acme.com", "https://10.0.0.1:8443/", "https://evil.test"] {
            assert!(server_address(address).is_ok(), "{address}");
        }
    }

    #[test]
    fn plain_http_is_accepted_for_this_computer_only() {
        for address in [
            "http://127.0.0.1:8080",
            "http://127.9.9.9",
            "http://[::1]:8080",
            "http://localhost:8080",
            "http://LOCALHOST",
            "http://[::ffff:127.0.0.1]",
        ] {
            assert!(server_address(address).is_ok(), "{address}");
        }
    }

    #[test]
    fn plain_http_elsewhere_is_refused_saying_why() {
        for address in [
            "http://localhost.evil.com",
            "http://10.0.0.1",
            "http://evil.test",
            "http://128.0.0.1",
            "http://[::2]",
            "http://192.168.1.10:8080",
            "http://127.0.0.1.evil.test",
        ] {
            let refusal = server_address(address).unwrap_err();
            assert!(refusal.contains("uses http://") && refusal.contains("unencrypted"), "{address}: {refusal}");
        }
    }

    #[test]
    fn what_is_not_a_web_address_is_refused() {
        for address in ["crm.acme.com", "ftp://crm.acme.com", "file:///etc/passwd", ""] {
            let refusal = server_address(address).unwrap_err();
            assert!(refusal.contains("not a server address"), "{address}: {refusal}");
        }
    }
}
