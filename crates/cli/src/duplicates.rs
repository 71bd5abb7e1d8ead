//! `duplicates`: the Duplicates page's list, on the command line.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use talentdesk_store::Store;
use talentdesk_store::duplicates::{DuplicateGroup, Duplicates};

/// Prints every group of likely duplicates, strongest evidence first. `country` (ISO, "PT")
/// is the one national phone numbers are read in (by default the organisation's).
pub fn duplicates(db: &Path, country: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    let code = match country {
        Some(iso) => Some(
            talentdesk_domain::dedupe::calling_code(iso)
                .with_context(|| format!("--country {iso}: not a country whose calling code is known"))?,
        ),
        None => store.phone_calling_code()?,
    };
    let found = store.find_duplicates(code)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &found)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &found)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_text(out: &mut impl Write, found: &Duplicates) -> std::io::Result<()> {
    writeln!(out, "{} groups of likely duplicates, strongest evidence first", found.groups.len())?;
    if found.crowded_keys > 0 {
        writeln!(
            out,
            "({} keys shared by more than {} candidates left out: no one person's)",
            found.crowded_keys,
            talentdesk_store::duplicates::CROWDED
        )?;
    }
    for (n, group) in found.groups.iter().enumerate() {
        writeln!(out)?;
        write_group(out, n + 1, group)?;
    }
    Ok(())
}

fn write_group(out: &mut impl Write, n: usize, group: &DuplicateGroup) -> std::io::Result<()> {
    for (i, e) in group.evidence.iter().enumerate() {
        let lead = if i == 0 { format!("{n}.") } else { String::new() };
        writeln!(out, "{lead:<5} {}: {} ({} candidates)", e.kind, e.value, e.members.len())?;
    }
    for m in &group.members {
        let contact: Vec<&str> = [m.email.as_deref(), m.phone.as_deref(), Some(m.current_employer.as_str())]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        writeln!(out, "      {} {}  {}  [{}]", m.first_name, m.last_name, contact.join(" · "), m.id)?;
    }
    Ok(())
}
