package pk.hifazat.statistics;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.web.util.HtmlUtils;

/**
 * The tables as files: CSV, Excel (.xlsx, Apache POI) and the annex as a printable page and a
 * PDF (openhtmltopdf, from the same page). Each holds the figures exactly as the API gives them,
 * suppressed cells as {@code x}, with the definitions and the suppression rule.
 */
final class Downloads {

  private Downloads() {}

  /** A table with the words that say what it covers. */
  record Titled(String heading, String scope, StatTable table) {}

  // ---- CSV (RFC 4180) ----

  static String csv(List<Titled> tables, String suppressionRule) {
    StringBuilder out = new StringBuilder();
    for (Titled titled : tables) {
      if (titled.heading() != null) {
        line(out, List.of(titled.heading()));
      }
      StatTable table = titled.table();
      line(out, List.of(table.title(), table.unit()));
      line(out, List.of(titled.scope()));
      for (List<String> row : grid(table)) {
        line(out, row);
      }
      for (StatTable.Completeness completeness : table.completeness()) {
        line(out, List.of(completeness.text()));
      }
      for (String note : table.notes()) {
        line(out, List.of(note));
      }
      out.append("\r\n");
    }
    line(out, List.of("x: not shown. " + suppressionRule));
    return out.toString();
  }

  /** Header, one line per row, and the totals line, as text. */
  static List<List<String>> grid(StatTable table) {
    List<List<String>> grid = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add(table.rows().label());
    header.addAll(table.columns().categories());
    if (table.rowTotals() != null) {
      header.add("Total");
    }
    grid.add(header);
    for (int r = 0; r < table.rows().categories().size(); r++) {
      List<String> row = new ArrayList<>();
      row.add(table.rows().categories().get(r));
      table.cells().get(r).forEach(cell -> row.add(cell.text()));
      if (table.rowTotals() != null) {
        row.add(table.rowTotals().get(r).text());
      }
      grid.add(row);
    }
    List<String> totals = new ArrayList<>();
    totals.add("Total");
    table.columnTotals().forEach(cell -> totals.add(cell.text()));
    if (table.rowTotals() != null) {
      totals.add(table.total().text());
    }
    grid.add(totals);
    return grid;
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String field = fields.get(i) == null ? "" : fields.get(i);
      // A leading = + - @ would be read as a formula by a spreadsheet.
      if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0
          && !field.matches("-?[0-9.]+%?")) {
        field = "'" + field;
      }
      if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
        field = '"' + field.replace("\"", "\"\"") + '"';
      }
      out.append(field);
    }
    out.append("\r\n");
  }

  // ---- Excel ----

  static byte[] xlsx(List<Titled> tables, String suppressionRule) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      int number = 1;
      for (Titled titled : tables) {
        String name = WorkbookUtil.createSafeSheetName(number++ + " " + titled.table().title());
        Sheet sheet = workbook.createSheet(name);
        int at = 0;
        if (titled.heading() != null) {
          text(sheet.createRow(at++), 0, titled.heading(), bold);
        }
        text(sheet.createRow(at++), 0, titled.table().title() + " (" + titled.table().unit()
            + ")", bold);
        text(sheet.createRow(at++), 0, titled.scope(), null);
        List<List<String>> grid = grid(titled.table());
        for (int r = 0; r < grid.size(); r++) {
          Row row = sheet.createRow(at++);
          for (int c = 0; c < grid.get(r).size(); c++) {
            String value = grid.get(r).get(c);
            boolean heading = r == 0 || c == 0 || r == grid.size() - 1;
            if (r > 0 && c > 0 && value.matches("-?[0-9]+(\\.[0-9]+)?")) {
              Cell cell = row.createCell(c);
              cell.setCellValue(Double.parseDouble(value));
              if (heading) {
                cell.setCellStyle(bold);
              }
            } else {
              text(row, c, value, heading ? bold : null);
            }
          }
        }
        for (StatTable.Completeness completeness : titled.table().completeness()) {
          text(sheet.createRow(at++), 0, completeness.text(), null);
        }
        for (String note : titled.table().notes()) {
          text(sheet.createRow(at++), 0, note, null);
        }
        text(sheet.createRow(at + 1), 0, "x: not shown. " + suppressionRule, null);
        sheet.setColumnWidth(0, 40 * 256);
      }
      if (tables.isEmpty()) {
        text(workbook.createSheet("Statistics").createRow(0), 0, "No table", null);
      }
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  // ---- The annex as a page and a PDF ----

  /** The annex as one XHTML page: printable as it is, and the source of the PDF. */
  static String html(Annex.Report report, String generated) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
        .append("<meta charset=\"utf-8\"/><title>").append(e(report.title())).append("</title>")
        .append("<style>")
        .append("@page { size: A4; margin: 18mm 14mm; }")
        .append("body { font-family: sans-serif; font-size: 10pt; color: #111; }")
        .append("h1 { font-size: 15pt; } h2 { font-size: 12.5pt; margin-top: 18pt; }")
        .append("h3 { font-size: 10.5pt; margin: 12pt 0 4pt; }")
        .append("table { border-collapse: collapse; margin-bottom: 4pt; page-break-inside: avoid; }")
        .append("th, td { border: 1px solid #888; padding: 2pt 5pt; }")
        .append("td.n { text-align: right; } tr.total td, td.total { font-weight: bold; }")
        .append("p.meta, p.note { font-size: 8.5pt; color: #333; margin: 2pt 0; }")
        .append("dt { font-weight: bold; margin-top: 4pt; }")
        .append("</style></head><body>");
    out.append("<h1>").append(e(report.title())).append("</h1>");
    out.append("<p class=\"meta\">Zone: <b data-testid=\"annex-zone\">").append(e(report.zone()))
        .append("</b> · Years ").append(report.fromYear()).append("–").append(report.toYear())
        .append(" · Produced ").append(e(generated))
        .append(" · Counts of cases, never a case number or a child's identity.</p>");
    out.append("<p class=\"meta\">Suppression: ").append(e(report.suppressionRule()))
        .append(" A hidden figure is shown as x.</p>");
    for (Annex.SectionTables section : report.sections()) {
      out.append("<h2>Paragraph ").append(e(section.id())).append(": ")
          .append(e(section.heading())).append("</h2>");
      for (StatTable table : section.tables()) {
        out.append("<h3>").append(e(table.title())).append(" <span class=\"meta\">(")
            .append(e(table.unit())).append(")</span></h3>");
        out.append("<table data-indicator=\"").append(e(table.indicator())).append("\">");
        List<List<String>> grid = grid(table);
        for (int r = 0; r < grid.size(); r++) {
          boolean total = r == grid.size() - 1;
          out.append(total ? "<tr class=\"total\">" : "<tr>");
          for (int c = 0; c < grid.get(r).size(); c++) {
            String tag = r == 0 || c == 0 ? "th" : "td";
            out.append('<').append(tag);
            if (tag.equals("td")) {
              out.append(" class=\"n\"");
            }
            out.append('>').append(e(grid.get(r).get(c))).append("</").append(tag).append('>');
          }
          out.append("</tr>");
        }
        out.append("</table>");
        for (StatTable.Completeness completeness : table.completeness()) {
          out.append("<p class=\"note\">").append(e(completeness.text())).append("</p>");
        }
        for (String note : table.notes()) {
          out.append("<p class=\"note\">").append(e(note)).append("</p>");
        }
      }
    }
    out.append("<h2>Definitions of the indicators</h2><dl>");
    for (Annex.Definition definition : report.definitions()) {
      out.append("<dt>").append(e(definition.wording())).append(" (").append(e(definition.unit()))
          .append(")</dt><dd>").append(e(definition.definition())).append("</dd>");
    }
    out.append("</dl>");
    out.append("<p class=\"note\">Dates are Pakistan time. Sex: girls, boys, and others (a ")
        .append("transgender or intersex child). Age at the report, in bands; a disputed age ")
        .append("(R-AGE-DISPUTE) is counted apart. Unrecorded values are counted as \"not ")
        .append("recorded\".</p>");
    out.append("</body></html>");
    return out.toString();
  }

  static byte[] pdf(String html) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(bytes);
      builder.run();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String e(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
