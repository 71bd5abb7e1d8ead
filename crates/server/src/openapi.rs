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
    tags(
        (name = "sign-up", description = "The organisation's talent-community sign-up page (`/join/{slug}`, an \
            HTML form for people, not part of this API): where it is."),
        (name = "partner", description = "For partners (a reference-check service, an assessment vendor), with a \
            partner API key as the bearer token (`partner_key`): read candidates and write results back as notes, \
            documents, custom field values and workflow statuses. Each route needs its scope (403 names a missing \
            one); a revoked key gets 401; each key is rate-limited (429 with `Retry-After`). Every write is a change \
            attributed to the key, in the candidate's history."),
        (name = "webhooks", description = "For admins: outbound webhooks. Each event is POSTed as JSON \
            `{id, type, time, data}` with `Talentdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \
            \"<t>.<body>\" keyed with the webhook's secret>` and `Talentdesk-Event-Id` (the same for a retry or a \
            re-send: receivers drop repeats by it). A non-2xx answer or none within the timeout is retried with \
            exponential backoff for a day, then the webhook is turned off and the admins are emailed. URLs that \
            lead to this machine or a private network are refused. Private notes and private pipelines never \
            leave; an erased candidate is only ever sent as `{id}`."),
        (name = "desktop updates", description = "For the desktop app's updater, without a sign-in: whether a \
            newer version is published for a platform, and its package. Packages are published and signed by an \
            admin (`talentdesk-server admin updater-keygen`, `updater-publish`); desktops install only what checks \
            against the admin's public key."),
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
        // The partner routes take a partner API key (an admin creates it) instead of a sign-in.
        components.add_security_scheme(
            "partner_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A partner API key (`tdpk_...`), created by an admin of the organisation with the scopes \
                         the partner needs",
                    ))
                    .build(),
            ),
        );
    }
}
