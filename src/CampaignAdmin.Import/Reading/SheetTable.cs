namespace CampaignAdmin.Import.Reading;

/// <summary>A spreadsheet as read: its header row and its data rows, each with the row number a person sees.</summary>
public sealed record SheetTable(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows, string Format, string Encoding, string Delimiter)
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "A cell is read through its table, as callers think of it.")]
    public string Cell(SheetRow row, int column) => column >= 0 && column < row.Cells.Length ? row.Cells[column] : "";
}

/// <param name="Number">The row number in the file as a spreadsheet shows it (the header is row 1).</param>
public sealed record SheetRow(int Number, string[] Cells);

/// <summary>A file that cannot be read, with the sentence to show the person who chose it.</summary>
public sealed class ImportException(string message) : Exception(message);
