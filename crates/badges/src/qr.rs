//! The QR code of a check-in code, as badges print it and confirmation emails show it.
//!
//! The payload is `TD:<code>` (e.g. `TD:K7QX-M2PA`): every character is in the QR alphanumeric
//! set, so it fits the smallest symbol (21 × 21 modules) even at error correction level Q,
//! which still reads with a quarter of the symbol creased or smudged.

use qrcode::{Color, EcLevel, QrCode};

use crate::BadgeError;

/// What a scanner reads from a badge: the prefix tells a scanned code from a typed name.
pub fn payload(code: &str) -> String {
    format!("TD:{code}")
}

/// Pixels per module in the PNG image.
const PNG_MODULE_PX: usize = 8;
/// The light border a reader needs around the symbol, in modules.
const QUIET_ZONE: usize = 4;

/// A QR symbol's modules, dark or light, row by row from the top.
pub struct QrMatrix {
    width: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// The symbol for a check-in code's payload.
    pub fn for_code(code: &str) -> Result<Self, BadgeError> {
        let symbol = QrCode::with_error_correction_level(payload(code), EcLevel::Q)
            .map_err(|e| BadgeError::Qr(format!("the check-in code \"{code}\" cannot be made a QR code: {e}")))?;
        let dark = symbol.to_colors().into_iter().map(|c| c == Color::Dark).collect();
        Ok(Self { width: symbol.width(), dark })
    }

    /// Modules per side.
    pub fn width(&self) -> usize {
        self.width
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// The horizontal runs of dark modules, as (row, first column, length): a drawing of the
    /// symbol needs one rectangle per run rather than one per module.
    pub fn dark_runs(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        (0..self.width).flat_map(move |y| {
            let mut runs = Vec::new();
            let mut x = 0;
            while x < self.width {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.width && self.is_dark(x, y) {
                        x += 1;
                    }
                    runs.push((y, start, x - start));
                } else {
                    x += 1;
                }
            }
            runs
        })
    }
}

/// The QR code of a check-in code as a black-on-white PNG with its quiet zone (for emails).
pub fn qr_png(code: &str) -> Result<Vec<u8>, BadgeError> {
    let matrix = QrMatrix::for_code(code)?;
    let side = (matrix.width() + 2 * QUIET_ZONE) * PNG_MODULE_PX;
    let pixels: Vec<u8> = (0..side * side)
        .map(|i| {
            let module = |p: usize| (p / PNG_MODULE_PX).checked_sub(QUIET_ZONE).filter(|&m| m < matrix.width());
            match (module(i % side), module(i / side)) {
                (Some(x), Some(y)) if matrix.is_dark(x, y) => 0,
                _ => 255,
            }
        })
        .collect();
    let mut out = Vec::new();
    let side = side as u32;
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let encoded = encoder.write_header().and_then(|mut writer| {
        writer.write_image_data(&pixels)?;
        writer.finish()
    });
    encoded.map_err(|e| BadgeError::Qr(format!("the QR code image could not be written: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a phone's camera would read from the image.
    fn scan(png_bytes: &[u8]) -> Vec<String> {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes)).read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        let (w, h) = (info.width as usize, info.height as usize);
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
        image.detect_grids().iter().map(|grid| grid.decode().expect("a readable code").1).collect()
    }

    #[test]
    fn the_png_scans_as_the_payload() {
        assert_eq!(scan(&qr_png("K7QX-M2PA").unwrap()), ["TD:K7QX-M2PA"]);
    }

    #[test]
    fn a_code_fits_the_smallest_symbol() {
        let matrix = QrMatrix::for_code("K7QX-M2PA").unwrap();
        assert_eq!(matrix.width(), 21);
        // The runs cover exactly the dark modules.
        let from_runs: usize = matrix.dark_runs().map(|(_, _, len)| len).sum();
        assert_eq!(from_runs, matrix.dark.iter().filter(|&&d| d).count());
        assert!(matrix.dark_runs().all(|(y, x, len)| (x..x + len).all(|x| matrix.is_dark(x, y))));
    }

    #[test]
    fn a_code_too_long_for_any_symbol_is_refused_by_name() {
        let error = QrMatrix::for_code(&"X".repeat(5000)).err().unwrap().to_string();
        assert!(error.contains("cannot be made a QR code"), "{error}");
    }
}
