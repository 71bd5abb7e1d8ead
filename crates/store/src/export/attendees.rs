//! An event's list as CSV: who registered and who came, when and checked in by whom, their
//! areas of interest and each recruiter's rating, one row a person.

use std::io::Write;

use talentdesk_domain::Timestamp;
use uuid::Uuid;

use super::{csv_cell, io, write_whole};
use crate::search::MAX_PAGE;
use crate::tables::candidates;
use crate::views::{EventMemberRow, MemberQuery};
use crate::{Store, StoreError};

const HEADER: [&str; 16] = [
    "Name",
    "Email",
    "Phone",
    "Employer or school",
    "Registered",
    "Registered at",
    "Registered via",
    "Walk-in",
    "Follow up",
    "Attended",
    "Checked in at",
    "Checked in by",
    "Areas of interest",
    "Ratings",
    "Average rating",
    "Check-in code",
];

impl Store {
    /// Writes the event's members that `query` picks (a tab and search of the event's page)
    /// as CSV to `path`, whole or not at all. Returns how many rows it wrote.
    pub fn export_attendees(
        &self,
        event_id: Uuid,
        query: &MemberQuery,
        path: &std::path::Path,
    ) -> Result<u64, StoreError> {
        let mut written = 0;
        write_whole(path, |mut file| {
            written = self.write_attendees(event_id, query, &mut file)?;
            file.flush().map_err(io)?;
            Ok(Some(file))
        })?;
        Ok(written)
    }

    /// [`Store::export_attendees`] into any writer.
    pub fn write_attendees(
        &self,
        event_id: Uuid,
        query: &MemberQuery,
        out: &mut impl Write,
    ) -> Result<u64, StoreError> {
        writeln!(out, "{}", HEADER.map(csv_cell).join(",")).map_err(io)?;
        let mut written = 0;
        loop {
            let page = self.event_members(event_id, query, MAX_PAGE, written as u32)?;
            for row in &page.rows {
                writeln!(out, "{}", self.attendee_cells(row)?.join(",")).map_err(io)?;
            }
            written += page.rows.len() as u64;
            if page.rows.is_empty() || written >= page.total {
                return Ok(written);
            }
        }
    }

    fn attendee_cells(&self, row: &EventMemberRow) -> Result<Vec<String>, StoreError> {
        let (c, m) = (&row.candidate, &row.member);
        let phone = self.phone_of(c.id)?;
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
        let time = |t: Option<Timestamp>| t.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default();
        let affiliation = if c.current_employer.is_empty() { &c.highest_education } else { &c.current_employer };
        let ratings: Vec<String> = m.ratings.iter().map(|(by, stars)| format!("{by}: {stars}")).collect();
        let average = (!m.ratings.is_empty())
            .then(|| m.ratings.values().map(|s| f64::from(*s)).sum::<f64>() / m.ratings.len() as f64)
            .map(|a| format!("{a:.1}"))
            .unwrap_or_default();
        let cells = [
            c.name.clone(),
            c.email.clone().unwrap_or_default(),
            phone.unwrap_or_default(),
            affiliation.clone(),
            yes_no(m.registered),
            time(m.registered_at),
            m.registered_via.map(|v| crate::codec::name_of(&v).replace('_', " ")).unwrap_or_default(),
            yes_no(m.walk_in),
            yes_no(m.follow_up),
            yes_no(m.attended),
            time(m.checked_in_at),
            m.checked_in_by.clone().unwrap_or_default(),
            m.interests.join("; "),
            ratings.join("; "),
            average,
            row.code.clone(),
        ];
        Ok(cells.iter().map(|v| csv_cell(v)).collect())
    }

    fn phone_of(&self, id: Uuid) -> Result<Option<String>, StoreError> {
        Ok(candidates::get(self.conn(), candidates::cand_of(self.conn(), id)?)?.profile.phone)
    }
}
