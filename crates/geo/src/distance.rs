//! The distance between two places over the Earth's surface.

use crate::City;

/// The Earth's mean radius.
const EARTH_KM: f64 = 6371.0088;

/// The great-circle (haversine) distance in km: the Earth taken as a sphere, off by at most
/// half a percent, well within what "how far is this person" asks.
pub fn distance_km(a: &City, b: &City) -> f64 {
    let (lat_a, lat_b) = (a.lat.to_radians(), b.lat.to_radians());
    let (d_lat, d_lon) = ((b.lat - a.lat).to_radians(), (b.lon - a.lon).to_radians());
    let h = (d_lat / 2.0).sin().powi(2) + lat_a.cos() * lat_b.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_KM * h.sqrt().min(1.0).asin()
}
