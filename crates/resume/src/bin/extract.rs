//! The isolated resume reader on its own (see `talentdesk_resume::isolated`): reads a file on
//! stdin, writes its text as JSON on stdout. The tests start it; the app and the CLI start
//! themselves instead.

fn main() -> std::io::Result<()> {
    talentdesk_resume::isolated::serve(std::io::stdin().lock(), std::io::stdout().lock())
}
