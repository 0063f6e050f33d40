//! Text made safe for a Markdown table: shared by the Markdown report and
//! the comparison table's Markdown form.

/// Escape text for a Markdown table cell.
pub fn cell(text: &str) -> String {
    text.trim()
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}
