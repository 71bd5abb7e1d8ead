//! The system's file dialogs (GTK's, under Xvfb), answered as a user would: by typing the
//! file's path on the keyboard (through the XTEST extension) and pressing Enter. With the app
//! opening its dialogs itself, this is how a test gives it a file to read or a place to write.

use std::path::Path;
use std::time::{Duration, Instant};

use x11rb::protocol::xproto::Keysym;

use crate::Result;
use crate::keyboard::{CONTROL, Keyboard, RETURN};

/// Waits for the dialog whose title starts with `title`, then types `path` into it and presses
/// Enter: in an Open dialog the location (Ctrl+L), in a Save dialog the name (which takes a
/// whole path).
pub fn answer(title: &str, path: &Path) -> Result<()> {
    let keyboard = Keyboard::connect()?;
    let start = Instant::now();
    let dialog = loop {
        if let Some(window) = keyboard.window_titled(title)? {
            break window;
        }
        if start.elapsed() > Duration::from_secs(15) {
            return Err(format!("no dialog titled \"{title}…\" appeared"));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // Let the dialog settle (GTK maps it, then fills it) before typing.
    std::thread::sleep(Duration::from_millis(500));
    keyboard.focus(dialog)?;
    keyboard.chord(CONTROL, Keysym::from(b'l'))?;
    std::thread::sleep(Duration::from_millis(200));
    keyboard.chord(CONTROL, Keysym::from(b'a'))?;
    std::thread::sleep(Duration::from_millis(15));
    let text = path.to_str().ok_or("the path is not UTF-8")?;
    for c in text.chars() {
        keyboard.type_char(c)?;
        std::thread::sleep(Duration::from_millis(15));
    }
    // The location entry completes names as they are typed: let it finish before Enter.
    std::thread::sleep(Duration::from_millis(500));
    keyboard.press(RETURN, false)
}
