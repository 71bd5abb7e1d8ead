//! Engagements and the activity status that follows from them.
//!
//! The status is never set by hand: it is derived from the engagements on a candidate and
//! whether the candidate withdrew. Ineligibility is a separate flag (see `Candidate::eligible`)
//! that restricts nothing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Something a candidate did, or a recruiter did about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Engagement {
    CandidateAuthenticated,
    RecruiterGenerated,
    SentCampaignEmail,
    Hired,
    CandidateOptIn,
    SentDirectEmail,
    CandidateOptOut,
    SentInviteToApply,
    RecruiterReviewed,
}

impl Engagement {
    pub const ALL: [Engagement; 9] = [
        Engagement::CandidateAuthenticated,
        Engagement::RecruiterGenerated,
        Engagement::SentCampaignEmail,
        Engagement::Hired,
        Engagement::CandidateOptIn,
        Engagement::SentDirectEmail,
        Engagement::CandidateOptOut,
        Engagement::SentInviteToApply,
        Engagement::RecruiterReviewed,
    ];

    /// The bit of this engagement in an [`EngagementSet`]. Stable: stored in databases.
    pub const fn bit(self) -> u32 {
        1 << (self as u32)
    }

    pub const fn label(self) -> &'static str {
        match self {
            Engagement::CandidateAuthenticated => "Candidate Authenticated",
            Engagement::RecruiterGenerated => "Recruiter Generated",
            Engagement::SentCampaignEmail => "Sent Campaign Email",
            Engagement::Hired => "Hired",
            Engagement::CandidateOptIn => "Candidate Opt-in",
            Engagement::SentDirectEmail => "Sent Direct Email",
            Engagement::CandidateOptOut => "Candidate Opt-out",
            Engagement::SentInviteToApply => "Sent Invite to Apply",
            Engagement::RecruiterReviewed => "Recruiter Reviewed",
        }
    }

    /// Parses the snake_case name used in the wire format and on the command line.
    pub fn parse(name: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }
}

/// The set of engagements a candidate has, as a bit mask (one bit per [`Engagement`]).
/// Stored as an integer so "any of" and "none of" filters are one comparison per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct EngagementSet(pub u32);

impl EngagementSet {
    pub fn of(engagements: &[Engagement]) -> Self {
        Self(engagements.iter().fold(0, |mask, e| mask | e.bit()))
    }

    pub fn contains(self, e: Engagement) -> bool {
        self.0 & e.bit() != 0
    }

    pub fn with(self, e: Engagement) -> Self {
        Self(self.0 | e.bit())
    }

    pub fn iter(self) -> impl Iterator<Item = Engagement> {
        Engagement::ALL.into_iter().filter(move |e| self.contains(*e))
    }
}

/// A candidate's tier of activity, derived from engagements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActivityStatus {
    Unreviewed,
    Reviewed,
    Contacted,
    Hired,
    Disengaged,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 5] = [
        ActivityStatus::Unreviewed,
        ActivityStatus::Reviewed,
        ActivityStatus::Contacted,
        ActivityStatus::Hired,
        ActivityStatus::Disengaged,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            ActivityStatus::Unreviewed => "Unreviewed",
            ActivityStatus::Reviewed => "Reviewed",
            ActivityStatus::Contacted => "Contacted",
            ActivityStatus::Hired => "Hired",
            ActivityStatus::Disengaged => "Disengaged",
        }
    }

    /// The integer stored in the database column (stable).
    pub const fn code(self) -> i64 {
        self as i64
    }

    pub fn from_code(code: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn parse(name: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }
}

/// Engagements that count as the organisation reaching out to the candidate.
const CONTACT: [Engagement; 3] =
    [Engagement::SentDirectEmail, Engagement::SentCampaignEmail, Engagement::SentInviteToApply];

/// The activity status that follows from a candidate's engagements.
///
/// Tiers, highest first: Hired; Disengaged (the candidate withdrew — it outranks everything the
/// organisation did, but not being hired); Contacted; Reviewed; Unreviewed. Opt-in, opt-out and
/// authentication do not move the tier.
pub fn activity_status(engagements: EngagementSet, withdrawn: bool) -> ActivityStatus {
    if engagements.contains(Engagement::Hired) {
        ActivityStatus::Hired
    } else if withdrawn {
        ActivityStatus::Disengaged
    } else if CONTACT.iter().any(|e| engagements.contains(*e)) {
        ActivityStatus::Contacted
    } else if engagements.contains(Engagement::RecruiterReviewed) {
        ActivityStatus::Reviewed
    } else {
        ActivityStatus::Unreviewed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActivityStatus::{Contacted, Disengaged, Reviewed, Unreviewed};
    use Engagement::*;
    const HIRED: ActivityStatus = ActivityStatus::Hired;

    #[test]
    fn status_follows_the_tiers_of_section_4() {
        let cases: &[(&[Engagement], bool, ActivityStatus, &str)] = &[
            (&[], false, Unreviewed, "nothing happened yet"),
            (&[CandidateAuthenticated], false, Unreviewed, "signed up on the career site"),
            (&[CandidateAuthenticated, RecruiterReviewed], false, Reviewed, "a recruiter opened the profile"),
            (&[RecruiterGenerated, RecruiterReviewed], false, Reviewed, "created by a recruiter starts Reviewed"),
            (&[RecruiterReviewed, SentDirectEmail], false, Contacted, "direct email"),
            (&[SentCampaignEmail], false, Contacted, "campaign email, even unreviewed"),
            (&[RecruiterReviewed, SentInviteToApply], false, Contacted, "invite to apply"),
            (&[SentDirectEmail, Hired], false, HIRED, "hired outranks contacted"),
            (&[Hired], true, HIRED, "hired outranks a withdrawal"),
            (&[SentDirectEmail], true, Disengaged, "withdrew after being contacted"),
            (&[], true, Disengaged, "withdrew before any review"),
            (&[CandidateOptIn], false, Unreviewed, "opt-in does not move the tier"),
            (&[RecruiterReviewed, CandidateOptOut], false, Reviewed, "opt-out does not move the tier"),
        ];
        for (engagements, withdrawn, expected, why) in cases {
            assert_eq!(activity_status(EngagementSet::of(engagements), *withdrawn), *expected, "{why}");
        }
    }

    #[test]
    fn engagement_bits_are_distinct_and_stable() {
        let all = EngagementSet::of(&Engagement::ALL);
        assert_eq!(all.0, 0b1_1111_1111);
        assert_eq!(all.iter().count(), 9);
        assert_eq!(Engagement::Hired.bit(), 8);
    }

    #[test]
    fn names_round_trip() {
        for e in Engagement::ALL {
            let name = serde_json::to_value(e).unwrap();
            assert_eq!(Engagement::parse(name.as_str().unwrap()), Some(e));
        }
        assert_eq!(Engagement::parse("hired"), Some(Hired));
        assert_eq!(Engagement::parse("fired"), None);
        assert_eq!(ActivityStatus::parse("contacted"), Some(Contacted));
        assert_eq!(ActivityStatus::from_code(Disengaged.code()), Some(Disengaged));
    }
}
