//! The organisation's talent-community sign-up page, as the API names it
//! (`GET /v1/sign-up-page`): where people join, for the admin to publish and for the bench.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpPage {
    /// The page's address: the server's public address, `/join/`, the organisation's slug.
    pub url: String,
    /// The part of the address that names the organisation (made from its name).
    pub slug: String,
}
