//! What `--event`, `--job` or `--pipeline` names: a record's id, or its exact name (case
//! ignored) when only one record has it; and a write as the user `--as` names.

use std::path::Path;

use anyhow::{Context, bail};
use talentdesk_domain::mutation::Mutation;
use talentdesk_store::Store;
use uuid::Uuid;

/// Applies the mutation as the user with this email, as the app would; returns how many
/// records it changed.
pub fn apply_as(db: &Path, as_user: &str, mutation: Mutation) -> anyhow::Result<u64> {
    let mut store = Store::open(db)?;
    let actor = store.user_by_email(as_user).with_context(|| format!("--as {as_user}"))?;
    Ok(store.apply(&actor, mutation)?.affected)
}

/// The one of `records` that `named` names. `what` is the kind in the messages ("event"),
/// `list` the command that lists them.
pub fn find<T>(
    records: Vec<T>,
    named: &str,
    what: &str,
    list: &str,
    id_of: impl Fn(&T) -> Uuid,
    name_of: impl Fn(&T) -> &str,
) -> anyhow::Result<T> {
    if let Ok(id) = named.trim().parse::<Uuid>() {
        return records.into_iter().find(|r| id_of(r) == id).with_context(|| format!("no {what} has the id {id}"));
    }
    let mut same_name: Vec<T> = records.into_iter().filter(|r| name_of(r).eq_ignore_ascii_case(named.trim())).collect();
    match same_name.len() {
        0 => bail!("no {what} is named \"{named}\" (talentdesk-cli {list} shows them)"),
        1 => Ok(same_name.remove(0)),
        n => {
            let ids: Vec<String> = same_name.iter().map(|r| id_of(r).to_string()).collect();
            bail!("{n} {what}s are named \"{named}\"; name one by its id: {}", ids.join(", "))
        }
    }
}
