//! Which language the window speaks: the OS's, unless `TALENTDESK_LOCALE` says otherwise
//! (window tests start the app in German or the right-to-left pseudo-locale with it).

/// The variable that overrides the OS locale, e.g. `de`, `en-US` or `ar-XB`.
const OVERRIDE: &str = "TALENTDESK_LOCALE";

/// A BCP 47 tag such as `de-DE`; the UI picks the nearest catalogue and falls back to English.
#[tauri::command]
pub fn locale() -> String {
    chosen(std::env::var(OVERRIDE).ok(), sys_locale::get_locale())
}

/// The override wins when set and not blank; then the OS; then English.
fn chosen(overridden: Option<String>, system: Option<String>) -> String {
    overridden
        .filter(|tag| !tag.trim().is_empty())
        .or(system)
        .map(|tag| tag.trim().to_owned())
        .unwrap_or_else(|| "en".to_owned())
}

#[cfg(test)]
mod tests {
    use super::chosen;

    #[test]
    fn the_override_wins_over_the_system() {
        assert_eq!(chosen(Some("de".into()), Some("fr-FR".into())), "de");
        assert_eq!(chosen(Some("  ".into()), Some("fr-FR".into())), "fr-FR");
        assert_eq!(chosen(None, None), "en");
    }
}
