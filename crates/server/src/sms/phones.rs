//! Phone numbers as the provider needs them (E.164), read the way duplicates are found
//! (`talentdesk_domain::dedupe::phone_key`): a national number takes the organisation's default
//! phone country.

use sqlx::PgConnection;
use sqlx::types::Json;
use talentdesk_domain::dedupe::{calling_code, phone_key};
use talentdesk_domain::record::{PHONE_COUNTRY, SettingEntry};
use talentdesk_sync::wire::RecordKind;
use uuid::Uuid;

use crate::db::records::{self, Key};

/// The calling code of the org's default phone country ("351"), when it has one.
pub async fn org_calling_code(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<Option<&'static str>> {
    let entry: Option<SettingEntry> =
        records::get(conn, org, Key { kind: RecordKind::Setting, id: PHONE_COUNTRY }).await?;
    let iso = entry.and_then(|e| e.value.as_str().map(str::to_owned));
    Ok(iso.as_deref().and_then(calling_code))
}

/// `phone` in E.164, or why it cannot be texted.
pub fn e164(phone: &str, calling_code: Option<&str>) -> Result<String, &'static str> {
    match phone_key(phone, calling_code) {
        Some(number) if number.starts_with('+') => Ok(number),
        Some(_) => {
            Err("the candidate's phone number has no country code, and the organisation has no default phone country")
        }
        None => Err("the candidate's phone number is too short to be one"),
    }
}

/// A candidate whose number may be the one that answered, with their org's default country.
#[derive(sqlx::FromRow)]
struct Numbered {
    org_id: Uuid,
    id: String,
    phone: Option<String>,
    country: Option<Json<serde_json::Value>>,
}

/// The candidates (in any org) whose phone number is `from` (E.164, as the provider gives it).
pub async fn candidates_with(conn: &mut PgConnection, from: &str) -> sqlx::Result<Vec<(Uuid, Uuid)>> {
    let Some(number) = phone_key(from, None).filter(|n| n.starts_with('+')) else {
        return Ok(Vec::new());
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let tail = &digits[digits.len().saturating_sub(7)..];
    // Narrowed by the last seven digits through their index, then read exactly in each org's
    // country: "912 345 678" is +351912345678 only in an org whose default country is Portugal.
    let rows: Vec<Numbered> = sqlx::query_as(
        "SELECT r.org_id, r.id, r.data #>> '{candidate,profile,phone}' AS phone, s.data -> 'value' AS country
         FROM records r
         LEFT JOIN records s ON s.org_id = r.org_id AND s.kind = 'setting' AND s.id = $2 AND s.data IS NOT NULL
         WHERE r.kind = 'candidate' AND r.data IS NOT NULL
           AND right(regexp_replace(r.data #>> '{candidate,profile,phone}', '[^0-9]', '', 'g'), 7) = $1",
    )
    .bind(tail)
    .bind(PHONE_COUNTRY)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let iso = row.country.and_then(|Json(v)| v.as_str().map(str::to_owned));
            let theirs = phone_key(&row.phone?, iso.as_deref().and_then(calling_code))?;
            (theirs == number).then_some((row.org_id, row.id.parse().ok()?))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_e164_with_the_orgs_country() {
        assert_eq!(e164("(415) 555-0132", Some("1")).as_deref(), Ok("+14155550132"));
        assert_eq!(e164("+351 912 345 678", None).as_deref(), Ok("+351912345678"));
        assert!(e164("912 345 678", None).unwrap_err().contains("no default phone country"));
        assert!(e164("12", Some("1")).unwrap_err().contains("too short"));
    }
}
