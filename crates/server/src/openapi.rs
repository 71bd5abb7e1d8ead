//! The API's OpenAPI description, built from the same route declarations as the router (each
//! handler's `#[utoipa::path]`), so no route can be served undocumented. Served at
//! `GET /v1/openapi.json`.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Talentdesk CRM server",
        description = "Sign-in, the sync protocol (push, pull, snapshot, live versions), document blobs and the \
                       team (admins invite, change roles and ATS IDs, reset passwords, end sign-ins, deactivate). \
                       Every error is a JSON `ErrorBody` with a stable code."
    ),
    modifiers(&BearerToken)
)]
pub struct ApiDoc;

/// Declares the bearer token that every route but sign-in and health needs.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}
