//! The system's file dialogs (GTK's, under Xvfb), answered as a user would: by typing the
//! file's path on the keyboard (through the XTEST extension) and pressing Enter. With the app
//! opening its dialogs itself, this is how a test gives it a file to read or a place to write.

use std::path::Path;
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    Atom, AtomEnum, ConnectionExt, InputFocus, KEY_PRESS_EVENT, KEY_RELEASE_EVENT, Keycode, Keysym, MapState, Window,
};
use x11rb::protocol::xtest::ConnectionExt as _;
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;
use x11rb::{CURRENT_TIME, NONE};

use crate::{Result, err};

const RETURN: Keysym = 0xff0d;
const CONTROL: Keysym = 0xffe3;
const SHIFT: Keysym = 0xffe1;

/// Waits for the dialog whose title starts with `title`, then types `path` into it and presses
/// Enter: in an Open dialog the location (Ctrl+L), in a Save dialog the name (which takes a
/// whole path).
pub fn answer(title: &str, path: &Path) -> Result<()> {
    let (conn, screen) = x11rb::connect(None).map_err(|e| format!("no X display: {e}"))?;
    let root = conn.setup().roots[screen].root;
    let name_atom = conn.intern_atom(false, b"_NET_WM_NAME").map_err(err)?.reply().map_err(err)?.atom;
    let start = Instant::now();
    let dialog = loop {
        if let Some(window) = window_titled(&conn, root, name_atom, title)? {
            break window;
        }
        if start.elapsed() > Duration::from_secs(15) {
            return Err(format!("no dialog titled \"{title}…\" appeared"));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // Let the dialog settle (GTK maps it, then fills it) before typing.
    std::thread::sleep(Duration::from_millis(500));
    conn.set_input_focus(InputFocus::POINTER_ROOT, dialog, CURRENT_TIME).map_err(err)?;
    let keyboard = Keyboard::of(&conn)?;
    keyboard.chord(&conn, CONTROL, Keysym::from(b'l'))?;
    std::thread::sleep(Duration::from_millis(200));
    keyboard.chord(&conn, CONTROL, Keysym::from(b'a'))?;
    let text = path.to_str().ok_or("the path is not UTF-8")?;
    for c in text.chars() {
        keyboard.type_char(&conn, c)?;
    }
    // The location entry completes names as they are typed: let it finish before Enter.
    std::thread::sleep(Duration::from_millis(500));
    keyboard.press(&conn, RETURN, false)
}

/// A viewable top-level window whose title starts with `title`.
fn window_titled(conn: &RustConnection, root: Window, name_atom: Atom, title: &str) -> Result<Option<Window>> {
    for window in conn.query_tree(root).map_err(err)?.reply().map_err(err)?.children {
        let viewable = conn.get_window_attributes(window).map_err(err)?.reply().map_err(err)?.map_state;
        if viewable != MapState::VIEWABLE {
            continue;
        }
        let name = conn
            .get_property(false, window, name_atom, AtomEnum::ANY, 0, 1024)
            .map_err(err)?
            .reply()
            .map_err(err)?
            .value;
        if String::from_utf8_lossy(&name).starts_with(title) {
            return Ok(Some(window));
        }
    }
    Ok(None)
}

/// The keyboard's map from keysyms to keycodes, and key presses through XTEST.
struct Keyboard {
    first: Keycode,
    per_code: usize,
    keysyms: Vec<Keysym>,
}

impl Keyboard {
    fn of(conn: &RustConnection) -> Result<Self> {
        let setup = conn.setup();
        let (first, last) = (setup.min_keycode, setup.max_keycode);
        let map = conn.get_keyboard_mapping(first, last - first + 1).map_err(err)?.reply().map_err(err)?;
        Ok(Self { first, per_code: usize::from(map.keysyms_per_keycode), keysyms: map.keysyms })
    }

    /// The key of `keysym`, and whether it needs Shift.
    fn key(&self, keysym: Keysym) -> Result<(Keycode, bool)> {
        for (i, syms) in self.keysyms.chunks(self.per_code).enumerate() {
            let code = self.first + u8::try_from(i).map_err(err)?;
            if syms.first() == Some(&keysym) {
                return Ok((code, false));
            }
            if syms.get(1) == Some(&keysym) {
                return Ok((code, true));
            }
        }
        Err(format!("no key types keysym {keysym:#x}"))
    }

    fn fake(&self, conn: &RustConnection, kind: u8, code: Keycode) -> Result<()> {
        conn.xtest_fake_input(kind, code, CURRENT_TIME, NONE, 0, 0, 0).map_err(err)?;
        Ok(())
    }

    fn press(&self, conn: &RustConnection, keysym: Keysym, with_shift: bool) -> Result<()> {
        let (code, shifted) = self.key(keysym)?;
        let shift = self.key(SHIFT)?.0;
        if shifted || with_shift {
            self.fake(conn, KEY_PRESS_EVENT, shift)?;
        }
        self.fake(conn, KEY_PRESS_EVENT, code)?;
        self.fake(conn, KEY_RELEASE_EVENT, code)?;
        if shifted || with_shift {
            self.fake(conn, KEY_RELEASE_EVENT, shift)?;
        }
        conn.sync().map_err(err)?;
        std::thread::sleep(Duration::from_millis(15));
        Ok(())
    }

    fn chord(&self, conn: &RustConnection, modifier: Keysym, keysym: Keysym) -> Result<()> {
        let modifier = self.key(modifier)?.0;
        self.fake(conn, KEY_PRESS_EVENT, modifier)?;
        self.press(conn, keysym, false)?;
        self.fake(conn, KEY_RELEASE_EVENT, modifier)?;
        conn.sync().map_err(err)
    }

    /// Printable ASCII characters' keysyms are their codes.
    fn type_char(&self, conn: &RustConnection, c: char) -> Result<()> {
        if !(' '..='~').contains(&c) {
            return Err(format!("cannot type {c:?}"));
        }
        self.press(conn, Keysym::from(c), false)
    }
}
