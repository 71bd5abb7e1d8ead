//! A real drop of files on the app's window. This process plays the part of a file manager:
//! the drag source of the X drag-and-drop protocol (XDND). The window system then hands the
//! files to the app exactly as it does for a user's drop — the only way the app lets files in
//! besides its own file dialogs (a drop event sent from the webview's script is not one).
//!
//! The exchange: Enter and Position to the window under the point; the window asks for the
//! `text/uri-list` of the drag through the XdndSelection and says whether it accepts; Drop;
//! Finished.

use std::path::Path;
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::Event;
use x11rb::protocol::xproto::{
    Atom, AtomEnum, ClientMessageEvent, ConnectionExt, CreateWindowAux, EventMask, MapState, PropMode,
    SELECTION_NOTIFY_EVENT, SelectionNotifyEvent, SelectionRequestEvent, Window, WindowClass,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;
use x11rb::{COPY_DEPTH_FROM_PARENT, COPY_FROM_PARENT, CURRENT_TIME, NONE};

use crate::{Result, err};

/// How long the window has to take the drop.
const WITHIN: Duration = Duration::from_secs(15);

struct Atoms {
    aware: Atom,
    enter: Atom,
    position: Atom,
    status: Atom,
    drop: Atom,
    finished: Atom,
    selection: Atom,
    copy: Atom,
    uri_list: Atom,
}

/// Drops `files` on the window at root coordinates `at`, as a file manager would.
pub fn drop_files(files: &[&Path], at: (u16, u16)) -> Result<()> {
    let (conn, screen) = x11rb::connect(None).map_err(|e| format!("no X display to drop on: {e}"))?;
    let root = conn.setup().roots[screen].root;
    let intern = |name: &str| -> Result<Atom> {
        Ok(conn.intern_atom(false, name.as_bytes()).map_err(err)?.reply().map_err(err)?.atom)
    };
    let atoms = Atoms {
        aware: intern("XdndAware")?,
        enter: intern("XdndEnter")?,
        position: intern("XdndPosition")?,
        status: intern("XdndStatus")?,
        drop: intern("XdndDrop")?,
        finished: intern("XdndFinished")?,
        selection: intern("XdndSelection")?,
        copy: intern("XdndActionCopy")?,
        uri_list: intern("text/uri-list")?,
    };
    let uris: String = files.iter().map(|f| format!("file://{}\r\n", percent_encoded(f))).collect();

    // The source is a window of ours that owns the drag's selection.
    let source = conn.generate_id().map_err(err)?;
    let aux = CreateWindowAux::new();
    conn.create_window(
        COPY_DEPTH_FROM_PARENT,
        source,
        root,
        -10,
        -10,
        1,
        1,
        0,
        WindowClass::INPUT_ONLY,
        COPY_FROM_PARENT,
        &aux,
    )
    .map_err(err)?;
    conn.set_selection_owner(source, atoms.selection, CURRENT_TIME).map_err(err)?;
    let target = window_at(&conn, root, at, atoms.aware)?;

    let position = (u32::from(at.0) << 16) | u32::from(at.1);
    send(&conn, target, atoms.enter, [source, 5 << 24, atoms.uri_list, 0, 0])?;
    send(&conn, target, atoms.position, [source, 0, position, CURRENT_TIME, atoms.copy])?;
    let start = Instant::now();
    let mut dropped = false;
    let mut moved = Instant::now();
    while start.elapsed() < WITHIN {
        let Some(event) = conn.poll_for_event().map_err(err)? else {
            // Still undecided: move again, as a hand would.
            if !dropped && moved.elapsed() > Duration::from_millis(200) {
                send(&conn, target, atoms.position, [source, 0, position, CURRENT_TIME, atoms.copy])?;
                moved = Instant::now();
            }
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        match event {
            Event::SelectionRequest(request) => give_uris(&conn, &request, &atoms, uris.as_bytes())?,
            Event::ClientMessage(message) if message.type_ == atoms.status => {
                let accepted = message.data.as_data32()[1] & 1 == 1;
                if accepted && !dropped {
                    send(&conn, target, atoms.drop, [source, 0, CURRENT_TIME, 0, 0])?;
                    dropped = true;
                }
            }
            Event::ClientMessage(message) if message.type_ == atoms.finished => {
                conn.destroy_window(source).map_err(err)?;
                conn.flush().map_err(err)?;
                return Ok(());
            }
            _ => {}
        }
    }
    Err(format!("the window did not take the drop within {} s (dropped: {dropped})", WITHIN.as_secs()))
}

/// The topmost mapped window under `at` that takes drops.
fn window_at(conn: &RustConnection, root: Window, at: (u16, u16), aware: Atom) -> Result<Window> {
    let children = conn.query_tree(root).map_err(err)?.reply().map_err(err)?.children;
    for &window in children.iter().rev() {
        let attributes = conn.get_window_attributes(window).map_err(err)?.reply().map_err(err)?;
        if attributes.map_state != MapState::VIEWABLE {
            continue;
        }
        let g = conn.get_geometry(window).map_err(err)?.reply().map_err(err)?;
        let (x, y) = (i32::from(at.0), i32::from(at.1));
        let inside = x >= i32::from(g.x)
            && y >= i32::from(g.y)
            && x < i32::from(g.x) + i32::from(g.width)
            && y < i32::from(g.y) + i32::from(g.height);
        let takes_drops =
            conn.get_property(false, window, aware, AtomEnum::ANY, 0, 1).map_err(err)?.reply().map_err(err)?.value_len
                > 0;
        if inside && takes_drops {
            return Ok(window);
        }
    }
    Err(format!("no window takes drops at {at:?}"))
}

fn send(conn: &RustConnection, target: Window, kind: Atom, data: [u32; 5]) -> Result<()> {
    let message = ClientMessageEvent::new(32, target, kind, data);
    conn.send_event(false, target, EventMask::NO_EVENT, message).map_err(err)?;
    conn.flush().map_err(err)
}

/// Answers the window's request for the drag's data: the file list, in the one form offered.
fn give_uris(conn: &RustConnection, request: &SelectionRequestEvent, atoms: &Atoms, uris: &[u8]) -> Result<()> {
    let property = if request.property == NONE { request.target } else { request.property };
    let given = request.selection == atoms.selection && request.target == atoms.uri_list;
    if given {
        conn.change_property8(PropMode::REPLACE, request.requestor, property, atoms.uri_list, uris).map_err(err)?;
    }
    let answer = SelectionNotifyEvent {
        response_type: SELECTION_NOTIFY_EVENT,
        sequence: 0,
        time: request.time,
        requestor: request.requestor,
        selection: request.selection,
        target: request.target,
        property: if given { property } else { NONE },
    };
    conn.send_event(false, request.requestor, EventMask::NO_EVENT, answer).map_err(err)?;
    conn.flush().map_err(err)
}

/// A path as a `file://` URI's path: bytes other than unreserved ones and `/` percent-encoded.
fn percent_encoded(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str()
        .as_bytes()
        .iter()
        .map(|&b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
