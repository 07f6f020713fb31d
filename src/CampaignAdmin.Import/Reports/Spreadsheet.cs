namespace CampaignAdmin.Import;

/// <summary>Keeps text a spreadsheet opens from being run as a formula (CSV/formula injection, OWASP).</summary>
public static class Spreadsheet
{
    /// <summary>
    /// A cell beginning with <c>=</c> <c>+</c> <c>-</c> <c>@</c>, tab, CR or LF gets a leading apostrophe, which
    /// spreadsheets read as "this is text". So a phone number is written <c>'+966539078942</c> in CSV.
    /// </summary>
    public static string Neutralize(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r' or '\n') ? value ?? "" : "'" + value;
}
