//! Server-side request forgery guard: a webhook may only reach the public internet. A URL whose
//! host is, or resolves to, a loopback, private, link-local, unique-local or otherwise internal
//! address is refused (the server would otherwise POST into the network it sits in for whoever
//! can set a URL) unless the settings allow it (`webhooks_allow_private`, for receivers on the
//! team's own network and for tests). Checked when a webhook is saved and again at every send:
//! a name can resolve elsewhere tomorrow. At send time the connection is also made only to
//! addresses [`Resolver`] let through, so a name that changes between the check and the
//! connection still cannot lead inside.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

/// Why a URL may not be a webhook's, in a sentence for the admin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// Whether the address is one a webhook may not reach without `webhooks_allow_private`.
pub fn internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => internal_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => internal_v4(v4),
            None => internal_v6(v6),
        },
    }
}

fn internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || a == 0
        // Carrier-grade NAT (100.64.0.0/10) and benchmarking (198.18.0.0/15): not the internet.
        || (a == 100 && (64..128).contains(&b))
        || (a == 198 && (18..20).contains(&b))
        // IETF protocol assignments (192.0.0.0/24) and the reserved 240.0.0.0/4.
        || (a == 192 && b == 0 && ip.octets()[2] == 0)
        || a >= 240
}

fn internal_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    let first = s[0];
    // Addresses that carry an IPv4 address, which a gateway on the way may reach: NAT64
    // (64:ff9b::/96), 6to4 (2002::/16), the old IPv4-compatible ::a.b.c.d. Judged by it.
    let embedded = |high: u16, low: u16| Ipv4Addr::from((u32::from(high) << 16) | u32::from(low));
    let carried = match s {
        [0x64, 0xff9b, 0, 0, 0, 0, high, low] | [0, 0, 0, 0, 0, 0, high, low] if (high, low) != (0, 0) => {
            Some(embedded(high, low))
        }
        [0x2002, high, low, ..] => Some(embedded(high, low)),
        _ => None,
    };
    if let Some(v4) = carried {
        return internal_v4(v4);
    }
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        // Unique local fc00::/7, link-local fe80::/10, the old site-local fec0::/10.
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        || (first & 0xffc0) == 0xfec0
        // Local-use NAT64 (64:ff9b:1::/48) and Teredo tunnels (2001::/32): gateways to
        // addresses this check cannot see.
        || (first == 0x64 && s[1] == 0xff9b && s[2] == 1)
        || (first == 0x2001 && s[1] == 0)
}

/// Parses a webhook URL and checks its form: http or https, a host, no credentials in it.
pub fn parse(url: &str) -> Result<Url, Refused> {
    let parsed = Url::parse(url.trim()).map_err(|e| Refused(format!("\"{url}\" is not a URL: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Refused(format!("a webhook URL starts with https:// (or http://), not {}://", parsed.scheme())));
    }
    if parsed.host().is_none() {
        return Err(Refused(format!("\"{url}\" names no host")));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Refused("a webhook URL carries no user name or password: the signature says who sent it".into()));
    }
    Ok(parsed)
}

/// Checks where the URL leads: every address its host resolves to must be public (unless
/// `allow_private`). Returns the URL parsed.
pub async fn check(url: &str, allow_private: bool) -> Result<Url, Refused> {
    let parsed = parse(url)?;
    if allow_private {
        return Ok(parsed);
    }
    let addresses: Vec<IpAddr> = match parsed.host() {
        Some(Host::Ipv4(ip)) => vec![ip.into()],
        Some(Host::Ipv6(ip)) => vec![ip.into()],
        Some(Host::Domain(name)) => {
            let port = parsed.port_or_known_default().unwrap_or(443);
            tokio::net::lookup_host((name, port))
                .await
                .map_err(|e| Refused(format!("the host {name} could not be resolved: {e}")))?
                .map(|a| a.ip())
                .collect()
        }
        None => Vec::new(),
    };
    if addresses.iter().any(|ip| internal(*ip)) {
        let host = parsed.host_str().unwrap_or_default();
        // Which address is not said: the server's own network is not the org admin's to map.
        return Err(Refused(format!(
            "{host} leads to an address inside a private network or this machine: webhooks go to public \
             addresses only (a server admin can allow private ones with webhooks_allow_private = true)"
        )));
    }
    Ok(parsed)
}

/// The resolver of the sending client: it hands the connection only public addresses.
pub struct Resolver {
    pub allow_private: bool,
}

impl Resolve for Resolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found.into_iter().filter(|a| allow_private || !internal(a.ip())).collect();
            if allowed.is_empty() {
                let refused = Refused(format!("{} resolves to no public address", name.as_str()));
                return Err(Box::new(refused) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

impl Resolver {
    pub fn shared(allow_private: bool) -> Arc<Self> {
        Arc::new(Self { allow_private })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses_are_told_from_public_ones() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::1",
            "2002:a00:1::1",
            "::127.0.0.1",
            "64:ff9b:1::1",
            "2001:0:4136:e378::1",
            "192.0.0.8",
            "240.0.0.1",
        ] {
            assert!(internal(ip.parse().unwrap()), "{ip} is internal");
        }
        for ip in
            ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "100.128.0.1", "64:ff9b::808:808", "2002:808:808::1"]
        {
            assert!(!internal(ip.parse().unwrap()), "{ip} is public");
        }
    }

    #[tokio::test]
    async fn urls_are_checked_for_form_and_destination() {
        for (url, says) in [
            ("ftp://example.com/x", "not ftp://"),
            ("not a url", "is not a URL"),
            ("https://user:pw@example.com/", "no user name or password"),
            ("http://127.0.0.1:8080/hook", "127.0.0.1"),
            ("http://[::1]/hook", "::1"),
            ("http://169.254.169.254/latest/meta-data", "private network"),
            ("http://localhost:9/hook", "private network"),
        ] {
            let refused = check(url, false).await.unwrap_err().0;
            assert!(refused.contains(says), "{url}: {refused}");
        }
        assert!(check("http://127.0.0.1:8080/hook", true).await.is_ok(), "allowed when the settings say so");
        assert!(check("https://93.184.216.34/hook", false).await.is_ok());
    }
}
