//! Connections whose client stops taking what the server sends.
//!
//! A response the client does not read (a snapshot download, a live stream) fills the socket's
//! buffers and then waits, holding the connection, its buffers (megabytes) and the task
//! writing it, for as long as the client keeps the connection open. The kernel can tell: the
//! client's receive window stays shut, or nothing is acknowledged at all. TCP_USER_TIMEOUT has
//! it drop such a connection, which ends the response and frees what it held. A client that
//! reads slowly but reads is not affected: every bit of progress starts the time again.

use std::time::Duration;

use tokio::net::TcpStream;

/// Has the kernel drop `connection` once what is sent on it stays untaken for `after`.
#[cfg(target_os = "linux")]
pub fn drop_when_stalled(connection: &mut TcpStream, after: Duration) {
    let millis = u32::try_from(after.as_millis()).unwrap_or(u32::MAX);
    if let Err(e) = rustix::net::sockopt::set_tcp_user_timeout(&*connection, millis) {
        tracing::warn!(error = %e, "a connection could not be given a stall limit");
    }
}

/// Elsewhere a stalled connection stays until its client closes it; the routes' own idle
/// limits still end what it was doing.
#[cfg(not(target_os = "linux"))]
pub fn drop_when_stalled(_connection: &mut TcpStream, _after: Duration) {}
