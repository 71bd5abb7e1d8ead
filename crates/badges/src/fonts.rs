//! The fonts badges are set in, found on the system (or named by `TALENTDESK_BADGE_FONTS`).
//!
//! One font family has no glyphs for every script a name may be written in, so text is set in
//! a chain: the main font (DejaVu Sans: Latin with every diacritic, Greek, Cyrillic, Arabic,
//! Hebrew…) and after it fallbacks for what it lacks (Droid Sans Fallback: Chinese, Japanese,
//! Korean). Each character takes the first font in the chain that has it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::BadgeError;

/// The variable that, when set, names the font files to use instead of the system's, separated
/// like PATH: the first for all text, the others as fallbacks in order.
pub const FONTS_VAR: &str = "TALENTDESK_BADGE_FONTS";

/// The main fonts, from Debian's fonts-dejavu-core (and where other distributions put them).
const MAIN: [&str; 2] = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"];
const REGULAR: &str = "DejaVuSans.ttf";
const BOLD: &str = "DejaVuSans-Bold.ttf";
/// Fallbacks for the scripts the main font lacks, from Debian's fonts-droid-fallback.
const FALLBACKS: [&str; 2] = [
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
];

/// What the badges' fonts could not be found or read as.
pub(crate) const INSTALL_HINT: &str = "install Debian's fonts-dejavu-core and fonts-droid-fallback packages \
     (scripts/prerequisites.sh does), or set TALENTDESK_BADGE_FONTS to TrueType font files";

/// A font file's bytes (of a font collection, its first face).
pub struct FontFile {
    pub(crate) path: PathBuf,
    pub(crate) data: Vec<u8>,
}

impl FontFile {
    /// Reads a font file, checking that it is a font that can be set and embedded.
    pub fn read(path: &Path) -> Result<Self, BadgeError> {
        let data =
            std::fs::read(path).map_err(|e| BadgeError::Font(format!("{} cannot be read: {e}", path.display())))?;
        if rustybuzz::Face::from_slice(&data, 0).is_none() {
            return Err(BadgeError::Font(format!("{} is not a TrueType or OpenType font", path.display())));
        }
        Ok(Self { path: path.to_owned(), data })
    }
}

/// The font files badges are set in, and the chains of them: bold for the name, regular for
/// the rest (indexes into `files`, the main font first).
pub struct Fonts {
    pub(crate) files: Vec<FontFile>,
    pub(crate) regular: Vec<usize>,
    pub(crate) bold: Vec<usize>,
}

impl Fonts {
    /// The fonts `TALENTDESK_BADGE_FONTS` names when it is set, else the system's.
    pub fn find() -> Result<Self, BadgeError> {
        Self::find_with(std::env::var_os(FONTS_VAR))
    }

    /// As [`Fonts::find`], with the variable's value given.
    pub fn find_with(var: Option<OsString>) -> Result<Self, BadgeError> {
        match var.filter(|v| !v.is_empty()) {
            Some(list) => Self::from_files(&std::env::split_paths(&list).collect::<Vec<_>>()),
            None => Self::system(),
        }
    }

    /// The given files: the first for all text, the others as fallbacks in order.
    pub fn from_files(paths: &[PathBuf]) -> Result<Self, BadgeError> {
        if paths.is_empty() {
            return Err(BadgeError::Font(format!("no font files are given: {INSTALL_HINT}")));
        }
        let files = paths.iter().map(|p| FontFile::read(p)).collect::<Result<Vec<_>, _>>()?;
        let chain: Vec<usize> = (0..files.len()).collect();
        Ok(Self { files, regular: chain.clone(), bold: chain })
    }

    /// DejaVu Sans (regular and bold) and the first fallback found.
    fn system() -> Result<Self, BadgeError> {
        let main = |file: &str| {
            MAIN.iter().map(|dir| Path::new(dir).join(file)).find(|p| p.is_file()).ok_or_else(|| {
                BadgeError::Font(format!("the font {file} is not installed in {}: {INSTALL_HINT}", MAIN.join(" or ")))
            })
        };
        let mut files = vec![FontFile::read(&main(REGULAR)?)?, FontFile::read(&main(BOLD)?)?];
        let fallbacks: Vec<usize> = match FALLBACKS.iter().map(Path::new).find(|p| p.is_file()) {
            Some(path) => {
                files.push(FontFile::read(path)?);
                vec![2]
            }
            None => Vec::new(),
        };
        Ok(Self { files, regular: [&[0], fallbacks.as_slice()].concat(), bold: [&[1], fallbacks.as_slice()].concat() })
    }
}

#[cfg(test)]
impl Fonts {
    /// The system's fonts, which tests set text in (scripts/prerequisites.sh installs them).
    pub(crate) fn installed() -> Self {
        Self::find_with(None).expect("the system's fonts (scripts/prerequisites.sh)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_file_that_is_missing_or_no_font_is_a_clear_error() {
        let missing = Fonts::find_with(Some("/nowhere/Font.ttf".into())).err().unwrap().to_string();
        assert!(missing.contains("/nowhere/Font.ttf cannot be read"), "{missing}");
        let not_font = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(not_font.path(), b"not a font").unwrap();
        let error = Fonts::from_files(&[not_font.path().to_owned()]).err().unwrap().to_string();
        assert!(error.contains("is not a TrueType or OpenType font"), "{error}");
    }

    #[test]
    fn an_empty_variable_means_the_system_fonts() {
        let fonts = Fonts::find_with(Some(OsString::new())).expect("an empty variable is not a list of files");
        assert!(fonts.files[fonts.bold[0]].path.ends_with(BOLD));
        assert!(fonts.regular.len() >= 2, "a fallback for Chinese, Japanese and Korean is installed");
    }
}
