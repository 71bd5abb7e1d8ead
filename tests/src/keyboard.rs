//! The keyboard of the X display, pressed through the XTEST extension: the window system hands
//! these key events to the focused window exactly as it hands a user's (no WebDriver in
//! between). The file dialogs are answered by it, and `talentdesk-cli bench app` types with it.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    Atom, AtomEnum, ConnectionExt, InputFocus, KEY_PRESS_EVENT, KEY_RELEASE_EVENT, Keycode, Keysym, MapState, Window,
};
use x11rb::protocol::xtest::ConnectionExt as _;
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;
use x11rb::{CURRENT_TIME, NONE};

use crate::{Result, err};

pub const RETURN: Keysym = 0xff0d;
pub const CONTROL: Keysym = 0xffe3;
pub const SHIFT: Keysym = 0xffe1;
pub const BACKSPACE: Keysym = 0xff08;

/// The display's keyboard: its map from keysyms to keycodes.
pub struct Keyboard {
    conn: RustConnection,
    root: Window,
    first: Keycode,
    per_code: usize,
    keysyms: Vec<Keysym>,
}

impl Keyboard {
    /// The keyboard of the display in DISPLAY.
    pub fn connect() -> Result<Self> {
        let (conn, screen) = x11rb::connect(None).map_err(|e| format!("no X display: {e}"))?;
        let root = conn.setup().roots[screen].root;
        let (first, last) = (conn.setup().min_keycode, conn.setup().max_keycode);
        let map = conn.get_keyboard_mapping(first, last - first + 1).map_err(err)?.reply().map_err(err)?;
        let per_code = usize::from(map.keysyms_per_keycode);
        Ok(Self { conn, root, first, per_code, keysyms: map.keysyms })
    }

    /// A viewable top-level window whose title starts with `title`.
    pub fn window_titled(&self, title: &str) -> Result<Option<Window>> {
        let name_atom = self.atom("_NET_WM_NAME")?;
        for window in self.conn.query_tree(self.root).map_err(err)?.reply().map_err(err)?.children {
            let viewable = self.conn.get_window_attributes(window).map_err(err)?.reply().map_err(err)?.map_state;
            if viewable != MapState::VIEWABLE {
                continue;
            }
            let name = self
                .conn
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

    fn atom(&self, name: &str) -> Result<Atom> {
        Ok(self.conn.intern_atom(false, name.as_bytes()).map_err(err)?.reply().map_err(err)?.atom)
    }

    /// Gives `window` the keyboard focus.
    pub fn focus(&self, window: Window) -> Result<()> {
        self.conn.set_input_focus(InputFocus::POINTER_ROOT, window, CURRENT_TIME).map_err(err)?;
        self.conn.sync().map_err(err)
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

    fn fake(&self, kind: u8, code: Keycode) -> Result<()> {
        self.conn.xtest_fake_input(kind, code, CURRENT_TIME, NONE, 0, 0, 0).map_err(err)?;
        Ok(())
    }

    /// Presses and releases the key of `keysym` (with Shift when it needs it or `with_shift`);
    /// returns once the display has taken the events.
    pub fn press(&self, keysym: Keysym, with_shift: bool) -> Result<()> {
        let (code, shifted) = self.key(keysym)?;
        let shift = self.key(SHIFT)?.0;
        if shifted || with_shift {
            self.fake(KEY_PRESS_EVENT, shift)?;
        }
        self.fake(KEY_PRESS_EVENT, code)?;
        self.fake(KEY_RELEASE_EVENT, code)?;
        if shifted || with_shift {
            self.fake(KEY_RELEASE_EVENT, shift)?;
        }
        self.conn.sync().map_err(err)
    }

    /// Presses `keysym` while holding `modifier` (e.g. Ctrl+A).
    pub fn chord(&self, modifier: Keysym, keysym: Keysym) -> Result<()> {
        let modifier = self.key(modifier)?.0;
        self.fake(KEY_PRESS_EVENT, modifier)?;
        self.press(keysym, false)?;
        self.fake(KEY_RELEASE_EVENT, modifier)?;
        self.conn.sync().map_err(err)
    }

    /// Whether `c` has a key: printable ASCII characters, whose keysyms are their codes.
    pub fn types(c: char) -> bool {
        (' '..='~').contains(&c)
    }

    /// Types one printable ASCII character.
    pub fn type_char(&self, c: char) -> Result<()> {
        if !Self::types(c) {
            return Err(format!("cannot type {c:?}"));
        }
        self.press(Keysym::from(c), false)
    }
}
