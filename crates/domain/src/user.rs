//! The people who use Talentdesk and their roles.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    RecruiterAdmin,
    Recruiter,
}

impl Role {
    pub fn is_admin(self) -> bool {
        self == Role::RecruiterAdmin
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::RecruiterAdmin => "recruiter_admin",
            Role::Recruiter => "recruiter",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "recruiter_admin" => Some(Role::RecruiterAdmin),
            "recruiter" => Some(Role::Recruiter),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The recruiter's id in the applicant tracking system; Submit to Job needs one.
    pub ats_id: Option<String>,
}
