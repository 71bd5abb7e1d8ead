//! A JSON body extractor whose refusals (malformed JSON, wrong content type, too large) are
//! JSON errors like every other failure, instead of axum's plain-text ones.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use talentdesk_domain::DomainError;

use crate::ServerError;

pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ServerError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(refusal(rejection)),
        }
    }
}

fn refusal(rejection: JsonRejection) -> ServerError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return ServerError::TooLarge("the request body is larger than this server takes".into());
    }
    match rejection {
        // Well-formed JSON that does not fit: an unknown mutation, a missing field.
        JsonRejection::JsonDataError(e) => ServerError::Domain(DomainError::invalid("body", e.body_text())),
        other => ServerError::BadRequest(other.body_text()),
    }
}
